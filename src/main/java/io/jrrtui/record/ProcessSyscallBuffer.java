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
    /**
     * The image's vDSO: its clock entries go to the library with the mode at the first flush, so
     * buffered clock reads make no syscall; withdrawn (entries 0 in the control page) when the
     * program unmaps, moves or reprotects it, or makes rdtsc fault (PR_SET_TSC).
     */
    private io.jrrtui.syscallbuf.VdsoEntries vdso = io.jrrtui.syscallbuf.VdsoEntries.NONE;

    /**
     * The process shares its descriptor table with a process that has memory of its own (clone with
     * CLONE_FILES, without CLONE_VM; a close there would not move this control page's generation), or
     * it set up an io_uring (a polled ring closes descriptors with no call): the library's
     * descriptor cache is off here (and in children forked from now on).
     */
    private boolean fdShared;

    /**
     * The descriptor generation, one counter for the whole recording: every move writes a value no
     * control page ever held, so processes sharing a control page (vfork) or copied from one (fork)
     * never see an old value come back.
     */
    private static final java.util.concurrent.atomic.AtomicInteger FD_GENERATION = new java.util.concurrent.atomic.AtomicInteger(1);

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
        c.vdso = vdso; // the same addresses in the child, whose control page is a copy of ours
        c.fdShared = fdShared;
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
        if (!installed) {
            String failure = SeccompFilter.install(tid, mem);
            installed = failure == null;
            if (failure != null && VERBOSE) System.err.println("record: no syscall buffering: " + failure);
        }
        vdso = installed && !programFiltered ? io.jrrtui.syscallbuf.VdsoEntries.read(tid, mem) : io.jrrtui.syscallbuf.VdsoEntries.NONE;
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
            if (mode == SyscallBufferLayout.MODE_RECORD && vdso.any()) {
                SyscallBufferLayout.setVdso(mem, vdso.clockGettime(), vdso.gettimeofday(), vdso.time());
            }
            if (control.mode() != mode) SyscallBufferLayout.setMode(mem, mode);
            if (watched != null && watched.size() <= SyscallBufferLayout.WATCHED_MAX) SyscallBufferLayout.setWatched(mem, watched);
            if (fdShared) SyscallBufferLayout.disableFdCache(mem);
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
            SECCOMP_SET_MODE_FILTER = 1, PR_SET_TSC = 26, PR_TSC_SIGSEGV = 2;
    private static final int SYS_MMAP = 9, SYS_MPROTECT = 10, SYS_MUNMAP = 11, SYS_MREMAP = 25, SYS_PKEY_MPROTECT = 329,
            MAP_FIXED = 0x10, MREMAP_FIXED = 2;

    private static final int SYS_CLOSE = 3, SYS_DUP2 = 33, SYS_DUP3 = 292, SYS_IO_URING_SETUP = 425, SYS_IO_URING_ENTER = 426,
            SYS_CLOSE_RANGE = 436;

    /**
     * Whether the call can make a descriptor number name another file than before: a buffered call
     * never can, and fork, exec and clone are handled apart (a copy of the cache stays true in a
     * forked child; an exec'd image starts without one; a shared table turns it off). A new
     * descriptor always takes a free number, and a number became free only by one of these.
     */
    static boolean changesDescriptors(long nr) {
        return nr == SYS_CLOSE || nr == SYS_DUP2 || nr == SYS_DUP3 || nr == SYS_CLOSE_RANGE || nr == SYS_IO_URING_ENTER;
    }

    /**
     * Moves the library's descriptor generation (see changesDescriptors): at the entry of such a call
     * and again at its exit, so a cache entry filled by another thread while the call runs (the call
     * may block) is not trusted after it either.
     */
    private void descriptorsChange(TraceeMemory mem) {
        if (control == null || fdShared) return; // no library yet: nothing cached
        SyscallBufferLayout.setFdGeneration(mem, FD_GENERATION.incrementAndGet());
    }

    /** A traced syscall's exit (after onEntry saw its entry). */
    void onExit(TraceeMemory mem, Registers entry) {
        if (changesDescriptors(entry.origRax())) descriptorsChange(mem);
    }

    /**
     * A clone made a process sharing this one's descriptor table without sharing its memory (or the
     * process set up an io_uring): the descriptor cache goes off here (the recorder calls this for
     * both processes of such a clone, the child's ProcessSyscallBuffer being a copy made before).
     */
    void noDescriptorCache(TraceeMemory mem) {
        if (fdShared) return;
        fdShared = true;
        if (control != null) SyscallBufferLayout.disableFdCache(mem);
    }

    /** A traced syscall's entry (the recorded entry registers stay the program's own). */
    void onEntry(int tid, TraceeMemory mem, Registers entry) {
        long nr = entry.origRax();
        if (changesDescriptors(nr)) descriptorsChange(mem);
        // a ring polled by a kernel thread (IORING_SETUP_SQPOLL) can close a descriptor with no call
        // made at all: no descriptor cache in a process that has a ring
        if (nr == SYS_IO_URING_SETUP) noDescriptorCache(mem);
        if (nr == SYS_SECCOMP && entry.arg(0) == SECCOMP_SET_MODE_FILTER
                || nr == SYS_PRCTL && entry.arg(0) == PR_SET_SECCOMP && entry.arg(1) == SECCOMP_MODE_FILTER) {
            programFilter(mem);
        } else if (io.jrrtui.syscallbuf.ExecPreload.envArg(nr) >= 0) {
            onExecEntry(tid, mem, entry);
        } else if (vdso.any() && (changesVdso(entry) || nr == SYS_PRCTL && entry.arg(0) == PR_SET_TSC && entry.arg(1) == PR_TSC_SIGSEGV)) {
            withdrawVdso(mem);
        }
    }

    /**
     * Whether the call (at its entry, before it runs) unmaps, moves, replaces or reprotects any part
     * of the vDSO: the library's entries would then point at nothing, or at other code.
     */
    private boolean changesVdso(Registers e) {
        long nr = e.origRax();
        if (nr == SYS_MUNMAP || nr == SYS_MPROTECT || nr == SYS_PKEY_MPROTECT) return vdso.overlaps(e.arg(0), e.arg(1));
        if (nr == SYS_MREMAP) return vdso.overlaps(e.arg(0), e.arg(1)) || (e.arg(3) & MREMAP_FIXED) != 0 && vdso.overlaps(e.arg(4), e.arg(2));
        if (nr == SYS_MMAP) return (e.arg(3) & MAP_FIXED) != 0 && vdso.overlaps(e.arg(0), e.arg(1));
        return false;
    }

    /** The library stops calling the vDSO in this process (and in children forked from now on). */
    private void withdrawVdso(TraceeMemory mem) {
        vdso = vdso.withdrawn();
        if (control != null) SyscallBufferLayout.setVdso(mem, 0, 0, 0);
    }

    /**
     * Whether a traced syscall stop is the vDSO's own fallback syscall inside a clock read the library
     * buffers (the instruction is in [vdso] and the thread is inside the library): it runs with no
     * event, its result lands in the buffered record, and replay never calls the vDSO. A program's own
     * call into the vDSO (the thread is not inside the library) stays a recorded syscall.
     */
    boolean insideVdsoCall(TraceeMemory mem, Registers regs) {
        if (!vdso.contains(regs.rip()) || control == null) return false;
        SyscallBufferLayout.ThreadState t = SyscallBufferLayout.thread(mem, regs, control);
        return t != null && t.busy();
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
