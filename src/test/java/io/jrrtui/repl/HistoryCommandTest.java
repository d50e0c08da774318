package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history EXPR} on a real recording: every value tui_levels gives `level`, by event, and the session comes back. */
class HistoryCommandTest {
    @TempDir
    Path tmp;

    @Test
    void historyListsEveryWriteAndComesBack() throws Exception {
        Path trace = tmp.resolve("levels");
        Jrr.recordQuietly(trace, tmp.resolve("out"), "tui_levels");
        Path script = tmp.resolve("cmds");
        Files.writeString(script, "break report\nhistory level\nwhen\nhistory nosuchthing\n");
        Jrr.Run b = Jrr.run("replay", "--batch", "-x", script.toString(), trace.toString());
        String out = b.outText();
        StringBuilder values = new StringBuilder();
        for (String line : out.lines().toList()) {
            if (line.matches("\\d+\t-?\\d+")) values.append(line.split("\t")[1]).append(' ');
        }
        assertEquals("0 1 3 6 10 15 21 18 15 12 9 6 3 ", values.toString(), out);
        assertTrue(out.contains("Current event: 1"), "history comes back to where it started: " + out);
        assertTrue(b.errText().contains("nosuchthing"), "a bad expression is one clear line: " + b.errText());
        assertTrue(!b.errText().contains("Exception"), b.errText());
    }
}
