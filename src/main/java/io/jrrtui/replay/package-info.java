/**
 * Deterministic re-execution of a trace: the replay session (a {@link io.jrrtui.target.Target}),
 * syscall injection under PTRACE_SYSEMU, real execution of address-space calls at recorded
 * addresses, and divergence checks at every event.
 */
package io.jrrtui.replay;
