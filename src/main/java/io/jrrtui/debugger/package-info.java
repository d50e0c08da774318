/**
 * The debugger core: a {@link io.jrrtui.api.DebugSession} over a {@link io.jrrtui.target.Target}
 * (a replay today). Binds the timeline (time travel), the program's symbols and unwinder, and the
 * expression evaluator; implements gdb's breakpoints, watchpoints, line stepping forward and
 * backward, frames and inspection. It knows programs only through the target interface: nothing
 * here names the replay, the live session or the ptrace layer (SeamRuleTest).
 */
package io.jrrtui.debugger;
