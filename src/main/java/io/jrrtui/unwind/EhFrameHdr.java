package io.jrrtui.unwind;

import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * {@code .eh_frame_hdr}: a sorted table of (initial location, FDE address) pairs that finds the FDE
 * for a pc by binary search without parsing {@code .eh_frame}.
 */
final class EhFrameHdr {
    private final ByteBuffer bytes;
    private final PointerEncoding.Bases bases;
    private final long ehFramePtr;
    private final long count;
    private final int tableEncoding;
    private final int tableStart;
    private final int entrySize;

    private EhFrameHdr(ByteBuffer bytes, PointerEncoding.Bases bases, long ehFramePtr, long count,
            int tableEncoding, int tableStart, int entrySize) {
        this.bytes = bytes;
        this.bases = bases;
        this.ehFramePtr = ehFramePtr;
        this.count = count;
        this.tableEncoding = tableEncoding;
        this.tableStart = tableStart;
        this.entrySize = entrySize;
    }

    /** Parses the header; a table that cannot be binary searched (no fixed-size entries) gives null. */
    static EhFrameHdr parse(ByteBuffer bytes, long vaddr) {
        CfiCursor c = new CfiCursor(bytes, ".eh_frame_hdr");
        PointerEncoding.Bases bases = new PointerEncoding.Bases(vaddr, 0, vaddr, 0);
        int version = c.u8();
        if (version != 1) {
            throw c.malformed("unsupported version " + version);
        }
        int ptrEnc = c.u8();
        int countEnc = c.u8();
        int tableEnc = c.u8();
        long ehFramePtr = PointerEncoding.read(c, ptrEnc, bases);
        if (countEnc == PointerEncoding.OMIT || tableEnc == PointerEncoding.OMIT) {
            return null;
        }
        long count = PointerEncoding.read(c, countEnc, bases);
        int size = switch (tableEnc & 0x0f) {
            case 0x02, 0x0a -> 2;
            case 0x03, 0x0b -> 4;
            case 0x00, 0x04, 0x0c -> 8;
            default -> 0;
        };
        if (size == 0 || count < 0 || count > (c.limit() - c.position()) / (2L * size)) {
            return null;
        }
        return new EhFrameHdr(bytes, bases, ehFramePtr, count, tableEnc, c.position(), 2 * size);
    }

    long ehFrameAddress() {
        return ehFramePtr;
    }

    /** The address of the FDE whose initial location is the greatest one not above {@code pc}. */
    OptionalLong fdeAddressFor(long pc) {
        CfiCursor c = new CfiCursor(bytes, ".eh_frame_hdr");
        long lo = 0;
        long hi = count - 1;
        long found = -1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            c.seek(tableStart + mid * entrySize);
            long loc = PointerEncoding.read(c, tableEncoding, bases);
            if (Long.compareUnsigned(loc, pc) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found < 0) {
            return OptionalLong.empty();
        }
        c.seek(tableStart + found * entrySize);
        PointerEncoding.read(c, tableEncoding, bases);
        return OptionalLong.of(PointerEncoding.read(c, tableEncoding, bases));
    }
}
