/**
 * The debugger core: a {@link io.jrrtui.api.DebugSession} over a replay. Binds the timeline (time
 * travel), the program's symbols and unwinder, and the expression evaluator; implements gdb's
 * breakpoints, watchpoints, line stepping forward and backward, frames and inspection.
 */
package io.jrrtui.debugger;
