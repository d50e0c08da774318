package io.jrrtui.record;

import static io.jrrtui.record.OutputRules.all;
import static io.jrrtui.record.OutputRules.argElements;
import static io.jrrtui.record.OutputRules.fixed;
import static io.jrrtui.record.OutputRules.iovec;
import static io.jrrtui.record.OutputRules.recvmmsg;
import static io.jrrtui.record.OutputRules.recvmsg;
import static io.jrrtui.record.OutputRules.resultBytes;
import static io.jrrtui.record.OutputRules.resultElements;
import static io.jrrtui.record.OutputRules.select;
import static io.jrrtui.record.OutputRules.sockaddr;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.record.OutputRule.Range;
import java.util.function.Function;

/**
 * The syscalls jrrtui can record, with their output parameters (x86-64 struct sizes). A syscall
 * missing from this table is refused with its number and name: never recorded silently wrong.
 */
public final class SyscallTable {
    private static final SyscallSpec[] SPECS = new SyscallSpec[512];

    static final long CLONE_PARENT_SETTID = 0x00100000L, CLONE_CHILD_SETTID = 0x01000000L, CLONE_THREAD = 0x00010000L,
            CLONE_VM = 0x100L;
    static final int STAT = 144, STATX = 256, STATFS = 120, TIMESPEC = 16, TIMEVAL = 16, ITIMER = 32,
            RLIMIT = 16, RUSAGE = 144, SIGINFO = 128, UTSNAME = 390, SYSINFO = 112, TMS = 32, FLOCK = 32,
            TIMEX = 208;

    static {
        emulated();
        files();
        memoryAndProcess();
        socketsAndWaiting();
        ipcAndSystem();
        unsupported();
    }

    private SyscallTable() {}

    /**
     * The spec of syscall nr, or null when jrrtui does not know it. A number that is no Linux
     * syscall (-1, 1008...) is recorded like any call: the kernel answers ENOSYS.
     */
    static SyscallSpec spec(long nr) {
        if (!Syscalls.known(nr)) return new SyscallSpec((int) nr, Syscalls.name(nr), Disposition.EMULATE, OutputRule.NONE, null);
        return SPECS[(int) nr];
    }

    /** How replay treats nr (UNSUPPORTED for unknown numbers). */
    public static Disposition disposition(long nr) {
        SyscallSpec s = spec(nr);
        return s == null ? Disposition.UNSUPPORTED : s.disposition();
    }

    /** clone, clone3, fork and vfork: calls that create a task. */
    public static boolean createsTask(long nr) {
        return disposition(nr) == Disposition.SPAWN;
    }

    private static void put(String name, Disposition d, OutputRule rule, Function<Registers, String> refusal) {
        int nr = Syscalls.number(name);
        if (nr < 0) throw new IllegalStateException("unknown syscall name " + name);
        SPECS[nr] = new SyscallSpec(nr, name, d, rule, refusal);
    }

    private static void emu(String name, OutputRule rule) {
        put(name, Disposition.EMULATE, rule, null);
    }

    private static void emu(String... names) {
        for (String n : names) put(n, Disposition.EMULATE, OutputRule.NONE, null);
    }

    private static void exec(String name, OutputRule rule) {
        put(name, Disposition.EXECUTE, rule, null);
    }

    private static void no(String why, String... names) {
        for (String n : names) put(n, Disposition.UNSUPPORTED, OutputRule.NONE, r -> why);
    }

    /** Calls with no output memory, or simple fixed outputs: time, ids, limits, info. */
    private static void emulated() {
        emu("write", "pwrite64", "writev", "pwritev", "pwritev2", "close", "lseek", "access", "faccessat",
                "faccessat2", "dup", "dup2", "dup3", "getpid", "getppid", "gettid", "getuid", "geteuid", "getgid",
                "getegid", "getpgrp", "getpgid", "getsid", "setsid", "setpgid", "setuid", "setgid", "setreuid",
                "setregid", "setresuid", "setresgid", "setfsuid", "setfsgid", "umask", "sched_yield", "alarm",
                "pause", "kill", "tkill", "tgkill", "personality", "getpriority", "setpriority", "sync", "syncfs",
                "set_tid_address", "set_robust_list", "sched_setaffinity", "sched_getscheduler",
                "sched_setscheduler", "sched_setparam", "sched_get_priority_max", "sched_get_priority_min",
                "setrlimit", "chroot", "restart_syscall", "close_range", "fadvise64", "readahead", "ioprio_get",
                "ioprio_set", "membarrier", "futex", "futex_waitv", "rt_sigqueueinfo", "rt_tgsigqueueinfo",
                "timer_delete", "timer_getoverrun", "clock_settime", "settimeofday",
                "pidfd_open", "pidfd_send_signal", "landlock_create_ruleset", "landlock_add_rule",
                "landlock_restrict_self", "mlock", "munlock", "mlockall", "munlockall", "mlock2", "sethostname",
                "setdomainname", "flock", "fsync", "fdatasync", "sync_file_range", "fallocate", "truncate",
                "ftruncate", "capset", "unshare");
        emu("time", fixed(0, 8));
        emu("gettimeofday", all(fixed(0, TIMEVAL), fixed(1, 8)));
        emu("clock_gettime", fixed(1, TIMESPEC));
        emu("clock_getres", fixed(1, TIMESPEC));
        emu("clock_nanosleep", always(3, TIMESPEC));
        emu("nanosleep", always(1, TIMESPEC));
        emu("getitimer", fixed(1, ITIMER));
        emu("setitimer", fixed(2, ITIMER));
        emu("timer_create", fixed(2, 4));
        emu("timer_settime", fixed(3, ITIMER));
        emu("timer_gettime", fixed(1, ITIMER));
        emu("adjtimex", fixed(0, TIMEX));
        emu("clock_adjtime", fixed(1, TIMEX));
        emu("getrlimit", fixed(1, RLIMIT));
        emu("prlimit64", fixed(3, RLIMIT));
        emu("getrusage", fixed(1, RUSAGE));
        emu("sysinfo", fixed(0, SYSINFO));
        emu("times", fixed(0, TMS));
        emu("uname", fixed(0, UTSNAME));
        emu("getrandom", resultBytes(0));
        emu("getcwd", resultBytes(0));
        emu("getgroups", resultElements(1, 4));
        emu("setgroups");
        emu("getresuid", all(fixed(0, 4), fixed(1, 4), fixed(2, 4)));
        emu("getresgid", all(fixed(0, 4), fixed(1, 4), fixed(2, 4)));
        emu("capget", fixed(1, 24));
        emu("sched_getaffinity", resultBytes(2));
        emu("sched_getparam", fixed(1, 4));
        emu("sched_rr_get_interval", fixed(1, TIMESPEC));
        emu("getcpu", all(fixed(0, 4), fixed(1, 4)));
        emu("rt_sigpending", (r, res, m, out) -> {
            if (res >= 0) out.add(new Range(r.arg(0), r.arg(1)));
        });
        emu("rt_sigtimedwait", fixed(1, SIGINFO));
        emu("get_robust_list", all(fixed(1, 8), fixed(2, 8)));
        put("prctl", Disposition.EMULATE, (r, res, m, out) -> {
            int option = (int) r.arg(0);
            if (res < 0 || r.arg(1) == 0) return;
            if (option == 16) out.add(new Range(r.arg(1), 16)); // PR_GET_NAME
            if (option == 2 || option == 25) out.add(new Range(r.arg(1), 4)); // PR_GET_PDEATHSIG, PR_GET_TSC
        }, r -> {
            int option = (int) r.arg(0);
            // PR_SET_TSC is harmless: rdtsc traps because it is patched (TimestampPatches), not by the TSC mode
            return null;
        });
    }

    /** Files, directories, descriptors and terminals. */
    private static void files() {
        emu("read", resultBytes(1));
        emu("pread64", resultBytes(1));
        emu("readv", iovec(1, 2));
        emu("preadv", iovec(1, 2));
        emu("preadv2", iovec(1, 2));
        emu("open", "openat", "openat2", "creat", "mkdir", "mkdirat", "rmdir", "unlink", "unlinkat", "rename",
                "renameat", "renameat2", "link", "linkat", "symlink", "symlinkat", "chdir", "fchdir", "chmod",
                "fchmod", "fchmodat", "fchmodat2", "chown", "fchown", "lchown", "fchownat", "mknod", "mknodat",
                "utime", "utimes", "utimensat", "futimesat", "inotify_init", "inotify_init1", "inotify_add_watch",
                "inotify_rm_watch", "eventfd", "eventfd2", "timerfd_create", "signalfd", "signalfd4",
                "memfd_create", "splice", "tee", "vmsplice", "setxattr", "lsetxattr", "fsetxattr",
                "removexattr", "lremovexattr", "fremovexattr", "mount", "umount2");
        emu("stat", fixed(1, STAT));
        emu("lstat", fixed(1, STAT));
        emu("fstat", fixed(1, STAT));
        emu("newfstatat", fixed(2, STAT));
        emu("statx", fixed(4, STATX));
        emu("statfs", fixed(1, STATFS));
        emu("fstatfs", fixed(1, STATFS));
        emu("getdents", resultBytes(1));
        emu("getdents64", resultBytes(1));
        emu("readlink", resultBytes(1));
        emu("readlinkat", resultBytes(2));
        emu("getxattr", resultBytes(2));
        emu("lgetxattr", resultBytes(2));
        emu("fgetxattr", resultBytes(2));
        emu("listxattr", resultBytes(1));
        emu("llistxattr", resultBytes(1));
        emu("flistxattr", resultBytes(1));
        emu("pipe", fixed(0, 8));
        emu("pipe2", fixed(0, 8));
        emu("sendfile", fixed(2, 8));
        emu("copy_file_range", all(fixed(1, 8), fixed(3, 8)));
        emu("timerfd_settime", fixed(3, ITIMER));
        emu("timerfd_gettime", fixed(1, ITIMER));
        put("fcntl", Disposition.EMULATE, (r, res, m, out) -> {
            int cmd = (int) r.arg(1);
            if (res >= 0 && (cmd == 5 || cmd == 36)) out.add(new Range(r.arg(2), FLOCK)); // F_GETLK, F_OFD_GETLK
            if (res >= 0 && cmd == 16) out.add(new Range(r.arg(2), 8)); // F_GETOWN_EX
        }, null);
        put("ioctl", Disposition.EMULATE, IoctlOutputs::ranges, IoctlOutputs::refusal);
    }

    /** Address space, signals, process state. */
    private static void memoryAndProcess() {
        put("mmap", Disposition.MMAP, OutputRule.NONE, null);
        for (String n : new String[] {"munmap", "mprotect", "brk", "madvise", "mremap", "pkey_mprotect", "pkey_alloc",
                "pkey_free", "msync", "mseal", "exit", "exit_group", "rt_sigreturn", "arch_prctl", "rt_sigaction",
                "rt_sigprocmask", "sigaltstack", "rt_sigsuspend"}) {
            exec(n, OutputRule.NONE);
        }
        // Executed for real on replay, so their old-value outputs come back by themselves.
        exec("mincore", (r, res, m, out) -> {
            if (res >= 0) out.add(new Range(r.arg(2), (r.arg(1) + 4095) / 4096));
        });
        put("rseq", Disposition.DENY, OutputRule.NONE, null);
    }

    /** Sockets, polling, waiting. */
    private static void socketsAndWaiting() {
        emu("socket", "connect", "bind", "listen", "shutdown", "sendto", "sendmsg", "setsockopt", "epoll_create",
                "epoll_create1", "epoll_ctl");
        emu("socketpair", fixed(3, 8));
        emu("accept", sockaddr(1, 2));
        emu("accept4", sockaddr(1, 2));
        emu("getsockname", sockaddr(1, 2));
        emu("getpeername", sockaddr(1, 2));
        emu("getsockopt", sockaddr(3, 4));
        emu("recvfrom", all(resultBytes(1), sockaddr(4, 5)));
        emu("recvmsg", recvmsg(1));
        emu("recvmmsg", recvmmsg());
        emu("sendmmsg", resultElements(1, 64));
        emu("poll", argElements(0, 1, 8));
        emu("ppoll", all(argElements(0, 1, 8), fixed(2, TIMESPEC)));
        emu("select", select(TIMEVAL));
        emu("pselect6", select(TIMESPEC));
        emu("epoll_wait", resultElements(1, 12));
        emu("epoll_pwait", resultElements(1, 12));
        emu("epoll_pwait2", resultElements(1, 12));
        emu("wait4", all(fixed(1, 4), fixed(3, RUSAGE)));
        emu("waitid", all(fixed(2, SIGINFO), fixed(4, RUSAGE)));
    }

    /** IPC, keys, namespaces, mounts, NUMA, quotas, administration: emulated, their outputs recorded. */
    private static void ipcAndSystem() {
        emu("semget", "semop", "semtimedop", "msgget", "msgsnd", "mq_open", "mq_unlink", "mq_timedsend", "mq_notify",
                "add_key", "request_key", "kcmp", "mbind", "set_mempolicy", "set_mempolicy_home_node", "migrate_pages",
                "acct", "fanotify_init", "fanotify_mark", "fsopen", "fsconfig", "fsmount", "fspick", "open_tree",
                "open_tree_attr", "move_mount", "mount_setattr", "open_by_handle_at", "setns", "sched_setattr",
                "pidfd_getfd", "process_madvise", "process_mrelease", "futex_wake", "futex_wait", "futex_requeue",
                "lsm_set_self_attr", "setxattrat", "removexattrat", "file_setattr", "vhangup", "pivot_root", "swapon",
                "swapoff", "reboot", "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
                "quotactl_fd");
        // Gone from the kernel (it answers ENOSYS), recorded like any failure.
        emu("uselib", "create_module", "get_kernel_syms", "query_module", "nfsservctl", "getpmsg", "putpmsg",
                "afs_syscall", "tuxcall", "security", "vserver", "_sysctl", "lookup_dcookie", "epoll_ctl_old",
                "epoll_wait_old", "sysfs");
        emu("semctl", IpcOutputs::semctl);
        // System V shared memory: replay attaches segments of its own (replay/SysvSegments)
        emu("shmget");
        emu("shmctl", IpcOutputs::shmctl);
        put("shmat", Disposition.EXECUTE, IpcOutputs::shmat, IpcOutputs::shmatRefusal);
        exec("shmdt", OutputRule.NONE);
        emu("msgctl", IpcOutputs::msgctl);
        emu("msgrcv", IpcOutputs::msgrcv);
        emu("mq_timedreceive", IpcOutputs::mqReceive);
        emu("mq_getsetattr", IpcOutputs::mqAttr);
        emu("keyctl", IpcOutputs::keyctl);
        emu("syslog", (r, res, m, out) -> {
            long type = r.arg(0); // SYSLOG_ACTION_READ, READ_ALL, READ_CLEAR fill the buffer
            if (res > 0 && r.arg(1) != 0 && (type == 2 || type == 3 || type == 4)) out.add(new Range(r.arg(1), res));
        });
        emu("ustat", fixed(1, 32));
        emu("get_mempolicy", (r, res, m, out) -> {
            if (res < 0) return;
            if (r.arg(0) != 0) out.add(new Range(r.arg(0), 4));
            if (r.arg(1) != 0) out.add(new Range(r.arg(1), (r.arg(2) + 63) / 64 * 8));
        });
        emu("move_pages", (r, res, m, out) -> {
            if (res >= 0 && r.arg(4) != 0) out.add(new Range(r.arg(4), r.arg(1) * 4));
        });
        emu("quotactl", (r, res, m, out) -> {
            long size = switch ((int) r.arg(0)) {
                case 0x800004 -> 4; // Q_GETFMT
                case 0x800005 -> 24; // Q_GETINFO: struct if_dqinfo
                case 0x800007 -> 72; // Q_GETQUOTA: struct if_dqblk
                case 0x800009 -> 72; // Q_GETNEXTQUOTA: struct if_nextdqblk
                default -> 0;
            };
            if (res >= 0 && size > 0 && r.arg(3) != 0) out.add(new Range(r.arg(3), size));
        });
        emu("name_to_handle_at", (r, res, m, out) -> {
            // struct file_handle: handle_bytes (set by the kernel, also on EOVERFLOW), type, handle
            if ((res >= 0 || res == -75) && r.arg(2) != 0) out.add(new Range(r.arg(2), 8 + Math.min(128, m.u32(r.arg(2)))));
            if (res >= 0 && r.arg(3) != 0) out.add(new Range(r.arg(3), 4));
        });
        emu("sched_getattr", (r, res, m, out) -> {
            if (res >= 0 && r.arg(1) != 0) out.add(new Range(r.arg(1), Math.min(r.arg(2), m.u32(r.arg(1)))));
        });
        emu("cachestat", fixed(2, 40));
        emu("statmount", (r, res, m, out) -> {
            if (res >= 0 && r.arg(1) != 0) out.add(new Range(r.arg(1), r.arg(2)));
        });
        emu("listmount", resultElements(1, 8));
        emu("lsm_get_self_attr", (r, res, m, out) -> sizedBuffer(r.arg(1), r.arg(2), res, m, out));
        emu("lsm_list_modules", (r, res, m, out) -> sizedBuffer(r.arg(0), r.arg(1), res, m, out));
        emu("getxattrat", (r, res, m, out) -> {
            // struct xattr_args { u64 value; u32 size; u32 flags; }
            if (res > 0 && r.arg(4) != 0 && m.u64(r.arg(4)) != 0) out.add(new Range(m.u64(r.arg(4)), res));
        });
        emu("listxattrat", resultBytes(3));
        emu("file_getattr", (r, res, m, out) -> {
            if (res >= 0 && r.arg(2) != 0) out.add(new Range(r.arg(2), r.arg(3)));
        });
        emu("process_vm_readv", iovec(1, 2));
        emu("seccomp", (r, res, m, out) -> {
            if (res >= 0 && r.arg(0) == 3 && r.arg(2) != 0) out.add(new Range(r.arg(2), 6)); // GET_NOTIF_SIZES
        });
        put("bpf", Disposition.EMULATE, (r, res, m, out) -> {
            long attr = r.arg(1); // BPF_PROG_LOAD's verifier log: log_level @24, log_size @28, log_buf @32
            if (r.arg(0) == 5 && attr != 0 && m.u32(attr + 24) != 0 && m.u64(attr + 32) != 0) {
                out.add(new Range(m.u64(attr + 32), m.u32(attr + 28) & 0xffffffffL));
            }
        }, SyscallTable::bpfRefusal);
        // Change the task's segments or I/O rights: run for real on replay.
        for (String n : new String[] {"modify_ldt", "set_thread_area", "get_thread_area", "iopl", "ioperm",
                "map_shadow_stack"}) {
            exec(n, OutputRule.NONE);
        }
    }

    /** A buffer (addr) whose size is a u32 the caller passes by pointer (sizePtr) and the kernel updates. */
    private static void sizedBuffer(long addr, long sizePtr, long res, OutputRule.MemoryPeek m, java.util.List<Range> out) {
        if (res < 0 || sizePtr == 0) return;
        out.add(new Range(sizePtr, 4));
        if (addr != 0) out.add(new Range(addr, m.u32(sizePtr) & 0xffffffffL));
    }

    /** bpf commands whose outputs are known: creating maps, loading programs, updating and deleting elements. */
    private static String bpfRefusal(Registers r) {
        long cmd = r.arg(0);
        return cmd == 0 || cmd == 2 || cmd == 3 || cmd == 5 ? null : "bpf command " + cmd + " is not supported yet";
    }

    private static void unsupported() {
        put("clone", Disposition.SPAWN, (r, res, m, out) -> {
            if (res > 0 && (r.arg(0) & CLONE_PARENT_SETTID) != 0 && r.arg(2) != 0) out.add(new Range(r.arg(2), 4));
        }, null);
        put("clone3", Disposition.SPAWN, (r, res, m, out) -> {
            if (res <= 0) return;
            long args = r.arg(0);
            if ((m.u64(args) & CLONE_PARENT_SETTID) != 0 && m.u64(args + 24) != 0) out.add(new Range(m.u64(args + 24), 4));
        }, null);
        put("fork", Disposition.SPAWN, OutputRule.NONE, null);
        put("vfork", Disposition.SPAWN, OutputRule.NONE, null);
        put("execve", Disposition.EXEC, OutputRule.NONE, null);
        put("execveat", Disposition.EXEC, OutputRule.NONE, null);
        no("shared memory with processes outside the recording cannot be replayed", "process_vm_writev", "userfaultfd", "remap_file_pages");
        no("its memory cannot be read by a debugger, so it cannot be recorded", "memfd_secret");
        no("debugging from inside a recording is not supported", "ptrace", "perf_event_open");
        // The kernel writes their rings behind the program's back: the program is told they do not
        // exist (ENOSYS), and runtimes fall back to ordinary calls.
        for (String n : new String[] {"io_uring_setup", "io_uring_enter", "io_uring_register", "io_setup",
                "io_destroy", "io_submit", "io_getevents", "io_cancel", "io_pgetevents"}) {
            put(n, Disposition.DENY, OutputRule.NONE, null);
        }
    }

    /** A pointer output recorded whenever the pointer is set (nanosleep's remaining time on EINTR). */
    private static OutputRule always(int arg, long n) {
        return (regs, result, mem, out) -> {
            if (regs.arg(arg) != 0) out.add(new Range(regs.arg(arg), n));
        };
    }
}
