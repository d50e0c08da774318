package io.jrrtui.dwarf;

import io.jrrtui.elf.ByteReader;
import java.util.ArrayList;
import java.util.List;

/** Reads DW_AT_ranges: .debug_ranges (DWARF 2-4) and .debug_rnglists (DWARF 5, incl. rnglistx). */
final class RangeLists {
    /** Bound on entries per list, so a corrupt list cannot run forever. */
    private static final int MAX_ENTRIES = 1 << 20;

    private RangeLists() {}

    static List<AddressRange> read(Unit unit, AttrValue v) {
        if (unit.version() < 5) return readV4(unit, v.value());
        ByteReader r = unit.dwarf().sections().reader(".debug_rnglists");
        long off = v.form() == Dw.FORM_rnglistx ? unit.listOffset(r, unit.rnglistsBase(), v.value()) : v.value();
        return readV5(unit, r, off);
    }

    private static List<AddressRange> readV4(Unit unit, long off) {
        ByteReader r = unit.dwarf().sections().reader(".debug_ranges").seek(off);
        int as = unit.addressSize();
        long max = as == 8 ? -1L : 0xffffffffL;
        long base = unit.baseAddress();
        List<AddressRange> out = new ArrayList<>();
        for (int i = 0; i < MAX_ENTRIES; i++) {
            long a = r.unsigned(as), b = r.unsigned(as);
            if (a == 0 && b == 0) return out;
            if (a == max) { base = b; continue; }
            if (a != b) out.add(new AddressRange(base + a, base + b));
        }
        throw r.error(off, "range list too long");
    }

    static List<AddressRange> readV5(Unit unit, ByteReader r, long off) {
        r.seek(off);
        long base = unit.baseAddress();
        int as = unit.addressSize();
        List<AddressRange> out = new ArrayList<>();
        for (int i = 0; i < MAX_ENTRIES; i++) {
            int kind = r.u8();
            switch (kind) {
                case Dw.RLE_end_of_list: return out;
                case Dw.RLE_base_addressx: base = unit.addressAt(r.uleb()); break;
                case Dw.RLE_startx_endx: add(out, unit.addressAt(r.uleb()), unit.addressAt(r.uleb())); break;
                case Dw.RLE_startx_length: { long s = unit.addressAt(r.uleb()); add(out, s, s + r.uleb()); break; }
                case Dw.RLE_offset_pair: { long s = r.uleb(), e = r.uleb(); add(out, base + s, base + e); break; }
                case Dw.RLE_base_address: base = r.unsigned(as); break;
                case Dw.RLE_start_end: add(out, r.unsigned(as), r.unsigned(as)); break;
                case Dw.RLE_start_length: { long s = r.unsigned(as); add(out, s, s + r.uleb()); break; }
                default: throw r.error(r.position() - 1, "unknown range list entry " + kind);
            }
        }
        throw r.error(off, "range list too long");
    }

    private static void add(List<AddressRange> out, long lo, long hi) {
        if (Long.compareUnsigned(hi, lo) > 0) out.add(new AddressRange(lo, hi));
    }
}
