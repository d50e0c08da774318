package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.replay.OutputSink;
import io.jrrtui.testsupport.Jrr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * catch throw / catch catch (issue 15) on ct_throw (built with g++), against gdb on the same
 * binary, set before the program starts: the C++ runtime is mapped later, so this also proves a
 * code stop set before its library is loaded is hit (it used to be lost when the loader mapped the
 * code over the library's first mapping).
 */
class CatchThrowOracleTest {
    @TempDir
    static Path tmp;

    @Test
    void exceptionCatchpointsAgreeWithGdbForwardsAndStopInReverse() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "gdb is not installed");
        Path bin = Jrr.gxx("ct_throw", tmp.resolve("ct_throw"));
        Path trace = tmp.resolve("trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", trace.toString(), "--stdout", tmp.resolve("out").toString(), "--", bin.toString());
        assertEquals(0, r.status(), r.errText());

        List<String> common = List.of("bt", "continue", "bt", "info breakpoints");
        List<String> gdbCommands = new ArrayList<>(List.of("catch throw", "catch catch", "info breakpoints", "run"));
        gdbCommands.addAll(common);
        List<String> ourCommands = new ArrayList<>(List.of("catch throw", "catch catch", "info breakpoints", "continue"));
        ourCommands.addAll(common);
        List<String> gdb = ReplBlocks.gdb(bin, List.of(), gdbCommands, (c, b) -> normalize(b));
        List<String> ours = ReplBlocks.ours(trace, out -> OutputSink.DISCARD, List.of(), ourCommands, (c, b) -> normalize(b));
        for (int i = 0; i < gdbCommands.size(); i++) assertEquals(gdb.get(i), ours.get(i), "#" + (i + 1) + " " + ourCommands.get(i));

        List<String> back = ReplBlocks.ours(trace, out -> OutputSink.DISCARD, List.of(),
                List.of("catch throw", "catch catch", "break after", "continue", "continue", "continue", "reverse-continue",
                        "reverse-continue", "delete 1", "reverse-continue"), (c, b) -> normalize(b).lines().findFirst().orElse(""));
        assertEquals("Catchpoint 1 (exception thrown), ADDR in __cxa_throw () from libstdc++.so", back.get(3));
        assertEquals("Catchpoint 2 (exception caught), ADDR in __cxa_begin_catch () from libstdc++.so", back.get(4));
        assertEquals("Breakpoint 3, after (v=21) at ct_throw.cpp:21", back.get(5));
        assertEquals(back.get(4), back.get(6));
        assertEquals(back.get(3), back.get(7));
        assertEquals("No more reverse-execution history.", back.get(9));
    }

    /**
     * Addresses differ (gdb stops at libstdc++'s throw/catch probe inside the function, jrrtui at
     * its entry); gdb names a library by its link name (libstdc++.so.6), jrrtui by the file
     * (libstdc++.so.6.0.30), and a source file by the path it was compiled under.
     */
    static String normalize(String block) {
        StringBuilder sb = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.isBlank() || line.startsWith("warning: ") || line.contains("libthread_db") || line.equals("Continuing.")
                    || line.matches("caught boom|42")) continue;
            line = line.replaceAll("0x[0-9a-f]+", "ADDR").replaceAll("process \\d+", "process N")
                    .replaceAll("from \\S*/(lib[\\w+]+\\.so)[.\\d]*", "from $1").replaceAll("at /\\S*/([\\w.]+:\\d+)", "at $1");
            sb.append(line.stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }
}
