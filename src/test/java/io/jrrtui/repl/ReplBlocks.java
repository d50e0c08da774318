package io.jrrtui.repl;

import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The oracle tests' two sides, command by command: jrrtui's command line over a recording, and gdb
 * run in batch mode with an echoed separator between commands. Each block is normalized by the
 * test (command, raw output).
 */
final class ReplBlocks {
    private ReplBlocks() {}

    /**
     * Runs prologue, then each command (its lines typed one by one, for command lists) on a fresh
     * debugger over trace; sink (given the output stream) receives the program's output.
     */
    static List<String> ours(Path trace, Function<PrintStream, OutputSink> sink, List<String> prologue, List<String> commands,
            BiFunction<String, String, String> normalize) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, sink.apply(out))) {
            CommandInterpreter interp = new CommandInterpreter(d);
            for (String c : prologue) interp.execute(c, out, out);
            for (String c : commands) {
                bytes.reset();
                try {
                    for (String line : c.split("\n")) interp.execute(line, out, out);
                } catch (RuntimeException ex) {
                    out.println("EXCEPTION " + ex);
                }
                blocks.add(normalize.apply(c, bytes.toString(StandardCharsets.UTF_8)));
            }
        }
        return blocks;
    }

    /** gdb -batch on program: options, then "echo @@@" before each command; the blocks after the separators. */
    static List<String> gdb(Path program, List<String> setup, List<String> commands, BiFunction<String, String, String> normalize)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/gdb", "-nx", "-batch", "-ex", "set pagination off",
                "-ex", "set startup-with-shell off"));
        for (String c : setup) cmd.addAll(List.of("-ex", c));
        for (String c : commands) cmd.addAll(List.of("-ex", "echo @@@\\n", "-ex", c));
        cmd.add(program.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String[] parts = out.split("@@@\n", -1);
        List<String> blocks = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) blocks.add(normalize.apply(commands.get(i - 1), parts[i]));
        return blocks;
    }
}
