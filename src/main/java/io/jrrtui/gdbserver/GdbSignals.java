package io.jrrtui.gdbserver;

import io.jrrtui.arch.Signals;

/**
 * gdb's own signal numbers (its {@code enum gdb_signal}), which the remote protocol carries: equal to
 * Linux's for the classic ones, different for SIGBUS, SIGUSR1/2, SIGCHLD, job control and the rest.
 */
final class GdbSignals {
    static final int TRAP = 5;
    static final int INT = 2;

    /** gdb numbers by Linux number 0..31. */
    private static final int[] BY_LINUX = {
        0, 1, 2, 3, 4, 5, 6, 10, 8, 9, 30, 11, 31, 13, 14, 15,
        143 /* SIGSTKFLT: no gdb name, sent as unknown */, 20, 19, 17, 18, 21, 22, 16, 24, 25, 26, 27, 28, 23, 32, 12
    };

    private GdbSignals() {}

    static int fromLinux(int linux) {
        if (linux >= 0 && linux < BY_LINUX.length) return BY_LINUX[linux];
        if (linux == 32) return 77; // GDB_SIGNAL_REALTIME_32
        if (linux >= 33 && linux <= 63) return 45 + (linux - 33); // GDB_SIGNAL_REALTIME_33 = 45 ..
        if (linux == 64) return 78; // GDB_SIGNAL_REALTIME_64
        return 143; // GDB_SIGNAL_UNKNOWN
    }

    /** The Linux number of a signal name the session reports ("SIGSEGV"), or -1. */
    static int linuxByName(String name) {
        if (name == null) return -1;
        for (int s = 1; s <= 64; s++) if (Signals.name(s).equals(name.trim())) return s;
        return -1;
    }
}
