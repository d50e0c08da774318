package io.jrrtui.sysdecode;

import java.nio.ByteBuffer;

/** Kernel structs (x86-64 layouts) in strace's abbreviated notation. Each takes exactly the struct's bytes. */
final class Structs {
    static final int STAT = 144, TIMESPEC = 16, TIMEVAL = 16, KSIGACTION = 32, RLIMIT = 16, UTSNAME = 390,
            WINSIZE = 8, SYSINFO = 112, RUSAGE = 144, TERMIOS = 36;

    private Structs() {}

    static String stat(ByteBuffer b) {
        int mode = b.getInt(24);
        StringBuilder sb = new StringBuilder("{st_mode=").append(mode(mode));
        int type = mode & 0170000;
        if (type == 0020000 || type == 0060000) {
            sb.append(", st_rdev=").append(makedev(b.getLong(40)));
        } else {
            sb.append(", st_size=").append(b.getLong(48));
        }
        return sb.append(", ...}").toString();
    }

    static String mode(int mode) {
        String type = switch (mode & 0170000) {
            case 0140000 -> "S_IFSOCK";
            case 0120000 -> "S_IFLNK";
            case 0100000 -> "S_IFREG";
            case 0060000 -> "S_IFBLK";
            case 0040000 -> "S_IFDIR";
            case 0020000 -> "S_IFCHR";
            case 0010000 -> "S_IFIFO";
            default -> null;
        };
        StringBuilder sb = new StringBuilder();
        if (type != null) sb.append(type).append('|');
        if ((mode & 04000) != 0) sb.append("S_ISUID|");
        if ((mode & 02000) != 0) sb.append("S_ISGID|");
        if ((mode & 01000) != 0) sb.append("S_ISVTX|");
        return sb.append(octal(mode & 0777)).toString();
    }

    /** strace's %#o: a leading 0, and "000" for no bits. */
    static String octal(long v) {
        return v == 0 ? "000" : "0" + Long.toOctalString(v);
    }

    static String makedev(long dev) {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        return "makedev(0x" + Long.toHexString(major) + ", 0x" + Long.toHexString(minor) + ")";
    }

    static String timespec(ByteBuffer b, int at) {
        return "{tv_sec=" + b.getLong(at) + ", tv_nsec=" + b.getLong(at + 8) + "}";
    }

    static String timeval(ByteBuffer b, int at) {
        return "{tv_sec=" + b.getLong(at) + ", tv_usec=" + b.getLong(at + 8) + "}";
    }

    /** The kernel's struct sigaction: handler, flags, restorer, mask. */
    static String sigaction(ByteBuffer b) {
        long handler = b.getLong(0);
        long flags = b.getLong(8);
        String h = handler == 0 ? "SIG_DFL" : handler == 1 ? "SIG_IGN" : "0x" + Long.toHexString(handler);
        StringBuilder sb = new StringBuilder("{sa_handler=").append(h).append(", sa_mask=")
                .append(sigset(b.getLong(24), 64)).append(", sa_flags=").append(Consts.SA_FLAGS.flags(flags, "0"));
        if ((flags & Consts.SA_RESTORER) != 0) sb.append(", sa_restorer=0x").append(Long.toHexString(b.getLong(16)));
        return sb.append('}').toString();
    }

    /** A signal set of nbits signals; more than half set prints as the complement, "~[...]". */
    static String sigset(long mask, int nbits) {
        long all = nbits >= 64 ? -1L : (1L << nbits) - 1;
        boolean invert = Long.bitCount(mask & all) > nbits / 2;
        long shown = invert ? ~mask & all : mask & all;
        StringBuilder sb = new StringBuilder(invert ? "~[" : "[");
        String sep = "";
        for (int bit = 0; bit < nbits; bit++) {
            if ((shown & (1L << bit)) == 0) continue;
            String n = Consts.signalShort(bit + 1);
            sb.append(sep).append(n != null ? n : Integer.toString(bit + 1));
            sep = " ";
        }
        return sb.append(']').toString();
    }

    static String rlimit(ByteBuffer b) {
        return "{rlim_cur=" + rlim(b.getLong(0)) + ", rlim_max=" + rlim(b.getLong(8)) + "}";
    }

    private static String rlim(long v) {
        if (v == -1) return "RLIM64_INFINITY";
        if (Long.compareUnsigned(v, 1024) > 0 && v % 1024 == 0) return Long.toUnsignedString(v / 1024) + "*1024";
        return Long.toUnsignedString(v);
    }

    static String utsname(ByteBuffer b) {
        return "{sysname=" + field(b, 0) + ", nodename=" + field(b, 65) + ", ...}";
    }

    private static String field(ByteBuffer b, int at) {
        int end = at;
        while (end < at + 65 && b.get(end) != 0) end++;
        byte[] s = new byte[end - at];
        b.get(at, s);
        return Quote.string(s);
    }

    static String winsize(ByteBuffer b) {
        return "{ws_row=" + (b.getShort(0) & 0xffff) + ", ws_col=" + (b.getShort(2) & 0xffff) + ", ws_xpixel="
                + (b.getShort(4) & 0xffff) + ", ws_ypixel=" + (b.getShort(6) & 0xffff) + "}";
    }

    /** struct termios in strace's short form: speed and the main mode bits, then "...". */
    static String termios(ByteBuffer b) {
        int oflag = b.getInt(4), cflag = b.getInt(8), lflag = b.getInt(12);
        StringBuilder sb = new StringBuilder("{").append(speed(cflag & 010017));
        sb.append((oflag & 1) != 0 ? " opost" : " -opost").append((lflag & 1) != 0 ? " isig" : " -isig")
                .append((lflag & 2) != 0 ? " icanon" : " -icanon").append((lflag & 010) != 0 ? " echo" : " -echo");
        return sb.append(" ...}").toString();
    }

    private static String speed(int cbaud) {
        int[] codes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 010001, 010002, 010003, 010004};
        String[] names = {"B0", "B50", "B75", "B110", "B134", "B150", "B200", "B300", "B600", "B1200", "B1800",
            "B2400", "B4800", "B9600", "B19200", "B38400", "B57600", "B115200", "B230400", "B460800"};
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == cbaud) return names[i];
        }
        return "0" + Integer.toOctalString(cbaud);
    }

    static String sysinfo(ByteBuffer b) {
        return "{uptime=" + b.getLong(0) + ", loads=[" + Long.toUnsignedString(b.getLong(8)) + ", "
                + Long.toUnsignedString(b.getLong(16)) + ", " + Long.toUnsignedString(b.getLong(24)) + "], totalram="
                + Long.toUnsignedString(b.getLong(32)) + ", freeram=" + Long.toUnsignedString(b.getLong(40))
                + ", sharedram=" + Long.toUnsignedString(b.getLong(48)) + ", bufferram="
                + Long.toUnsignedString(b.getLong(56)) + ", totalswap=" + Long.toUnsignedString(b.getLong(64))
                + ", freeswap=" + Long.toUnsignedString(b.getLong(72)) + ", procs=" + (b.getShort(80) & 0xffff)
                + ", totalhigh=" + Long.toUnsignedString(b.getLong(88)) + ", freehigh="
                + Long.toUnsignedString(b.getLong(96)) + ", mem_unit=" + Integer.toUnsignedString(b.getInt(104)) + "}";
    }

    static String rusage(ByteBuffer b) {
        return "{ru_utime=" + timeval(b, 0) + ", ru_stime=" + timeval(b, 16) + ", ...}";
    }

    /** wait4's status word as strace shows it. */
    static String waitStatus(int s) {
        int sig = s & 0x7f;
        if (sig == 0) return "[{WIFEXITED(s) && WEXITSTATUS(s) == " + ((s >> 8) & 0xff) + "}]";
        if (sig == 0x7f) return "[{WIFSTOPPED(s) && WSTOPSIG(s) == " + Consts.signal((s >> 8) & 0xff) + "}]";
        if (s == 0xffff) return "[{WIFCONTINUED(s)}]";
        return "[{WIFSIGNALED(s) && WTERMSIG(s) == " + Consts.signal(sig) + ((s & 0x80) != 0 ? " && WCOREDUMP(s)" : "")
                + "}]";
    }

    /** A CPU mask (sched_getaffinity): the numbers of the set bits. */
    static String cpuMask(byte[] mask) {
        StringBuilder sb = new StringBuilder("[");
        String sep = "";
        for (int i = 0; i < mask.length * 8; i++) {
            if ((mask[i / 8] & (1 << (i % 8))) != 0) {
                sb.append(sep).append(i);
                sep = " ";
            }
        }
        return sb.append(']').toString();
    }

    /** How many linux_dirent64 records a getdents64 result holds. */
    static int direntCount(ByteBuffer b, int length) {
        int n = 0;
        for (int at = 0; at + 19 <= length; n++) {
            int reclen = b.getShort(at + 16) & 0xffff;
            if (reclen == 0) break;
            at += reclen;
        }
        return n;
    }
}
