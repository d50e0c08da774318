package io.jrrtui.debugger;

import io.jrrtui.api.DisassemblyLine;
import io.jrrtui.arch.x86.Instruction;
import io.jrrtui.arch.x86.X86Decoder;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Disassembles the program's memory (breakpoint bytes hidden) with the project's own decoder. */
final class Disassembler {
    private final X86Decoder decoder = new X86Decoder();
    private final ProgramImage image;
    private final FrameAccess.MemorySource memory;

    Disassembler(ProgramImage image, FrameAccess.MemorySource memory) {
        this.image = image;
        this.memory = memory;
    }

    List<DisassemblyLine> lines(long address, int count) {
        List<DisassemblyLine> out = new ArrayList<>();
        long a = address;
        for (int k = 0; k < count; k++) {
            byte[] code = readUpTo(a, X86Decoder.MAX_LENGTH);
            if (code.length == 0) break;
            Instruction insn = decoder.decode(code, 0, a);
            String label = image.symbols().symbolize(a).orElse("");
            out.add(new DisassemblyLine(a, label, insn.text(t -> image.symbols().symbolize(t).orElse(null)), insn.length()));
            a += Math.max(1, insn.length());
        }
        return out;
    }

    /** The instructions in [start, end) in gdb's text (the last may reach past end, as in gdb). */
    List<DisassemblyLine> between(long start, long end) {
        List<DisassemblyLine> out = new ArrayList<>();
        for (long a = start; Long.compareUnsigned(a, end) < 0; ) {
            byte[] code = readUpTo(a, X86Decoder.MAX_LENGTH);
            if (code.length == 0) throw new JrrException(String.format("Cannot access memory at address 0x%x", a));
            Instruction insn = decoder.decode(code, 0, a);
            String label = image.symbols().symbolize(a).orElse("");
            out.add(new DisassemblyLine(a, label, insn.gdbText(t -> image.symbols().symbolize(t).orElse(null)), insn.length()));
            a += Math.max(1, insn.length());
        }
        return out;
    }

    private byte[] readUpTo(long a, int n) {
        try {
            return memory.read(a, n);
        } catch (JrrException e) {
            byte[] b = new byte[n];
            int got = 0;
            for (; got < n; got++) {
                try {
                    b[got] = memory.read(a + got, 1)[0];
                } catch (JrrException e2) {
                    break;
                }
            }
            return Arrays.copyOf(b, got);
        }
    }
}
