package io.jrrtui.symbols;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.elf.TestBinaries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inline chains (innermost first: function and file, outer frames with their call-site lines)
 * compared with {@code addr2line -f -i} for every address inside the functions of -O2 binaries.
 * The innermost line is left out: ours follows gdb (checked in {@link GdbDifferentialTest}), and
 * addr2line picks a different row where several share an address. Threshold 95%.
 */
class InlineChainTest {
    @ParameterizedTest
    @ValueSource(strings = {"sym_types-O2", "sym_values-O2"})
    void chainsAgreeWithAddr2line(String name) {
        assumeTrue(TestBinaries.hasTool("addr2line"), "addr2line absent: oracle test skipped");
        Path bin = TestBinaries.binary(name);
        ModuleSymbols m = ModuleSymbols.load(bin, 0);
        List<Long> addrs = new ArrayList<>();
        for (FunctionInfo f : m.functions()) for (long a = f.lowPc(); a < f.highPc(); a++) addrs.add(a);
        List<String> cmd = new ArrayList<>(List.of("addr2line", "-f", "-i", "-a", "-e", bin.toString()));
        for (long a : addrs) cmd.add("0x" + Long.toHexString(a));
        String[] out = TestBinaries.run(cmd).split("\n");
        int ok = 0, n = 0, inlinedSeen = 0;
        List<String> bad = new ArrayList<>();
        int i = 0;
        for (long a : addrs) {
            while (i < out.length && !out[i].startsWith("0x")) i++;
            i++;
            StringBuilder expect = new StringBuilder();
            boolean innermost = true;
            while (i + 1 < out.length && !out[i].startsWith("0x")) {
                String where = GdbDifferentialTest.base(out[i + 1].replaceAll(" \\(discriminator \\d+\\)", ""));
                expect.append(out[i]).append('@').append(innermost ? where.replaceAll(":.*", "") : where).append(' ');
                innermost = false;
                i += 2;
            }
            Optional<AddressInfo> info = m.lookup(a);
            StringBuilder got = new StringBuilder();
            if (info.isPresent()) {
                boolean first = true;
                for (InlineFrame f : info.get().inlineChain()) {
                    got.append(f.function()).append('@').append(f.file() == null ? "??" : GdbDifferentialTest.base(f.file()));
                    if (!first) got.append(':').append(f.line());
                    got.append(' ');
                    first = false;
                }
                if (info.get().inlineChain().size() > 1) inlinedSeen++;
            }
            n++;
            if (expect.toString().equals(got.toString())) ok++;
            else bad.add(Long.toHexString(a) + " addr2line=" + expect + " ours=" + got);
        }
        double pct = 100.0 * ok / n;
        System.out.printf("[inline] %s: %.2f%% of %d addresses agree with addr2line (%d inside inlined code)%n", name, pct, n, inlinedSeen);
        bad.stream().limit(10).forEach(b -> System.out.println("  mismatch " + b));
        if (name.startsWith("sym_types")) assertTrue(inlinedSeen > 0, "fixture has no inlined code at -O2");
        assertTrue(pct >= 95.0, "agreement " + pct);
    }
}
