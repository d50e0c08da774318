package io.jrrtui.live;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.TraceeLauncher;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.sys.TracerThread;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program run live under ptrace, stopped only at int3 breakpoints. The launcher makes rdtsc
 * fault (the recorder needs that); here such faults are emulated with the host's clock. Children
 * the program forks are cleaned of breakpoints and let go; threads are not supported yet.
 */
public final class LiveSession implements AutoCloseable {
    /** What {@link #cont()} returns when the program has ended. */
    public static final long ENDED = -1;
    private static final byte INT3 = (byte) 0xcc;
    private static final int SIGTRAP = 5, SIGSEGV = 11, SI_KERNEL = 0x80, PTRACE_DETACH = 17;

    private final Path executable;
    private final Map<Long, Byte> breakpoints = new HashMap<>();
    private final List<Integer> threads = new ArrayList<>(); // started by the program, to reap on close
    private int pid;
    private TraceeMemory mem;
    private int pendingSignal;
    private boolean ended;
    private int exitStatus;

    private LiveSession(Path executable) {
        this.executable = executable;
    }

    /** Starts exe (argv includes argv[0]) stopped at its exec; stdio as given (INHERIT passes ours through). */
    public static LiveSession start(Path exe, List<String> argv, List<String> env, TraceeLauncher.Stdio stdio) {
        Path real;
        try {
            real = exe.toRealPath();
        } catch (IOException e) {
            throw new JrrException("cannot run " + exe + ": " + e.getMessage());
        }
        LiveSession s = new LiveSession(real);
        TracerThread.call(() -> {
            s.pid = TraceeLauncher.launch(real.toString(), argv, env, null, stdio);
            s.mem = new TraceeMemory(s.pid);
            return null;
        });
        return s;
    }

    /** The program's exit status as a shell reports it (128+N when killed by signal N), once it ended. */
    public int exitStatus() {
        return exitStatus;
    }

    public int pid() {
        return pid;
    }

    public Path executable() {
        return executable;
    }

    public Registers registers() {
        return TracerThread.call(() -> Ptrace.getRegs(pid));
    }

    /** Reads exactly len bytes (breakpoint bytes show as the original code) or throws JrrException. */
    public byte[] readMemory(long addr, int len) {
        return TracerThread.call(() -> {
            byte[] b = mem.read(addr, len);
            for (Map.Entry<Long, Byte> e : breakpoints.entrySet()) {
                long off = e.getKey() - addr;
                if (off >= 0 && off < len) b[(int) off] = e.getValue();
            }
            return b;
        });
    }

    public void addBreakpoint(long addr) {
        TracerThread.call(() -> {
            if (!breakpoints.containsKey(addr)) {
                breakpoints.put(addr, mem.read(addr, 1)[0]);
                mem.write(addr, new byte[] {INT3});
            }
            return null;
        });
    }

    public void removeBreakpoint(long addr) {
        TracerThread.call(() -> {
            Byte orig = breakpoints.remove(addr);
            if (orig != null && !ended) mem.write(addr, new byte[] {orig});
            return null;
        });
    }

    /**
     * Runs to the next breakpoint (stepping over one the program stands on) and returns its
     * address, or {@link #ENDED} when the program has ended.
     */
    public long cont() {
        return TracerThread.call(() -> {
            while (!ended) {
                long rip = Ptrace.getRegs(pid).rip();
                if (breakpoints.containsKey(rip)) {
                    stepOver(rip);
                    if (ended) break;
                    long next = Ptrace.getRegs(pid).rip();
                    if (breakpoints.containsKey(next)) return next;
                    continue;
                }
                Ptrace.resume(Ptrace.PTRACE_CONT, pid, pendingSignal);
                pendingSignal = 0;
                long hit = handle(Ptrace.waitFor(pid));
                if (hit != 0) return hit;
            }
            return ENDED;
        });
    }

    private void stepOver(long rip) {
        mem.write(rip, new byte[] {breakpoints.get(rip)});
        try {
            Ptrace.resume(Ptrace.PTRACE_SINGLESTEP, pid, pendingSignal);
            pendingSignal = 0;
            WaitStatus ws = Ptrace.waitFor(pid);
            if (!(ws.stopped() && ws.event() == 0 && ws.stopSig() == SIGTRAP)) handle(ws);
        } finally {
            if (!ended) mem.write(rip, new byte[] {INT3});
        }
    }

    /** Deals with one stop; returns the breakpoint address it was, or 0 to go on. */
    private long handle(WaitStatus ws) {
        if (ws.exited() || ws.signaled()) {
            ended = true;
            exitStatus = ws.exited() ? ws.exitCode() : 128 + ws.termSig();
            return 0;
        }
        if (!ws.stopped()) return 0;
        if (ws.event() != 0) {
            onEvent(ws.event());
            return 0;
        }
        int sig = ws.stopSig();
        Registers regs = Ptrace.getRegs(pid);
        if (sig == SIGTRAP) {
            byte[] info = Ptrace.getSigInfo(pid);
            int code = info == null ? 0 : ByteBuffer.wrap(info).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
            long at = regs.rip() - 1;
            if (code == SI_KERNEL && breakpoints.containsKey(at)) {
                Ptrace.setRegs(pid, regs.with(Registers.RIP, at));
                return at;
            }
        } else if (sig == SIGSEGV && emulateRdtsc(regs)) {
            return 0;
        }
        pendingSignal = sig;
        return 0;
    }

    /** rdtsc (0f 31) and rdtscp (0f 01 f9) fault because the launcher asks for it: answer with the clock. */
    private boolean emulateRdtsc(Registers regs) {
        byte[] code = new byte[3];
        if (mem.readPartial(regs.rip(), code) < 2 || code[0] != 0x0f) return false;
        int len = code[1] == 0x31 ? 2 : code[1] == 0x01 && code[2] == (byte) 0xf9 ? 3 : 0;
        if (len == 0) return false;
        long tsc = System.nanoTime();
        Registers r = regs.with(Registers.RAX, tsc & 0xffffffffL).with(Registers.RDX, tsc >>> 32).with(Registers.RIP, regs.rip() + len);
        if (len == 3) r = r.with(Registers.RCX, 0);
        Ptrace.setRegs(pid, r);
        return true;
    }

    private void onEvent(int event) {
        if (event == Ptrace.EVENT_FORK || event == Ptrace.EVENT_VFORK) {
            int child = (int) Ptrace.getEventMsg(pid);
            Ptrace.waitFor(child); // its first stop
            if (event == Ptrace.EVENT_FORK) {
                try (TraceeMemory cm = new TraceeMemory(child)) {
                    for (Map.Entry<Long, Byte> e : breakpoints.entrySet()) cm.write(e.getKey(), new byte[] {e.getValue()});
                }
            }
            Ptrace.resume(PTRACE_DETACH, child, 0);
        } else if (event == Ptrace.EVENT_CLONE) {
            int tid = (int) Ptrace.getEventMsg(pid);
            threads.add(tid);
            Ptrace.waitFor(tid); // its first stop; it stays stopped until the group is killed
            throw new JrrException("the program started a thread; live tracing supports single-threaded programs only");
        } else if (event == Ptrace.EVENT_EXEC) {
            throw new JrrException("the program executed another program; live tracing stops there");
        }
    }

    /** The first mapping (file offset 0) of each file the program maps now, by path. */
    public Map<String, Long> mappedFiles() {
        Map<String, Long> first = new LinkedHashMap<>();
        for (ProcMaps.Region r : ProcMaps.read(pid)) {
            if (r.offset() == 0 && r.path().startsWith("/")) first.putIfAbsent(r.path(), r.start());
        }
        return first;
    }

    @Override
    public void close() {
        TracerThread.call(() -> {
            if (!ended && pid > 0) {
                // A traced thread must be reaped before its group leader's exit can be.
                Ptrace.kill(pid, 9);
                for (int tid : threads) Ptrace.killAndReap(tid);
                Ptrace.killAndReap(pid);
            }
            ended = true;
            if (mem != null) mem.close();
            return null;
        });
    }
}
