package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.arch.TrappedInstruction;
import io.jrrtui.record.OutputRule.Range;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.Shim;
import io.jrrtui.sys.SyscallInjector;
import io.jrrtui.sys.TraceeLauncher;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.sys.TracerThread;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.trace.CpuidEvent;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExecEvent;
import io.jrrtui.trace.ExitEvent;
import io.jrrtui.trace.MemoryWrite;
import io.jrrtui.trace.RdtscEvent;
import io.jrrtui.trace.SignalEvent;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceInfo;
import io.jrrtui.trace.TraceWriter;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Records one run of a single-process program into a trace: stops at every syscall entry and exit
 * (PTRACE_SYSCALL, about 2.4 µs each here), saves results and the memory the kernel wrote,
 * emulates trapped rdtsc/cpuid, and keeps asynchronous signals on event boundaries (a signal that
 * arrives while user code runs is held back to the next syscall exit, as POSIX allows).
 */
public final class Recorder {
    private static final long ARCH_SET_CPUID = 0x1012;
    private static final int SYS_ARCH_PRCTL = 158;
    private static final long ENOSYS = -38;

    private final TraceWriter writer;
    private final String exePath;
    private final List<String> argv;
    private final List<String> env;
    private final String cwd;
    private final TraceeLauncher.Stdio stdio;
    private final OutputFds outputFds = new OutputFds();
    private final SharedFileMaps sharedFileMaps = new SharedFileMaps();
    private final Deque<byte[]> heldSignals = new ArrayDeque<>();
    private final List<String> warnings = new ArrayList<>();
    private int pid;
    private TraceeMemory mem;
    private long nextEvent = 1;
    private volatile int livePid;
    private boolean cpuidTrapped;

    /** How a recording ended. */
    public record Result(int exitStatus, long events, String endReason, List<String> warnings) {}

    public Recorder(TraceWriter writer, String exePath, List<String> argv, List<String> env, String cwd,
            TraceeLauncher.Stdio stdio) {
        this.writer = writer;
        this.exePath = exePath;
        this.argv = argv;
        this.env = env;
        this.cwd = cwd;
        this.stdio = stdio;
    }

    /** Kills the tracee from any thread (Ctrl-C of jrrtui itself, shutdown). */
    public void killTracee() {
        int p = livePid;
        if (p > 0) Ptrace.kill(p, Signals.SIGKILL);
    }

    /** Runs the program to its end on the tracer thread. */
    public Result run(TraceInfo info) {
        return TracerThread.call(() -> {
            try {
                pid = TraceeLauncher.launch(exePath, argv, env, cwd, stdio);
                livePid = pid;
                writer.updateInfo(info.withPid(pid));
                mem = new TraceeMemory(pid);
                onExec();
                return loop();
            } catch (RuntimeException e) {
                Ptrace.killAndReap(pid);
                writer.abandon(e.getMessage() == null ? e.toString() : e.getMessage());
                throw e;
            } finally {
                livePid = 0;
                if (mem != null) mem.close();
            }
        });
    }

    private void write(Event e) {
        writer.write(e);
        nextEvent = e.number() + 1;
    }

    /** The exec stop: hide the vDSO, turn on cpuid faulting, save the initial stack. */
    private void onExec() {
        Registers regs = Ptrace.getRegs(pid);
        byte[] stack = InitialStack.prepare(pid, mem, regs.rsp());
        long r = SyscallInjector.inject(pid, mem, SYS_ARCH_PRCTL, ARCH_SET_CPUID, 0);
        // Without cpuid faulting (ENODEV on many VMs) cpuid runs natively: fine for replay on the
        // same machine; the trace header says so.
        cpuidTrapped = r == 0;
        write(new ExecEvent(nextEvent, pid, exePath, regs, regs.rsp(), stack));
    }

    private Result loop() {
        int deliver = 0;
        boolean inSyscall = false;
        boolean atBoundary = false;
        Registers entry = null;
        while (true) {
            Ptrace.resume(Ptrace.PTRACE_SYSCALL, pid, deliver);
            deliver = 0;
            WaitStatus ws = Ptrace.waitFor(pid);
            if (ws.exited() || ws.signaled()) {
                ExitEvent exit = new ExitEvent(nextEvent, pid, ws.signaled(), ws.signaled() ? ws.termSig() : ws.exitCode());
                write(exit);
                writer.finish(exit.shellStatus(), exit.describe());
                return new Result(exit.shellStatus(), exit.number(), exit.describe(), warnings);
            }
            if (ws.syscallStop()) {
                if (!inSyscall) {
                    entry = Ptrace.getRegs(pid);
                    onSyscallEntry(entry);
                    inSyscall = true;
                    atBoundary = false;
                } else {
                    onSyscallExit(entry, Ptrace.getRegs(pid));
                    inSyscall = false;
                    atBoundary = true;
                    raiseHeldSignal();
                }
            } else if (ws.event() != 0) {
                throw new JrrException("cannot record: the program " + eventName(ws.event())
                        + ", which this version does not support (single-process programs only)");
            } else {
                deliver = onSignalStop(ws.stopSig(), atBoundary);
                atBoundary = deliver != 0 && atBoundary;
            }
        }
    }

    private static String eventName(int event) {
        return switch (event) {
            case Ptrace.EVENT_CLONE -> "started a thread";
            case Ptrace.EVENT_FORK, Ptrace.EVENT_VFORK -> "forked a process";
            case Ptrace.EVENT_EXEC -> "executed another program";
            default -> "caused ptrace event " + event;
        };
    }

    private void onSyscallEntry(Registers regs) {
        long nr = regs.origRax();
        SyscallSpec spec = SyscallTable.spec(nr);
        if (spec == null) {
            throw new JrrException(String.format("cannot record: the program made syscall %d (%s), which jrrtui does not know how to record",
                    nr, Syscalls.known(nr) ? Syscalls.name(nr) : "not a Linux syscall"));
        }
        String refusal = spec.disposition() == Disposition.MMAP ? sharedFileMaps.refuse(pid, regs) : spec.refuse(regs);
        if (refusal != null) {
            throw new JrrException(String.format("cannot record: syscall %d (%s): %s", nr, spec.name(), refusal));
        }
        if (spec.disposition() == Disposition.DENY) {
            Ptrace.setRegs(pid, regs.with(Registers.ORIG_RAX, -1)); // skipped; the kernel returns ENOSYS
        }
    }

    private void onSyscallExit(Registers entry, Registers exit) {
        long nr = entry.origRax();
        SyscallSpec spec = SyscallTable.spec(nr);
        long result = exit.rax();
        if (spec.disposition() == Disposition.DENY) {
            result = ENOSYS;
            Ptrace.setRegs(pid, exit.with(Registers.RAX, ENOSYS));
        }
        List<Range> ranges = new ArrayList<>();
        spec.outputs().ranges(entry, result, peek(), ranges);
        List<MemoryWrite> writes = new ArrayList<>(ranges.size());
        for (Range r : ranges) {
            if (r.length() <= 0 || r.length() > (1L << 30)) continue;
            byte[] data = new byte[(int) r.length()];
            int n = mem.readPartial(r.addr(), data);
            if (n > 0) writes.add(new MemoryWrite(r.addr(), n == data.length ? data : java.util.Arrays.copyOf(data, n)));
        }
        if (spec.disposition() == Disposition.MMAP) {
            MemoryWrite content = FileMappings.capture(pid, mem, writer, nextEvent, entry, result);
            if (content != null) writes.add(content);
        }
        int stream = 0;
        byte[] output = new byte[0];
        String name = spec.name();
        if (result > 0 && (name.equals("write") || name.equals("pwrite64") || name.equals("writev") || name.equals("pwritev"))) {
            stream = outputFds.stream(entry.arg(0));
            if (stream != 0) output = writtenBytes(entry, result, name.startsWith("p") ? name.equals("pwritev") : name.equals("writev"));
        }
        outputFds.update(entry, result, newFdsInMemory(name, entry, result));
        sharedFileMaps.update(pid, entry, result);
        write(new SyscallEvent(nextEvent, pid, entry, result, writes, stream, output));
    }

    private byte[] writtenBytes(Registers entry, long result, boolean vector) {
        if (!vector) return mem.read(entry.arg(1), (int) Math.min(result, Integer.MAX_VALUE));
        List<Range> parts = new ArrayList<>();
        OutputRules.scatter(entry.arg(1), entry.arg(2), result, peek(), parts);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) result);
        for (Range r : parts) out.writeBytes(mem.read(r.addr(), (int) r.length()));
        return out.toByteArray();
    }

    private int[] newFdsInMemory(String name, Registers entry, long result) {
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

    private OutputRule.MemoryPeek peek() {
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

    /**
     * A signal-delivery-stop. Returns the signal to deliver now (0 = none: emulated, held back,
     * or a group-stop).
     */
    private int onSignalStop(int sig, boolean atBoundary) {
        byte[] info = Ptrace.getSigInfo(pid);
        if (info == null) return 0; // group-stop
        Registers regs = Ptrace.getRegs(pid);
        int code = ByteBuffer.wrap(info).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
        if (sig == Signals.SIGSEGV && emulateTrappedInstruction(regs)) return 0;
        boolean fault = Signals.isFaultSignal(sig) && code > 0;
        if (fault || atBoundary) {
            if (!fault && !heldSignals.isEmpty() && heldSignalMatches(sig)) {
                info = heldSignals.removeFirst();
                Ptrace.setSigInfo(pid, info);
            }
            write(new SignalEvent(nextEvent, pid, sig, info, fault, regs));
            return sig;
        }
        heldSignals.addLast(info); // arrived while user code ran: deliver at the next syscall exit
        return 0;
    }

    private boolean heldSignalMatches(int sig) {
        return ByteBuffer.wrap(heldSignals.peekFirst()).order(ByteOrder.LITTLE_ENDIAN).getInt(0) == sig;
    }

    /** Re-raises the oldest held-back signal so it is delivered as the syscall returns. */
    private void raiseHeldSignal() {
        if (heldSignals.isEmpty()) return;
        int sig = ByteBuffer.wrap(heldSignals.peekFirst()).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        Ptrace.tgkill(pid, pid, sig);
    }

    private boolean emulateTrappedInstruction(Registers regs) {
        byte[] code = new byte[3];
        mem.readPartial(regs.rip(), code);
        TrappedInstruction insn = TrappedInstruction.of(code);
        Registers out;
        switch (insn) {
            case RDTSC, RDTSCP -> {
                int[] aux = new int[1];
                long tsc = insn == TrappedInstruction.RDTSC ? Shim.rdtsc() : Shim.rdtscp(aux);
                write(new RdtscEvent(nextEvent, pid, regs.rip(), tsc, aux[0], insn == TrappedInstruction.RDTSCP));
                out = applyRdtsc(regs, tsc, aux[0], insn);
            }
            case CPUID -> {
                int leaf = (int) regs.get(Registers.RAX);
                int sub = (int) regs.get(Registers.RCX);
                int[] r = CpuidPolicy.mask(leaf, sub, Shim.cpuid(leaf, sub));
                write(new CpuidEvent(nextEvent, pid, regs.rip(), leaf, sub, r[0], r[1], r[2], r[3]));
                out = applyCpuid(regs, r);
            }
            default -> {
                return false;
            }
        }
        Ptrace.setRegs(pid, out);
        return true;
    }

    /** Registers after an emulated rdtsc/rdtscp (shared with replay). */
    public static Registers applyRdtsc(Registers regs, long tsc, int aux, TrappedInstruction insn) {
        Registers out = regs.with(Registers.RAX, tsc & 0xffffffffL).with(Registers.RDX, tsc >>> 32);
        if (insn == TrappedInstruction.RDTSCP) out = out.with(Registers.RCX, aux & 0xffffffffL);
        return out.with(Registers.RIP, regs.rip() + insn.length());
    }

    /** Registers after an emulated cpuid (shared with replay). */
    public static Registers applyCpuid(Registers regs, int[] r) {
        return regs.with(Registers.RAX, r[0] & 0xffffffffL).with(Registers.RBX, r[1] & 0xffffffffL)
                .with(Registers.RCX, r[2] & 0xffffffffL).with(Registers.RDX, r[3] & 0xffffffffL)
                .with(Registers.RIP, regs.rip() + 2);
    }
}
