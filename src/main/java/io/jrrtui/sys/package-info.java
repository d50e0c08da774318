/**
 * The operating-system boundary: JNA direct-mapped bindings to libc (ptrace, waitpid, posix_spawn,
 * process_vm_readv, kill/tgkill, personality, prctl) and to the project's native shim, the tracer
 * thread that owns every ptrace call, and tracee memory access. The only package that imports JNA.
 */
package io.jrrtui.sys;
