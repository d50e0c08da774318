/**
 * The gdb-compatible command line over an {@link io.jrrtui.api.DebugSession}: the interactive
 * JLine {@link io.jrrtui.repl.Repl}, the terminal-less {@link io.jrrtui.repl.BatchRunner}, the
 * {@link io.jrrtui.repl.CommandInterpreter} both share (and a TUI command line can reuse), the
 * commands as small objects ({@link io.jrrtui.repl.ReplCommand}) and gdb's wording of stops and
 * breakpoints ({@link io.jrrtui.repl.StopPrinter}, reusable by the TUI). Sees only the {@code api}
 * package of the debugger; owns value-history numbering ({@code $N}), auto-display, command
 * repetition and which frames a backtrace shows.
 *
 * <p>The command table is our own (not JLine's command registry), so no command is ever called with
 * {@code -?} to build help; every command parses its arguments before it acts.
 *
 * <h2>Where the wording differs from gdb, on purpose or for now</h2>
 * <ul>
 * <li>Batch mode prints what the REPL prints. gdb -batch leaves out the lines it prints only for a
 * typed command ("Continuing.", "Run till exit from ...", "Will ignore next N crossings...",
 * "(More stack frames follow...)", a new display's first value); we print them in both modes.
 * An error does not stop a batch file (gdb stops a sourced file at the first error).</li>
 * <li>File names are shown as gdb's symtabs name them (the unit's DW_AT_name, or the line table's
 * directory and name: {@code ./stdio-common/printf.c}); a frame without line information ends in
 * "from LIB" with the library path as {@code info sharedlibrary} names it.</li>
 * <li>A step shows only the source line when it ends in the function it started in; gdb compares
 * frame ids, so a recursive step into the same function shows the frame line there and not here.</li>
 * <li>Only one watchpoint is reported per stop (the session reports one), where gdb lists every
 * watchpoint that triggered. A {@code last EXPR} stop is headed "Last change of EXPR".</li>
 * <li>{@code [Inferior 1 (process N) ...]}: N is the pid when the session's stop detail names it
 * ("process 1234 exited normally"), else 1.</li>
 * <li>Threads are named as gdb's libthread_db names them with glibc ("Thread 0x7ffff7d8a740 (LWP n)",
 * the thread pointer), else "LWP n"; a stop in another thread than the last says "[Switching to
 * ...]"; gdb's "[New Thread ...]" and "[Thread ... exited]" notes are not printed.</li>
 * <li>{@code checkpoint} says "Checkpoint N at event E, FUNC at FILE:LINE."; {@code info
 * checkpoints} is rr's ID/When/Where table; {@code when} is rr's "Current event: N".</li>
 * <li>{@code run} without N replays from event 1 to the first breakpoint; {@code run N} and
 * {@code goto N} jump to event N.</li>
 * <li>Questions gdb asks ("Delete all breakpoints? (y or n)") are answered yes without asking.</li>
 * <li>A display is tied to the function whose locals or arguments it names (gdb ties it to the
 * lexical block).</li>
 * <li>A value used inside a larger expression through {@code $N} must be a number; {@code p $N}
 * alone works for any value.</li>
 * <li>Ctrl-C at the prompt clears the line; while a command runs it interrupts it at the replay's
 * next safe point ("Interrupted at event N.").</li>
 * </ul>
 */
package io.jrrtui.repl;
