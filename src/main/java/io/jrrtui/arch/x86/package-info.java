/**
 * x86-64 instruction decoding and disassembly in AT&T and Intel syntax (objdump-compatible text):
 * instruction lengths, control-flow classification (call/ret/jump/syscall...), direct branch
 * targets and rip-relative memory addresses for the debugger's stepping and the TUI's disassembly
 * pane. Pure Java; entry point {@link io.jrrtui.arch.x86.X86Decoder}.
 */
package io.jrrtui.arch.x86;
