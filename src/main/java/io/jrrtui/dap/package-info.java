/**
 * The Debug Adapter Protocol over a {@link io.jrrtui.api.DebugSession} ({@code jrrtui dap}): framing,
 * a small JSON reader/writer, the requests editors send and the events they expect. Protocol only:
 * stops, values and stepping are the session's, as the REPL and TUI see them.
 */
package io.jrrtui.dap;
