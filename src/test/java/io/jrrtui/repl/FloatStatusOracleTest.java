package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.replay.OutputSink;
import io.jrrtui.testsupport.Jrr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code info float} against gdb on the live program at par_float.c's STOP_HERE, where the x87
 * stack holds a valid number, pi, a zero, log2(e), -inf and a NaN, two registers are empty and the
 * rounding is toward zero. {@code info vector} is gdb's vector register group: the same rows as
 * {@code info registers vector} (compared with gdb through the gdb server in AllRegistersOracleTest;
 * on a machine with AVX-512 native gdb shows zmm, which jrrtui does not read).
 */
class FloatStatusOracleTest {
    @TempDir
    static Path tmp;
    private static Path trace;
    private static final List<String> PROLOGUE = List.of("break par_float.c:21", "run");

    @BeforeAll
    static void record() {
        trace = tmp.resolve("par_float");
        Jrr.recordQuietly(trace, tmp.resolve("out"), "par_float");
    }

    @Test
    void infoFloatIsGdbs() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "gdb is not installed");
        List<String> commands = List.of("info float");
        String gdb = ReplBlocks.gdb(Jrr.binary("par_float"), PROLOGUE, commands, (c, b) -> b).get(0);
        String ours = ReplBlocks.ours(trace, out -> OutputSink.DISCARD, PROLOGUE, commands, (c, b) -> b).get(0);
        assertEquals(gdb, ours);
        assertTrue(ours.contains("=>R2: Special 0x7fffc000000000000000 QNaN\n"), ours);
        assertTrue(ours.contains("  R6: Valid   0x4000c90fdaa22168c234 +3.141592653589793238      \n"), ours);
    }

    @Test
    void infoVectorIsTheVectorRegisterGroup() {
        List<String> out = ReplBlocks.ours(trace, o -> OutputSink.DISCARD, PROLOGUE, List.of("info vector", "info registers vector"),
                (c, b) -> b);
        assertEquals(out.get(1), out.get(0));
        assertTrue(out.get(0).startsWith("mxcsr          0x1f80"), out.get(0));
    }
}
