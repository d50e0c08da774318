package io.jrrtui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.StopEvent;
import io.jrrtui.api.Variable;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forward stops on a replay agree with gdb running the same (deterministic) binary natively to
 * the same breakpoint hit: function, line, backtrace, args and locals. gdb is a test oracle only.
 */
class GdbAgreementTest {
    @TempDir
    Path tmp;

    /** (function, hit number) stops to compare. */
    private static final String[][] STOPS = {{"tally", "1"}, {"tally", "7"}, {"square_sum", "3"}, {"scribble", "8"}, {"report", "1"}};

    static boolean gdbPresent() {
        try {
            return new ProcessBuilder("gdb", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void stopsAgreeWithGdb() throws Exception {
        assumeTrue(gdbPresent(), "gdb is not installed: the oracle comparison cannot run");
        Path bin = Jrr.binary("dbg_corrupt");
        Path dir = tmp.resolve("trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", dir.toString(), "--stdout", tmp.resolve("out").toString(), "--", bin.toString());
        assertEquals(0, r.status(), r.errText());
        int agree = 0, total = 0;
        List<String> differences = new ArrayList<>();
        for (String[] stop : STOPS) {
            List<String> ours = new ArrayList<>();
            try (Debugger d = ReplayDebugger.open(TraceReader.open(dir), 1, OutputSink.DISCARD)) {
                d.addBreakpoint(stop[0], null, false);
                StopEvent s = null;
                for (int i = 0; i < Integer.parseInt(stop[1]); i++) s = d.cont();
                assertEquals(StopEvent.Reason.BREAKPOINT, s.reason());
                for (FrameInfo f : d.backtrace(0)) {
                    if (f.where().function() == null || !f.where().hasLine() || !f.where().file().endsWith("dbg_corrupt.c")) break;
                    ours.add("frame " + f.level() + " " + f.where().function() + " " + Inspector.baseName(f.where().file()) + ":" + f.where().line());
                }
                for (Variable v : d.args(0)) ours.add("arg " + v.name() + " = " + v.value());
                for (Variable v : d.locals(0)) ours.add("local " + v.name() + " = " + v.value());
                ours.add("print counter = " + d.print("counter", null));
            }
            List<String> gdb = gdbAt(bin, stop[0], Integer.parseInt(stop[1]));
            for (int i = 0; i < Math.max(ours.size(), gdb.size()); i++) {
                String o = i < ours.size() ? ours.get(i) : "<none>";
                String g = i < gdb.size() ? gdb.get(i) : "<none>";
                total++;
                if (o.equals(g)) agree++;
                else differences.add(stop[0] + "#" + stop[1] + ": ours [" + o + "] gdb [" + g + "]");
            }
        }
        System.out.printf("gdb agreement at replay stops: %d/%d (%.1f%%)%n", agree, total, 100.0 * agree / total);
        differences.forEach(System.out::println);
        assertEquals(total, agree, "all compared facts agree with gdb:\n" + String.join("\n", differences));
    }

    /** Runs the binary under gdb to the hit-th hit of a breakpoint and reads the same facts. */
    private List<String> gdbAt(Path bin, String function, int hit) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("gdb", "-nx", "-batch", "-ex", "set startup-with-shell off",
                "-ex", "break " + function, "-ex", "run > /dev/null"));
        for (int i = 1; i < hit; i++) cmd.addAll(List.of("-ex", "continue"));
        cmd.addAll(List.of("-ex", "echo @@bt\\n", "-ex", "bt", "-ex", "echo @@args\\n", "-ex", "info args",
                "-ex", "echo @@locals\\n", "-ex", "info locals", "-ex", "echo @@counter\\n", "-ex", "print counter", bin.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        List<String> facts = new ArrayList<>();
        String section = "";
        for (String line : out.split("\n")) {
            if (line.startsWith("@@")) {
                section = line.substring(2);
                continue;
            }
            switch (section) {
                case "bt" -> {
                    var m = java.util.regex.Pattern.compile("^#(\\d+)\\s+(?:0x\\w+ in )?(\\w+) \\(.*\\) at (\\S+):(\\d+)").matcher(line);
                    if (m.find() && m.group(3).endsWith("dbg_corrupt.c")) facts.add("frame " + m.group(1) + " " + m.group(2) + " " + Path.of(m.group(3)).getFileName() + ":" + m.group(4));
                }
                case "args" -> {
                    if (line.contains(" = ")) facts.add("arg " + line.trim());
                }
                case "locals" -> {
                    if (line.contains(" = ")) facts.add("local " + line.trim());
                }
                case "counter" -> {
                    if (line.startsWith("$")) facts.add("print counter = " + line.substring(line.indexOf(" = ") + 3));
                }
                default -> { }
            }
        }
        return facts;
    }
}
