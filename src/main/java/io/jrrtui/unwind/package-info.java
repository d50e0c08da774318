/**
 * Call-frame information and stack unwinding for x86-64: parses {@code .eh_frame} (with its
 * {@code .eh_frame_hdr} search table) and {@code .debug_frame}, runs the DW_CFA programs to get the
 * CFA and register rules at a pc ({@link io.jrrtui.unwind.CallFrameInfo}), and walks frames from a
 * register set through caller-supplied memory and module lookups ({@link io.jrrtui.unwind.Unwinder}):
 * CFI first, then Linux signal trampolines, then frame pointers. Pure: never touches a process.
 */
package io.jrrtui.unwind;
