package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.elf.TestBinaries;
import io.jrrtui.testsupport.Jrr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code info proc mappings} in a replay, against gdb running the same program to the same line:
 * gdb's header, and the same permissions and file offsets for the program's and libc's mappings.
 */
class ProcMappingsTest {
    @TempDir
    Path tmp;

    @Test
    void replayMappingsHaveGdbsColumnsAndTheProgramsAndLibcsRows() throws Exception {
        Path bin = Jrr.binary("tui_levels");
        Path trace = tmp.resolve("levels");
        Jrr.recordQuietly(trace, tmp.resolve("out"), "tui_levels");
        Path script = Files.writeString(tmp.resolve("cmds"), "break main\ncontinue\ninfo proc mappings\n");
        Jrr.Run ours = Jrr.run("replay", "--batch", "-x", script.toString(), trace.toString());
        assertEquals(0, ours.status(), ours.errText());
        String gdb = TestBinaries.gdb(bin, List.of("break main", "run", "info proc mappings"));

        assertEquals(header(gdb), header(ours.outText()));
        // the program runs from the recording's copy: its rows by permissions and offset
        assertEquals(rows(gdb, bin.toString()), rows(ours.outText(), exePath(ours.outText(), bin)), ours.outText());
        List<String> libc = rows(gdb, "/libc.so.6");
        assertTrue(libc.size() >= 4, gdb);
        assertEquals(libc, rows(ours.outText(), "/libc.so.6"), ours.outText());
        assertTrue(ours.outText().lines().anyMatch(l -> l.matches("\\s+0x[0-9a-f]+\\s+0x[0-9a-f]+\\s+0x[0-9a-f]+\\s+0x0  rw-p   \\[stack]")), ours.outText());
    }

    private static String header(String out) {
        return out.lines().filter(l -> l.contains("Start Addr")).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    /** The path the replay's rows give the program: the trace's copy or the original file. */
    private static String exePath(String out, Path bin) {
        return out.lines().filter(l -> l.contains(" r-xp ")).map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .filter(p -> p.endsWith("/exe") || p.equals(bin.toString())).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    /** "size offset perms" of the rows whose objfile ends with pathEnd. */
    private static List<String> rows(String out, String pathEnd) {
        return out.lines().map(String::strip).filter(l -> l.startsWith("0x") && l.endsWith(pathEnd))
                .map(l -> l.split("\\s+")).map(w -> w[2] + " " + w[3] + " " + w[4]).toList();
    }
}
