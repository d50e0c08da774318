package io.jrrtui.unwind;

import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CFI section, {@code .eh_frame} or {@code .debug_frame}: parses CIEs and FDEs on demand and finds
 * the FDE covering a pc (through {@code .eh_frame_hdr} when given, else a sorted index built once).
 */
final class CfiSection {
    enum Kind { EH_FRAME, DEBUG_FRAME }

    /** More entries than this in one section means garbage, not a real binary. */
    private static final int MAX_ENTRIES = 4_000_000;

    private final Kind kind;
    private final ByteBuffer bytes;
    private final PointerEncoding.Bases bases;
    private final String name;
    private final Map<Long, CommonInfoEntry> cies = new HashMap<>();
    private List<FrameDescriptionEntry> sortedFdes;

    CfiSection(Kind kind, ByteBuffer bytes, long vaddr, long dataBase) {
        this.kind = kind;
        this.bytes = bytes;
        this.name = kind == Kind.EH_FRAME ? ".eh_frame" : ".debug_frame";
        this.bases = new PointerEncoding.Bases(vaddr, 0, dataBase, 0);
    }

    Kind kind() {
        return kind;
    }

    long vaddr() {
        return bases.sectionVaddr();
    }

    String name() {
        return name;
    }

    /** The FDE covering {@code pc}, found by scanning every entry once and binary searching. */
    synchronized Optional<FrameDescriptionEntry> findFde(long pc) {
        if (sortedFdes == null) {
            sortedFdes = allFdes();
        }
        int lo = 0;
        int hi = sortedFdes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            FrameDescriptionEntry f = sortedFdes.get(mid);
            if (Long.compareUnsigned(pc, f.pcBegin()) < 0) {
                hi = mid - 1;
            } else if (Long.compareUnsigned(pc, f.pcEnd()) >= 0) {
                lo = mid + 1;
            } else {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Every FDE of the section, sorted by start. FDEs with an empty range or that fail to parse are
     * left out (one bad FDE must not hide the others); a broken entry length ends the scan, since
     * nothing after it can be located.
     */
    List<FrameDescriptionEntry> allFdes() {
        List<FrameDescriptionEntry> fdes = new ArrayList<>();
        CfiCursor c = new CfiCursor(bytes, name);
        int count = 0;
        while (!c.atEnd() && ++count <= MAX_ENTRIES) {
            long start = c.position();
            Entry e;
            try {
                e = header(c);
            } catch (JrrException broken) {
                break;
            }
            if (e == null) {
                if (kind == Kind.EH_FRAME) {
                    break; // zero terminator
                }
                continue;
            }
            if (!e.isCie) {
                try {
                    FrameDescriptionEntry f = fdeAt(start);
                    if (f.pcEnd() != f.pcBegin()) {
                        fdes.add(f);
                    }
                } catch (JrrException skipped) {
                    // this FDE (or its CIE) is malformed: its range has no CFI
                }
            }
            c.seek(e.end);
        }
        fdes.sort(Comparator.comparing(FrameDescriptionEntry::pcBegin, Long::compareUnsigned));
        return fdes;
    }

    /** Length and id fields of the entry at the cursor; null for a zero-length terminator. */
    private record Entry(boolean isCie, long cieOffset, long end, int offsetSize) {
    }

    private Entry header(CfiCursor c) {
        long length = c.u32();
        int offsetSize = 4;
        if (length == 0xffffffffL) {
            length = c.u64();
            offsetSize = 8;
        }
        if (length == 0) {
            return null;
        }
        long bodyStart = c.position();
        if (length < 0 || length > c.limit() - bodyStart) {
            throw c.malformed("entry length 0x" + Long.toHexString(length) + " runs past the end");
        }
        long end = bodyStart + length;
        long idPos = c.position();
        long id = offsetSize == 4 ? c.u32() : c.u64();
        boolean isCie;
        long cieOffset;
        if (kind == Kind.EH_FRAME) {
            isCie = id == 0;
            cieOffset = idPos - id; // relative back-pointer from the id field
        } else {
            isCie = offsetSize == 4 ? id == 0xffffffffL : id == -1L;
            cieOffset = id;
        }
        return new Entry(isCie, cieOffset, end, offsetSize);
    }

    /** Parses the FDE whose length field is at {@code offset}. */
    FrameDescriptionEntry fdeAt(long offset) {
        CfiCursor c = new CfiCursor(bytes, name);
        c.seek(offset);
        Entry e = header(c);
        if (e == null || e.isCie) {
            throw c.malformed("expected an FDE at 0x" + Long.toHexString(offset));
        }
        CommonInfoEntry cie = cieAt(e.cieOffset);
        c.limit(e.end);
        long pcBegin;
        long range;
        if (kind == Kind.EH_FRAME) {
            pcBegin = PointerEncoding.read(c, cie.fdeEncoding(), bases);
            range = PointerEncoding.readValue(c, cie.fdeEncoding() & 0x0f);
        } else {
            pcBegin = cie.addressSize() == 4 ? c.u32() : c.u64();
            range = cie.addressSize() == 4 ? c.u32() : c.u64();
        }
        if (cie.hasAugmentationData()) {
            c.skip(c.uleb()); // the LSDA pointer: exception handling, not unwinding
        }
        ByteBuffer instructions = c.slice(e.end - c.position());
        return new FrameDescriptionEntry(offset, cie, pcBegin, pcBegin + range, instructions);
    }

    synchronized CommonInfoEntry cieAt(long offset) {
        CommonInfoEntry known = cies.get(offset);
        if (known != null) {
            return known;
        }
        CfiCursor c = new CfiCursor(bytes, name);
        c.seek(offset);
        Entry e = header(c);
        if (e == null || !e.isCie) {
            throw c.malformed("FDE points at 0x" + Long.toHexString(offset) + ", which is not a CIE");
        }
        c.limit(e.end);
        CommonInfoEntry cie = parseCie(c, offset, e.end);
        cies.put(offset, cie);
        return cie;
    }

    private CommonInfoEntry parseCie(CfiCursor c, long offset, long end) {
        int version = c.u8();
        if (version != 1 && version != 3 && version != 4) {
            throw c.malformed("unsupported CIE version " + version);
        }
        String aug = c.cstring();
        int addressSize = 8;
        if (version == 4) {
            addressSize = c.u8();
            c.u8(); // segment selector size
            if (addressSize != 4 && addressSize != 8) {
                throw c.malformed("unsupported address size " + addressSize);
            }
        }
        if (aug.contains("eh")) {
            c.skip(8); // pre-2.95 GCC: the address of the exception table
        }
        long codeAlign = c.uleb();
        long dataAlign = c.sleb();
        int raReg = version == 1 ? c.u8() : (int) c.uleb();
        int fdeEnc = PointerEncoding.ABSPTR;
        int lsdaEnc = PointerEncoding.OMIT;
        boolean signal = false;
        boolean hasAugData = aug.startsWith("z");
        if (hasAugData) {
            long augLen = c.uleb();
            long augEnd = c.position() + augLen;
            if (augLen < 0 || augEnd > end) {
                throw c.malformed("augmentation data runs past the CIE");
            }
            for (int i = 1; i < aug.length(); i++) {
                switch (aug.charAt(i)) {
                    case 'R' -> fdeEnc = c.u8();
                    case 'L' -> lsdaEnc = c.u8();
                    case 'P' -> PointerEncoding.read(c, c.u8() & ~PointerEncoding.INDIRECT, bases);
                    case 'S' -> signal = true;
                    case 'B', 'G' -> { }
                    default -> i = aug.length(); // unknown: the length lets us skip the rest
                }
            }
            c.seek(augEnd);
        } else if (!aug.isEmpty() && !aug.equals("eh")) {
            throw c.malformed("unknown augmentation \"" + aug + "\" without length");
        }
        ByteBuffer initial = c.slice(end - c.position());
        return new CommonInfoEntry(offset, version, aug, codeAlign, dataAlign, raReg, fdeEnc, lsdaEnc,
                hasAugData, signal, addressSize, initial);
    }
}
