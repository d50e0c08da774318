package io.jrrtui.repl;

import io.jrrtui.api.DebugSession;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code jrrtui replay --batch -x FILE}: runs a command file with no terminal and no prompts,
 * printing what the REPL would print. A failing command prints its one line on err and the next
 * command runs (like {@code gdb -batch}); {@code quit} ends the file early. Blank lines are skipped,
 * not repeated.
 */
public final class BatchRunner {
    private BatchRunner() {}

    /**
     * Runs the commands in script. Prints the starting location first, as the REPL does.
     *
     * @return 0; 3 when a command hit a divergence; 2 when the last command failed (gdb -batch
     *     exits 1 then; jrrtui keeps its one exit-status contract, see README)
     * @throws JrrException when the file cannot be read
     */
    public static int run(DebugSession session, Path script, PrintStream out, PrintStream err) {
        List<String> lines;
        try {
            lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JrrException(script + ": No such file or directory.");
        }
        return run(session, lines, out, err);
    }

    /** Runs the given command lines. */
    public static int run(DebugSession session, List<String> lines, PrintStream out, PrintStream err) {
        return run(new CommandInterpreter(session), lines, out, err);
    }

    /** Runs the lines on an existing interpreter (sharing its value history and displays). */
    public static int run(CommandInterpreter interpreter, List<String> lines, PrintStream out, PrintStream err) {
        interpreter.printStatus(out, err);
        for (String line : lines) {
            if (interpreter.fatal() || !interpreter.execute(line, out, err)) break; // nothing after a damaged trace or divergence holds
        }
        out.flush();
        err.flush();
        return interpreter.diverged() ? 3 : interpreter.lastFailed() ? 2 : 0;
    }
}
