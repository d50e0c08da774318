package io.jrrtui.api;

import java.util.List;

/**
 * One row of {@code info breakpoints}.
 *
 * @param type      "breakpoint", "hw watchpoint", "read watchpoint" or "acc watchpoint"
 * @param what      the location as typed, or the watched expression
 * @param locations resolved code locations (empty for watchpoints)
 * @param ignoreCount crossings still to be ignored ({@code ignore N COUNT})
 */
public record BreakpointInfo(int number, String type, boolean enabled, boolean temporary, String what,
        List<SourceLocation> locations, String condition, int hitCount, int ignoreCount) {
    /** A breakpoint with no crossings to ignore. */
    public BreakpointInfo(int number, String type, boolean enabled, boolean temporary, String what,
            List<SourceLocation> locations, String condition, int hitCount) {
        this(number, type, enabled, temporary, what, locations, condition, hitCount, 0);
    }
}
