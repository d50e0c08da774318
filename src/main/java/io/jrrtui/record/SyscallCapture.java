package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.record.OutputRule.Range;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.trace.MemoryWrite;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the event of a completed syscall: the memory the kernel wrote (per {@link SyscallTable}),
 * a file mapping's bytes, and output written to the program's original stdout/stderr.
 */
final class SyscallCapture {
    private SyscallCapture() {}

    static SyscallEvent capture(long number, RecordedTask t, TraceWriter writer, Registers entry, long result) {
        SyscallSpec spec = SyscallTable.spec(entry.origRax());
        TraceeMemory mem = t.proc.mem;
        List<Range> ranges = new ArrayList<>();
        spec.outputs().ranges(entry, result, peek(mem), ranges);
        List<MemoryWrite> writes = new ArrayList<>(ranges.size());
        for (Range r : ranges) {
            if (r.length() <= 0 || r.length() > (1L << 30)) continue;
            byte[] data = new byte[(int) r.length()];
            int n = mem.readPartial(r.addr(), data);
            if (n > 0) writes.add(new MemoryWrite(r.addr(), n == data.length ? data : Arrays.copyOf(data, n)));
        }
        if (spec.disposition() == Disposition.MMAP) {
            writes.addAll(FileMappings.capture(t.tid, mem, writer, number, entry, result));
        }
        writes.addAll(DiscardedFilePages.capture(t.tid, mem, entry, result));
        writes.addAll(t.proc.sharedFileMaps.changedViews(t.tid, mem, spec.name(), entry, result));
        int stream = 0;
        byte[] output = new byte[0];
        String name = spec.name();
        boolean vector = name.equals("writev") || name.equals("pwritev");
        if (result > 0 && (vector || name.equals("write") || name.equals("pwrite64"))) {
            stream = t.proc.outputFds.stream(entry.arg(0));
            if (stream != 0) output = writtenBytes(mem, entry, result, vector);
        }
        t.proc.outputFds.update(entry, result, newFdsInMemory(mem, name, entry, result));
        t.proc.sharedFileMaps.update(t.tid, entry, result);
        if (t.proc.syscallBuffer != null && name.equals("prctl") && entry.arg(0) == io.jrrtui.arch.Signals.PR_SET_SYSCALL_USER_DISPATCH && result == 0) {
            // dispatch decides by the address of the syscall instruction: calls must come from where the
            // program made them (libc), not from the library's trampoline, which dispatch would send to
            // the program's SIGSYS handler
            t.proc.syscallBuffer.stopBuffering(mem);
        }
        return new SyscallEvent(number, t.tid, entry, result, writes, stream, output);
    }

    private static byte[] writtenBytes(TraceeMemory mem, Registers entry, long result, boolean vector) {
        if (!vector) return mem.read(entry.arg(1), (int) Math.min(result, Integer.MAX_VALUE));
        List<Range> parts = new ArrayList<>();
        OutputRules.scatter(entry.arg(1), entry.arg(2), result, peek(mem), parts);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) result);
        for (Range r : parts) out.writeBytes(mem.read(r.addr(), (int) r.length()));
        return out.toByteArray();
    }

    private static int[] newFdsInMemory(TraceeMemory mem, String name, Registers entry, long result) {
        if (result < 0) return null;
        long ptr = switch (name) {
            case "pipe", "pipe2" -> entry.arg(0);
            case "socketpair" -> entry.arg(3);
            default -> 0;
        };
        if (ptr == 0) return null;
        ByteBuffer b = ByteBuffer.wrap(mem.read(ptr, 8)).order(ByteOrder.LITTLE_ENDIAN);
        return new int[] {b.getInt(0), b.getInt(4)};
    }

    static OutputRule.MemoryPeek peek(TraceeMemory mem) {
        return new OutputRule.MemoryPeek() {
            @Override
            public long u64(long addr) {
                return mem.readLong(addr);
            }

            @Override
            public int u32(long addr) {
                return ByteBuffer.wrap(mem.read(addr, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
            }
        };
    }
}
