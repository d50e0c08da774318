/**
 * The full-screen Lanterna front-end: panes (source, disassembly, registers, timeline with a
 * scrubber, watch, backtrace, threads, output, console), their layout and rendering, key maps,
 * themes, and the worker that runs debugger commands off the GUI thread. It sees the debugger only
 * through {@link io.jrrtui.api.DebugSession}; the entry point is {@link io.jrrtui.tui.Tui#run}.
 */
package io.jrrtui.tui;
