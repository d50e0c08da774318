package io.jrrtui.record;

import io.jrrtui.record.OutputRule.Range;

/** Building blocks for {@link SyscallTable}: the common shapes of syscall output parameters. */
final class OutputRules {
    private OutputRules() {}

    /** n bytes at pointer argument arg (skipped when the pointer is null or the call failed). */
    static OutputRule fixed(int arg, long n) {
        return (regs, result, mem, out) -> {
            if (result >= 0 && regs.arg(arg) != 0) out.add(new Range(regs.arg(arg), n));
        };
    }

    /** result bytes at pointer argument arg (read, recv, getrandom, readlink...). */
    static OutputRule resultBytes(int arg) {
        return (regs, result, mem, out) -> {
            if (result > 0 && regs.arg(arg) != 0) out.add(new Range(regs.arg(arg), result));
        };
    }

    /** result elements of size bytes at pointer argument arg (epoll_wait, getgroups). */
    static OutputRule resultElements(int arg, int size) {
        return (regs, result, mem, out) -> {
            if (result > 0 && regs.arg(arg) != 0) out.add(new Range(regs.arg(arg), result * size));
        };
    }

    /** count(argCount) elements of size bytes at pointer argument arg (poll's fd array). */
    static OutputRule argElements(int arg, int argCount, int size) {
        return (regs, result, mem, out) -> {
            if (result >= 0 && regs.arg(arg) != 0) out.add(new Range(regs.arg(arg), regs.arg(argCount) * size));
        };
    }

    /** a buffer of (int at lenArg's pointer, read after the call) bytes, plus that int: accept, getsockname. */
    static OutputRule sockaddr(int addrArg, int lenArg) {
        return (regs, result, mem, out) -> {
            if (result < 0 || regs.arg(lenArg) == 0) return;
            out.add(new Range(regs.arg(lenArg), 4));
            if (regs.arg(addrArg) != 0) {
                long len = Integer.toUnsignedLong(mem.u32(regs.arg(lenArg)));
                out.add(new Range(regs.arg(addrArg), Math.min(len, 128)));
            }
        };
    }

    /** result bytes scattered over the iovec array at iovArg with count at cntArg (readv, preadv). */
    static OutputRule iovec(int iovArg, int cntArg) {
        return (regs, result, mem, out) -> scatter(regs.arg(iovArg), regs.arg(cntArg), result, mem, out);
    }

    static void scatter(long iov, long count, long total, OutputRule.MemoryPeek mem, java.util.List<Range> out) {
        long left = total;
        for (long i = 0; i < Math.min(count, 1024) && left > 0; i++) {
            long base = mem.u64(iov + 16 * i);
            long len = mem.u64(iov + 16 * i + 8);
            long n = Math.min(len, left);
            if (n > 0) out.add(new Range(base, n));
            left -= n;
        }
    }

    /** fd_set bitmaps of nfds bits at args 1..3 (select, pselect6), plus the timeout at timeoutArg. */
    static OutputRule select(long timeoutSize) {
        return (regs, result, mem, out) -> {
            if (result < 0) return;
            long bytes = ((regs.arg(0) + 63) / 64) * 8;
            for (int a = 1; a <= 3; a++) if (regs.arg(a) != 0) out.add(new Range(regs.arg(a), bytes));
            if (regs.arg(4) != 0 && timeoutSize > 0) out.add(new Range(regs.arg(4), timeoutSize));
        };
    }

    /** struct msghdr (56 bytes) at msgArg after recvmsg: the header, name, data and control. */
    static OutputRule recvmsg(int msgArg) {
        return (regs, result, mem, out) -> {
            if (result < 0) return;
            msghdr(regs.arg(msgArg), result, mem, out);
        };
    }

    static void msghdr(long msg, long received, OutputRule.MemoryPeek mem, java.util.List<Range> out) {
        out.add(new Range(msg, 56));
        long name = mem.u64(msg);
        long namelen = Integer.toUnsignedLong(mem.u32(msg + 8));
        if (name != 0 && namelen > 0) out.add(new Range(name, Math.min(namelen, 128)));
        scatter(mem.u64(msg + 16), mem.u64(msg + 24), received, mem, out);
        long control = mem.u64(msg + 32);
        long controllen = mem.u64(msg + 40);
        if (control != 0 && controllen > 0) out.add(new Range(control, Math.min(controllen, 1 << 16)));
    }

    /** recvmmsg: result messages of struct mmsghdr (64 bytes) at arg1. */
    static OutputRule recvmmsg() {
        return (regs, result, mem, out) -> {
            for (long i = 0; i < result; i++) {
                long hdr = regs.arg(1) + 64 * i;
                long len = Integer.toUnsignedLong(mem.u32(hdr + 56));
                msghdr(hdr, len, mem, out);
                out.add(new Range(hdr + 56, 4));
            }
            if (result >= 0 && regs.arg(4) != 0) out.add(new Range(regs.arg(4), 16));
        };
    }

    /** Several rules in sequence. */
    static OutputRule all(OutputRule... rules) {
        return (regs, result, mem, out) -> {
            for (OutputRule r : rules) r.ranges(regs, result, mem, out);
        };
    }
}
