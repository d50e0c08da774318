/**
 * What the front-ends (REPL, TUI) see of a debugging session: the {@link io.jrrtui.api.DebugSession}
 * interface and the immutable records it returns. No formatting decisions beyond gdb-style value
 * text; no process, ptrace or DWARF types leak through here.
 */
package io.jrrtui.api;
