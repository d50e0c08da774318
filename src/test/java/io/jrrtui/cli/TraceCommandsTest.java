package io.jrrtui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dump (human and JSON), and an interrupted recording read up to its last complete block. */
class TraceCommandsTest {
    @TempDir
    Path tmp;

    private Path record(String prog) {
        Path trace = tmp.resolve(prog);
        Jrr.Run r = Jrr.run("record", "-q", "-o", trace.toString(), "--stdout", tmp.resolve(prog + ".out").toString(),
                "--", Jrr.binary(prog).toString());
        assertEquals(0, r.status(), r.errText());
        return trace;
    }

    @Test
    void dumpListsEveryEventWithSyscallNamesAndResults() {
        Path trace = record("hello");
        Jrr.Run dump = Jrr.run("dump", trace.toString());
        assertEquals(0, dump.status(), dump.errText());
        String out = dump.outText();
        assertTrue(out.matches("(?s).*\\n\\s+1  tid \\d+\\s+exec .*hello.*"), out);
        assertTrue(out.contains("write(1, \"hello"), out); // decoded as strace does, with the bytes written
        assertTrue(out.contains("exit 0"), out);
        long lines = out.lines().filter(l -> l.matches("\\s+\\d+  tid.*")).count();
        String events = out.lines().filter(l -> l.startsWith("events")).findFirst().orElseThrow();
        assertTrue(events.startsWith("events  " + lines + " "), events + " vs " + lines + " event lines");
    }

    @Test
    void dumpJsonIsOneObjectPerLine() {
        Path trace = record("hello");
        Jrr.Run dump = Jrr.run("dump", "--json", trace.toString());
        assertEquals(0, dump.status(), dump.errText());
        String[] lines = dump.outText().split("\n");
        assertTrue(lines[0].startsWith("{\"trace\":"), lines[0]);
        assertTrue(lines[1].startsWith("{\"event\":1,"), lines[1]);
        for (String l : lines) assertTrue(l.startsWith("{") && l.endsWith("}"), l);
        assertTrue(dump.outText().contains("\"kind\":\"syscall\",\"name\":\"write\""), dump.outText());
        assertTrue(dump.outText().contains("\"output\":\"hello, world\\nargc=1\\n\""), dump.outText());
    }

    @Test
    void interruptedRecordingIsReadableUpToItsLastCompleteBlock() throws Exception {
        Path trace = record("hello");
        long all = io.jrrtui.trace.TraceReader.open(trace).info().eventCount();
        Files.writeString(trace.resolve("incomplete"), "killed\n");
        try (RandomAccessFile f = new RandomAccessFile(trace.resolve("events").toFile(), "rw")) {
            f.setLength(f.length() - 5); // the last block is cut: the events before it remain
        }
        long kept = io.jrrtui.trace.TraceReader.open(trace).recoverableEvents();
        assertTrue(kept < all, kept + " of " + all);
        Jrr.Run dump = Jrr.run("dump", trace.toString());
        assertEquals(0, dump.status(), dump.errText());
        assertTrue(dump.outText().contains("INCOMPLETE: killed"), dump.outText());
        assertTrue(dump.outText().contains("the trace ends after event " + kept + ": truncated block"), dump.outText());
        assertFalse(dump.outText().contains(String.format("%6d  tid", kept + 1)), "no event can be read from a cut block: " + dump.outText());
    }

    @Test
    void helpListsEveryCommand() {
        Jrr.Run help = Jrr.run("help");
        for (String c : new String[] {"record", "replay", "dump", "ls", "rm", "demo"}) {
            assertTrue(help.outText().contains("  " + c + " "), help.outText());
        }
        assertTrue(Jrr.run("help", "record").outText().contains("usage: jrrtui record"));
    }
}
