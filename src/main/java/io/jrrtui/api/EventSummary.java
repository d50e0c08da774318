package io.jrrtui.api;

/**
 * One recorded event for timelines: number, thread, kind (syscall, signal, rdtsc, cpuid, exec,
 * exit), a one-line summary, and whether it wrote program output (stream 1 or 2, else 0).
 */
public record EventSummary(long number, int tid, String kind, String summary, int outputStream) {}
