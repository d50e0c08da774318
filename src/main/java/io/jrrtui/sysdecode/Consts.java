package io.jrrtui.sysdecode;

/** The x86-64 Linux constant tables the decoder names, in strace's order for flag sets. */
final class Consts {
    private Consts() {}

    static final long AT_FDCWD = -100;

    static final Xlat OPEN_FLAGS = Xlat.of("O_", 0100, "O_CREAT", 0200, "O_EXCL", 0400, "O_NOCTTY", 01000, "O_TRUNC",
            02000, "O_APPEND", 04000, "O_NONBLOCK", 04010000, "O_SYNC", 010000, "O_DSYNC", 020000, "O_ASYNC",
            040000, "O_DIRECT", 0100000, "O_LARGEFILE", 0400000, "O_NOFOLLOW", 01000000, "O_NOATIME",
            02000000, "O_CLOEXEC", 010000000, "O_PATH", 020200000, "O_TMPFILE", 0200000, "O_DIRECTORY");
    static final String[] ACCESS_MODES = {"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"};

    static final Xlat AT_FLAGS = Xlat.of("AT_", 0x100, "AT_SYMLINK_NOFOLLOW", 0x200, "AT_REMOVEDIR", 0x400,
            "AT_SYMLINK_FOLLOW", 0x800, "AT_NO_AUTOMOUNT", 0x1000, "AT_EMPTY_PATH", 0x2000, "AT_STATX_FORCE_SYNC",
            0x4000, "AT_STATX_DONT_SYNC", 0x8000, "AT_RECURSIVE");
    static final Xlat FACCESSAT_FLAGS = Xlat.of("AT_", 0x100, "AT_SYMLINK_NOFOLLOW", 0x200, "AT_EACCESS", 0x1000,
            "AT_EMPTY_PATH");
    static final Xlat ACCESS_MODE = Xlat.of("", 4, "R_OK", 2, "W_OK", 1, "X_OK");

    static final Xlat PROT = Xlat.of("PROT_", 1, "PROT_READ", 2, "PROT_WRITE", 4, "PROT_EXEC", 8, "PROT_SEM",
            0x01000000, "PROT_GROWSDOWN", 0x02000000, "PROT_GROWSUP");
    static final Xlat MAP_TYPE = Xlat.of("MAP_", 1, "MAP_SHARED", 2, "MAP_PRIVATE", 3, "MAP_SHARED_VALIDATE");
    static final Xlat MAP_FLAGS = Xlat.of("MAP_", 0x10, "MAP_FIXED", 0x20, "MAP_ANONYMOUS", 0x40, "MAP_32BIT", 0x100,
            "MAP_GROWSDOWN", 0x800, "MAP_DENYWRITE", 0x1000, "MAP_EXECUTABLE", 0x2000, "MAP_LOCKED", 0x4000,
            "MAP_NORESERVE", 0x8000, "MAP_POPULATE", 0x10000, "MAP_NONBLOCK", 0x20000, "MAP_STACK", 0x40000,
            "MAP_HUGETLB", 0x80000, "MAP_SYNC", 0x100000, "MAP_FIXED_NOREPLACE", 0x4000000, "MAP_UNINITIALIZED");
    static final long MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, PROT_WRITE = 2;

    static final Xlat SEEK = Xlat.of("SEEK_", 0, "SEEK_SET", 1, "SEEK_CUR", 2, "SEEK_END", 3, "SEEK_DATA", 4, "SEEK_HOLE");
    static final Xlat SIGPROCMASK_HOW = Xlat.of("SIG_", 0, "SIG_BLOCK", 1, "SIG_UNBLOCK", 2, "SIG_SETMASK");
    static final Xlat SA_FLAGS = Xlat.of("SA_", 0x04000000, "SA_RESTORER", 0x08000000, "SA_ONSTACK", 0x10000000,
            "SA_RESTART", 0x40000000, "SA_NODEFER", 0x80000000L, "SA_RESETHAND", 4, "SA_SIGINFO", 1, "SA_NOCLDSTOP",
            2, "SA_NOCLDWAIT");
    static final long SA_RESTORER = 0x04000000;

    static final Xlat CLOCKS = Xlat.of("CLOCK_", 0, "CLOCK_REALTIME", 1, "CLOCK_MONOTONIC", 2,
            "CLOCK_PROCESS_CPUTIME_ID", 3, "CLOCK_THREAD_CPUTIME_ID", 4, "CLOCK_MONOTONIC_RAW", 5,
            "CLOCK_REALTIME_COARSE", 6, "CLOCK_MONOTONIC_COARSE", 7, "CLOCK_BOOTTIME", 8, "CLOCK_REALTIME_ALARM", 9,
            "CLOCK_BOOTTIME_ALARM", 11, "CLOCK_TAI");
    static final Xlat TIMER_FLAGS = Xlat.of("TIMER_", 1, "TIMER_ABSTIME");

    static final Xlat RLIMITS = Xlat.of("RLIMIT_", 0, "RLIMIT_CPU", 1, "RLIMIT_FSIZE", 2, "RLIMIT_DATA", 3,
            "RLIMIT_STACK", 4, "RLIMIT_CORE", 5, "RLIMIT_RSS", 6, "RLIMIT_NPROC", 7, "RLIMIT_NOFILE", 8,
            "RLIMIT_MEMLOCK", 9, "RLIMIT_AS", 10, "RLIMIT_LOCKS", 11, "RLIMIT_SIGPENDING", 12, "RLIMIT_MSGQUEUE", 13,
            "RLIMIT_NICE", 14, "RLIMIT_RTPRIO", 15, "RLIMIT_RTTIME");
    static final Xlat RUSAGE_WHO = Xlat.of("RUSAGE_", 0, "RUSAGE_SELF", -1, "RUSAGE_CHILDREN", 1, "RUSAGE_THREAD");

    static final Xlat ARCH_PRCTL = Xlat.of("ARCH_", 0x1001, "ARCH_SET_GS", 0x1002, "ARCH_SET_FS", 0x1003,
            "ARCH_GET_FS", 0x1004, "ARCH_GET_GS", 0x1011, "ARCH_GET_CPUID", 0x1012, "ARCH_SET_CPUID", 0x1021,
            "ARCH_GET_XCOMP_SUPP", 0x1022, "ARCH_GET_XCOMP_PERM", 0x1023, "ARCH_REQ_XCOMP_PERM");
    static final long ARCH_SET_FS = 0x1002;

    static final Xlat FUTEX_OPS = Xlat.of("FUTEX_", 0, "FUTEX_WAIT", 1, "FUTEX_WAKE", 2, "FUTEX_FD", 3,
            "FUTEX_REQUEUE", 4, "FUTEX_CMP_REQUEUE", 5, "FUTEX_WAKE_OP", 6, "FUTEX_LOCK_PI", 7, "FUTEX_UNLOCK_PI", 8,
            "FUTEX_TRYLOCK_PI", 9, "FUTEX_WAIT_BITSET", 10, "FUTEX_WAKE_BITSET", 11, "FUTEX_WAIT_REQUEUE_PI", 12,
            "FUTEX_CMP_REQUEUE_PI", 13, "FUTEX_LOCK_PI2");

    static final Xlat IOCTLS = Xlat.of("", 0x5401, "TCGETS", 0x5402, "TCSETS", 0x5403, "TCSETSW", 0x5404, "TCSETSF",
            0x540E, "TIOCSCTTY", 0x540F, "TIOCGPGRP", 0x5410, "TIOCSPGRP", 0x5413, "TIOCGWINSZ", 0x5414, "TIOCSWINSZ",
            0x541B, "FIONREAD", 0x5421, "FIONBIO", 0x5450, "FIONCLEX", 0x5451, "FIOCLEX", 0x5452, "FIOASYNC",
            0x80045430L, "TIOCGPTN", 0x40045431L, "TIOCSPTLCK");

    static final Xlat FCNTL_CMDS = Xlat.of("F_", 0, "F_DUPFD", 1, "F_GETFD", 2, "F_SETFD", 3, "F_GETFL", 4, "F_SETFL",
            5, "F_GETLK", 6, "F_SETLK", 7, "F_SETLKW", 8, "F_SETOWN", 9, "F_GETOWN", 10, "F_SETSIG", 11, "F_GETSIG",
            36, "F_OFD_GETLK", 37, "F_OFD_SETLK", 38, "F_OFD_SETLKW", 1024, "F_SETLEASE", 1025, "F_GETLEASE", 1030,
            "F_DUPFD_CLOEXEC", 1031, "F_SETPIPE_SZ", 1032, "F_GETPIPE_SZ", 1033, "F_ADD_SEALS", 1034, "F_GET_SEALS");
    static final Xlat FD_FLAGS = Xlat.of("FD_", 1, "FD_CLOEXEC");

    static final Xlat MADVICE = Xlat.of("MADV_", 0, "MADV_NORMAL", 1, "MADV_RANDOM", 2, "MADV_SEQUENTIAL", 3,
            "MADV_WILLNEED", 4, "MADV_DONTNEED", 8, "MADV_FREE", 9, "MADV_REMOVE", 10, "MADV_DONTFORK", 11,
            "MADV_DOFORK", 12, "MADV_MERGEABLE", 13, "MADV_UNMERGEABLE", 14, "MADV_HUGEPAGE", 15, "MADV_NOHUGEPAGE",
            16, "MADV_DONTDUMP", 17, "MADV_DODUMP", 18, "MADV_WIPEONFORK", 19, "MADV_KEEPONFORK", 20, "MADV_COLD",
            21, "MADV_PAGEOUT", 22, "MADV_POPULATE_READ", 23, "MADV_POPULATE_WRITE", 24, "MADV_DONTNEED_LOCKED", 25,
            "MADV_COLLAPSE", 100, "MADV_HWPOISON");

    static final Xlat CLONE_FLAGS = Xlat.of("CLONE_", 0x100, "CLONE_VM", 0x200, "CLONE_FS", 0x400, "CLONE_FILES",
            0x800, "CLONE_SIGHAND", 0x1000, "CLONE_PIDFD", 0x2000, "CLONE_PTRACE", 0x4000, "CLONE_VFORK", 0x8000,
            "CLONE_PARENT", 0x10000, "CLONE_THREAD", 0x20000, "CLONE_NEWNS", 0x40000, "CLONE_SYSVSEM", 0x80000,
            "CLONE_SETTLS", 0x100000, "CLONE_PARENT_SETTID", 0x200000, "CLONE_CHILD_CLEARTID", 0x400000,
            "CLONE_DETACHED", 0x800000, "CLONE_UNTRACED", 0x1000000, "CLONE_CHILD_SETTID", 0x2000000,
            "CLONE_NEWCGROUP", 0x4000000, "CLONE_NEWUTS", 0x8000000, "CLONE_NEWIPC", 0x10000000, "CLONE_NEWUSER",
            0x20000000, "CLONE_NEWPID", 0x40000000, "CLONE_NEWNET", 0x80000000L, "CLONE_IO");
    static final long CLONE_FILES = 0x400, CLONE_VM = 0x100;

    static final Xlat GRND = Xlat.of("GRND_", 1, "GRND_NONBLOCK", 2, "GRND_RANDOM", 4, "GRND_INSECURE");
    static final Xlat LOCK_OPS = Xlat.of("LOCK_", 1, "LOCK_SH", 2, "LOCK_EX", 8, "LOCK_UN", 4, "LOCK_NB");
    static final Xlat WAIT_OPTIONS = Xlat.of("W", 1, "WNOHANG", 2, "WSTOPPED", 4, "WEXITED", 8, "WCONTINUED",
            0x01000000, "WNOWAIT", 0x20000000, "__WNOTHREAD", 0x40000000, "__WALL", 0x80000000L, "__WCLONE");

    static final Xlat SOCKET_FAMILIES = Xlat.of("AF_", 0, "AF_UNSPEC", 1, "AF_UNIX", 2, "AF_INET", 10, "AF_INET6", 16,
            "AF_NETLINK", 17, "AF_PACKET");
    static final Xlat SOCKET_TYPES = Xlat.of("SOCK_", 1, "SOCK_STREAM", 2, "SOCK_DGRAM", 3, "SOCK_RAW", 4, "SOCK_RDM",
            5, "SOCK_SEQPACKET", 10, "SOCK_PACKET");
    static final Xlat SOCKET_FLAGS = Xlat.of("SOCK_", 02000000, "SOCK_CLOEXEC", 04000, "SOCK_NONBLOCK");
    static final Xlat PIPE_FLAGS = Xlat.of("O_", 02000000, "O_CLOEXEC", 04000, "O_NONBLOCK", 040000, "O_DIRECT",
            01000, "O_NOTIFICATION_PIPE");

    static final Xlat PRCTL = Xlat.of("PR_", 1, "PR_SET_PDEATHSIG", 2, "PR_GET_PDEATHSIG", 3, "PR_GET_DUMPABLE", 4,
            "PR_SET_DUMPABLE", 8, "PR_SET_KEEPCAPS", 15, "PR_SET_NAME", 16, "PR_GET_NAME", 22, "PR_SET_SECCOMP", 23,
            "PR_CAPBSET_READ", 24, "PR_CAPBSET_DROP", 29, "PR_SET_TIMERSLACK", 30, "PR_GET_TIMERSLACK", 36,
            "PR_SET_CHILD_SUBREAPER", 38, "PR_SET_NO_NEW_PRIVS", 39, "PR_GET_NO_NEW_PRIVS", 41, "PR_SET_THP_DISABLE",
            42, "PR_GET_THP_DISABLE", 47, "PR_CAP_AMBIENT", 0x59616d61, "PR_SET_PTRACER", 0x53564d41, "PR_SET_VMA");

    /** Signal numbers 1..31 by name; 32 and up are real-time signals (strace: SIGRTMIN, SIGRT_n). */
    private static final String[] SIGNALS = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL",
        "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
        "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};

    /** A signal's name without "SIG" (as in sets), or null when it has none. */
    static String signalShort(long signo) {
        if (signo >= 1 && signo < SIGNALS.length) return SIGNALS[(int) signo];
        if (signo == 32) return "RTMIN";
        if (signo > 32 && signo <= 64) return "RT_" + (signo - 32);
        return null;
    }

    static String signal(long signo) {
        String s = signalShort(signo);
        return s != null ? "SIG" + s : Long.toString(signo);
    }
}
