package io.jrrtui.arch.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.elf.ElfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The fast length decoder (used to find rdtsc at instruction boundaries) agrees with the full decoder. */
class InstructionLengthTest {
    @Test
    void agreesWithTheFullDecoderOnLibcText() throws Exception {
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        assumeTrue(Files.isReadable(libc), "no glibc at " + libc);
        byte[] file = Files.readAllBytes(libc);
        ElfFile elf = ElfFile.open(libc);
        var text = elf.section(".text").orElseThrow();
        int from = (int) text.offset(), to = (int) (text.offset() + text.fileSize());
        X86Decoder full = new X86Decoder();
        int mismatches = 0, count = 0;
        String first = null;
        for (int i = from; i < to; count++) {
            int want = full.length(file, i);
            int got = InstructionLength.of(file, i);
            if (want != got) {
                mismatches++;
                if (first == null) first = String.format("offset 0x%x: %d, decoder says %d", i, got, want);
            }
            i += want;
        }
        assertEquals(0, mismatches, "of " + count + " instructions; first: " + first);
    }

    @Test
    void knownEncodings() {
        assertEquals(2, InstructionLength.of(new byte[] {0x0f, 0x31}, 0)); // rdtsc
        assertEquals(3, InstructionLength.of(new byte[] {0x0f, 0x01, (byte) 0xf9}, 0)); // rdtscp
        assertEquals(10, InstructionLength.of(new byte[] {0x48, (byte) 0xb8, 1, 2, 3, 4, 5, 6, 7, 8}, 0)); // movabs
        assertEquals(7, InstructionLength.of(new byte[] {0x48, (byte) 0x8b, 0x05, 1, 2, 3, 4}, 0)); // mov rip-relative
        assertEquals(8, InstructionLength.of(new byte[] {(byte) 0xc7, 0x44, 0x24, 0x08, 1, 2, 3, 4}, 0)); // movl $imm,8(%rsp)
        assertEquals(5, InstructionLength.of(new byte[] {(byte) 0xc5, (byte) 0xfd, 0x6f, 0x04, 0x24}, 0)); // vmovdqa (%rsp)
        assertEquals(1, InstructionLength.of(new byte[] {0x06}, 0)); // invalid in 64-bit mode
    }
}
