package io.jrrtui.replay;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.arch.TrappedInstruction;
import io.jrrtui.record.Disposition;
import io.jrrtui.record.Recorder;
import io.jrrtui.record.SyscallTable;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.SyscallInjector;
import io.jrrtui.sys.TraceeLauncher;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.sys.TracerThread;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.target.StopReason;
import io.jrrtui.target.Target;
import io.jrrtui.trace.CpuidEvent;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExecEvent;
import io.jrrtui.trace.ExitEvent;
import io.jrrtui.trace.MemoryWrite;
import io.jrrtui.trace.RdtscEvent;
import io.jrrtui.trace.SignalEvent;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;

/**
 * Replays a trace in a fresh process. The program runs natively between events; at each syscall
 * (one PTRACE_SYSEMU stop) the recorded result and memory writes are injected, or, for calls that
 * shape the address space or signal state, the call runs for real at the recorded address. Every
 * stop is checked against the next recorded event; any difference is a {@link DivergenceException}.
 */
public final class ReplaySession implements Target {
    private static final long ARCH_SET_CPUID = 0x1012;
    private static final int SYS_ARCH_PRCTL = 158;
    private static final int MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_PRIVATE = 0x02, MAP_SHARED = 0x01;
    private static final int MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;

    private final TraceReader trace;
    private final LookaheadCursor events;
    private final OutputSink output;
    private int pid;
    private TraceeMemory mem;
    private long current;
    private boolean exited;
    private String exitDescription = "";
    private int deliver;

    private ReplaySession(TraceReader trace, OutputSink output) {
        this.trace = trace;
        this.output = output;
        this.events = new LookaheadCursor(trace.events());
    }

    /** Starts the recorded program and stops it just after event 1 (its exec). */
    public static ReplaySession start(TraceReader trace, OutputSink output) {
        ReplaySession s = new ReplaySession(trace, output);
        try {
            TracerThread.call(() -> {
                s.launch();
                return null;
            });
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void launch() {
        Event first = events.next();
        if (!(first instanceof ExecEvent exec)) throw new JrrException("corrupt trace: it does not start with an exec event");
        if (!Files.isRegularFile(trace.executable())) {
            throw new JrrException("trace " + trace.dir() + " has lost its copy of the program (" + trace.executable() + ")");
        }
        List<String> argv = trace.info().argv();
        TraceeLauncher.Stdio quiet = new TraceeLauncher.Stdio("/dev/null", "/dev/null", "/dev/null");
        pid = TraceeLauncher.launch(trace.executable().toString(), argv, trace.info().env(), null, quiet);
        mem = new TraceeMemory(pid);
        SyscallInjector.inject(pid, mem, SYS_ARCH_PRCTL, ARCH_SET_CPUID, 0);
        ProcMaps.Region stack = ProcMaps.find(pid, exec.stackAddr());
        long top = exec.stackAddr() + exec.stack().length;
        if (stack == null || stack.end() != top) {
            throw new DivergenceException(1, String.format("the initial stack cannot be placed at 0x%x-0x%x (stack now %s)",
                    exec.stackAddr(), top, stack == null ? "elsewhere" : Long.toHexString(stack.start()) + "-" + Long.toHexString(stack.end())));
        }
        mem.write(exec.stackAddr(), exec.stack());
        Ptrace.setRegs(pid, exec.regs());
        current = 1;
    }

    @Override
    public Registers registers() {
        return TracerThread.call(() -> Ptrace.getRegs(pid));
    }

    @Override
    public byte[] readMemory(long addr, int len) {
        return TracerThread.call(() -> mem.read(addr, len));
    }

    @Override
    public long currentEvent() {
        return current;
    }

    @Override
    public long eventCount() {
        return trace.info().eventCount();
    }

    public int pid() {
        return pid;
    }

    public boolean exited() {
        return exited;
    }

    @Override
    public StopReason runToEnd() {
        return runToEvent(Long.MAX_VALUE);
    }

    @Override
    public StopReason runToEvent(long n) {
        return TracerThread.call(() -> {
            while (!exited && current < n) {
                if (events.peek() == null) {
                    throw new JrrException("the trace ends after event " + current
                            + (trace.incomplete() ? " (the recording was interrupted)" : ""));
                }
                advance();
            }
            return exited ? StopReason.exited(current, exitDescription) : StopReason.atEvent(current);
        });
    }

    /** Runs the program to its next stop and matches that stop with the next recorded event. */
    private void advance() {
        Ptrace.resume(Ptrace.PTRACE_SYSEMU, pid, deliver);
        deliver = 0;
        WaitStatus ws = Ptrace.waitFor(pid);
        handleStop(ws);
    }

    private void handleStop(WaitStatus ws) {
        Event expected = events.next();
        long n = current + 1;
        if (ws.exited() || ws.signaled()) {
            exited = true;
            if (!(expected instanceof ExitEvent exit)) {
                throw new DivergenceException(n, "the program ended (" + ws + ") where the recording has " + describe(expected));
            }
            boolean same = exit.signaled() == ws.signaled() && exit.code() == (ws.signaled() ? ws.termSig() : ws.exitCode());
            if (!same) throw new DivergenceException(n, "the program ended with " + ws + ", recorded " + exit.describe());
            exitDescription = exit.describe();
            current = n;
            return;
        }
        if (ws.syscallStop()) {
            Registers regs = Ptrace.getRegs(pid);
            if (expected instanceof ExitEvent && isExit(regs.origRax())) {
                endForReal(regs, expected);
                return;
            }
            if (!(expected instanceof SyscallEvent sc)) {
                throw new DivergenceException(n, "the program made syscall " + Syscalls.name(regs.origRax())
                        + " where the recording has " + describe(expected));
            }
            checkRegisters(n, sc, regs);
            replaySyscall(sc, regs);
        } else if (ws.stopped() && ws.event() == 0) {
            replaySignal(n, ws.stopSig(), expected);
        } else {
            throw new DivergenceException(n, "unexpected stop " + ws + " where the recording has " + describe(expected));
        }
        current = n;
        raiseBoundarySignal();
    }

    private static boolean isExit(long nr) {
        return nr == 60 || nr == 231; // exit, exit_group: the recording has only their outcome
    }

    /** Lets exit/exit_group run for real and checks the ending against the recorded one. */
    private void endForReal(Registers regs, Event expected) {
        events.pushBack(expected);
        Ptrace.setRegs(pid, regs.with(Registers.RIP, regs.rip() - 2).with(Registers.RAX, regs.origRax()));
        WaitStatus ws;
        do {
            Ptrace.resume(Ptrace.PTRACE_CONT, pid, 0);
            ws = Ptrace.waitFor(pid);
        } while (!ws.exited() && !ws.signaled() && ws.stopped() && ws.event() == Ptrace.EVENT_EXIT);
        handleStop(ws);
    }

    private static String describe(Event e) {
        return e == null ? "no more events" : e.describe();
    }

    private void checkRegisters(long n, SyscallEvent sc, Registers regs) {
        if (regs.origRax() != sc.syscall()) {
            throw new DivergenceException(n, "the program made syscall " + Syscalls.name(regs.origRax())
                    + " where the recording has " + sc.name());
        }
        int diff = regs.firstDifference(sc.regs(), Registers.EFLAGS, Registers.R11);
        if (diff >= 0) {
            throw new DivergenceException(n, String.format("at syscall %s register %s is 0x%x, recorded 0x%x", sc.name(),
                    Registers.NAMES.get(diff), regs.get(diff), sc.regs().get(diff)));
        }
    }

    private void replaySyscall(SyscallEvent sc, Registers regs) {
        Disposition d = SyscallTable.disposition(sc.syscall());
        long result = sc.result();
        boolean failed = result < 0 && result > -4096;
        switch (d) {
            case EXECUTE -> executeForReal(sc, regs, regs);
            case MMAP -> {
                if (failed) {
                    emulate(sc, regs);
                } else {
                    int flags = (int) regs.arg(3);
                    long f = (flags & MAP_ANONYMOUS) != 0 ? flags | MAP_FIXED
                            : (flags & ~MAP_SHARED) | MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;
                    Registers real = regs.withArg(0, result).withArg(3, f);
                    if ((flags & MAP_ANONYMOUS) == 0) real = real.withArg(4, -1).withArg(5, 0);
                    executeForReal(sc, regs, real);
                }
            }
            default -> emulate(sc, regs);
        }
        if (sc.outputStream() != 0) output.write(current + 1, sc.tid(), sc.outputStream(), sc.output());
    }

    private void emulate(SyscallEvent sc, Registers regs) {
        applyWrites(sc);
        Ptrace.setRegs(pid, regs.with(Registers.RAX, sc.result()));
    }

    private void applyWrites(SyscallEvent sc) {
        for (MemoryWrite w : sc.writes()) {
            if (w.length() > 0) mem.write(w.addr(), w.data());
        }
    }

    /**
     * Makes the skipped syscall run: back rip up over the syscall instruction and step it again
     * under PTRACE_SYSCALL with the (possibly adjusted) arguments.
     */
    private void executeForReal(SyscallEvent sc, Registers entry, Registers args) {
        String name = sc.name();
        if (name.equals("mremap") && sc.result() >= 0 && sc.result() != entry.arg(0)) {
            args = args.withArg(3, entry.arg(3) | MREMAP_MAYMOVE | MREMAP_FIXED).withArg(4, sc.result());
        }
        Ptrace.setRegs(pid, args.with(Registers.RIP, entry.rip() - 2).with(Registers.RAX, entry.origRax()));
        // Resuming with PTRACE_SYSCALL first reports the exit of the skipped (emulated) call, at
        // the rewound rip; then the entry of the real one, after the syscall instruction.
        WaitStatus ws;
        do {
            Ptrace.resume(Ptrace.PTRACE_SYSCALL, pid, 0);
            ws = Ptrace.waitFor(pid);
            if (!ws.syscallStop()) throw new DivergenceException(current + 1, "re-executing " + name + " stopped with " + ws);
        } while (Ptrace.getRegs(pid).rip() != entry.rip());
        Ptrace.resume(Ptrace.PTRACE_SYSCALL, pid, 0);
        ws = Ptrace.waitFor(pid);
        if (ws.exited() || ws.signaled()) {
            // exit/exit_group: the ending is the next recorded event
            current++;
            handleStop(ws);
            current--;
            return;
        }
        if (!ws.syscallStop()) throw new DivergenceException(current + 1, "re-executing " + name + " stopped with " + ws);
        Registers after = Ptrace.getRegs(pid);
        if (!name.equals("rt_sigreturn") && after.rax() != sc.result()) {
            throw new DivergenceException(current + 1, String.format("%s returned 0x%x on replay, recorded 0x%x", name,
                    after.rax(), sc.result()));
        }
        if (!args.equals(entry)) {
            // The program must see the arguments it passed, not our adjusted ones.
            Registers restored = after;
            for (int i = 0; i < 6; i++) restored = restored.withArg(i, entry.arg(i));
            Ptrace.setRegs(pid, restored);
        }
        applyWrites(sc);
    }

    private void replaySignal(long n, int sig, Event expected) {
        Registers regs = Ptrace.getRegs(pid);
        if (sig == Signals.SIGSEGV) {
            byte[] code = new byte[3];
            mem.readPartial(regs.rip(), code);
            TrappedInstruction insn = TrappedInstruction.of(code);
            if (insn != TrappedInstruction.NONE) {
                replayTrappedInstruction(n, insn, regs, expected);
                return;
            }
        }
        if (!(expected instanceof SignalEvent se) || se.signo() != sig) {
            throw new DivergenceException(n, "the program received " + Signals.name(sig) + " at 0x"
                    + Long.toHexString(regs.rip()) + " where the recording has " + describe(expected));
        }
        if (!se.fault()) Ptrace.setSigInfo(pid, se.siginfo());
        deliver = sig;
    }

    private void replayTrappedInstruction(long n, TrappedInstruction insn, Registers regs, Event expected) {
        if (insn == TrappedInstruction.CPUID && expected instanceof CpuidEvent c && c.rip() == regs.rip()) {
            Ptrace.setRegs(pid, Recorder.applyCpuid(regs, new int[] {c.eax(), c.ebx(), c.ecx(), c.edx()}));
        } else if (insn != TrappedInstruction.CPUID && expected instanceof RdtscEvent r && r.rip() == regs.rip()) {
            Ptrace.setRegs(pid, Recorder.applyRdtsc(regs, r.value(), r.aux(), insn));
        } else {
            throw new DivergenceException(n, insn.name().toLowerCase() + " at 0x" + Long.toHexString(regs.rip())
                    + " where the recording has " + describe(expected));
        }
    }

    /** A signal the recorder delivered right after this event: raise it so it arrives at the same point. */
    private void raiseBoundarySignal() {
        if (events.peek() instanceof SignalEvent se && !se.fault()) {
            Ptrace.tgkill(pid, pid, se.signo());
        }
    }

    /** The exit status the recording ended with. */
    public int recordedExitStatus() {
        return trace.info().exitStatus();
    }

    @Override
    public void close() {
        events.close();
        if (pid > 0) {
            TracerThread.call(() -> {
                Ptrace.killAndReap(pid);
                return null;
            });
            pid = 0;
        }
        if (mem != null) mem.close();
    }

    static int intAt(byte[] b, int off) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(off);
    }
}
