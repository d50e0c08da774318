package io.jrrtui.record;

/** How replay treats a syscall. */
public enum Disposition {
    /** Not executed on replay: the recorded result and memory writes are injected. */
    EMULATE,
    /**
     * Executed for real on replay, because it changes state the kernel keeps for the process
     * (address space, signal handlers and mask, fs base) or ends it; the result must match.
     */
    EXECUTE,
    /** mmap: anonymous maps run for real at the recorded address; file maps get the recorded bytes. */
    MMAP,
    /**
     * clone, clone3, fork, vfork: recorded when the new task exists (the PTRACE_EVENT stop, before
     * any of its events) and executed for real on replay; the recorded ids are injected.
     */
    SPAWN,
    /** execve/execveat: executed for real on replay with the trace's copy of the new program. */
    EXEC,
    /** Skipped while recording (the program sees ENOSYS), e.g. rseq, whose cpu-id writes cannot be replayed. */
    DENY,
    /** Cannot be recorded by this version; recording stops with a clear message. */
    UNSUPPORTED
}
