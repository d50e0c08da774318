package io.jrrtui.debugger;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.DebugSession;
import io.jrrtui.api.SourceLocation;
import io.jrrtui.eval.Type;
import java.util.List;

/** One numbered breakpoint or watchpoint as the user made it. */
final class UserBreakpoint {
    final int number;
    final String what;
    /** Where it is armed; a code breakpoint set by name or line is placed again when the program exec's another. */
    List<SourceLocation> locations;
    /**
     * The events between which the locations are this program's: from the exec that loaded it to
     * the next exec of the process (a hit elsewhere, in another program's code at the same address,
     * is not this breakpoint's). The whole recording until an exec has been seen.
     */
    long placedFrom, placedUntil = Long.MAX_VALUE;
    String condition;
    /** Crossings still to ignore (gdb's ignore count); they count as hits. */
    int ignoreCount;
    final boolean temporary;
    /** Watchpoints only: the kind, the watched address, size and type, the debug-register slot. */
    final DebugSession.WatchKind watchKind;
    /** Where the watched value is now: a re-evaluated watch moves when a pointer it goes through changes. */
    long watchAddr;
    final int watchLen;
    final Type watchType;
    int slot = -1;
    /** Re-evaluated watches (not -location): the expression, and the slots watching the pointers it goes through. */
    String expression;
    final List<Dependency> dependencies = new java.util.ArrayList<>();
    /** A watch on a frame's locals: that frame's CFA and return address, 0 for a watch on globals. */
    long scopeCfa;
    long scopeReturn;
    boolean enabled = true;
    int hits;
    /** Catchpoints only: the syscalls or signals caught (null for breakpoints and watchpoints). */
    CatchSpec catchSpec;
    /** Watchpoints only: the value at the last stop, for "Old value". */
    String lastValue;

    private UserBreakpoint(int number, String what, List<SourceLocation> locations, String condition, boolean temporary,
            DebugSession.WatchKind watchKind, long watchAddr, int watchLen, Type watchType) {
        this.number = number;
        this.what = what;
        this.locations = locations;
        this.condition = condition;
        this.temporary = temporary;
        this.watchKind = watchKind;
        this.watchAddr = watchAddr;
        this.watchLen = watchLen;
        this.watchType = watchType;
    }

    static UserBreakpoint code(int number, String what, List<SourceLocation> locations, String condition, boolean temporary) {
        return new UserBreakpoint(number, what, locations, condition, temporary, null, 0, 0, null);
    }

    static UserBreakpoint catchpoint(int number, CatchSpec spec, List<SourceLocation> locations) {
        UserBreakpoint b = new UserBreakpoint(number, spec.what(), locations, null, false, null, 0, 0, null);
        b.catchSpec = spec;
        return b;
    }

    static UserBreakpoint watch(int number, String what, DebugSession.WatchKind kind, long addr, int len, Type type) {
        return new UserBreakpoint(number, what, List.of(), null, false, kind, addr, len, type);
    }

    /** A pointer a re-evaluated watch goes through, watched in its own slot. */
    record Dependency(String expression, long addr, int len, int slot) {}

    /** Whether the watch follows its expression (not -location, not a local's, which cannot move). */
    boolean reevaluated() {
        return expression != null && scopeCfa == 0;
    }

    boolean usesSlot(int s) {
        if (slot == s) return true;
        for (Dependency dep : dependencies) if (dep.slot() == s) return true;
        return false;
    }

    boolean isWatch() {
        return watchKind != null;
    }

    String typeName() {
        if (catchSpec != null) return "catchpoint";
        if (!isWatch()) return "breakpoint";
        return switch (watchKind) {
            case WRITE -> "hw watchpoint";
            case READ -> "read watchpoint";
            case ACCESS -> "acc watchpoint";
        };
    }

    BreakpointInfo info() {
        return new BreakpointInfo(number, typeName(), enabled, temporary, what, locations, condition, hits, ignoreCount);
    }
}
