package io.jrrtui.record;

import io.jrrtui.sys.TraceeMemory;

/** One process of the recording: its address space and the per-process descriptor bookkeeping. */
final class RecordedProcess {
    final int tgid;
    TraceeMemory mem;
    final OutputFds outputFds;
    SharedFileMaps sharedFileMaps = new SharedFileMaps();
    /** rdtsc/rdtscp rewritten to trap in this address space (a fork inherits them). */
    TimestampPatches timestamps = new TimestampPatches();
    int liveTasks;
    /** Syscall buffering state (null when recording without it). */
    ProcessSyscallBuffer syscallBuffer;
    /**
     * The rdtsc mode the program believes it has (PR_GET_TSC): PR_TSC_ENABLE unless it set another.
     * The launcher's own PR_TSC_SIGSEGV is the recorder's business, not the program's.
     */
    int programTscMode = 1;

    RecordedProcess(int tgid, OutputFds outputFds) {
        this.tgid = tgid;
        this.mem = new TraceeMemory(tgid);
        this.outputFds = outputFds;
    }

    /** exec replaced the address space: /proc/PID/mem must be opened again. */
    void newAddressSpace() {
        mem.close();
        mem = new TraceeMemory(tgid);
        sharedFileMaps = new SharedFileMaps();
        timestamps = new TimestampPatches();
    }
}
