/**
 * Time travel over a target that replays a recording and keeps checkpoints (the
 * {@link io.jrrtui.target.EventHistory} and {@link io.jrrtui.target.Checkpointing} capabilities): positions in time ({@link io.jrrtui.timeline.Mark}), the checkpoints
 * that bound re-execution, and the reverse primitives (reverse-continue to the last breakpoint or
 * watchpoint hit, reverse-stepi, goto event) that the debugger builds reverse step/next/finish on.
 * Every reverse operation re-executes forward at native speed from a checkpoint with the needed
 * breakpoints armed (DESIGN §5): traps only where something must be seen.
 */
package io.jrrtui.timeline;
