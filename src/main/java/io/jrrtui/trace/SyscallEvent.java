package io.jrrtui.trace;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Syscalls;
import java.util.List;

/**
 * A completed syscall: registers at entry (which the replay compares), the result, the memory it
 * wrote, and, for writes to the program's original stdout (1) or stderr (2), the bytes written.
 */
public record SyscallEvent(long number, int tid, Registers regs, long result, List<MemoryWrite> writes,
        int outputStream, byte[] output) implements Event {

    public long syscall() {
        return regs.origRax();
    }

    public String name() {
        return Syscalls.name(syscall());
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder(name()).append('(');
        for (int i = 0; i < 6; i++) {
            if (i > 0) sb.append(", ");
            sb.append("0x").append(Long.toHexString(regs.arg(i)));
        }
        sb.append(") = ").append(formatResult(result));
        if (!writes.isEmpty()) {
            long bytes = writes.stream().mapToLong(MemoryWrite::length).sum();
            sb.append(" [wrote ").append(bytes).append(" bytes]");
        }
        if (outputStream != 0) sb.append(outputStream == 1 ? " [stdout " : " [stderr ").append(output.length).append(" bytes]");
        return sb.toString();
    }

    static String formatResult(long r) {
        if (r < 0 && r > -4096) return r + " (" + Errno.name((int) -r) + ")";
        return r >= 0 && r < 4096 ? Long.toString(r) : "0x" + Long.toHexString(r);
    }
}
