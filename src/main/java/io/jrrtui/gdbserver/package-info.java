/**
 * gdb's remote serial protocol over a {@link io.jrrtui.api.DebugSession} ({@code jrrtui replay -s PORT}):
 * packet framing, the target description, registers, memory, threads, breakpoints, watchpoints and
 * reverse execution. Protocol only: every debugging decision (where a step ends, whether a
 * watchpoint fires) is the session's, so gdb, the REPL and the TUI see the same answers.
 */
package io.jrrtui.gdbserver;
