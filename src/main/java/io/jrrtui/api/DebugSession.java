package io.jrrtui.api;

import java.util.List;

/**
 * A debugging session over one recording: gdb/rr semantics, in both directions. Every method runs
 * to completion and returns what a front-end needs to show; failures are
 * {@link io.jrrtui.util.JrrException}s with one user-readable line ("No symbol \"xyz\" in current
 * context.", "No breakpoint number 7.").
 */
public interface DebugSession extends AutoCloseable {
    // ---- where we are
    StopEvent status();

    /** The current event number ({@code when}) and the recording's total. */
    long currentEvent();

    long eventCount();

    /** Whether the program can move at all (false for a core file: every motion fails with "The program is not being run."). */
    default boolean canMove() {
        return true;
    }

    // ---- breakpoints and watchpoints
    /** {@code break LOCATION [if COND]}: FILE:LINE, LINE, FUNC or *ADDR. */
    BreakpointInfo addBreakpoint(String location, String condition, boolean temporary);

    /** {@code watch EXPR} (kind WRITE), {@code rwatch} (READ), {@code awatch} (ACCESS); {@code -l} watches the location. */
    BreakpointInfo addWatchpoint(String expression, WatchKind kind, boolean location);

    /**
     * A catchpoint: kind "syscall" (args: names or numbers, none = any) stops at each matching
     * syscall's call and return, kind "signal" (args: names or numbers, "all", none = the standard
     * ones) where a matching signal is delivered. Returns the new row with gdb's creation words in
     * {@link BreakpointInfo#what()}'s place via {@link #catchpointCreated(int)}.
     */
    default BreakpointInfo addCatchpoint(String kind, List<String> args) {
        throw new io.jrrtui.util.JrrException("Catchpoints are not supported here.");
    }

    /** gdb's words for a new catchpoint: "(syscalls 'write' [1] 'getpid' [39])". */
    default String catchpointCreated(int number) {
        return "";
    }

    enum WatchKind { WRITE, READ, ACCESS }

    void deleteBreakpoints(List<Integer> numbers);

    void setEnabled(List<Integer> numbers, boolean enabled);

    List<BreakpointInfo> breakpoints();

    // ---- forward
    StopEvent cont();

    StopEvent next();

    StopEvent step();

    StopEvent stepi();

    StopEvent nexti();

    StopEvent finish();

    /** {@code until} (no location: like next, but never goes back to the loop start) and {@code until LOCATION}. */
    StopEvent until(String location);

    StopEvent advance(String location);

    // ---- backward
    StopEvent reverseContinue();

    StopEvent reverseNext();

    StopEvent reverseStep();

    StopEvent reverseStepi();

    StopEvent reverseNexti();

    StopEvent reverseFinish();

    // ---- time
    StopEvent gotoEvent(long event);

    CheckpointInfo checkpoint();

    List<CheckpointInfo> checkpoints();

    StopEvent restart(int checkpoint);

    /**
     * Drops checkpoint number (its process ends; the other numbers stay). A front-end that takes
     * checkpoints of its own (the TUI's undo) gives them back with this.
     */
    default void deleteCheckpoint(int checkpoint) {
        throw new io.jrrtui.util.JrrException("Deleting checkpoints is not supported here.");
    }

    /** {@code last EXPR}: back to the last moment EXPR changed value. */
    StopEvent last(String expression);

    // ---- inspection (of the selected frame)
    /** {@code print[/FMT] EXPR}: the value text (without "$N = "); fmt is null or one of x d u o t c a f s z. */
    String print(String expression, String format);

    String ptype(String expression);

    /** {@code x/FMT ADDR}: gdb's memory dump lines. */
    List<String> examine(String format, String addressExpression);

    List<FrameInfo> backtrace(int limit);

    /** Locals of a frame by level, for {@code bt full}. */
    List<Variable> locals(int frameLevel);

    List<Variable> args(int frameLevel);

    /** Select a frame ({@code frame N}, {@code up}, {@code down}); returns the selected frame. */
    FrameInfo selectFrame(int level);

    FrameInfo selectedFrame();

    /** Registers as (name, value) text rows, as {@code info registers} prints them. */
    List<Variable> registers();

    /** {@code info frame} lines. */
    List<String> frameDescription();

    /**
     * Things the session could not provide, said once at its start (e.g. "no symbols for
     * libfoo.so: file missing (PATH)"), so a front-end shows them instead of silently omitting.
     */
    default List<String> notices() {
        return List.of();
    }

    /**
     * Where to read a source file the debug information names: the recording's own copy when it
     * has one (packed or imported), else the path itself.
     */
    default String sourcePath(String file) {
        return file;
    }

    /**
     * gdb's source path ({@code directory}, {@code show directories}): directories where a source
     * file is looked for by name when its recorded path has none, {@code $cdir} and {@code $cwd}
     * standing for the compilation and the current directory.
     */
    default List<String> sourceDirectories() {
        return List.of("$cdir", "$cwd");
    }

    default void setSourceDirectories(List<String> directories) {
        throw new io.jrrtui.util.JrrException("This session reads sources from their recorded paths only.");
    }

    /** gdb's {@code set substitute-path} rules, FROM to TO, in the order they apply. */
    default java.util.Map<String, String> substitutePaths() {
        return java.util.Map.of();
    }

    default void setSubstitutePaths(java.util.Map<String, String> rules) {
        throw new io.jrrtui.util.JrrException("This session reads sources from their recorded paths only.");
    }

    /** The name of the signal that ended the program ("SIGSEGV") when the session is its end (a core file); null otherwise. */
    default String endingSignal() {
        return null;
    }

    /** {@code info proc mappings}: the program's memory map at this point, lowest address first. */
    default List<MappingInfo> mappings() {
        throw new io.jrrtui.util.JrrException("No memory map for this session.");
    }

    /** {@code info sharedlibrary}: (library, address range) rows. */
    List<Variable> sharedLibraries();

    /** {@code info line [LOCATION]}. */
    String lineInfo(String location);

    /** {@code list [LOCATION]}: numbered source lines; repeated calls continue. */
    List<String> list(String location);

    /** gdb's signal table rows for these signals (names, or gdb's numbers 1-15), all of them when none is named. */
    default List<SignalDisposition> signalHandling(List<String> signals) {
        throw new io.jrrtui.util.JrrException("Signal handling is not supported here.");
    }

    /**
     * {@code handle SIG... [no]stop [no]print}: stop/print null leave that column as it is (stop
     * implies print, noprint implies nostop). Returns the changed rows.
     */
    default List<SignalDisposition> handleSignals(List<String> signals, Boolean stop, Boolean print) {
        throw new io.jrrtui.util.JrrException("Signal handling is not supported here.");
    }

    /** Signals the last move passed over and that are to be said ({@code handle SIG nostop print}), by name. */
    default List<String> passedSignals() {
        return List.of();
    }

    /** {@code info signals}-style rows of the signals the program received in the recording. */
    List<String> signals();

    // ---- threads
    /** {@code info threads}: the threads of the debugged process at the current position. */
    default List<ThreadInfo> threads() {
        return List.of();
    }

    /** {@code thread N}: shows thread N (registers, stack, locals, stepping) from now on. */
    /** The selected thread as info threads names it, without its frame (nothing is unwound or moved); null when unknown. */
    default ThreadInfo selectedThreadId() {
        return null;
    }

    default ThreadInfo selectThread(int number) {
        throw new io.jrrtui.util.JrrException("Invalid thread ID: " + number);
    }

    /** {@code thread name NAME}: the name the debugger shows for the selected thread (null: the program's own). */
    default void nameThread(String name) {
        throw new io.jrrtui.util.JrrException("Threads cannot be named in this session.");
    }

    // ---- for timelines and panes (optional capabilities: a session without them shows nothing)
    /** Events first..last (inclusive, clipped to the recording), read from the trace. */
    default List<EventSummary> events(long first, long last) {
        return List.of();
    }

    /** Everything the program wrote to stdout/stderr up to and including event upTo. */
    default List<OutputChunk> output(long upTo) {
        return List.of();
    }

    /** count instructions starting at address (use the selected frame's pc to show "where"). */
    default List<DisassemblyLine> disassemble(long address, int count) {
        return List.of();
    }

    /**
     * The instructions from start up to (not including) end in gdb's AT&amp;T text: branch targets
     * and rip-relative comments with 0x, as gdb's disassemble and x/i print them.
     */
    default List<DisassemblyLine> disassembleRange(long start, long end) {
        throw new io.jrrtui.util.JrrException("This session cannot disassemble.");
    }

    /**
     * The function holding the address an expression names (null: the selected frame's pc), for
     * gdb's disassemble: its DWARF range, else the ELF symbol covering it. Fails with gdb's
     * "No function contains specified address." when there is none.
     */
    default CodeRange functionAround(String addressExpression) {
        throw new io.jrrtui.util.JrrException("No function contains specified address.");
    }

    /** The address an expression stands for, as gdb takes it in x or disassemble (an array or function: where it is). */
    default long addressOf(String expression) {
        throw new io.jrrtui.util.JrrException("This session cannot evaluate addresses.");
    }

    /** The selected frame's pc (0 when the program has ended or unknown). */
    default long pc() {
        return 0;
    }

    /**
     * The event a command running on another thread has reached, for progress displays: callable
     * from any thread while the command runs (a read that may lag a little), -1 when unknown.
     */
    default long progressEvent() {
        return -1;
    }

    /**
     * Asks the command running on another thread to stop at its next safe point (Ctrl-C); it then
     * fails with "Interrupted at event N." and the session stays where the program got to.
     */
    default void interrupt() {
    }

    /**
     * gdb's notes of the threads the last forward move made and ended ("[New Thread 0x... (LWP
     * n)]", "[Thread 0x... (LWP n) exited]"), in order; each move's notes are given once.
     */
    default List<String> threadNotes() {
        return List.of();
    }

    /**
     * gdb's {@code set print object on|off}: print, ptype and whatis show a pointer or reference
     * to a polymorphic C++ class by the most derived type its vtable names. A session that cannot
     * says so.
     */
    default void setPrintObject(boolean on) {
        if (on) throw new io.jrrtui.util.JrrException("print object is not available in this session.");
    }

    // ---- gdb's other everyday commands (a session without them says so)
    /** {@code whatis EXPR}: the name of the expression's type (one level of typedef for a type name). */
    default String whatis(String expression) {
        throw new io.jrrtui.util.JrrException("whatis is not available in this session.");
    }

    /** {@code condition N [EXPR]}: breakpoint N stops only when EXPR is true; without EXPR, always. */
    default void setCondition(int number, String condition) {
        throw new io.jrrtui.util.JrrException("Breakpoint conditions cannot be changed in this session.");
    }

    /** {@code ignore N COUNT}: the next COUNT crossings of breakpoint N do not stop. */
    default void setIgnoreCount(int number, int count) {
        throw new io.jrrtui.util.JrrException("Ignore counts are not available in this session.");
    }

    /**
     * {@code info functions|variables|types [REGEX]}: gdb's listing (header, "File F:" groups of
     * "LINE:\tdeclaration;" rows), for the symbols with debug information.
     */
    default List<String> symbolSearch(String kind, String regex) {
        throw new io.jrrtui.util.JrrException("Symbol search is not available in this session.");
    }

    /** {@code info scope LOCATION}: the variables of the block there and around it, where each lives, as gdb words it. */
    default List<String> scopeInfo(String location) {
        throw new io.jrrtui.util.JrrException("info scope is not available in this session.");
    }

    /** {@code info symbol ADDR}: the symbol and section an address is in. */
    default String symbolInfo(String addressExpression) {
        throw new io.jrrtui.util.JrrException("info symbol is not available in this session.");
    }

    /** {@code info address NAME}: where a symbol is stored. */
    default String addressInfo(String name) {
        throw new io.jrrtui.util.JrrException("info address is not available in this session.");
    }

    /** {@code info source}: the current source file, its compilation unit's directory, language and producer. */
    default List<String> sourceInfo() {
        throw new io.jrrtui.util.JrrException("No current source file.");
    }

    // ---- raw machine state, for protocol servers (gdb remote, DAP) that show it themselves
    /** The selected thread's general registers in Linux {@code user_regs_struct} order ({@code arch.Registers.NAMES}). */
    default long[] generalRegisters() {
        throw new io.jrrtui.util.JrrException("Registers are not available in this session.");
    }

    /**
     * The selected thread's x87/SSE state in FXSAVE layout (512 bytes), followed by the XSAVE header
     * and extended state (AVX) when the machine has them; null when it cannot be read.
     */
    default byte[] floatingPointRegisters() {
        return null;
    }

    /** Where XSAVE component n (5-7: AVX-512's opmask, ZMM_Hi256, Hi16_ZMM) lies in that image, -1 when unknown. */
    default int xsaveOffset(int component) {
        return -1;
    }

    /** length bytes of the program's memory at address as the program sees them (no breakpoint bytes). */
    default byte[] readMemory(long address, int length) {
        throw new io.jrrtui.util.JrrException("Cannot access memory at address 0x" + Long.toHexString(address));
    }

    /** The recorded process id of the followed process (its first thread's id), 0 when there is none now. */
    default int processId() {
        return 0;
    }

    /** The program's path as it was run (a replay's executable is the recording's copy of it), or null when unknown. */
    default String programPath() {
        return executablePath();
    }

    /** The program's executable file at the current position, or null when unknown. */
    default String executablePath() {
        return null;
    }

    /** The program's ELF auxiliary vector (pairs of 8-byte words), or null when unknown. */
    default byte[] auxiliaryVector() {
        return null;
    }

    /** At most this many writes are collected by {@link #history}. */
    int HISTORY_LIMIT = 2000;

    /**
     * A value over time ({@code history EXPR}): replays the whole recording from event 1 with a
     * location watchpoint on expression armed (the other breakpoints disabled meanwhile) and returns
     * its value at the start and after every write that changed it, at most {@link #HISTORY_LIMIT}
     * rows. The session comes back to where it was through a checkpoint, deleted afterwards.
     */
    default java.util.List<ValuePoint> history(String expression) {
        CheckpointInfo here = checkpoint();
        java.util.List<Integer> enabled = new java.util.ArrayList<>();
        for (BreakpointInfo b : breakpoints()) if (b.enabled()) enabled.add(b.number());
        BreakpointInfo watch = null;
        java.util.List<ValuePoint> rows = new java.util.ArrayList<>();
        try {
            if (!enabled.isEmpty()) setEnabled(enabled, false);
            gotoEvent(1);
            watch = addWatchpoint(expression, WatchKind.WRITE, true);
            rows.add(new ValuePoint(currentEvent(), print(expression, null)));
            while (rows.size() < HISTORY_LIMIT) {
                StopEvent s = cont();
                if (s.reason() != StopEvent.Reason.WATCHPOINT || s.watch() == null) break;
                rows.add(new ValuePoint(s.event(), s.watch().newValue()));
            }
        } finally {
            if (watch != null) deleteBreakpoints(java.util.List.of(watch.number()));
            if (!enabled.isEmpty()) setEnabled(enabled, true);
            restart(here.number());
            try {
                deleteCheckpoint(here.number());
            } catch (io.jrrtui.util.JrrException unsupported) {
                // a session that cannot drop one keeps it listed
            }
        }
        return rows;
    }

    /** Completion candidates for symbols and breakpoint locations starting with prefix. */
    List<String> completeSymbol(String prefix);

    @Override
    void close();
}
