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
    private boolean installed;
    /** The program installed a filter of its own: recorded the ptrace way from then on (see programFilter). */
    private boolean programFiltered;
    /**
     * The library stops buffering in this image: a file mapped shared and writable did not fit
     * the control page's list of watched files (Recorder.watchFile; replay follows the records, so it
     * needs no such switch).
     */
    private boolean unbuffered;
    /**
     * Files some process maps shared (device, inode; the recorder's one list): a
     * write(2) into one changes those mappings, which the recorder must capture at the call
     * (SharedFileMaps.changedViews), so the library must not buffer it. Null: none yet.
     */
    private java.util.List<long[]> watched;
    /** The library's control page as last seen; null until it is mapped (again after exec). */
    private SyscallBufferLayout.Control control;

    /** Reads kept by reference (copies of the files read are shared by the whole recording). */
    private final ReadsByReference byReference;

    ProcessSyscallBuffer(FileCopies copies) {
        this.byReference = new ReadsByReference(copies);
    }

    private ProcessSyscallBuffer(ReadsByReference byReference) {
        this.byReference = byReference;
    }

    ProcessSyscallBuffer copyForChild() {
        ProcessSyscallBuffer c = new ProcessSyscallBuffer(byReference);
        c.installed = installed;
        c.programFiltered = programFiltered;
        c.unbuffered = unbuffered;
        c.watched = watched;
        c.control = control;
        return c;
    }

    /** Whether the process runs under the buffering filter: PTRACE_CONT, stops only at traced calls. */
    boolean filtered() {
        return installed && !programFiltered;
    }

    /** An exec stop: a new image (its library maps its pages anew); the filter is installed once. */
    void onExec(int tid, TraceeMemory mem) {
        control = null;
        unbuffered = false;
        execEnv.remove(tid);
        if (installed) return;
        String failure = SeccompFilter.install(tid, mem);
        installed = failure == null;
        if (failure != null && VERBOSE) System.err.println("record: no syscall buffering: " + failure);
    }

    /**
     * The calls the thread buffered since its last event, as event number, or null when there are
     * none; its buffer starts over. Also turns recording on in a library seen for the first time.
     */
    BufferedCallsEvent flush(long number, int tid, TraceeMemory mem, Registers regs) {
        if (!installed) return null;
        if (control == null) {
            control = SyscallBufferLayout.control(mem);
            if (control == null) return null;
            int mode = programFiltered || unbuffered ? SyscallBufferLayout.MODE_OFF : SyscallBufferLayout.MODE_RECORD;
            if (control.mode() != mode) SyscallBufferLayout.setMode(mem, mode);
            if (watched != null && watched.size() <= SyscallBufferLayout.WATCHED_MAX) SyscallBufferLayout.setWatched(mem, watched);
        }
        SyscallBufferLayout.ThreadState t = SyscallBufferLayout.thread(mem, regs, control);
        if (t == null || t.count() == 0 || t.buffer() == 0) return null;
        byte[] records = mem.readBulk(t.buffer() + SyscallBufferLayout.HEADER, t.used());
        BufferedCallsEvent e = byReference.event(number, tid, t.count(), records, mem, t.buffer(), t.spill());
        SyscallBufferLayout.resetThread(mem, t);
        return e;
    }

    /** The library's file, named again in the environment of programs this process execs. */
    private final String library = SyscallBufferLayout.library(io.jrrtui.sys.Shim.nativeDir()).toAbsolutePath().toString();
    /** Exec calls whose envp the recorder replaced, by thread: the original argument, restored if the call fails. */
    private final java.util.Map<Integer, Long> execEnv = new java.util.HashMap<>();

    private static final int SYS_PRCTL = 157, SYS_SECCOMP = 317, PR_SET_SECCOMP = 22, SECCOMP_MODE_FILTER = 2,
            SECCOMP_SET_MODE_FILTER = 1;

    /** A traced syscall's entry (the recorded entry registers stay the program's own). */
    void onEntry(int tid, TraceeMemory mem, Registers entry) {
        long nr = entry.origRax();
        if (nr == SYS_SECCOMP && entry.arg(0) == SECCOMP_SET_MODE_FILTER
                || nr == SYS_PRCTL && entry.arg(0) == PR_SET_SECCOMP && entry.arg(1) == SECCOMP_MODE_FILTER) {
            programFilter(mem);
        } else if (io.jrrtui.syscallbuf.ExecPreload.envArg(nr) >= 0) {
            onExecEntry(tid, mem, entry);
        }
    }

    /**
     * The program installs a seccomp filter of its own. Its ERRNO/TRAP/KILL answers win over our
     * TRACE, so calls it refuses would never stop here and be missing from the recording: from now
     * on this process (and its children) is recorded the ptrace way — PTRACE_SYSCALL stops at every
     * entry, before any filter runs — and the library stops buffering.
     */
    /** Names the watched files to the library (see {@link #watched}), now and in every later image. */
    void watch(TraceeMemory mem, java.util.List<long[]> files) {
        watched = files;
        if (control != null) SyscallBufferLayout.setWatched(mem, files);
    }

    /** Stops buffering in this process image (see {@link #unbuffered}). */
    void stopBuffering(TraceeMemory mem) {
        if (unbuffered) return;
        unbuffered = true;
        if (SyscallBufferLayout.control(mem) != null) SyscallBufferLayout.setMode(mem, SyscallBufferLayout.MODE_OFF);
    }

    private void programFilter(TraceeMemory mem) {
        if (programFiltered) return;
        programFiltered = true;
        if (SyscallBufferLayout.control(mem) != null) SyscallBufferLayout.setMode(mem, SyscallBufferLayout.MODE_OFF);
    }

    /**
     * An exec call's entry: points its envp at a copy naming the library, so the new program is
     * buffered too (see {@link io.jrrtui.syscallbuf.ExecPreload}).
     */
    private void onExecEntry(int tid, TraceeMemory mem, Registers entry) {
        if (!filtered()) return;
        Registers changed = io.jrrtui.syscallbuf.ExecPreload.rewrite(mem, entry, library);
        if (changed == null) return;
        io.jrrtui.sys.Ptrace.setRegs(tid, changed);
        execEnv.put(tid, entry.arg(io.jrrtui.syscallbuf.ExecPreload.envArg(entry.origRax())));
    }

    /** An exec call's exit: a failed one gets the program's own envp back; returns the registers now. */
    Registers onExecExit(int tid, Registers entry, Registers exit) {
        Long env = execEnv.remove(tid);
        if (env == null || exit.rax() == 0) return exit;
        Registers restored = exit.withArg(io.jrrtui.syscallbuf.ExecPreload.envArg(entry.origRax()), env);
        io.jrrtui.sys.Ptrace.setRegs(tid, restored);
        return restored;
    }

    /** Whether the thread is inside the library (a switch-out must wait until it leaves). */
    boolean busy(TraceeMemory mem, Registers regs) {
        if (!installed || control == null) return false;
        SyscallBufferLayout.ThreadState t = SyscallBufferLayout.thread(mem, regs, control);
        return t != null && t.busy();
    }

    private static final boolean VERBOSE = System.getenv("JRR_VERBOSE_RECORD") != null;
}
