package io.jrrtui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.trace.TraceStore;
import io.jrrtui.testsupport.Jrr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Naming (exe-N), latest-trace, ls and rm over a private trace store. */
class TraceStoreCommandsTest {
    @TempDir
    Path root;

    @Test
    void namesLatestListAndRemove() throws Exception {
        TraceStore store = new TraceStore(root);
        Path a = store.newTraceDir("hello");
        Path b = store.newTraceDir("hello");
        assertEquals("hello-0", a.getFileName().toString());
        assertEquals("hello-1", b.getFileName().toString());
        assertTrue(Files.isDirectory(a));
        store.setLatest(b);
        assertTrue(Files.isSymbolicLink(root.resolve("latest-trace")));
        assertEquals(b.getFileName(), Files.readSymbolicLink(root.resolve("latest-trace")));
        assertEquals(b.getFileName(), store.resolve(null).toRealPath().getFileName());
    }

    @Test
    void lsAndRmThroughTheCommandLine() throws Exception {
        Path t = root.resolve("hello-7");
        Jrr.Run r = Jrr.run("record", "-q", "-o", t.toString(), "--stdout", root.resolve("o").toString(), "--",
                Jrr.binary("hello").toString());
        assertEquals(0, r.status(), r.errText());
        TraceStore store = new TraceStore(root);
        assertEquals(List.of(t), store.list());
        System.setProperty("jrrtui.traceDir", root.toString());
        try {
            Jrr.Run ls = Jrr.run("ls");
            assertTrue(ls.outText().contains("hello-7"), ls.outText());
            assertTrue(ls.outText().matches("(?s).*hello-7\\s+\\S+ \\S+\\s+\\d+\\s+0\\s.*hello.*"), ls.outText());
            Jrr.Run rm = Jrr.run("rm", "hello-7");
            assertEquals(0, rm.status(), rm.errText());
            assertTrue(Jrr.run("ls").outText().contains("no recordings"));
        } finally {
            System.clearProperty("jrrtui.traceDir");
        }
        assertFalse(Files.exists(t));
        assertTrue(store.list().isEmpty());
    }
}
