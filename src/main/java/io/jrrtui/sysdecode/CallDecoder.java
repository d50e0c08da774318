package io.jrrtui.sysdecode;

import io.jrrtui.arch.Syscalls;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats one syscall as strace prints it: "openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC)
 * = 3". fds carry the file they were opened on ("3</etc/passwd>") when the {@link FdTable} knows it.
 * Output arguments are shown only from what the kernel wrote during the call; input memory only from
 * read-only mappings; anything else stays a pointer.
 */
final class CallDecoder {
    private static final int PATH_MAX = 4096;
    private final Call c;
    private final FdTable fds;
    private final List<String> out = new ArrayList<>();
    private String result;

    private CallDecoder(Call c, FdTable fds) {
        this.c = c;
        this.fds = fds;
    }

    static String decode(Call c, FdTable fds) {
        return new CallDecoder(c, fds).run();
    }

    private String run() {
        String name = Syscalls.name(c.nr());
        if (!decodeArgs(name)) {
            for (int i = 0; i < 6; i++) out.add(hex(c.arg(i)));
        }
        String res = c.failed() ? Errnos.failure(c.result()) : result != null ? result : Long.toString(c.result());
        return name + "(" + String.join(", ", out) + ") = " + res;
    }

    /** Adds the arguments of a syscall the decoder knows; false for the others (raw registers). */
    private boolean decodeArgs(String name) {
        switch (name) {
            case "read", "pread64" -> {
                fd(0);
                outBuffer(1, c.result());
                unsigned(2);
                if (name.equals("pread64")) signed(3);
            }
            case "write", "pwrite64" -> {
                fd(0);
                inBuffer(1, c.arg(2));
                unsigned(2);
                if (name.equals("pwrite64")) signed(3);
            }
            case "readv", "writev" -> {
                fd(0);
                ptr(1);
                signed32(2);
            }
            case "open" -> {
                path(0);
                openFlags(1, 2);
            }
            case "openat" -> {
                dirfd(0);
                path(1);
                openFlags(2, 3);
            }
            case "creat" -> {
                path(0);
                add(Structs.octal(c.arg(1)));
            }
            case "close", "fchdir", "fsync", "fdatasync", "syncfs" -> fd(0);
            case "close_range" -> {
                signed32(0);
                signed32(1);
                add(Xlat.of("CLOSE_RANGE_", 2, "CLOSE_RANGE_UNSHARE", 4, "CLOSE_RANGE_CLOEXEC").flags(c.arg(2), "0"));
            }
            case "stat", "lstat" -> {
                path(0);
                outStruct(1, Structs.STAT, Structs::stat);
            }
            case "fstat" -> {
                fd(0);
                outStruct(1, Structs.STAT, Structs::stat);
            }
            case "newfstatat" -> {
                dirfd(0);
                path(1);
                outStruct(2, Structs.STAT, Structs::stat);
                add(Consts.AT_FLAGS.flags(c.arg(3), "0"));
            }
            case "statx" -> {
                dirfd(0);
                path(1);
                add(Consts.AT_FLAGS.flags(c.arg(2), "AT_STATX_SYNC_AS_STAT"));
                hexArg(3);
                ptr(4);
            }
            case "lseek" -> {
                fd(0);
                signed(1);
                add(Consts.SEEK.value(c.arg(2)));
            }
            case "mmap" -> {
                ptr(0);
                unsigned(1);
                add(Consts.PROT.flags(c.arg(2), "PROT_NONE"));
                long f = c.arg(3);
                String type = Consts.MAP_TYPE.nameOrNull(f & 3);
                String rest = Consts.MAP_FLAGS.flags(f & ~3L, null);
                add(type == null ? Consts.MAP_FLAGS.flags(f, "0") : rest.equals("0") ? type : type + "|" + rest);
                fd(4);
                hexArg(5);
                hexResult();
            }
            case "mprotect", "pkey_mprotect" -> {
                ptr(0);
                unsigned(1);
                add(Consts.PROT.flags(c.arg(2), "PROT_NONE"));
            }
            case "munmap" -> {
                ptr(0);
                unsigned(1);
            }
            case "madvise" -> {
                ptr(0);
                unsigned(1);
                add(Consts.MADVICE.value(c.arg(2)));
            }
            case "mremap" -> {
                ptr(0);
                unsigned(1);
                unsigned(2);
                add(Xlat.of("MREMAP_", 1, "MREMAP_MAYMOVE", 2, "MREMAP_FIXED", 4, "MREMAP_DONTUNMAP").flags(c.arg(3), "0"));
                hexResult();
            }
            case "brk" -> {
                ptr(0);
                hexResult();
            }
            case "rt_sigaction" -> {
                add(Consts.signal(c.arg(0)));
                inStruct(1, Structs.KSIGACTION, Structs::sigaction);
                outStruct(2, Structs.KSIGACTION, Structs::sigaction);
                unsigned(3);
            }
            case "rt_sigprocmask" -> {
                add(Consts.SIGPROCMASK_HOW.value(c.arg(0)));
                inSigset(1);
                outSigset(2);
                unsigned(3);
            }
            case "rt_sigreturn" -> {
                // the frame the signal handler returns from is on the stack; the recording does not hold it
            }
            case "access" -> {
                path(0);
                add(Consts.ACCESS_MODE.flags(c.arg(1), "F_OK"));
            }
            case "faccessat", "faccessat2" -> {
                dirfd(0);
                path(1);
                add(Consts.ACCESS_MODE.flags(c.arg(2), "F_OK"));
                if (name.equals("faccessat2")) add(Consts.FACCESSAT_FLAGS.flags(c.arg(3), "0"));
            }
            case "ioctl" -> ioctl();
            case "fcntl" -> fcntl();
            case "getdents64", "getdents" -> {
                fd(0);
                ByteBuffer b = c.failed() ? null : c.out().exactly(c.arg(1), (int) c.result());
                add(b == null ? pointer(c.arg(1)) : pointer(c.arg(1)) + " /* " + Structs.direntCount(b, (int) c.result()) + " entries */");
                unsigned(2);
            }
            case "readlink" -> {
                path(0);
                outBuffer(1, c.result());
                unsigned(2);
            }
            case "readlinkat" -> {
                dirfd(0);
                path(1);
                outBuffer(2, c.result());
                unsigned(3);
            }
            case "getcwd" -> {
                ByteBuffer b = c.failed() ? null : c.out().exactly(c.arg(0), (int) c.result());
                add(b == null || c.result() == 0 ? pointer(c.arg(0)) : Quote.string(trimNul(b.array())));
                unsigned(1);
            }
            case "execve" -> {
                path(0);
                ptr(1);
                ptr(2);
            }
            case "exit", "exit_group" -> {
                signed32(0);
                result = "?";
            }
            case "futex" -> futex();
            case "gettid", "getpid", "getppid", "getuid", "geteuid", "getgid", "getegid", "getpgrp", "setsid",
                    "sched_yield", "vfork", "fork", "pause", "sync", "inotify_init" -> {
                // no arguments
            }
            case "clone" -> {
                add("child_stack=" + pointer(c.arg(1)));
                long f = c.arg(0);
                String sig = (f & 0xff) == 0 ? null : Consts.signal(f & 0xff);
                String rest = Consts.CLONE_FLAGS.flags(f & ~0xffL, null);
                add("flags=" + (sig == null ? Consts.CLONE_FLAGS.flags(f, "0") : rest.equals("0") ? sig : rest + "|" + sig));
                if ((f & 0x100000) != 0) add("parent_tid=" + pointer(c.arg(2)));
                if ((f & 0x1200000) != 0) add("child_tidptr=" + pointer(c.arg(3)));
                if ((f & 0x80000) != 0) add("tls=" + pointer(c.arg(4)));
            }
            case "clone3" -> {
                ptr(0);
                unsigned(1);
            }
            case "wait4" -> {
                signed32(0);
                ByteBuffer b = c.failed() ? null : c.out().exactly(c.arg(1), 4);
                add(b == null ? pointer(c.arg(1)) : Structs.waitStatus(b.getInt(0)));
                add(Consts.WAIT_OPTIONS.flags(c.arg(2), "0"));
                outStruct(3, Structs.RUSAGE, Structs::rusage);
            }
            case "kill", "tkill" -> {
                signed32(0);
                add(Consts.signal(c.arg(1)));
            }
            case "tgkill" -> {
                signed32(0);
                signed32(1);
                add(Consts.signal(c.arg(2)));
            }
            case "arch_prctl" -> {
                add(Consts.ARCH_PRCTL.value(c.arg(0)));
                ptr(1);
            }
            case "set_tid_address" -> ptr(0);
            case "set_robust_list" -> {
                ptr(0);
                unsigned(1);
            }
            case "rseq" -> {
                ptr(0);
                hexArg(1);
                hexArg(2);
                hexArg(3);
            }
            case "prlimit64" -> {
                signed32(0);
                add(Consts.RLIMITS.value(c.arg(1)));
                inStruct(2, Structs.RLIMIT, Structs::rlimit);
                outStruct(3, Structs.RLIMIT, Structs::rlimit);
            }
            case "getrlimit" -> {
                add(Consts.RLIMITS.value(c.arg(0)));
                outStruct(1, Structs.RLIMIT, Structs::rlimit);
            }
            case "getrandom" -> {
                ByteBuffer b = c.failed() ? null : c.out().exactly(c.arg(0), (int) c.result());
                add(b == null ? pointer(c.arg(0)) : Quote.hex(b.array(), c.result()));
                unsigned(1);
                add(Consts.GRND.flags(c.arg(2), "0"));
            }
            case "clock_gettime", "clock_getres" -> {
                add(Consts.CLOCKS.value(c.arg(0)));
                outStruct(1, Structs.TIMESPEC, b -> Structs.timespec(b, 0));
            }
            case "clock_nanosleep" -> {
                add(Consts.CLOCKS.value(c.arg(0)));
                add(Consts.TIMER_FLAGS.flags(c.arg(1), "0"));
                inStruct(2, Structs.TIMESPEC, b -> Structs.timespec(b, 0));
                outStruct(3, Structs.TIMESPEC, b -> Structs.timespec(b, 0));
            }
            case "nanosleep" -> {
                inStruct(0, Structs.TIMESPEC, b -> Structs.timespec(b, 0));
                outStruct(1, Structs.TIMESPEC, b -> Structs.timespec(b, 0));
            }
            case "gettimeofday" -> {
                outStruct(0, Structs.TIMEVAL, b -> Structs.timeval(b, 0));
                ptr(1);
            }
            case "time" -> ptr(0);
            case "sysinfo" -> outStruct(0, Structs.SYSINFO, Structs::sysinfo);
            case "uname" -> outStruct(0, Structs.UTSNAME, Structs::utsname);
            case "getrusage" -> {
                add(Consts.RUSAGE_WHO.value((int) c.arg(0)));
                outStruct(1, Structs.RUSAGE, Structs::rusage);
            }
            case "sched_getaffinity" -> {
                signed32(0);
                unsigned(1);
                ByteBuffer b = c.failed() ? null : c.out().exactly(c.arg(2), (int) c.result());
                add(b == null ? pointer(c.arg(2)) : Structs.cpuMask(b.array()));
            }
            case "getcpu" -> {
                for (int i = 0; i < 2; i++) {
                    ByteBuffer b = c.failed() ? null : c.out().exactly(c.arg(i), 4);
                    add(b == null ? pointer(c.arg(i)) : "[" + Integer.toUnsignedString(b.getInt(0)) + "]");
                }
                ptr(2);
            }
            case "pipe", "pipe2" -> {
                ByteBuffer b = c.failed() ? null : c.out().exactly(c.arg(0), 8);
                add(b == null ? pointer(c.arg(0)) : "[" + b.getInt(0) + ", " + b.getInt(4) + "]");
                if (name.equals("pipe2")) add(Consts.PIPE_FLAGS.flags(c.arg(1), "0"));
            }
            case "dup" -> fd(0);
            case "dup2" -> {
                fd(0);
                fd(1);
            }
            case "dup3" -> {
                fd(0);
                fd(1);
                add(Consts.PIPE_FLAGS.flags(c.arg(2), "0"));
            }
            case "unlink", "rmdir", "chdir", "chroot" -> path(0);
            case "unlinkat" -> {
                dirfd(0);
                path(1);
                add(Consts.AT_FLAGS.flags(c.arg(2), "0"));
            }
            case "mkdir" -> {
                path(0);
                add(Structs.octal(c.arg(1)));
            }
            case "mkdirat" -> {
                dirfd(0);
                path(1);
                add(Structs.octal(c.arg(2)));
            }
            case "rename" -> {
                path(0);
                path(1);
            }
            case "chmod" -> {
                path(0);
                add(Structs.octal(c.arg(1)));
            }
            case "fchmod" -> {
                fd(0);
                add(Structs.octal(c.arg(1)));
            }
            case "umask" -> {
                add(Structs.octal(c.arg(0)));
                result = Structs.octal(c.result());
            }
            case "ftruncate" -> {
                fd(0);
                signed(1);
            }
            case "truncate" -> {
                path(0);
                signed(1);
            }
            case "flock" -> {
                fd(0);
                add(Consts.LOCK_OPS.flags(c.arg(1), "0"));
            }
            case "prctl" -> {
                add(Consts.PRCTL.value(c.arg(0)));
                for (int i = 1; i < 5; i++) hexArg(i);
            }
            case "socket" -> {
                add(Consts.SOCKET_FAMILIES.value(c.arg(0)));
                long t = c.arg(1);
                String flags = Consts.SOCKET_FLAGS.flags(t & ~0xfL, null);
                add(Consts.SOCKET_TYPES.value(t & 0xf) + (flags.equals("0") ? "" : "|" + flags));
                signed32(2);
            }
            case "connect", "bind" -> {
                fd(0);
                ptr(1);
                unsigned(2);
            }
            case "eventfd2" -> {
                unsigned(0);
                add(Xlat.of("EFD_", 02000000, "EFD_CLOEXEC", 04000, "EFD_NONBLOCK", 1, "EFD_SEMAPHORE").flags(c.arg(1), "0"));
            }
            case "sigaltstack" -> {
                ptr(0);
                ptr(1);
            }
            case "poll" -> {
                ptr(0);
                unsigned(1);
                signed32(2);
            }
            case "statfs" -> {
                path(0);
                ptr(1);
            }
            case "fstatfs" -> {
                fd(0);
                ptr(1);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void ioctl() {
        fd(0);
        long req = c.arg(1) & 0xffffffffL;
        add(Consts.IOCTLS.value(req));
        if (req == 0x5413 || req == 0x5414) {
            if (req == 0x5413) outStruct(2, Structs.WINSIZE, Structs::winsize);
            else inStruct(2, Structs.WINSIZE, Structs::winsize);
        } else if (req == 0x5401) {
            outStruct(2, Structs.TERMIOS, Structs::termios);
        } else if (req == 0x541B || req == 0x540F) {
            ByteBuffer b = c.failed() ? null : c.out().exactly(c.arg(2), 4);
            add(b == null ? pointer(c.arg(2)) : "[" + b.getInt(0) + "]");
        } else if (req != 0x5450 && req != 0x5451) {
            ptr(2);
        }
    }

    private void fcntl() {
        fd(0);
        long cmd = c.arg(1);
        add(Consts.FCNTL_CMDS.value(cmd));
        switch ((int) cmd) {
            case 1 -> result = c.result() == 0 ? "0" : "0x" + Long.toHexString(c.result()) + " (flags " + Consts.FD_FLAGS.flags(c.result(), "0") + ")";
            case 3 -> result = "0x" + Long.toHexString(c.result()) + " (flags " + openFlagsText(c.result()) + ")";
            case 2 -> add(Consts.FD_FLAGS.flags(c.arg(2), "0"));
            case 4 -> add(openFlagsText(c.arg(2)));
            case 0, 1030, 8, 10, 1031 -> signed32(2);
            case 9, 11, 1032, 1025, 1034 -> {
                // no third argument
            }
            default -> ptr(2);
        }
    }

    private void futex() {
        ptr(0);
        long op = c.arg(1);
        long base = op & 0x7f;
        String name = Consts.FUTEX_OPS.nameOrNull(base);
        if (name == null) {
            add("0x" + Long.toHexString(op) + " /* FUTEX_??? */");
            for (int i = 2; i < 6; i++) hexArg(i);
            return;
        }
        StringBuilder n = new StringBuilder(name);
        if ((op & 128) != 0) n.append("_PRIVATE");
        if ((op & 256) != 0) n.append("|FUTEX_CLOCK_REALTIME");
        add(n.toString());
        switch ((int) base) {
            case 0 -> {
                signed32(2);
                inStruct(3, Structs.TIMESPEC, b -> Structs.timespec(b, 0));
            }
            case 9 -> {
                signed32(2);
                inStruct(3, Structs.TIMESPEC, b -> Structs.timespec(b, 0));
                bitset(5);
            }
            case 10 -> {
                signed32(2);
                ptr(3);
                ptr(4);
                bitset(5);
            }
            case 3, 4, 12 -> {
                signed32(2);
                unsigned(3);
                ptr(4);
                if (base != 3) signed32(5);
            }
            case 5 -> {
                signed32(2);
                unsigned(3);
                ptr(4);
                hexArg(5);
            }
            case 6, 8, 13, 7 -> {
                if (base != 7 && base != 8) inStruct(3, Structs.TIMESPEC, b -> Structs.timespec(b, 0));
            }
            default -> signed32(2);
        }
    }

    private void bitset(int i) {
        long v = c.arg(i) & 0xffffffffL;
        add(v == 0xffffffffL ? "FUTEX_BITSET_MATCH_ANY" : "0x" + Long.toHexString(v));
    }

    // ---- argument pieces

    private void add(String s) {
        out.add(s);
    }

    private void hexResult() {
        if (!c.failed()) result = "0x" + Long.toHexString(c.result());
    }

    private void signed(int i) {
        add(Long.toString(c.arg(i)));
    }

    private void signed32(int i) {
        add(Integer.toString((int) c.arg(i)));
    }

    private void unsigned(int i) {
        add(Long.toUnsignedString(c.arg(i)));
    }

    private void hexArg(int i) {
        add(c.arg(i) == 0 ? "0" : "0x" + Long.toHexString(c.arg(i)));
    }

    private void ptr(int i) {
        add(pointer(c.arg(i)));
    }

    static String pointer(long v) {
        return v == 0 ? "NULL" : "0x" + Long.toHexString(v);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private void fd(int i) {
        int fd = (int) c.arg(i);
        FdTable.Open o = fd >= 0 ? fds.get(fd) : null;
        add(o != null && o.path() != null ? fd + "<" + o.path() + ">" : Integer.toString(fd));
    }

    private void dirfd(int i) {
        if ((int) c.arg(i) == Consts.AT_FDCWD) add("AT_FDCWD");
        else fd(i);
    }

    private void path(int i) {
        byte[] s = c.in().cString(c.arg(i), PATH_MAX);
        add(s == null ? pointer(c.arg(i)) : Quote.string(s));
    }

    private void openFlags(int flagsArg, int modeArg) {
        long f = c.arg(flagsArg);
        add(openFlagsText(f));
        if ((f & 0100) != 0 || (f & 020000000) != 0) add(Structs.octal(c.arg(modeArg) & 07777));
    }

    static String openFlagsText(long f) {
        String mode = Consts.ACCESS_MODES[(int) (f & 3)];
        String rest = Consts.OPEN_FLAGS.flags(f & ~3L, null);
        return rest.equals("0") ? mode : mode + "|" + rest;
    }

    /** An output buffer the kernel filled with len bytes; a pointer unless the recording holds them. */
    private void outBuffer(int i, long len) {
        if (c.failed() || len < 0) {
            ptr(i);
            return;
        }
        byte[] b = c.out().known(c.arg(i), (int) Math.min(len, Quote.BUFFER_BYTES));
        add(b.length == Math.min(len, Quote.BUFFER_BYTES) ? Quote.buffer(b, len) : pointer(c.arg(i)));
    }

    /** An input buffer: the output bytes the recording kept for stdout/stderr, or read-only memory. */
    private void inBuffer(int i, long len) {
        int want = (int) Math.min(len, Quote.BUFFER_BYTES);
        byte[] b = c.output() != null && c.output().length >= want ? c.output() : c.in().known(c.arg(i), want);
        add(b.length >= want ? Quote.buffer(b, len) : pointer(c.arg(i)));
    }

    private void inStruct(int i, int size, java.util.function.Function<ByteBuffer, String> format) {
        ByteBuffer b = c.in().exactly(c.arg(i), size);
        add(b == null ? pointer(c.arg(i)) : format.apply(b));
    }

    private void outStruct(int i, int size, java.util.function.Function<ByteBuffer, String> format) {
        ByteBuffer b = c.failed() ? null : c.out().exactly(c.arg(i), size);
        add(b == null ? pointer(c.arg(i)) : format.apply(b));
    }

    private void inSigset(int i) {
        ByteBuffer b = c.in().exactly(c.arg(i), 8);
        add(b == null ? pointer(c.arg(i)) : Structs.sigset(b.getLong(0), 64));
    }

    private void outSigset(int i) {
        ByteBuffer b = c.failed() ? null : c.out().exactly(c.arg(i), 8);
        add(b == null ? pointer(c.arg(i)) : Structs.sigset(b.getLong(0), 64));
    }

    private static byte[] trimNul(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return java.util.Arrays.copyOf(b, n);
    }
}
