/**
 * Post-mortem debugging of ELF core files as Linux x86-64 writes them (kernel dumps and gdb's
 * {@code gcore}): {@link io.jrrtui.core.CoreDump} reads the notes (per-thread NT_PRSTATUS with its
 * NT_FPREGSET / NT_X86_XSTATE, NT_PRPSINFO, NT_SIGINFO, NT_AUXV, NT_FILE) and
 * {@link io.jrrtui.core.CoreMemory} the memory image, taking the bytes the kernel left out (read-only
 * file-backed pages such as program text) from the mapped files NT_FILE names. Built on the
 * project's own ELF reader; never runs the program.
 */
package io.jrrtui.core;
