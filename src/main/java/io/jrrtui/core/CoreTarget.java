package io.jrrtui.core;

import io.jrrtui.arch.Registers;
import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.target.InterruptRequest;
import io.jrrtui.target.MemoryRegion;
import io.jrrtui.target.StopReason;
import io.jrrtui.target.Target;
import io.jrrtui.target.ThreadState;
import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A core file as a {@link Target}: the program as it was when it died, read-only. Threads,
 * registers, memory and mappings come from the dump; breakpoints and watchpoints can be set (gdb
 * allows it on a core: they would apply to a later run) but nothing runs, so resuming or stepping
 * fails with gdb's "The program is not being run." It has neither a recorded history nor
 * checkpoints.
 */
public final class CoreTarget implements Target {
    /** What every request to run the program says. */
    public static final String NOT_RUNNING = "The program is not being run.";
    private static final long NOT_IN_SYSCALL = -1;

    private final CoreDump core;
    private final Path program;
    private final long executableBase;
    private final Set<Long> breakpoints = new TreeSet<>();
    private final Map<Integer, long[]> watchpoints = new HashMap<>();
    private int nextWatchSlot;
    private int selected;
    private final InterruptRequest interrupts = new InterruptRequest();

    private CoreTarget(CoreDump core, Path program, long executableBase) {
        this.core = core;
        this.program = program;
        this.executableBase = executableBase;
    }

    /**
     * Opens corePath as a dump of program. One clear line (JrrException) for a program that is not
     * an executable, a core file that is not one (see {@link CoreDump#open}), or a core of another
     * program.
     */
    public static CoreTarget open(Path program, Path corePath) {
        if (!Files.isRegularFile(program)) throw new JrrException(program + ": No such file or directory.");
        if (!ElfFile.looksLikeElf(program)) throw new JrrException(program + ": not an executable (not ELF)");
        ElfFile elf = ElfFile.open(program);
        if (elf.isCore()) throw new JrrException(program + " is a core file; the program comes first: jrrtui debug PROGRAM CORE");
        if (elf.type() != ElfFile.ET_EXEC && elf.type() != ElfFile.ET_DYN) throw new JrrException(program + ": not an executable");
        CoreDump core = CoreDump.open(corePath);
        long bias = ProgramMatch.loadBias(core, program, elf);
        long firstVaddr = elf.programHeaders().stream().filter(ProgramHeader::isLoad).mapToLong(p -> p.vaddr() & ~0xfffL).min().orElse(0);
        return new CoreTarget(core, program.toAbsolutePath().normalize(), bias + firstVaddr);
    }

    @Override
    public int endingSignal() {
        return core.terminatingSignal();
    }

    public CoreDump core() {
        return core;
    }

    // ---- state

    @Override
    public boolean exited() {
        return false;
    }

    @Override
    public Registers registers() {
        return core.threads().get(selected).registers();
    }

    @Override
    public Registers registersOf(int tid) {
        for (CoreThread t : core.threads()) if (t.tid() == tid) return t.registers();
        return registers();
    }

    @Override
    public byte[] floatingPointRegisters() {
        CoreThread t = core.threads().get(selected);
        if (t.xstate() != null) return t.xstate().clone();
        return t.fpregs() == null ? null : t.fpregs().clone();
    }

    @Override
    public byte[] readMemory(long addr, int len) {
        return core.readMemory(addr, len);
    }

    /**
     * The dumped segments, with the file each maps (from NT_FILE) and its permissions (from the
     * segment's flags). A file that is gone or changed since the dump is left unnamed, so that no
     * symbols are read from it (see {@link CoreMemory#unusableFiles}).
     */
    @Override
    public List<MemoryRegion> memoryMap() {
        List<MemoryRegion> out = new ArrayList<>();
        for (ProgramHeader ph : core.elf().programHeaders()) {
            if (!ph.isLoad()) continue;
            MappedFile file = core.mappedFiles().stream().filter(f -> f.contains(ph.vaddr())).findFirst().orElse(null);
            String perms = ((ph.flags() & ProgramHeader.PF_R) != 0 ? "r" : "-") + ((ph.flags() & ProgramHeader.PF_W) != 0 ? "w" : "-")
                    + ((ph.flags() & ProgramHeader.PF_X) != 0 ? "x" : "-") + "p";
            long offset = file == null ? 0 : file.fileOffset() + (ph.vaddr() - file.start());
            boolean usable = file != null && !core.memory().unusableFiles().containsKey(file.path());
            out.add(new MemoryRegion(ph.vaddr(), ph.vaddr() + ph.memsz(), perms, offset, usable ? file.path() : ""));
        }
        return out;
    }

    @Override
    public Path currentExecutable() {
        return program;
    }

    @Override
    public long executableBase() {
        return executableBase;
    }

    @Override
    public byte[] auxiliaryVector() {
        return core.auxvBytes();
    }

    // ---- threads: numbered in note order, as gdb numbers a core's threads

    @Override
    public List<ThreadState> threads() {
        List<ThreadState> out = new ArrayList<>();
        for (int i = 0; i < core.threads().size(); i++) out.add(state(i));
        return out;
    }

    private ThreadState state(int i) {
        CoreThread t = core.threads().get(i);
        // the kernel keeps orig_rax = the syscall number while a thread waits in one
        boolean inSyscall = t.registers().origRax() != NOT_IN_SYSCALL;
        String name = core.process().filter(p -> p.pid() == t.tid()).map(CoreProcess::name).orElse(null);
        return new ThreadState(i + 1, t.tid(), name, i == selected, inSyscall);
    }

    @Override
    public ThreadState selectedThread() {
        return state(selected);
    }

    @Override
    public ThreadState selectThread(int number) {
        if (number < 1 || number > core.threads().size()) throw new JrrException("Invalid thread ID: " + number);
        selected = number - 1;
        return state(selected);
    }

    @Override
    public boolean selectRecordedThread(int tid) {
        for (int i = 0; i < core.threads().size(); i++) {
            if (core.threads().get(i).tid() == tid) {
                selected = i;
                return true;
            }
        }
        return false;
    }

    /** The thread that was running when the process dumped: the kernel writes it first. */
    @Override
    public int positionThread() {
        return core.threads().get(0).tid();
    }

    // ---- breakpoints and watchpoints: kept, never hit

    @Override
    public void addBreakpoint(long addr) {
        breakpoints.add(addr);
    }

    @Override
    public void removeBreakpoint(long addr) {
        breakpoints.remove(addr);
    }

    @Override
    public Set<Long> breakpointAddresses() {
        return Set.copyOf(breakpoints);
    }

    @Override
    public int addWatchpoint(long addr, int len, boolean includeReads) {
        watchpoints.put(nextWatchSlot, new long[] {addr, len});
        return nextWatchSlot++;
    }

    @Override
    public void removeWatchpoint(int slot) {
        watchpoints.remove(slot);
    }

    // ---- running: a core file cannot

    @Override
    public StopReason resume() {
        throw new JrrException(NOT_RUNNING);
    }

    @Override
    public StopReason resumeThread(int tid) {
        throw new JrrException(NOT_RUNNING);
    }

    @Override
    public StopReason stepInstruction() {
        throw new JrrException(NOT_RUNNING);
    }

    /** Nothing runs, so a request to stop is never taken (kept only to answer the interface). */
    @Override
    public InterruptRequest interrupts() {
        return interrupts;
    }

    @Override
    public io.jrrtui.arch.FunctionCall.Returned callFunction(io.jrrtui.arch.FunctionCall call) {
        throw new JrrException("Cannot call functions in a core file: there is no process to run " + call.name() + "() in.");
    }

    @Override
    public void close() {
    }
}
