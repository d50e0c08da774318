package io.jrrtui.target;

/**
 * Why a target stopped: it completed the event it was asked to reach, hit a breakpoint or a
 * hardware watchpoint, finished a single step, or the program ended.
 */
public record StopReason(Kind kind, long event, long address, int slot, String detail, long writerPc) {
    public enum Kind { EVENT, BREAKPOINT, WATCHPOINT, STEP, EXITED, SIGNAL, END_OF_TRACE, PAUSE }

    /** writerPc: for a watchpoint, the address of the instruction that made the access when known (else 0). */
    public StopReason(Kind kind, long event, long address, int slot, String detail) {
        this(kind, event, address, slot, detail, 0);
    }

    public static StopReason atEvent(long event) {
        return new StopReason(Kind.EVENT, event, 0, -1, "");
    }

    /** Just after the debugged process exec'd another program (asked for with EventHistory.stopAfterExec). */
    public static StopReason afterExec(long event) {
        return new StopReason(Kind.EVENT, event, 0, -1, AFTER_EXEC);
    }

    private static final String AFTER_EXEC = "exec";

    public boolean afterExec() {
        return kind == Kind.EVENT && AFTER_EXEC.equals(detail);
    }

    public static StopReason exited(long event, String how) {
        return new StopReason(Kind.EXITED, event, 0, -1, how);
    }

    /** The recording ends here but the program did not (recorder stopped, or killed after the last event). */
    public static StopReason endOfTrace(long event, String how) {
        return new StopReason(Kind.END_OF_TRACE, event, 0, -1, how);
    }

    public static StopReason breakpoint(long event, long address) {
        return new StopReason(Kind.BREAKPOINT, event, address, -1, "");
    }

    public static StopReason watchpoint(long event, int slot, long address) {
        return new StopReason(Kind.WATCHPOINT, event, address, slot, "");
    }

    /** A watchpoint triggered by the instruction at writerPc (the position is just after it). */
    public static StopReason watchpoint(long event, int slot, long address, long writerPc) {
        return new StopReason(Kind.WATCHPOINT, event, address, slot, "", writerPc);
    }

    /** The program is about to receive signal signo (gdb stops there for most signals). */
    public static StopReason signal(long event, int signo) {
        return new StopReason(Kind.SIGNAL, event, 0, signo, "");
    }

    /** A long syscall-free stretch was paused in its middle (only when asked for: a checkpoint goes there). */
    public static StopReason pause(long event) {
        return new StopReason(Kind.PAUSE, event, 0, -1, "");
    }

    public static StopReason step(long event) {
        return new StopReason(Kind.STEP, event, 0, -1, "");
    }
}
