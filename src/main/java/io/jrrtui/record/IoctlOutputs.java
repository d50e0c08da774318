package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.record.OutputRule.Range;
import java.util.List;

/**
 * What an ioctl writes at its third argument. Requests built with the kernel's _IOC macro say it
 * themselves (direction bits 30-31, size bits 16-29), as rr reads them; the old terminal (0x54xx)
 * and socket (0x89xx) requests do not, so those are listed here. Unknown old-style requests are
 * refused rather than guessed.
 */
final class IoctlOutputs {
    private static final int IOC_READ = 2, IFREQ = 40, TERMIOS = 36, TERMIO = 18, SIOCGIFCONF = 0x8912;

    private IoctlOutputs() {}

    static void ranges(Registers r, long res, OutputRule.MemoryPeek m, List<Range> out) {
        if (res < 0 || r.arg(2) == 0) return;
        long request = r.arg(1) & 0xffffffffL;
        if (request == SIOCGIFCONF) {
            // struct ifconf { int ifc_len; char *ifc_buf; }: the kernel fills ifc_len bytes of the buffer
            out.add(new Range(r.arg(2), 16));
            long buf = m.u64(r.arg(2) + 8);
            if (buf != 0) out.add(new Range(buf, m.u32(r.arg(2))));
            return;
        }
        long size = outputSize(request);
        if (size > 0) out.add(new Range(r.arg(2), size));
    }

    /** Why this request cannot be recorded, or null when it can. */
    static String refusal(Registers r) {
        long request = r.arg(1) & 0xffffffffL;
        return outputSize(request) < 0 ? String.format("ioctl request 0x%x is not supported", request) : null;
    }

    /** Bytes written at the third argument: 0 for none, -1 for an old-style request we do not know. */
    static long outputSize(long request) {
        long listed = oldStyle((int) request);
        if (listed != -2) return listed;
        int dir = (int) (request >>> 30) & 3;
        int type = (int) (request >>> 8) & 0xff;
        if (dir == 0 && (type == 0x54 || type == 0x89)) return -1; // old-style: the bits mean nothing
        return (dir & IOC_READ) != 0 ? (request >>> 16) & 0x3fff : 0;
    }

    /** The old-style requests we know (-2 for others). */
    private static long oldStyle(int request) {
        return switch (request) {
            case 0x5401, 0x5456 -> TERMIOS; // TCGETS, TIOCGLCKTRMIOS
            case 0x5405 -> TERMIO; // TCGETA
            case 0x5413 -> 8; // TIOCGWINSZ
            case 0x540F, 0x541B, 0x5429, 0x5415, 0x5411, 0x5424, 0x5459 -> 4; // PGRP, FIONREAD, SID, MGET, OUTQ, GETD, SERGETLSR
            case 0x5460 -> 8; // FIOQSIZE
            case 0x541E -> 72; // TIOCGSERIAL
            case 0x545D -> 80; // TIOCGICOUNT
            case 0x542E -> 32; // TIOCGRS485
            case 0x5402, 0x5403, 0x5404, 0x5406, 0x5407, 0x5408, 0x5409, 0x540A, 0x540B, 0x540C, 0x540D, 0x540E, 0x5410,
                    0x5412, 0x5414, 0x5416, 0x5417, 0x5418, 0x541D, 0x541F, 0x5421, 0x5422, 0x5423, 0x5425, 0x5427, 0x5428,
                    0x5441, 0x5450, 0x5451, 0x5452, 0x5457, 0x545C -> 0; // sets, flushes, modes, breaks
            case 0x8905, 0x8904, 0x8903 -> 4; // SIOCATMARK, SIOCGPGRP, FIOGETOWN
            case 0x8906, 0x8907, SIOCGIFCONF -> 16; // SIOCGSTAMP, SIOCGSTAMPNS, SIOCGIFCONF (+ its buffer)
            case 0x8910, 0x8913, 0x8915, 0x8917, 0x8919, 0x891b, 0x891d, 0x8921, 0x8927, 0x8933, 0x8935, 0x8942, 0x8970
                    -> IFREQ; // SIOCGIF*: struct ifreq
            case 0x8901, 0x8902, 0x8914, 0x8916, 0x8918, 0x891a, 0x891c, 0x891e, 0x8922, 0x8924, 0x8934, 0x8943, 0x8971
                    -> 0; // SIOCSIF* and owner sets
            default -> -2;
        };
    }
}
