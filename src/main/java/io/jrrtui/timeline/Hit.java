package io.jrrtui.timeline;

/**
 * Something seen while re-executing: a breakpoint hit (address) or a watchpoint trigger (slot).
 * {@code mark} is where it happened: at the breakpoint address, or just after the writing
 * instruction for a watchpoint; {@code writerPc} is that instruction's address when the replay
 * knows it (page-protection watches), else 0.
 */
public record Hit(Kind kind, long address, int slot, Mark mark, long writerPc) {
    public enum Kind { BREAKPOINT, WATCHPOINT }

    public Hit(Kind kind, long address, int slot, Mark mark) {
        this(kind, address, slot, mark, 0);
    }
}
