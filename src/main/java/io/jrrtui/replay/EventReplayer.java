package io.jrrtui.replay;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.arch.TrappedInstruction;
import io.jrrtui.record.Disposition;
import io.jrrtui.record.Recorder;
import io.jrrtui.record.SyscallTable;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.trace.CpuidEvent;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExitEvent;
import io.jrrtui.trace.MemoryWrite;
import io.jrrtui.trace.RdtscEvent;
import io.jrrtui.trace.SignalEvent;
import io.jrrtui.trace.SyscallEvent;

/**
 * Matches each stop of the replaying program with the next recorded event and makes it come out
 * as recorded: injects emulated syscall results and memory writes (one PTRACE_SYSEMU stop), runs
 * address-space and signal-state calls for real at the recorded addresses, emulates trapped
 * rdtsc/cpuid, delivers signals. Any difference is a {@link DivergenceException}.
 */
final class EventReplayer {
    private static final int MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_PRIVATE = 0x02, MAP_TYPE = 0x03;
    private static final int MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;

    private final TraceeState s;

    EventReplayer(TraceeState s) {
        this.s = s;
    }

    /** Runs the program to its next stop and matches that stop with the next recorded event. */
    void advance() {
        Ptrace.resume(Ptrace.PTRACE_SYSEMU, s.pid, s.deliver);
        s.deliver = 0;
        WaitStatus ws = Ptrace.waitFor(s.pid);
        handleStop(ws);
    }

    void handleStop(WaitStatus ws) {
        Event expected = s.events.next();
        long n = s.current + 1;
        if (ws.exited() || ws.signaled()) {
            s.exited = true;
            if (!(expected instanceof ExitEvent exit)) {
                throw new DivergenceException(n, "the program ended (" + ws + ") where the recording has " + describe(expected));
            }
            boolean same = exit.signaled() == ws.signaled() && exit.code() == (ws.signaled() ? ws.termSig() : ws.exitCode());
            if (!same) throw new DivergenceException(n, "the program ended with " + ws + ", recorded " + exit.describe());
            s.exitDescription = exit.describe();
            s.current = n;
            return;
        }
        if (ws.syscallStop()) {
            Registers regs = Ptrace.getRegs(s.pid);
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
        s.current = n;
        raiseBoundarySignal();
    }

    static boolean isExit(long nr) {
        return nr == 60 || nr == 231; // exit, exit_group: the recording has only their outcome
    }

    /** Lets exit/exit_group run for real and checks the ending against the recorded one. */
    void endForReal(Registers regs, Event expected) {
        s.events.pushBack(expected);
        Ptrace.setRegs(s.pid, regs.with(Registers.RIP, regs.rip() - 2).with(Registers.RAX, regs.origRax()));
        WaitStatus ws;
        do {
            Ptrace.resume(Ptrace.PTRACE_CONT, s.pid, 0);
            ws = Ptrace.waitFor(s.pid);
        } while (!ws.exited() && !ws.signaled() && ws.stopped() && ws.event() == Ptrace.EVENT_EXIT);
        handleStop(ws);
    }

    static String describe(Event e) {
        return e == null ? "no more s.events" : e.describe();
    }

    void checkRegisters(long n, SyscallEvent sc, Registers regs) {
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

    void replaySyscall(SyscallEvent sc, Registers regs) {
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
                    // Always private: one process sees no difference, and forked checkpoints must
                    // not share pages with the live process.
                    long f = (flags & ~MAP_TYPE) | MAP_PRIVATE | MAP_FIXED
                            | ((flags & MAP_ANONYMOUS) != 0 ? 0 : MAP_ANONYMOUS);
                    Registers real = regs.withArg(0, result).withArg(3, f);
                    if ((flags & MAP_ANONYMOUS) == 0) real = real.withArg(4, -1).withArg(5, 0);
                    executeForReal(sc, regs, real);
                }
            }
            default -> emulate(sc, regs);
        }
        if (sc.outputStream() != 0) s.output.write(s.current + 1, sc.tid(), sc.outputStream(), sc.output());
    }

    void emulate(SyscallEvent sc, Registers regs) {
        applyWrites(sc);
        Ptrace.setRegs(s.pid, regs.with(Registers.RAX, sc.result()));
    }

    void applyWrites(SyscallEvent sc) {
        for (MemoryWrite w : sc.writes()) {
            if (w.length() > 0) s.mem.write(w.addr(), w.data());
        }
    }

    /**
     * Makes the skipped syscall run: back rip up over the syscall instruction and step it again
     * under PTRACE_SYSCALL with the (possibly adjusted) arguments.
     */
    void executeForReal(SyscallEvent sc, Registers entry, Registers args) {
        String name = sc.name();
        if (name.equals("mremap") && sc.result() >= 0 && sc.result() != entry.arg(0)) {
            args = args.withArg(3, entry.arg(3) | MREMAP_MAYMOVE | MREMAP_FIXED).withArg(4, sc.result());
        }
        Ptrace.setRegs(s.pid, args.with(Registers.RIP, entry.rip() - 2).with(Registers.RAX, entry.origRax()));
        // Resuming with PTRACE_SYSCALL first reports the exit of the skipped (emulated) call, at
        // the rewound rip; then the entry of the real one, after the syscall instruction.
        WaitStatus ws;
        do {
            Ptrace.resume(Ptrace.PTRACE_SYSCALL, s.pid, 0);
            ws = Ptrace.waitFor(s.pid);
            if (!ws.syscallStop()) throw new DivergenceException(s.current + 1, "re-executing " + name + " stopped with " + ws);
        } while (Ptrace.getRegs(s.pid).rip() != entry.rip());
        Ptrace.resume(Ptrace.PTRACE_SYSCALL, s.pid, 0);
        ws = Ptrace.waitFor(s.pid);
        if (ws.exited() || ws.signaled()) {
            // exit/exit_group: the ending is the next recorded event
            s.current++;
            handleStop(ws);
            s.current--;
            return;
        }
        if (!ws.syscallStop()) throw new DivergenceException(s.current + 1, "re-executing " + name + " stopped with " + ws);
        Registers after = Ptrace.getRegs(s.pid);
        if (!name.equals("rt_sigreturn") && after.rax() != sc.result()) {
            throw new DivergenceException(s.current + 1, String.format("%s returned 0x%x on replay, recorded 0x%x", name,
                    after.rax(), sc.result()));
        }
        if (!args.equals(entry)) {
            // The program must see the arguments it passed, not our adjusted ones.
            Registers restored = after;
            for (int i = 0; i < 6; i++) restored = restored.withArg(i, entry.arg(i));
            Ptrace.setRegs(s.pid, restored);
        }
        applyWrites(sc);
    }

    void replaySignal(long n, int sig, Event expected) {
        Registers regs = Ptrace.getRegs(s.pid);
        if (sig == Signals.SIGSEGV) {
            byte[] code = new byte[3];
            s.mem.readPartial(regs.rip(), code);
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
        if (!se.fault()) Ptrace.setSigInfo(s.pid, se.siginfo());
        s.deliver = sig;
    }

    void replayTrappedInstruction(long n, TrappedInstruction insn, Registers regs, Event expected) {
        if (insn == TrappedInstruction.CPUID && expected instanceof CpuidEvent c && c.rip() == regs.rip()) {
            Ptrace.setRegs(s.pid, Recorder.applyCpuid(regs, new int[] {c.eax(), c.ebx(), c.ecx(), c.edx()}));
        } else if (insn != TrappedInstruction.CPUID && expected instanceof RdtscEvent r && r.rip() == regs.rip()) {
            Ptrace.setRegs(s.pid, Recorder.applyRdtsc(regs, r.value(), r.aux(), insn));
        } else {
            throw new DivergenceException(n, insn.name().toLowerCase() + " at 0x" + Long.toHexString(regs.rip())
                    + " where the recording has " + describe(expected));
        }
    }

    /** A signal the recorder delivered right after this event: raise it so it arrives at the same point. */
    void raiseBoundarySignal() {
        if (s.events.peek() instanceof SignalEvent se && !se.fault()) {
            Ptrace.tgkill(s.pid, s.pid, se.signo());
        }
    }

}
