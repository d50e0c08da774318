package io.jrrtui.sysdecode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jrrtui.arch.Syscalls;
import io.jrrtui.trace.MemoryWrite;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 60 syscalls most common in recordings of python3, git, gcc and java (measured with
 * {@code jrrtui record} + {@code dump --json}; see src/docs/architecture.md), each decoded from
 * registers and recorded memory, compared with the text strace prints for the same call.
 */
class CallDecoderTest {
    private static final long STR = 0x7ffff7ff3000L, BUF = 0x7fffffffd000L, BUF2 = 0x7fffffffe000L;
    private static final long ENOENT = -2, EINVAL = -22, ENOTTY = -25, ENOSYS = -38;

    private final List<MemoryWrite> writes = new ArrayList<>();
    private final ReadOnlyImages readOnly = new ReadOnlyImages();
    private final FdTable fds = new FdTable();

    private String decode(String name, long result, long... args) {
        long[] six = new long[6];
        System.arraycopy(args, 0, six, 0, args.length);
        Call c = new Call(Syscalls.number(name), six, result, readOnly, KnownMemory.of(writes), null);
        return CallDecoder.decode(c, fds);
    }

    /** A NUL-terminated string in read-only memory at STR + offset (as in a library's .rodata). */
    private long rodata(String... strings) {
        StringBuilder sb = new StringBuilder();
        for (String s : strings) sb.append(s).append('\0');
        readOnly.add(STR, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        return STR;
    }

    private void wrote(long addr, byte[] data) {
        writes.add(new MemoryWrite(addr, data));
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void openatWithFlagsAndMode() {
        long p = rodata("/etc/ld.so.cache");
        assertEquals("openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3", decode("openat", 3, -100, p, 0x80000));
        assertEquals("openat(AT_FDCWD, \"/etc/ld.so.cache\", O_WRONLY|O_CREAT|O_TRUNC|O_APPEND|O_NONBLOCK|O_CLOEXEC, 0644) = 3",
                decode("openat", 3, -100, p, 0x80e41, 0644));
        assertEquals("openat(AT_FDCWD, 0x5639a0, O_RDONLY|O_NOCTTY|O_NOFOLLOW|O_CLOEXEC|O_DIRECTORY) = -1 ENOENT (No such file or directory)",
                decode("openat", ENOENT, -100, 0x5639a0, 0xb0100));
    }

    @Test
    void closeAndFdAnnotation() {
        fds.open(3, 7, "/etc/passwd", true);
        assertEquals("close(3</etc/passwd>) = 0", decode("close", 0, 3));
        assertEquals("close(5) = -1 EBADF (Bad file descriptor)", decode("close", -9, 5));
        assertEquals("fchdir(3</etc/passwd>) = 0", decode("fchdir", 0, 3));
    }

    @Test
    void newfstatatWithStatFromTheKernelsWrite() {
        long empty = rodata("");
        fds.open(3, 7, "/etc/ld.so.cache", true);
        kernelStat(0100644, 48, 34547);
        assertEquals("newfstatat(3</etc/ld.so.cache>, \"\", {st_mode=S_IFREG|0644, st_size=34547, ...}, AT_EMPTY_PATH) = 0",
                decode("newfstatat", 0, 3, empty, BUF, 0x1000));
        assertEquals("newfstatat(AT_FDCWD, 0x5555, 0x7fffffffd000, 0) = -1 ENOENT (No such file or directory)",
                decode("newfstatat", ENOENT, -100, 0x5555, BUF, 0));
        kernelStat(0020666, 40, 0x103);
        assertEquals("newfstatat(AT_FDCWD, 0x5555, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, 0) = 0",
                decode("newfstatat", 0, -100, 0x5555, BUF, 0));
        kernelStat(0041777, 48, 12288);
        assertEquals("newfstatat(AT_FDCWD, 0x5555, {st_mode=S_IFDIR|S_ISVTX|0777, st_size=12288, ...}, AT_SYMLINK_NOFOLLOW) = 0",
                decode("newfstatat", 0, -100, 0x5555, BUF, 0x100));
    }

    /** The kernel wrote a struct stat at BUF with st_mode and one more field (st_rdev at 40, st_size at 48). */
    private void kernelStat(int mode, int fieldAt, long field) {
        ByteBuffer st = le(Structs.STAT);
        st.putInt(24, mode);
        st.putLong(fieldAt, field);
        writes.clear();
        wrote(BUF, st.array());
    }

    @Test
    void mmapMprotectMunmapMadviseBrk() {
        assertEquals("mmap(NULL, 34547, PROT_READ, MAP_PRIVATE, 3, 0) = 0x7ffff7fb9000",
                decode("mmap", 0x7ffff7fb9000L, 0, 34547, 1, 2, 3, 0));
        assertEquals("mmap(0x7ffff7dfb000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7ffff7dfb000",
                decode("mmap", 0x7ffff7dfb000L, 0x7ffff7dfb000L, 1400832, 5, 0x812, 3, 0x26000));
        assertEquals("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE|MAP_STACK, -1, 0) = 0x7f9248687000",
                decode("mmap", 0x7f9248687000L, 0, 8192, 3, 0x24022, -1, 0));
        assertEquals("mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM (Cannot allocate memory)",
                decode("mmap", -12, 0, 4096, 0, 0x22, -1, 0));
        assertEquals("mprotect(0x7ffff7fa4000, 16384, PROT_READ) = 0", decode("mprotect", 0, 0x7ffff7fa4000L, 16384, 1));
        assertEquals("munmap(0x7ffff7fb9000, 34547) = 0", decode("munmap", 0, 0x7ffff7fb9000L, 34547));
        assertEquals("madvise(0x7ffff7000000, 8368128, MADV_DONTNEED) = 0", decode("madvise", 0, 0x7ffff7000000L, 8368128, 4));
        assertEquals("brk(NULL) = 0x555555559000", decode("brk", 0x555555559000L, 0));
        assertEquals("brk(0x562000) = 0x562000", decode("brk", 0x562000, 0x562000));
    }

    @Test
    void readAndPreadShowTheBytesTheKernelWrote() {
        byte[] elf = new byte[832];
        byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, '>', 0, 1, 0, 0, 0, 0x10, 't', 2, 0, 0, 0, 0, 0};
        System.arraycopy(head, 0, elf, 0, head.length);
        wrote(BUF, elf);
        assertEquals("read(3, \"\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\20t\\2\\0\\0\\0\\0\\0\"..., 832) = 832",
                decode("read", 832, 3, BUF, 832));
        assertEquals("pread64(3, \"\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\20t\\2\\0\\0\\0\\0\\0\"..., 784, 64) = 784",
                decode("pread64", 784, 3, BUF, 784, 64));
        assertEquals("read(3, \"\", 4096) = 0", decode("read", 0, 3, BUF2, 4096));
        wrote(BUF2, "hi\n\"x\\\t".getBytes(StandardCharsets.US_ASCII));
        assertEquals("read(0, \"hi\\n\\\"x\\\\\\t\", 4096) = 7", decode("read", 7, 0, BUF2, 4096));
        assertEquals("read(0, 0x7fffffffe000, 10) = -1 EAGAIN (Resource temporarily unavailable)", decode("read", -11, 0, BUF2, 10));
        byte[] octal = {1, '1', 0x1b};
        writes.clear();
        wrote(BUF2, octal);
        assertEquals("read(0, \"\\0011\\33\", 3) = 3", decode("read", 3, 0, BUF2, 3));
    }

    @Test
    void writeShowsKeptOutputElseThePointer() {
        Call c = new Call(1, new long[] {1, BUF, 6, 0, 0, 0}, 6, readOnly, KnownMemory.NOTHING, "hello\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("write(1, \"hello\\n\", 6) = 6", CallDecoder.decode(c, fds));
        assertEquals("write(3, 0x25f8240, 287) = 287", decode("write", 287, 3, 0x25f8240, 287));
    }

    @Test
    void readlinkGetcwdGetdents() {
        long p = rodata("/proc/self/exe");
        wrote(BUF, "/usr/bin/gcc".getBytes(StandardCharsets.US_ASCII));
        assertEquals("readlink(\"/proc/self/exe\", \"/usr/bin/gcc\", 4096) = 12", decode("readlink", 12, p, BUF, 4096));
        assertEquals("readlink(\"/proc/self/exe\", 0x7fffffffd000, 38) = -1 EINVAL (Invalid argument)",
                decode("readlink", EINVAL, p, BUF, 38));
        writes.clear();
        wrote(BUF, "/work\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals("getcwd(\"/work\", 4096) = 6", decode("getcwd", 6, BUF, 4096));
        ByteBuffer d = le(48);
        d.putShort(16, (short) 24);
        d.putShort(40, (short) 24);
        writes.clear();
        wrote(BUF, d.array());
        fds.open(4, 9, "/sys/kernel/mm/hugepages", true);
        assertEquals("getdents64(4</sys/kernel/mm/hugepages>, 0x7fffffffd000 /* 2 entries */, 32768) = 48",
                decode("getdents64", 48, 4, BUF, 32768));
        assertEquals("getdents64(4</sys/kernel/mm/hugepages>, 0x7fffffffd000 /* 0 entries */, 32768) = 0",
                decode("getdents64", 0, 4, BUF, 32768));
    }

    @Test
    void lseekFcntlIoctlFlock() {
        assertEquals("lseek(3, 0, SEEK_CUR) = 0", decode("lseek", 0, 3, 0, 1));
        assertEquals("lseek(3, -12, SEEK_END) = 100", decode("lseek", 100, 3, -12, 2));
        assertEquals("fcntl(1, F_GETFL) = 0x1 (flags O_WRONLY)", decode("fcntl", 1, 1, 3));
        assertEquals("fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)", decode("fcntl", 1, 3, 1));
        assertEquals("fcntl(3, F_GETFD) = 0", decode("fcntl", 0, 3, 1));
        assertEquals("fcntl(3, F_SETFD, FD_CLOEXEC) = 0", decode("fcntl", 0, 3, 2, 1));
        assertEquals("fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK) = 0", decode("fcntl", 0, 3, 4, 04000));
        assertEquals("fcntl(3, F_DUPFD_CLOEXEC, 0) = 4", decode("fcntl", 4, 3, 1030, 0));
        assertEquals("ioctl(1, TCGETS, 0x7fffffffd000) = -1 ENOTTY (Inappropriate ioctl for device)",
                decode("ioctl", ENOTTY, 1, 0x5401, BUF));
        ByteBuffer ws = le(8);
        ws.putShort(0, (short) 24);
        ws.putShort(2, (short) 80);
        wrote(BUF, ws.array());
        assertEquals("ioctl(1, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0", decode("ioctl", 0, 1, 0x5413, BUF));
        ByteBuffer t = le(Structs.TERMIOS);
        t.putInt(4, 5);
        t.putInt(8, 0277);
        t.putInt(12, 0105073);
        writes.clear();
        wrote(BUF, t.array());
        assertEquals("ioctl(0, TCGETS, {B38400 opost isig icanon echo ...}) = 0", decode("ioctl", 0, 0, 0x5401, BUF));
        assertEquals("flock(3, LOCK_EX|LOCK_NB) = 0", decode("flock", 0, 3, 6));
        assertEquals("ftruncate(3, 4096) = 0", decode("ftruncate", 0, 3, 4096));
    }

    @Test
    void signals() {
        ByteBuffer old = le(Structs.KSIGACTION);
        wrote(BUF2, old.array());
        assertEquals("rt_sigaction(SIGINT, 0x7fffffffd000, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0",
                decode("rt_sigaction", 0, 2, BUF, BUF2, 8));
        ByteBuffer act = le(Structs.KSIGACTION);
        act.putLong(0, 1);
        act.putLong(8, 0x04000000L | 0x08000000L | 0x10000000L | 0x40000000L | 0x80000000L | 4);
        act.putLong(16, 0x7f92484da050L);
        act.putLong(24, (1L << 1) | (1L << 33));
        writes.clear();
        wrote(BUF2, act.array());
        assertEquals("rt_sigaction(SIGUSR1, NULL, {sa_handler=SIG_IGN, sa_mask=[INT RT_2], sa_flags=SA_RESTORER|SA_ONSTACK|SA_RESTART|SA_NODEFER|SA_RESETHAND|SA_SIGINFO, sa_restorer=0x7f92484da050}, 8) = 0",
                decode("rt_sigaction", 0, 10, 0, BUF2, 8));
        ByteBuffer set = le(8);
        set.putLong(0, ~((1L << 8) | (1L << 18) | (1L << 31) | (1L << 32)));
        writes.clear();
        wrote(BUF2, set.array());
        assertEquals("rt_sigprocmask(SIG_SETMASK, 0x7fffffffd000, ~[KILL STOP RTMIN RT_1], 8) = 0",
                decode("rt_sigprocmask", 0, 2, BUF, BUF2, 8));
        assertEquals("rt_sigprocmask(SIG_BLOCK, 0x7fffffffd000, NULL, 8) = 0", decode("rt_sigprocmask", 0, 0, BUF, 0, 8));
        assertEquals("rt_sigreturn() = 0", decode("rt_sigreturn", 0));
    }

    @Test
    void accessFamily() {
        long p = rodata("/etc/ld.so.preload");
        assertEquals("access(\"/etc/ld.so.preload\", R_OK) = -1 ENOENT (No such file or directory)", decode("access", ENOENT, p, 4));
        assertEquals("access(\"/etc/ld.so.preload\", R_OK|W_OK|X_OK) = 0", decode("access", 0, p, 7));
        assertEquals("access(\"/etc/ld.so.preload\", F_OK) = 0", decode("access", 0, p, 0));
        assertEquals("faccessat2(AT_FDCWD, \"/etc/ld.so.preload\", X_OK, AT_EACCESS) = 0", decode("faccessat2", 0, -100, p, 1, 0x200));
        assertEquals("unlink(\"/etc/ld.so.preload\") = -1 EACCES (Permission denied)", decode("unlink", -13, p));
        assertEquals("chdir(\"/etc/ld.so.preload\") = -1 ENOTDIR (Not a directory)", decode("chdir", -20, p));
        assertEquals("mkdir(\"/etc/ld.so.preload\", 0755) = -1 EEXIST (File exists)", decode("mkdir", -17, p, 0755));
    }

    @Test
    void processAndThreadIds() {
        assertEquals("gettid() = 2640", decode("gettid", 2640));
        assertEquals("getpid() = 2640", decode("getpid", 2640));
        assertEquals("getuid() = 0", decode("getuid", 0));
        assertEquals("geteuid() = 1000", decode("geteuid", 1000));
        assertEquals("getgid() = 0", decode("getgid", 0));
        assertEquals("getegid() = 0", decode("getegid", 0));
        assertEquals("sched_yield() = 0", decode("sched_yield", 0));
        assertEquals("vfork() = 2665", decode("vfork", 2665));
        assertEquals("set_tid_address(0x7ffff7dd2a10) = 2640", decode("set_tid_address", 2640, 0x7ffff7dd2a10L));
        assertEquals("set_robust_list(0x7ffff7dd2a20, 24) = 0", decode("set_robust_list", 0, 0x7ffff7dd2a20L, 24));
        assertEquals("rseq(0x7ffff7dd3060, 0x20, 0, 0x53053053) = -1 ENOSYS (Function not implemented)",
                decode("rseq", ENOSYS, 0x7ffff7dd3060L, 0x20, 0, 0x53053053));
        assertEquals("arch_prctl(ARCH_SET_FS, 0x7ffff7dd2740) = 0", decode("arch_prctl", 0, 0x1002, 0x7ffff7dd2740L));
        assertEquals("arch_prctl(0x3001 /* ARCH_??? */, 0x7fffffffe5b0) = -1 EINVAL (Invalid argument)",
                decode("arch_prctl", EINVAL, 0x3001, 0x7fffffffe5b0L));
        assertEquals("prctl(PR_SET_NAME, 0x7ffff4e3ce20, 0, 0, 0) = 0", decode("prctl", 0, 15, 0x7ffff4e3ce20L));
        assertEquals("clone3(0x7fffffffa250, 88) = 2873", decode("clone3", 2873, 0x7fffffffa250L, 88));
        assertEquals("execve(0x56cd60, 0x56cc48, 0x56c230) = 0", decode("execve", 0, 0x56cd60, 0x56cc48, 0x56c230));
        ByteBuffer st = le(4);
        wrote(BUF, st.array());
        assertEquals("wait4(2665, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 2665", decode("wait4", 2665, 2665, BUF, 0, 0));
        writes.clear();
        st.putInt(0, 0x8b);
        wrote(BUF, st.array());
        assertEquals("wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}], WNOHANG, NULL) = 7",
                decode("wait4", 7, -1, BUF, 1, 0));
    }

    @Test
    void futexOperations() {
        assertEquals("futex(0x7ffff7fa9a4c, FUTEX_WAKE_PRIVATE, 2147483647) = 0", decode("futex", 0, 0x7ffff7fa9a4cL, 0x81, 0x7fffffff));
        assertEquals("futex(0x7ffff004dc28, FUTEX_WAIT_PRIVATE, 2, NULL) = -1 EAGAIN (Resource temporarily unavailable)",
                decode("futex", -11, 0x7ffff004dc28L, 0x80, 2, 0));
        assertEquals("futex(0x7ffff004dc28, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY) = 0",
                decode("futex", 0, 0x7ffff004dc28L, 0x189, 0, 0, 0, 0xffffffffL));
    }

    @Test
    void limitsRandomAndCpus() {
        ByteBuffer r = le(16);
        r.putLong(0, 8192 * 1024);
        r.putLong(8, -1);
        wrote(BUF2, r.array());
        assertEquals("prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0",
                decode("prlimit64", 0, 0, 3, 0, BUF2));
        wrote(BUF, new byte[] {(byte) 0xda, (byte) 0xf8, 2, 0x79});
        assertEquals("getrandom(\"\\xda\\xf8\\x02\\x79\", 4, GRND_NONBLOCK) = 4", decode("getrandom", 4, BUF, 4, 1));
        writes.clear();
        wrote(BUF, new byte[] {3, 0, 0, 0, 0, 0, 0, 0});
        assertEquals("sched_getaffinity(0, 128, [0 1]) = 8", decode("sched_getaffinity", 8, 0, 128, BUF));
        writes.clear();
        wrote(BUF, new byte[] {1, 0, 0, 0});
        assertEquals("getcpu([1], NULL, NULL) = 0", decode("getcpu", 0, BUF, 0, 0));
    }

    @Test
    void clocksAndTime() {
        ByteBuffer ts = le(16);
        ts.putLong(0, 25882);
        ts.putLong(8, 975006788);
        wrote(BUF, ts.array());
        assertEquals("clock_gettime(CLOCK_MONOTONIC, {tv_sec=25882, tv_nsec=975006788}) = 0", decode("clock_gettime", 0, 1, BUF));
        assertEquals("clock_getres(CLOCK_REALTIME, {tv_sec=25882, tv_nsec=975006788}) = 0", decode("clock_getres", 0, 0, BUF));
        assertEquals("gettimeofday({tv_sec=25882, tv_usec=975006788}, NULL) = 0", decode("gettimeofday", 0, BUF, 0));
        assertEquals("clock_nanosleep(CLOCK_REALTIME, 0, 0x7ffff4e3c960, NULL) = 0", decode("clock_nanosleep", 0, 0, 0, 0x7ffff4e3c960L, 0));
        assertEquals("time(NULL) = 1796302852", decode("time", 1796302852L, 0));
        ByteBuffer ru = le(Structs.RUSAGE);
        ru.putLong(8, 1234);
        ru.putLong(16, 1);
        writes.clear();
        wrote(BUF, ru.array());
        assertEquals("getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=1234}, ru_stime={tv_sec=1, tv_usec=0}, ...}) = 0",
                decode("getrusage", 0, 0, BUF));
    }

    @Test
    void systemInformation() {
        ByteBuffer u = le(Structs.UTSNAME);
        u.put(0, "Linux".getBytes(StandardCharsets.US_ASCII));
        u.put(65, "vm".getBytes(StandardCharsets.US_ASCII));
        wrote(BUF, u.array());
        assertEquals("uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0", decode("uname", 0, BUF));
        ByteBuffer s = le(Structs.SYSINFO);
        s.putLong(0, 25894);
        s.putShort(80, (short) 380);
        s.putInt(104, 1);
        writes.clear();
        wrote(BUF, s.array());
        assertEquals("sysinfo({uptime=25894, loads=[0, 0, 0], totalram=0, freeram=0, sharedram=0, bufferram=0, totalswap=0, "
                + "freeswap=0, procs=380, totalhigh=0, freehigh=0, mem_unit=1}) = 0", decode("sysinfo", 0, BUF));
    }

    @Test
    void pipesAndSockets() {
        wrote(BUF, new byte[] {3, 0, 0, 0, 4, 0, 0, 0});
        assertEquals("pipe2([3, 4], O_CLOEXEC) = 0", decode("pipe2", 0, BUF, 02000000));
        assertEquals("socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 4", decode("socket", 4, 1, 0x80801, 0));
        assertEquals("connect(4, 0x7ffff691e5f0, 110) = -1 ENOENT (No such file or directory)",
                decode("connect", ENOENT, 4, 0x7ffff691e5f0L, 110));
    }

    @Test
    void unknownSyscallsKeepTheirRegisters() {
        assertEquals("syscall_500(0x1, 0x2, 0x0, 0x0, 0x0, 0x0) = 0", CallDecoder.decode(
                new Call(500, new long[] {1, 2, 0, 0, 0, 0}, 0, readOnly, KnownMemory.NOTHING, null), fds));
    }
}
