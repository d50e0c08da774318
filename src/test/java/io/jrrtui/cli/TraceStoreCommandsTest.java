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

    @Test
    void aProgramRewrittenInPlaceAfterRecordingIsNotReplayed() throws Exception {
        // the trace keeps a hard link to the program: copying another file over it in place changes
        // the trace's copy too, and replay must say so rather than run the other program
        Path prog = root.resolve("prog");
        Files.copy(Jrr.binary("hello"), prog);
        prog.toFile().setExecutable(true);
        Path t = root.resolve("prog-0");
        Jrr.Run r = Jrr.run("record", "-q", "-o", t.toString(), "--stdout", root.resolve("o").toString(), "--", prog.toString());
        assertEquals(0, r.status(), r.errText());
        assertEquals(0, Jrr.run("replay", "-a", t.toString()).status(), "unchanged, it replays");
        try (var out = Files.newOutputStream(prog, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(Files.readAllBytes(Jrr.binary("dbg_corrupt"))); // same inode, other program
        }
        Jrr.Run replay = Jrr.run("replay", "-a", t.toString());
        assertEquals(2, replay.status(), replay.errText());
        assertTrue(replay.errText().contains("is not the file recorded"), replay.errText());
        assertEquals(1, replay.errText().strip().lines().count(), replay.errText());
    }

    /** A directory that looks like a recording (it has a header), with an unrelated file beside it. */
    private static Path fakeRecording(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("trace.properties"), "format.version=3\n");
        Files.writeString(dir.resolve("precious.txt"), "not jrrtui's\n");
        return dir;
    }

    @Test
    void rmRefusesEverythingThatIsNotARecordingInTheStore() throws Exception {
        Path store = root.resolve("store");
        Files.createDirectories(store);
        Path outside = fakeRecording(root.resolve("outside"));
        Path inside = fakeRecording(store.resolve("hello-0"));
        Files.createSymbolicLink(store.resolve("link-out"), outside);
        Files.createDirectories(store.resolve("plain"));
        System.setProperty("jrrtui.traceDir", store.toString());
        try {
            for (String name : List.of("../outside", outside.toString(), store + "/../outside", "link-out", "..", ".",
                    store.toString(), "plain", "/", "nonexistent")) {
                Jrr.Run rm = Jrr.run("rm", name);
                assertEquals(2, rm.status(), name + ": " + rm.errText());
                assertEquals(1, rm.errText().lines().count(), name + ": " + rm.errText());
                assertTrue(rm.errText().startsWith("jrrtui: "), rm.errText());
                assertTrue(Files.exists(outside.resolve("precious.txt")), name);
                assertTrue(Files.exists(inside.resolve("precious.txt")), name);
            }
            // one bad name among good ones deletes nothing
            assertEquals(2, Jrr.run("rm", "hello-0", "../outside").status());
            assertTrue(Files.exists(inside));
            Jrr.Run ok = Jrr.run("rm", "hello-0");
            assertEquals(0, ok.status(), ok.errText());
            assertFalse(Files.exists(inside));
            assertTrue(Files.exists(outside.resolve("precious.txt")));
            assertTrue(Files.isSymbolicLink(store.resolve("link-out")));
        } finally {
            System.clearProperty("jrrtui.traceDir");
        }
    }

    /** Stored contents (hash-named files under .files/xx/) of a store. */
    private static List<Path> storedContents(Path store) throws Exception {
        Path files = store.resolve(".files");
        if (!Files.isDirectory(files)) return List.of();
        try (var w = Files.walk(files)) {
            return w.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().length() == 62).toList();
        }
    }

    @Test
    void recordingsShareStoredContentsAndRmKeepsWhatTheOtherUses() throws Exception {
        Path store = root.resolve("store");
        System.setProperty("jrrtui.traceDir", store.toString());
        try {
            for (int i = 0; i < 2; i++) {
                Jrr.Run r = Jrr.run("record", "-q", "--stdout", root.resolve("out" + i).toString(), "--", Jrr.binary("hello").toString());
                assertEquals(0, r.status(), r.errText());
            }
            List<Path> stored = storedContents(store);
            // libc's mapped segments at least: kept once although both recordings mapped them
            assertFalse(stored.isEmpty());
            assertEquals(Files.readAllLines(store.resolve("hello-0/file-refs")), Files.readAllLines(store.resolve("hello-1/file-refs")));
            assertEquals(stored.size(), Files.readAllLines(store.resolve("hello-0/file-refs")).size());
            String ls = Jrr.run("ls").outText();
            assertTrue(ls.contains("OWN") && ls.contains("SHARED"), ls);

            Jrr.Run rm = Jrr.run("rm", "hello-0");
            assertEquals(0, rm.status(), rm.errText());
            assertEquals(stored, storedContents(store), "contents hello-1 uses must stay");
            Jrr.Run replay = Jrr.run("replay", "-a", "hello-1");
            assertEquals(0, replay.status(), replay.errText());
            assertEquals(Files.readString(root.resolve("out1")), replay.outText());

            Jrr.Run last = Jrr.run("rm", "hello-1");
            assertEquals(0, last.status(), last.errText());
            assertTrue(last.outText().contains("freed "), last.outText());
            assertEquals(List.of(), storedContents(store));
        } finally {
            System.clearProperty("jrrtui.traceDir");
        }
    }

    @Test
    void aRecordingMissingItsStoredContentsIsOneLineExit2() throws Exception {
        Path store = root.resolve("store");
        System.setProperty("jrrtui.traceDir", store.toString());
        try {
            assertEquals(0, Jrr.run("record", "-q", "--stdout", root.resolve("o").toString(), "--", Jrr.binary("hello").toString()).status());
            for (Path p : storedContents(store)) Files.delete(p);
            Jrr.Run replay = Jrr.run("replay", "-a", "hello-0");
            assertEquals(2, replay.status(), replay.errText());
            assertEquals(1, replay.errText().lines().count(), replay.errText());
            assertTrue(replay.errText().contains("stored file contents"), replay.errText());
        } finally {
            System.clearProperty("jrrtui.traceDir");
        }
    }
}
