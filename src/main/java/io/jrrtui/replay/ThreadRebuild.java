package io.jrrtui.replay;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.SyscallInjector;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checkpoints of multi-threaded programs. fork copies only the thread that calls it, so a
 * checkpoint is a fork of the main thread (holding the memory) plus a {@link TaskImage} of every
 * thread; a restore forks that process again and, inside the new copy, creates the other
 * threads with an injected clone, then gives each thread its image back. Threads stopped at the
 * entry of a syscall are run into that entry stop again, so the replay finds them exactly as it
 * left them. Checkpoints are taken only at clean points ({@link #whyNot}).
 */
final class ThreadRebuild {
    private static final byte[] SYSCALL_INSN = {0x0f, 0x05};

    private ThreadRebuild() {}

    /** The live tasks of the replay, in creation order. */
    static List<LiveTask> alive(TraceeState s) {
        List<LiveTask> out = new ArrayList<>();
        for (LiveTask t : s.tasks.values()) if (!t.dead) out.add(t);
        return out;
    }

    /** Why no checkpoint can be taken now, or null when one can. */
    static String whyNot(TraceeState s, List<LiveTask> alive) {
        LiveTask.Proc proc = s.primary.proc;
        boolean leaderAlive = false;
        for (LiveTask t : alive) {
            if (t.proc != proc) return "the program has more than one process (checkpoints are of one process only)";
            if (t.exiting || proc.groupExiting) return "a thread is exiting";
            if (t.bufferedCalls != null || t.raisedSignal != 0 || t.restoreClone3Flags != 0) return "a thread is between two halves of an event";
            // the injected fork resumes the thread from its signal-delivery stop without the signal,
            // which the kernel then forgets: the handler would never run, in the program or its copy
            if (t.deliver != 0) return "a thread is about to receive a signal";
            if (t.tid == proc.tgid) leaderAlive = true;
            else if (t.ownSignalStack) return "a thread other than the main one has its own signal stack";
            else if (t.userDispatch) return "a thread other than the main one uses Syscall User Dispatch"; // per thread, as the stack
            if (t.pending != null && !t.pending.syscallStop()) return "a thread waits in an unexpected stop";
        }
        if (!leaderAlive) return "the main thread has ended";
        for (LiveTask t : alive) {
            if (t.pending == null) continue;
            long rip = Ptrace.getRegs(t.tid).rip();
            if (!Arrays.equals(proc.mem.read(rip - 2, 2), SYSCALL_INSN)) return "a thread entered a call by an instruction other than syscall";
        }
        return sharedMapping(proc.tgid);
    }

    /**
     * Why a fork of process tgid would not be a copy of it: a fork shares writable shared mappings
     * instead of copying them, so the copy's writes would change the program (and the program's the
     * copy). Null when there is none.
     */
    static String sharedMapping(int tgid) {
        for (ProcMaps.Region r : ProcMaps.read(tgid)) {
            if (r.perms().length() >= 4 && r.perms().charAt(3) == 's' && r.perms().charAt(1) == 'w') {
                return "the program has a writable shared mapping (" + (r.path().isEmpty() ? "anonymous" : r.path()) + ")";
            }
            // even read-only: a restored checkpoint would see what other processes or later
            // mappings write into the replay's segment or memory file (SysvSegments, SharedFileObjects)
            if (r.path().startsWith("/SYSV")) return "the program has a System V shared memory segment attached";
            if (r.path().startsWith("/memfd:" + SharedFileObjects.NAME)) return "the program maps a file shared that is written through mappings";
        }
        return null;
    }

    /** The task whose thread is its process's main thread. */
    static LiveTask leader(List<LiveTask> alive) {
        for (LiveTask t : alive) if (t.tid == t.proc.tgid) return t;
        throw new IllegalStateException("no main thread");
    }

    /**
     * Puts a thread stopped at the entry of a syscall back into that stop after something else
     * ran in it (an injected call): back over the instruction, and into the entry again under
     * SYSEMU. Returns the new stop.
     */
    static WaitStatus reenterSyscall(int tid, Registers atEntry) {
        Ptrace.setRegs(tid, atEntry.with(Registers.RIP, atEntry.rip() - 2).with(Registers.RAX, atEntry.origRax()));
        for (int guard = 0; guard < 8; guard++) {
            Ptrace.resume(Ptrace.PTRACE_SYSEMU, tid, 0);
            WaitStatus ws = Ptrace.waitFor(tid);
            if (ws.syscallStop()) {
                Registers now = Ptrace.getRegs(tid);
                if (now.rip() == atEntry.rip() && now.origRax() == atEntry.origRax()) {
                    Ptrace.setRegs(tid, atEntry);
                    return ws;
                }
                throw new JrrException("thread " + tid + " re-entered the wrong call (" + now.origRax() + ")");
            }
            if (ws.exited() || ws.signaled()) throw new JrrException("thread " + tid + " ended while re-entering its call: " + ws);
            // a signal-delivery stop (the new thread's SIGSTOP): suppressed, on to the instruction
        }
        throw new JrrException("thread " + tid + " did not re-enter its call");
    }

    /**
     * Builds the live tasks of a restored checkpoint in process child (a fresh fork of the
     * checkpoint, its only thread the main thread): creates the other threads, gives every
     * thread its image back, and returns the tasks in the images' order.
     */
    static List<LiveTask> rebuild(int child, List<TaskImage> images, io.jrrtui.record.TimestampPatches timestamps) {
        LiveTask.Proc proc = new LiveTask.Proc(child);
        proc.timestamps = timestamps.copy();
        List<LiveTask> tasks = new ArrayList<>();
        for (TaskImage im : images) {
            int tid = im.leader() ? child : SyscallInjector.cloneThread(child, proc.mem, im.clearChildTid());
            LiveTask t = new LiveTask(im.recordedTid(), tid, proc);
            t.clearChildTid = im.clearChildTid();
            t.deliver = im.deliver();
            t.name = im.name();
            t.doneAhead.addAll(im.doneAhead());
            t.preemptPasses = im.preemptPasses();
            tasks.add(t);
        }
        for (int i = 0; i < images.size(); i++) {
            TaskImage im = images.get(i);
            LiveTask t = tasks.get(i);
            Ptrace.setXState(t.tid, im.xstate());
            Ptrace.setSigMask(t.tid, im.sigMask());
            if (im.inSyscall()) t.pending = reenterSyscall(t.tid, im.regs());
            else Ptrace.setRegs(t.tid, im.regs());
        }
        return tasks;
    }
}
