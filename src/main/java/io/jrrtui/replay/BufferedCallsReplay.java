package io.jrrtui.replay;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.syscallbuf.SyscallBufferLayout;
import io.jrrtui.trace.BufferedCallsEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The replayer's side of syscall buffering: before a thread runs the stretch in which it buffered
 * calls when recording, the recorded records go into its buffer and the library is told to replay
 * (it then copies results and output bytes instead of making the calls: no stop per call). At the
 * thread's next stop the library must have used exactly those calls; a call that differed from
 * its record was noted by the library in the buffer header and is reported as a divergence.
 */
final class BufferedCallsReplay {
    private static final int HEADER_FIELDS = 48;

    private BufferedCallsReplay() {}

    /** Puts e's calls into t's buffer; t must not have run past its previous event. */
    static void preload(LiveTask t, BufferedCallsEvent e) {
        TraceeMemory mem = t.proc.mem;
        SyscallBufferLayout.ThreadState ts = threadState(t, e.number(), () -> "the recording has " + e.describe());
        byte[] records = e.records(); // as the library wrote them, short records too
        if (records.length > SyscallBufferLayout.SLOT_SIZE - SyscallBufferLayout.HEADER) {
            throw new DivergenceException(e.number(), "buffered calls of " + records.length + " bytes do not fit the buffer");
        }
        mem.writeBulk(ts.buffer() + SyscallBufferLayout.HEADER, records);
        ByteBuffer h = ByteBuffer.allocate(HEADER_FIELDS).order(ByteOrder.LITTLE_ENDIAN).putInt(e.count()).putInt(records.length);
        mem.write(ts.buffer(), h.array());
        SyscallBufferLayout.resetThread(mem, ts);
        SyscallBufferLayout.setMode(mem, SyscallBufferLayout.MODE_REPLAY);
        t.bufferedCalls = e;
    }

    /** At t's next stop after a preload: the program must have made exactly the recorded calls. */
    static void check(LiveTask t, long n) {
        BufferedCallsEvent e = t.bufferedCalls;
        if (e == null) return;
        t.bufferedCalls = null;
        SyscallBufferLayout.ThreadState ts = threadState(t, n, () -> "its buffered calls of event " + e.number() + " were lost");
        ByteBuffer h = ByteBuffer.wrap(t.proc.mem.read(ts.buffer(), HEADER_FIELDS)).order(ByteOrder.LITTLE_ENDIAN);
        h.getInt();
        h.getInt();
        int mismatch = h.getInt();
        int nr = h.getInt();
        clear(t.proc.mem, ts);
        if (mismatch != 0) {
            long[] args = {h.getLong(), h.getLong(), h.getLong(), h.getLong()};
            List<BufferedCallsEvent.Call> calls = e.calls();
            String recorded = mismatch <= calls.size() ? calls.get(mismatch - 1).describe() : "nothing";
            String made = new BufferedCallsEvent.Call(nr, args, 0, 0).describe();
            throw new DivergenceException(e.number(), "buffered call " + mismatch + " of " + e.count() + ": the program made "
                    + made.substring(0, made.indexOf(" = ")) + " where the recording has " + recorded);
        }
        if (ts.count() != e.count()) {
            throw new DivergenceException(n, "task " + t.recordedTid + " made " + ts.count() + " of the " + e.count()
                    + " buffered calls of event " + e.number() + " before its next event (a different path: "
                    + Syscalls.name(Ptrace.getRegs(t.tid).origRax()) + " comes instead)");
        }
    }

    /** A preemption point was reached (or put in place): nothing to check, the buffer starts over. */
    static void afterPreemption(LiveTask t) {
        if (t.bufferedCalls == null) return;
        t.bufferedCalls = null;
        SyscallBufferLayout.ThreadState ts = threadState(t, 0, () -> "");
        if (ts != null) clear(t.proc.mem, ts);
    }

    private static void clear(TraceeMemory mem, SyscallBufferLayout.ThreadState ts) {
        mem.write(ts.buffer(), new byte[HEADER_FIELDS]);
        SyscallBufferLayout.resetThread(mem, ts);
    }

    /** what: the words of the divergence, made only when there is one (describing a flush decodes all its calls). */
    private static SyscallBufferLayout.ThreadState threadState(LiveTask t, long n, java.util.function.Supplier<String> what) {
        Registers regs = Ptrace.getRegs(t.tid);
        SyscallBufferLayout.Control c = SyscallBufferLayout.control(t.proc.mem);
        SyscallBufferLayout.ThreadState ts = c == null ? null : SyscallBufferLayout.thread(t.proc.mem, regs, c);
        if (ts != null && ts.buffer() != 0) return ts;
        if (n == 0) return null;
        throw new DivergenceException(n, "task " + t.recordedTid + " has no syscall buffer on replay, but " + what.get()
                + " (was the preload library " + SyscallBufferLayout.LIBRARY + " changed?)");
    }
}
