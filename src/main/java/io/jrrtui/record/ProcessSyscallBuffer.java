package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.syscallbuf.SeccompFilter;
import io.jrrtui.syscallbuf.SyscallBufferLayout;
import io.jrrtui.trace.BufferedCallsEvent;

/**
 * The recorder's side of syscall buffering for one process: whether its seccomp filter is in (then
 * its tasks run under PTRACE_CONT and stop only at traced syscalls), and flushing a thread's buffer
 * into a {@link BufferedCallsEvent} just before that thread's next event.
 */
final class ProcessSyscallBuffer {
    /** The filter is installed (inherited by children and across exec). */
    private boolean filtered;
    /** The library's control page as last seen; null until it is mapped (again after exec). */
    private SyscallBufferLayout.Control control;

    ProcessSyscallBuffer copyForChild() {
        ProcessSyscallBuffer c = new ProcessSyscallBuffer();
        c.filtered = filtered;
        c.control = control;
        return c;
    }

    boolean filtered() {
        return filtered;
    }

    /** An exec stop: a new image (its library maps its pages anew); the filter is installed once. */
    void onExec(int tid, TraceeMemory mem) {
        control = null;
        if (filtered) return;
        String failure = SeccompFilter.install(tid, mem);
        filtered = failure == null;
        if (failure != null && VERBOSE) System.err.println("record: no syscall buffering: " + failure);
    }

    /**
     * The calls the thread buffered since its last event, as event number, or null when there are
     * none; its buffer starts over. Also turns recording on in a library seen for the first time.
     */
    BufferedCallsEvent flush(long number, int tid, TraceeMemory mem, Registers regs) {
        if (!filtered) return null;
        if (control == null) {
            control = SyscallBufferLayout.control(mem);
            if (control == null) return null;
            if (control.mode() != SyscallBufferLayout.MODE_RECORD) SyscallBufferLayout.setMode(mem, SyscallBufferLayout.MODE_RECORD);
        }
        SyscallBufferLayout.ThreadState t = SyscallBufferLayout.thread(mem, regs, control);
        if (t == null || t.count() == 0 || t.buffer() == 0) return null;
        byte[] records = mem.read(t.buffer() + SyscallBufferLayout.HEADER, t.used());
        SyscallBufferLayout.resetThread(mem, t);
        return new BufferedCallsEvent(number, tid, t.count(), records);
    }

    /** Whether the thread is inside the library (a switch-out must wait until it leaves). */
    boolean busy(TraceeMemory mem, Registers regs) {
        if (!filtered || control == null) return false;
        SyscallBufferLayout.ThreadState t = SyscallBufferLayout.thread(mem, regs, control);
        return t != null && t.busy();
    }

    private static final boolean VERBOSE = System.getenv("JRR_VERBOSE_RECORD") != null;
}
