/**
 * In-process syscall buffering (issue 13), the parts record and replay share: the layout of the
 * preload library's fixed pages, per-thread buffers and TLS block (native-shim/jrr-syscallbuf.c),
 * and the seccomp-bpf filter that lets the library's own syscall instruction run without a stop.
 */
package io.jrrtui.syscallbuf;
