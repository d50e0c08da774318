/**
 * The recorder: runs a program under ptrace, stops at every syscall, emulates trapped rdtsc and
 * cpuid, decides when signals are delivered, and writes every nondeterministic input to a trace.
 * {@link io.jrrtui.record.SyscallTable} says, per syscall, what memory the kernel writes and how
 * replay treats it.
 */
package io.jrrtui.record;
