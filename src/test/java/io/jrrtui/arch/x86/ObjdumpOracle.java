package io.jrrtui.arch.x86;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test oracle: runs {@code objdump -d -w} over an ELF file and compares each listed instruction with
 * {@link X86Decoder}'s decoding of the same bytes (lengths exactly, text with {@code <symbol>} names
 * removed since symbolization is the caller's business).
 */
final class ObjdumpOracle {
    private static final Pattern LINE = Pattern.compile("^ *([0-9a-f]+):\t([0-9a-f ]+?) *\t(.*)$");
    private static final Pattern SYMBOL = Pattern.compile(" <[^>]*>");

    /** One listed instruction. */
    record Listed(long address, int length, String text) {
    }

    /** Comparison totals and samples of disagreements. */
    static final class Result {
        int total;
        int lengthChecked;
        int lengthMismatches;
        int textMismatches;
        final List<String> samples = new ArrayList<>();
        final Map<String, Integer> byMnemonic = new HashMap<>();

        double textAgreement() {
            return total == 0 ? 0 : 100.0 * (total - textMismatches) / total;
        }

        @Override
        public String toString() {
            return String.format("%d instructions, %d length mismatches, text agreement %.3f%% (%d differ)",
                    total, lengthMismatches, textAgreement(), textMismatches);
        }
    }

    private ObjdumpOracle() {
    }

    static boolean objdumpAvailable() {
        try {
            Process p = new ProcessBuilder("objdump", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static List<Listed> list(Path file, boolean intel) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("objdump", "-d", "-w"));
        if (intel) {
            cmd.add("-M");
            cmd.add("intel");
        }
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<Listed> out = new ArrayList<>(400_000);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    int len = (m.group(2).length() + 1) / 3;
                    out.add(new Listed(Long.parseLong(m.group(1), 16), len, m.group(3).strip()));
                }
            }
        }
        p.waitFor();
        return out;
    }

    /**
     * Decodes {@code blob} (raw code at address 0, one candidate instruction per 32-byte slot, the
     * rest of each slot 0x90 so objdump resynchronises) with objdump and compares the instruction
     * that starts each slot; slots objdump shows as (bad) are skipped.
     */
    static Result compareSlots(byte[] blob, int slot, int maxSamples) throws IOException, InterruptedException {
        Path tmp = Files.createTempFile("jrrtui-x86-", ".bin");
        try {
            Files.write(tmp, blob);
            Process p = new ProcessBuilder("objdump", "-D", "-b", "binary", "-m", "i386:x86-64", "-w", tmp.toString())
                    .redirectErrorStream(true).start();
            X86Decoder d = new X86Decoder();
            Result res = new Result();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LINE.matcher(line);
                    if (!m.matches() || Long.parseLong(m.group(1), 16) % slot != 0) {
                        continue;
                    }
                    int addr = (int) Long.parseLong(m.group(1), 16);
                    String want = binaryModeText(m.group(3).strip());
                    if (want.contains("(bad)") || want.startsWith(".byte")) {
                        continue;
                    }
                    int len = (m.group(2).length() + 1) / 3;
                    res.total++;
                    res.lengthChecked++;
                    Instruction ins = d.decode(blob, addr, addr);
                    if (ins.length() != len) {
                        res.lengthMismatches++;
                    }
                    if (!ins.text().equals(want)) {
                        res.textMismatches++;
                        res.byMnemonic.merge(want.split(" ")[0], 1, Integer::sum);
                        if (res.samples.size() < maxSamples) {
                            res.samples.add(hex(blob, addr, len) + " | want [" + want + "] got [" + ins.text() + "] len "
                                    + len + "/" + ins.length());
                        }
                    }
                }
            }
            p.waitFor();
            return res;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** objdump -b binary prints targets and rip comments as 0x...; the decoder (ELF style) does not. */
    private static String binaryModeText(String t) {
        String s = RIP_COMMENT.matcher(t).replaceAll("        # $1");
        return BINARY_TARGET.matcher(s).replaceAll("$1$2");
    }

    private static final Pattern RIP_COMMENT = Pattern.compile("        # 0x([0-9a-f]+)$");
    private static final Pattern BINARY_TARGET =
            Pattern.compile("^((?:[a-zA-Z0-9.]+ )*(?:call|jmp|j[a-z,]+|loop[a-z,]*|xbegin)[a-z]*\\s+)0x([0-9a-f]+)$");

    static String normalize(String objdumpText) {
        return SYMBOL.matcher(objdumpText).replaceAll("").strip();
    }

    /** Compares every listed instruction with the decoder's AT&T text. */
    static Result compare(Path file, int maxSamples) throws IOException, InterruptedException {
        return compare(file, maxSamples, false);
    }

    /** Compares every listed instruction with the decoder (Intel syntax when {@code intel}). */
    static Result compare(Path file, int maxSamples, boolean intel) throws IOException, InterruptedException {
        byte[] elf = Files.readAllBytes(file);
        List<long[]> sections = executableSections(elf);
        X86Decoder decoder = new X86Decoder();
        Result res = new Result();
        for (Listed l : list(file, intel)) {
            int off = fileOffset(sections, l.address());
            if (off < 0) {
                continue;
            }
            res.total++;
            Instruction ins = decoder.decode(elf, off, l.address());
            String expected = normalize(l.text());
            boolean objdumpBad = expected.contains("(bad)") || expected.startsWith(".byte");
            if (!objdumpBad) {
                res.lengthChecked++;
                if (ins.length() != l.length()) {
                    res.lengthMismatches++;
                }
            }
            String got = (intel ? ins.intelText() : ins.text()).strip();
            if (!got.equals(expected)) {
                res.textMismatches++;
                String mn = expected.split(" ")[0];
                res.byMnemonic.merge(mn, 1, Integer::sum);
                if (res.samples.size() < maxSamples) {
                    res.samples.add(String.format("%x: %s | want [%s] got [%s] len %d/%d", l.address(),
                            hex(elf, off, l.length()), expected, got, l.length(), ins.length()));
                }
            }
        }
        return res;
    }

    private static String hex(byte[] b, int off, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n && off + i < b.length; i++) {
            sb.append(String.format("%02x ", b[off + i] & 0xff));
        }
        return sb.toString().strip();
    }

    private static int fileOffset(List<long[]> sections, long addr) {
        for (long[] s : sections) {
            if (addr >= s[0] && addr < s[0] + s[2]) {
                return (int) (s[1] + addr - s[0]);
            }
        }
        return -1;
    }

    /** {addr, offset, size} of the SHF_EXECINSTR PROGBITS sections of a 64-bit little-endian ELF. */
    static List<long[]> executableSections(byte[] elf) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long shoff = b.getLong(0x28);
        int shentsize = b.getShort(0x3a) & 0xffff;
        int shnum = b.getShort(0x3c) & 0xffff;
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            int h = (int) (shoff + (long) i * shentsize);
            int type = b.getInt(h + 4);
            long flags = b.getLong(h + 8);
            if (type == 1 && (flags & 4) != 0) {
                out.add(new long[] {b.getLong(h + 0x10), b.getLong(h + 0x18), b.getLong(h + 0x20)});
            }
        }
        return out;
    }

    /** Manual run: prints totals, the most frequent disagreeing mnemonics and samples. */
    public static void main(String[] args) throws Exception {
        Result r = compare(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 60,
                args.length > 2 && args[2].equals("intel"));
        System.out.println(r);
        r.byMnemonic.entrySet().stream().sorted((a, c) -> c.getValue() - a.getValue()).limit(40)
                .forEach(e -> System.out.print(e.getKey() + ":" + e.getValue() + " "));
        System.out.println();
        r.samples.forEach(System.out::println);
    }
}
