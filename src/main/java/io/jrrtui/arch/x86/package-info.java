/**
 * x86-64 instruction decoding and AT&T disassembly (objdump-compatible text): instruction lengths,
 * control-flow classification (call/ret/jump/syscall...), direct branch targets and rip-relative
 * memory addresses for the debugger's stepping and the TUI's disassembly pane. Pure Java, no tables
 * shared with other packages.
 */
package io.jrrtui.arch.x86;
