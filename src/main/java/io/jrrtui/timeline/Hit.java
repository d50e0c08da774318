package io.jrrtui.timeline;

/**
 * Something seen while re-executing: a breakpoint hit (address) or a watchpoint trigger (slot).
 * {@code mark} is where it happened: at the breakpoint address, or just after the writing
 * instruction for a watchpoint.
 */
public record Hit(Kind kind, long address, int slot, Mark mark) {
    public enum Kind { BREAKPOINT, WATCHPOINT }
}
