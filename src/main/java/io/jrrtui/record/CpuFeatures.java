package io.jrrtui.record;

import io.jrrtui.sys.Shim;
import io.jrrtui.util.Words;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cpuid answers a recorded program could see, kept in the trace folder (file
 * {@value #FILE}, beside the trace proper) so that a replay on another machine can say up front
 * how its CPU differs, instead of diverging later without explanation: a program that picked an
 * AVX-512 code path at record time takes it again at replay, whatever this CPU supports, and
 * without cpuid faulting (most VMs) cpuid itself runs natively and answers differently.
 *
 * <p>The leaves are the ones programs and their libraries branch on (vendor, family/model,
 * feature flags, XSAVE layout), masked as the recorder masks them ({@link CpuidPolicy}) and with
 * the one per-CPU field (the initial APIC id) cleared, so that two CPUs of one machine agree.
 */
public final class CpuFeatures {
    /** File name inside a trace folder. */
    public static final String FILE = "cpu-features";

    /** {leaf, subleaf} pairs recorded, in file order. */
    private static final int[][] LEAVES = {
        {0x0, 0}, {0x1, 0}, {0x7, 0}, {0x7, 1}, {0xD, 0}, {0xD, 1}, {0x80000000, 0}, {0x80000001, 0},
    };

    private static final String[] REG = {"eax", "ebx", "ecx", "edx"};

    /** A named feature bit: leaf, subleaf, register index (0 eax .. 3 edx), bit. */
    private record Bit(int leaf, int sub, int reg, int bit, String name) {}

    private static final Bit[] NAMED = {
        new Bit(1, 0, 2, 0, "sse3"), new Bit(1, 0, 2, 1, "pclmulqdq"), new Bit(1, 0, 2, 9, "ssse3"),
        new Bit(1, 0, 2, 12, "fma"), new Bit(1, 0, 2, 13, "cx16"), new Bit(1, 0, 2, 19, "sse4.1"),
        new Bit(1, 0, 2, 20, "sse4.2"), new Bit(1, 0, 2, 22, "movbe"), new Bit(1, 0, 2, 23, "popcnt"),
        new Bit(1, 0, 2, 25, "aes"), new Bit(1, 0, 2, 26, "xsave"), new Bit(1, 0, 2, 27, "osxsave"),
        new Bit(1, 0, 2, 28, "avx"), new Bit(1, 0, 2, 29, "f16c"),
        new Bit(1, 0, 3, 15, "cmov"), new Bit(1, 0, 3, 25, "sse"), new Bit(1, 0, 3, 26, "sse2"),
        new Bit(7, 0, 1, 3, "bmi1"), new Bit(7, 0, 1, 5, "avx2"), new Bit(7, 0, 1, 8, "bmi2"),
        new Bit(7, 0, 1, 9, "erms"), new Bit(7, 0, 1, 16, "avx512f"), new Bit(7, 0, 1, 17, "avx512dq"),
        new Bit(7, 0, 1, 19, "adx"), new Bit(7, 0, 1, 21, "avx512ifma"), new Bit(7, 0, 1, 28, "avx512cd"),
        new Bit(7, 0, 1, 29, "sha"), new Bit(7, 0, 1, 30, "avx512bw"), new Bit(7, 0, 1, 31, "avx512vl"),
        new Bit(7, 0, 2, 1, "avx512vbmi"), new Bit(7, 0, 2, 6, "avx512vbmi2"), new Bit(7, 0, 2, 8, "gfni"),
        new Bit(7, 0, 2, 9, "vaes"), new Bit(7, 0, 2, 10, "vpclmulqdq"), new Bit(7, 0, 2, 11, "avx512vnni"),
        new Bit(7, 0, 2, 12, "avx512bitalg"), new Bit(7, 0, 2, 14, "avx512vpopcntdq"),
        new Bit(7, 0, 3, 4, "fsrm"), new Bit(7, 1, 0, 4, "avx-vnni"), new Bit(7, 1, 0, 5, "avx512bf16"),
        new Bit(0xD, 1, 0, 0, "xsaveopt"), new Bit(0xD, 1, 0, 1, "xsavec"), new Bit(0xD, 1, 0, 3, "xsaves"),
        new Bit(0x80000001, 0, 2, 0, "lahf_lm"), new Bit(0x80000001, 0, 2, 5, "lzcnt"),
        new Bit(0x80000001, 0, 2, 8, "prefetchw"), new Bit(0x80000001, 0, 3, 27, "rdtscp"),
    };

    /** "leaf.subleaf" (hex) to {eax, ebx, ecx, edx}. */
    private final Map<String, int[]> leaves;

    private CpuFeatures(Map<String, int[]> leaves) {
        this.leaves = leaves;
    }

    /** What a program recorded on this CPU now would see. */
    public static CpuFeatures ofThisCpu() {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (int[] l : LEAVES) {
            int[] r = CpuidPolicy.mask(l[0], l[1], Shim.cpuid(l[0], l[1]));
            if (l[0] == 1) r[1] &= 0x00FFFFFF; // ebx[31:24]: the initial APIC id, one per CPU
            m.put(key(l[0], l[1]), r);
        }
        return new CpuFeatures(m);
    }

    private static String key(int leaf, int sub) {
        return Integer.toHexString(leaf) + "." + Integer.toHexString(sub);
    }

    /** Writes {@value #FILE} into a trace folder. */
    public void write(Path traceDir) throws IOException {
        StringBuilder s = new StringBuilder("# cpuid leaves the recorded program could see: leaf.subleaf=eax ebx ecx edx (hex)\n");
        for (Map.Entry<String, int[]> e : leaves.entrySet()) {
            int[] r = e.getValue();
            s.append(e.getKey()).append('=');
            for (int i = 0; i < 4; i++) s.append(i == 0 ? "" : " ").append(hex8(r[i]));
            s.append('\n');
        }
        Files.writeString(traceDir.resolve(FILE), s, StandardCharsets.US_ASCII);
    }

    /** %08x without String.format (whose first use costs milliseconds of a short recording's start). */
    private static String hex8(int v) {
        String h = Integer.toHexString(v);
        return "00000000".substring(h.length()) + h;
    }

    /** The features recorded in a trace folder; empty for a trace recorded before they were kept. */
    public static Optional<CpuFeatures> read(Path traceDir) throws IOException {
        Map<String, int[]> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(traceDir.resolve(FILE), StandardCharsets.US_ASCII)) {
                int eq = line.indexOf('=');
                if (line.startsWith("#") || eq < 0) continue;
                String[] f = Words.split(line.substring(eq + 1));
                if (f.length != 4) throw new IOException("bad line in " + FILE + ": " + line);
                int[] r = new int[4];
                for (int i = 0; i < 4; i++) r[i] = Integer.parseUnsignedInt(f[i], 16);
                m.put(line.substring(0, eq).trim(), r);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (NumberFormatException e) {
            throw new IOException("bad number in " + FILE + ": " + e.getMessage());
        }
        return Optional.of(new CpuFeatures(m));
    }

    /**
     * How {@code here} differs from these (recorded) features, one phrase per difference: the
     * named features only one side has, then any other differing bits by leaf and register.
     * Empty when the program would see the same CPU.
     */
    public List<String> differencesFrom(CpuFeatures here) {
        List<String> out = new ArrayList<>();
        if (!vendor().equals(here.vendor())) out.add("vendor " + vendor() + " recorded, " + here.vendor() + " here");
        int[] sigRec = leaves.getOrDefault(key(1, 0), new int[4]);
        int[] sigHere = here.leaves.getOrDefault(key(1, 0), new int[4]);
        if (sigRec[0] != sigHere[0]) out.add(String.format("cpu signature %08x recorded, %08x here", sigRec[0], sigHere[0]));
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (Map.Entry<String, int[]> e : leaves.entrySet()) {
            int[] rec = e.getValue();
            int[] now = here.leaves.getOrDefault(e.getKey(), new int[4]);
            for (int reg = 0; reg < 4; reg++) {
                int diff = rec[reg] ^ now[reg];
                if (e.getKey().equals(key(1, 0)) && reg == 0) diff = 0; // the signature, above
                if (e.getKey().equals(key(0, 0)) && reg != 0) diff = 0; // the vendor, above
                for (Bit b : NAMED) {
                    if (!e.getKey().equals(key(b.leaf(), b.sub())) || b.reg() != reg || (diff & (1 << b.bit())) == 0) continue;
                    ((rec[reg] & (1 << b.bit())) != 0 ? missing : extra).add(b.name());
                    diff &= ~(1 << b.bit());
                }
                if (diff != 0) {
                    out.add(String.format("cpuid %s %s: %08x recorded, %08x here", e.getKey(), REG[reg], rec[reg], now[reg]));
                }
            }
        }
        if (!missing.isEmpty()) out.add(0, "missing here: " + String.join(" ", missing));
        if (!extra.isEmpty()) out.add(missing.isEmpty() ? 0 : 1, "new here: " + String.join(" ", extra));
        return out;
    }

    /**
     * The warning replay prints before starting when this CPU is not the recorded one, or empty
     * when they agree (or the trace predates the file).
     */
    public static Optional<String> mismatchWarning(Path traceDir) {
        try {
            Optional<CpuFeatures> recorded = read(traceDir);
            if (recorded.isEmpty()) return Optional.empty();
            List<String> diff = recorded.get().differencesFrom(ofThisCpu());
            if (diff.isEmpty()) return Optional.empty();
            return Optional.of("warning: this CPU differs from the one the trace was recorded on (" + String.join("; ", diff)
                    + "); the replay may diverge where the program looks at the CPU");
        } catch (IOException e) {
            return Optional.of("warning: cannot read the recorded CPU features (" + e.getMessage() + "); CPU differences go unchecked");
        }
    }

    private String vendor() {
        int[] r = leaves.getOrDefault(key(0, 0), new int[4]);
        byte[] b = new byte[12];
        int[] order = {r[1], r[3], r[2]}; // ebx, edx, ecx spell the vendor
        for (int i = 0; i < 12; i++) b[i] = (byte) (order[i / 4] >>> (8 * (i % 4)));
        return new String(b, StandardCharsets.US_ASCII).trim();
    }
}
