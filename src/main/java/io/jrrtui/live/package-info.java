/**
 * Live ptrace sessions without recording: launch a program, plant int3 breakpoints, run it with
 * PTRACE_CONT and step over breakpoints with PTRACE_SINGLESTEP, while its standard streams pass
 * through; threads run all-stop (one thread's breakpoint stops them all). Used by
 * {@code jrrtui trace --live}. A live session is a {@link io.jrrtui.target.Target} without history.
 */
package io.jrrtui.live;
