package io.jrrtui.bench;

import io.jrrtui.arch.x86.Instruction;
import io.jrrtui.arch.x86.X86Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a unit test: prints the decoder's throughput over libc's .text (length-only walk and full
 * text formatting) and the time ratio against {@code objdump -d} over the same file.
 * Run: {@code java -cp target/classes:target/test-classes io.jrrtui.bench.DisassemblerBench [elf]}.
 */
public final class DisassemblerBench {
    private DisassemblerBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/usr/lib/x86_64-linux-gnu/libc.so.6");
        byte[] elf = Files.readAllBytes(file);
        long[] text = section(elf, ".text");
        X86Decoder d = new X86Decoder();
        for (int i = 0; i < 5; i++) {
            walk(d, elf, text, false);
            walk(d, elf, text, true);
        }
        // best of several rounds: the machine is shared, the minimum is the least disturbed figure
        int rounds = 10;
        long n = 0;
        double decodeSec = Double.MAX_VALUE;
        double textSec = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            n = walk(d, elf, text, false);
            decodeSec = Math.min(decodeSec, (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            walk(d, elf, text, true);
            textSec = Math.min(textSec, (System.nanoTime() - t1) / 1e9);
        }
        long perRound = n;
        double objdumpSec = objdumpSeconds(file);
        System.out.printf("%s .text: %d bytes, %d instructions%n", file, text[2], perRound);
        System.out.printf("decode:          %.3f s  %.2f M instructions/s%n", decodeSec, perRound / decodeSec / 1e6);
        System.out.printf("decode + text() + intelText(): %.3f s  %.2f M instructions/s%n", textSec, perRound / textSec / 1e6);
        System.out.printf("objdump -d (whole file, to /dev/null): %.3f s; ratio jrrtui/objdump: %.2f (text), %.2f (decode)%n",
                objdumpSec, textSec / objdumpSec, decodeSec / objdumpSec);
    }

    private static long walk(X86Decoder d, byte[] elf, long[] sec, boolean format) {
        int off = (int) sec[1];
        int end = (int) (sec[1] + sec[2]);
        long count = 0;
        long sink = 0;
        while (off < end) {
            Instruction ins = d.decode(elf, off, sec[0] + off - sec[1]);
            if (format) {
                sink += ins.text().length() + ins.intelText().length();
            }
            off += ins.length();
            count++;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return count;
    }

    private static double objdumpSeconds(Path file) throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            Process p = new ProcessBuilder("objdump", "-d", file.toString()).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            p.waitFor();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }

    /** {addr, offset, size} of a named section of a 64-bit little-endian ELF. */
    private static long[] section(byte[] elf, String name) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long shoff = b.getLong(0x28);
        int entsize = b.getShort(0x3a) & 0xffff;
        int num = b.getShort(0x3c) & 0xffff;
        int strndx = b.getShort(0x3e) & 0xffff;
        long strOff = b.getLong((int) (shoff + (long) strndx * entsize) + 0x18);
        for (int i = 0; i < num; i++) {
            int h = (int) (shoff + (long) i * entsize);
            int nameOff = (int) (strOff + b.getInt(h));
            int e = nameOff;
            while (elf[e] != 0) {
                e++;
            }
            if (new String(elf, nameOff, e - nameOff, StandardCharsets.US_ASCII).equals(name)) {
                return new long[] {b.getLong(h + 0x10), b.getLong(h + 0x18), b.getLong(h + 0x20)};
            }
        }
        throw new IllegalArgumentException("no section " + name);
    }
}
