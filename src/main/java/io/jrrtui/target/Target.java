package io.jrrtui.target;

import io.jrrtui.arch.Registers;
import io.jrrtui.util.JrrException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one interface the debugger core drives (Delve's proc.Target): a stopped program with threads,
 * registers and memory, its mappings, breakpoints and watchpoints, and a way to run it to its next
 * stop. What not every program offers — a recorded history of events, going back in time through
 * checkpoints — is an optional capability, asked for with {@link #history()} and
 * {@link #checkpointing()}, never found by instanceof. A target that cannot do something (a core
 * file cannot run, a live run has no watchpoints) throws JrrException saying so.
 *
 * <p>Thread ids here are the program's own (a replay's are the recorded ones, which the kernel
 * gave the recorded run).
 */
public interface Target extends AutoCloseable {
    // ---- state ------------------------------------------------------------------------------

    /** Whether the program has ended (there are no registers or memory left to read). */
    boolean exited();

    /** Registers of the selected thread at the current stop. */
    Registers registers();

    /** Registers of thread tid (the selected thread's when tid is gone). */
    Registers registersOf(int tid);

    /**
     * The selected thread's x87/SSE/AVX registers: the XSAVE image, or FXSAVE's 512 bytes where
     * there is no XSAVE (both begin with the FXSAVE layout: xmm0 at byte 160).
     */
    byte[] floatingPointRegisters();

    /**
     * Where XSAVE state component n (5-7: AVX-512) lies in {@link #floatingPointRegisters}'s image
     * (CPUID leaf 0xD of the machine whose process it is: the layout differs between processors), or
     * -1 when unknown.
     */
    default int xsaveOffset(int component) {
        return -1;
    }

    /** Reads exactly len bytes of the program's memory (breakpoint bytes hidden); throws JrrException where unmapped. */
    byte[] readMemory(long addr, int len);

    /** Writes into the program's memory where the target allows it. */
    default void writeMemory(long addr, byte[] bytes) {
        throw new JrrException("this program's memory cannot be changed here");
    }

    /**
     * Runs a call of one of the program's functions from the selected thread's state and returns its
     * return registers. Whether it may change the program, and how (a replay runs it in a forked,
     * thrown-away copy), is the target's; targets that cannot run code refuse, saying why.
     */
    default io.jrrtui.arch.FunctionCall.Returned callFunction(io.jrrtui.arch.FunctionCall call) {
        throw new JrrException("Cannot call " + call.name() + "() here: this program cannot run code.");
    }

    /** The program's memory mappings now, by address. */
    List<MemoryRegion> memoryMap();

    /** The file of the program the selected thread runs now. */
    Path currentExecutable();

    /** Where that executable is loaded (the start of its mapping at file offset 0). */
    long executableBase();

    /** The ELF auxiliary vector the program started with, or null when it cannot be read. */
    default byte[] auxiliaryVector() {
        return null;
    }

    // ---- threads ------------------------------------------------------------------------------

    /** The program's live threads, by thread number. */
    List<ThreadState> threads();

    /** The selected thread: the one whose registers, memory and stack are shown. */
    ThreadState selectedThread();

    /** How many threads live now. */
    default int threadCount() {
        return threads().size();
    }

    /** Selects thread number n (gdb's numbering: 1, 2, ... in the order threads were seen); throws when there is none. */
    ThreadState selectThread(int number);

    /** Selects the thread with this id when it lives in the program; false otherwise. */
    boolean selectRecordedThread(int tid);

    /** The thread whose execution made the current stop (the selected one when none did). */
    int positionThread();

    // ---- breakpoints and watchpoints ----------------------------------------------------------

    void addBreakpoint(long addr);

    void removeBreakpoint(long addr);

    /** The addresses with a breakpoint now (the user's and temporary ones). */
    Set<Long> breakpointAddresses();

    /** Watches len bytes at addr for writes (and reads when includeReads); returns the watchpoint's slot. */
    int addWatchpoint(long addr, int len, boolean includeReads);

    void removeWatchpoint(int slot);

    // ---- running ------------------------------------------------------------------------------

    /** Runs to the next stop: a breakpoint or watchpoint, a signal, the end of the program. */
    StopReason resume();

    /** Like {@link #resume()}, but only stops of thread tid count (the others run on past theirs). */
    StopReason resumeThread(int tid);

    /** Executes one instruction of the selected thread. */
    StopReason stepInstruction();

    /** Where {@link #interrupt()} leaves its request for the running move to take. */
    InterruptRequest interrupts();

    /**
     * Asks a running {@link #resume()} (from any thread) to stop at its next safe point; it then
     * throws {@link InterruptedOperation}.
     */
    default void interrupt() {
        interrupts().request();
    }

    /** Forgets an interrupt that came when nothing was running. */
    default void clearInterrupt() {
        interrupts().clear();
    }

    /**
     * Runs work where the program can be driven from (ptrace answers only the thread that attached):
     * many calls in a row cost one hand-over instead of one each.
     */
    default <T> T exclusive(Supplier<T> work) {
        return work.get();
    }

    /** The signal that ended the program, for a target that holds a program's end (a core file); 0 otherwise. */
    default int endingSignal() {
        return 0;
    }

    // ---- optional capabilities ----------------------------------------------------------------

    /** The recorded history this program replays, when it replays one. */
    default Optional<EventHistory> history() {
        return Optional.empty();
    }

    /** Going back in time through checkpoints, when the target can. */
    default Optional<Checkpointing> checkpointing() {
        return Optional.empty();
    }

    @Override
    void close();
}
