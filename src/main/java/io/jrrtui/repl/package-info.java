/**
 * The gdb-compatible command line over an {@link io.jrrtui.api.DebugSession}: the interactive
 * JLine {@link io.jrrtui.repl.Repl}, the terminal-less {@link io.jrrtui.repl.BatchRunner}, the
 * commands as small objects ({@link io.jrrtui.repl.ReplCommand}) and the gdb wording of stops and
 * breakpoints ({@link io.jrrtui.repl.StopPrinter}, reusable by the TUI). Sees only the {@code api}
 * package of the debugger; owns value-history numbering, auto-display and command repetition.
 */
package io.jrrtui.repl;
