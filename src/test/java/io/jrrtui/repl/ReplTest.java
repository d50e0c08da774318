package io.jrrtui.repl;

import static io.jrrtui.repl.FakeSession.TALLY_13;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.api.StopEvent.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JLine loop over a dumb terminal fed from a string. */
class ReplTest {
    @TempDir
    Path dir;

    private final FakeSession session = new FakeSession();

    private String runRepl(String input, Path history) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = Repl.dumbTerminal(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out)) {
            assertEquals(0, new Repl(new CommandInterpreter(session), t, history).run());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void promptsRunsRepeatsAndQuits() throws IOException {
        session.queue(Reason.STEP, TALLY_13, 0);
        session.queue(Reason.STEP, TALLY_13, 0);
        Path history = dir.resolve("state/jrrtui/history");
        String out = runRepl("break tally\nnext\n\nfoo\nquit\nnext\n", history);
        assertTrue(out.startsWith("tally (i=3) at dbg_corrupt.c:13\n"), out.chars().limit(8).boxed().toList().toString());
        assertTrue(out.contains("(jrr) "), out);
        assertTrue(out.contains("Breakpoint 1 at 0x401136: file dbg_corrupt.c, line 13."), out);
        assertTrue(out.contains("Undefined command: \"foo\".  Try \"help\"."), out);
        assertEquals(List.of("break tally", "next", "next"), session.calls); // the empty line repeated next; quit ended it
        List<String> saved = Files.readAllLines(history);
        assertTrue(saved.stream().anyMatch(l -> l.endsWith("break tally")), saved.toString());
    }

    @Test
    void commandListsPromptWithAngleBracketAndTakeEmptyLines() throws IOException {
        String out = runRepl("break tally\ncommands\nsilent\n\nprint i\nend\ninfo breakpoints\nquit\n", null);
        assertTrue(out.contains("Type commands for breakpoint(s) 1, one per line.\nEnd with a line saying just \"end\"."), out);
        assertTrue(out.contains(">"), out);
        assertTrue(out.contains("        silent\n        print i\n"), out);
        assertEquals(List.of("break tally"), session.calls, "the empty line inside the list repeats nothing");
    }

    @Test
    void endOfInputQuits() throws IOException {
        session.queue(Reason.STEP, TALLY_13, 0);
        String out = runRepl("next\n", null);
        assertEquals(List.of("next"), session.calls, out);
        assertTrue(out.endsWith("quit\n"), out);
    }

    @Test
    void historyFileFollowsXdg() {
        assertEquals(Path.of("/x/state/jrrtui/history"), Repl.defaultHistoryFile(Map.of("XDG_STATE_HOME", "/x/state")));
        assertEquals(Path.of(System.getProperty("user.home"), ".local/state/jrrtui/history"),
                Repl.defaultHistoryFile(Map.of("XDG_STATE_HOME", "relative")));
    }
}
