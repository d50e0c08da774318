package io.jrrtui.arch;

/** Linux x86-64 signal numbers and names. */
public final class Signals {
    public static final int SIGINT = 2;
    public static final int SIGILL = 4;
    public static final int SIGTRAP = 5;
    public static final int SIGABRT = 6;
    public static final int SIGBUS = 7;
    public static final int SIGFPE = 8;
    public static final int SIGKILL = 9;
    public static final int SIGSEGV = 11;
    public static final int SIGSTOP = 19;
    public static final int SIGSYS = 31;
    /** si_code of the SIGSYS that Syscall User Dispatch raises for a syscall made outside its allowed region. */
    public static final int SYS_USER_DISPATCH = 2;
    /** The prctl option that turns Syscall User Dispatch on or off (whose SIGSYS the above is). */
    public static final int PR_SET_SYSCALL_USER_DISPATCH = 59;

    private static final String[] NAMES = {
        "0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"
    };

    private Signals() {}

    /** si_signo of a siginfo_t as PTRACE_GETSIGINFO returns it (little-endian, offset 0). */
    public static int siginfoSigno(byte[] siginfo) {
        return java.nio.ByteBuffer.wrap(siginfo).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0);
    }

    /** si_code of a siginfo_t (offset 8); 0 for null, which getSigInfo returns in a group-stop. */
    public static int siginfoCode(byte[] siginfo) {
        return siginfo == null ? 0 : java.nio.ByteBuffer.wrap(siginfo).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(8);
    }

    public static String name(int sig) {
        if (sig >= 0 && sig < NAMES.length) return NAMES[sig];
        if (sig >= 34 && sig <= 64) return "SIGRT" + (sig - 34);
        return "SIG" + sig;
    }

    /**
     * Signals a program gets routinely (timers, children, window and I/O notices): gdb neither
     * stops nor prints at them by default, and the replay passes over them without a stop.
     */
    public static boolean quietByDefault(int sig) {
        return switch (sig) {
            case 14, 17, 23, 26, 27, 28, 29 -> true; // ALRM CHLD URG VTALRM PROF WINCH IO
            default -> false;
        };
    }

    /** Signals the CPU raises for the instruction that faulted; they replay by themselves. */
    public static boolean isFaultSignal(int sig) {
        return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL || sig == SIGTRAP;
    }

    /**
     * Raised by the instruction the task is at, as a fault is (a positive si_code: the kernel, not
     * kill): it must be delivered there, and replay raises it again by itself at the same point.
     * Besides CPU faults that is Syscall User Dispatch's SIGSYS, raised for a dispatched syscall
     * instruction (replay runs the prctl that turns dispatch on for real, so the kernel raises it
     * again). A program's own seccomp SIGSYS is not: replay does not install the program's filter.
     */
    public static boolean isSynchronous(int sig, int code) {
        return (isFaultSignal(sig) && code > 0) || (sig == SIGSYS && code == SYS_USER_DISPATCH);
    }
}
