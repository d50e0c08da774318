package io.jrrtui.sys;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a program stopped under ptrace through the native launcher (native-shim/jrr-launch):
 * ASLR off, rdtsc trapping on, stdio optionally redirected, traced by the calling (tracer) thread,
 * and returns at the exec stop of the real program.
 */
public final class TraceeLauncher {
    /** Files to use as the tracee's stdin/stdout/stderr; null inherits ours. */
    public record Stdio(String in, String out, String err) {
        public static final Stdio INHERIT = new Stdio(null, null, null);
    }

    private TraceeLauncher() {}

    /** Steps from the exec event stop to execve's own syscall-exit stop, so callers start clean. */
    private static void finishExecve(int pid) {
        Ptrace.resume(Ptrace.PTRACE_SYSCALL, pid, 0);
        WaitStatus ws = Ptrace.waitFor(pid);
        if (!ws.syscallStop()) throw new JrrException("unexpected stop after exec of pid " + pid + ": " + ws);
    }

    /**
     * Spawns and runs to the exec stop of exePath; returns the pid. Options: exit-kill, sysgood,
     * exec, and the fork/clone events so the recorder sees new tasks.
     */
    public static int launch(String exePath, List<String> argv, List<String> env, String cwd, Stdio stdio) {
        return launch(exePath, argv, env, cwd, stdio, true);
    }

    /**
     * As above; trapTsc false leaves rdtsc/rdtscp untrapped (PR_SET_TSC not set): a recording with
     * syscall buffering, whose preload library reads clocks through the vDSO (which uses rdtscp).
     */
    public static int launch(String exePath, List<String> argv, List<String> env, String cwd, Stdio stdio, boolean trapTsc) {
        List<String> cmd = new ArrayList<>();
        String launcher = Shim.launcher().toString();
        cmd.add(launcher);
        cmd.add("-n");
        if (trapTsc) cmd.add("-t");
        if (stdio.in() != null) { cmd.add("-i"); cmd.add(stdio.in()); }
        if (stdio.out() != null) { cmd.add("-o"); cmd.add(stdio.out()); }
        if (stdio.err() != null) { cmd.add("-e"); cmd.add(stdio.err()); }
        if (cwd != null) { cmd.add("-d"); cmd.add(cwd); }
        if (TracerThread.CPU >= 0) { cmd.add("-c"); cmd.add(Integer.toString(TracerThread.CPU)); }
        cmd.add("--");
        cmd.add(exePath);
        cmd.addAll(argv);
        int pid = Ptrace.spawn(launcher, cmd.toArray(new String[0]), env.toArray(new String[0]));
        try {
            WaitStatus ws = Ptrace.waitFor(pid);
            if (!ws.stopped()) {
                throw new JrrException("the launcher for " + exePath + " ended before tracing began: " + ws);
            }
            Ptrace.setOptions(pid, Ptrace.O_EXITKILL | Ptrace.O_TRACESYSGOOD | Ptrace.O_TRACEEXEC
                    | Ptrace.O_TRACECLONE | Ptrace.O_TRACEFORK | Ptrace.O_TRACEVFORK | Ptrace.O_TRACESECCOMP);
            // the first launch of the JVM also finds out whether debug registers fire here
            WaitStatus next = DebugRegisters.probeWanted() ? DebugRegisters.probe(pid) : null;
            if (next == null) Ptrace.resume(Ptrace.PTRACE_CONT, pid, 0);
            while (true) {
                ws = next != null ? next : Ptrace.waitFor(pid);
                next = null;
                if (ws.event() == Ptrace.EVENT_EXEC) {
                    finishExecve(pid);
                    return pid;
                }
                if (ws.exited() || ws.signaled()) {
                    throw new JrrException("cannot execute " + exePath + " (launcher " + ws + ")");
                }
                // A stray signal before exec (e.g. SIGCHLD): pass it on.
                Ptrace.resume(Ptrace.PTRACE_CONT, pid, ws.stopped() ? ws.stopSig() : 0);
            }
        } catch (RuntimeException e) {
            Ptrace.killAndReap(pid);
            throw e;
        }
    }
}
