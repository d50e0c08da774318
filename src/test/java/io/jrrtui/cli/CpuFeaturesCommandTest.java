package io.jrrtui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.record.CpuFeatures;
import io.jrrtui.sys.Shim;
import io.jrrtui.testsupport.Jrr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording keeps the CPU's features; replay on a CPU that differs (simulated) warns first. */
class CpuFeaturesCommandTest {
    @TempDir
    Path root;

    private Path recordHello() throws Exception {
        Path t = root.resolve("hello");
        Jrr.Run r = Jrr.run("record", "-q", "-o", t.toString(), "--stdout", root.resolve("out").toString(), "--",
                Jrr.binary("hello").toString());
        assertEquals(0, r.status(), r.errText());
        return t;
    }

    @Test
    void replayOnTheRecordingCpuSaysNothing() throws Exception {
        Path t = recordHello();
        assertTrue(Files.isRegularFile(t.resolve(CpuFeatures.FILE)));
        assertTrue(CpuFeatures.read(t).orElseThrow().differencesFrom(CpuFeatures.ofThisCpu()).isEmpty());
        Jrr.Run replay = Jrr.run("replay", "-a", t.toString());
        assertEquals(0, replay.status(), replay.errText());
        assertFalse(replay.errText().contains("warning"), replay.errText());
    }

    @Test
    void replayOnADifferentCpuWarnsWithWhatDiffers() throws Exception {
        Path t = recordHello();
        // Simulate a recording machine that differs from this one in avx512f (leaf 7.0 ebx bit 16)
        // and lacks sse2 (leaf 1 edx bit 26), which every x86-64 CPU has.
        boolean avx512Here = (Shim.cpuid(7, 0)[1] & (1 << 16)) != 0;
        Path file = t.resolve(CpuFeatures.FILE);
        List<String> edited = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("7.0=")) line = flip(line, 1, 1 << 16, !avx512Here);
            if (line.startsWith("1.0=")) line = flip(line, 3, 1 << 26, false);
            edited.add(line);
        }
        Files.write(file, edited);
        Jrr.Run replay = Jrr.run("replay", "-a", t.toString());
        assertEquals(0, replay.status(), replay.errText());
        String err = replay.errText();
        assertTrue(err.startsWith("jrrtui: warning: this CPU differs"), err);
        assertTrue(err.contains(avx512Here ? "new here: sse2 avx512f" : "missing here: avx512f"), err);
        assertTrue(err.contains("new here: sse2"), err);
        assertEquals(1, err.lines().count(), "one warning line, then the replay: " + err);
    }

    @Test
    void aTraceWithoutTheFileReplaysSilently() throws Exception {
        Path t = recordHello();
        Files.delete(t.resolve(CpuFeatures.FILE));
        Jrr.Run replay = Jrr.run("replay", "-a", t.toString());
        assertEquals(0, replay.status(), replay.errText());
        assertEquals("", replay.errText());
    }

    /** Sets (or clears) mask in register reg (0 eax .. 3 edx) of a "leaf.sub=eax ebx ecx edx" line. */
    private static String flip(String line, int reg, int mask, boolean set) {
        int eq = line.indexOf('=');
        String[] f = line.substring(eq + 1).trim().split("\\s+");
        int v = Integer.parseUnsignedInt(f[reg], 16);
        f[reg] = String.format("%08x", set ? v | mask : v & ~mask);
        return line.substring(0, eq + 1) + String.join(" ", f);
    }
}
