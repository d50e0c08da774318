package io.jrrtui.dwarf;

import io.jrrtui.elf.ByteReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads location attributes: expressions, .debug_loc (DWARF 2-4) and .debug_loclists (DWARF 5). */
final class LocationLists {
    private static final int MAX_ENTRIES = 1 << 20;

    private LocationLists() {}

    static LocationList read(Unit unit, AttrValue v) {
        if (v.isExprloc()) return LocationList.ofExpression(v.blockView());
        if (unit.version() < 5) return readV4(unit, v.value());
        ByteReader r = unit.dwarf().sections().reader(".debug_loclists");
        long off = v.form() == Dw.FORM_loclistx ? unit.listOffset(r, unit.loclistsBase(), v.value()) : v.value();
        return readV5(unit, r, off);
    }

    private static LocationList readV4(Unit unit, long off) {
        ByteReader r = unit.dwarf().sections().reader(".debug_loc").seek(off);
        int as = unit.addressSize();
        long max = as == 8 ? -1L : 0xffffffffL;
        long base = unit.baseAddress();
        List<LocationList.Entry> out = new ArrayList<>();
        for (int i = 0; i < MAX_ENTRIES; i++) {
            long a = r.unsigned(as), b = r.unsigned(as);
            if (a == 0 && b == 0) return new LocationList(out, false);
            if (a == max) { base = b; continue; }
            ByteBuffer expr = r.slice(r.u16()).buffer();
            out.add(new LocationList.Entry(new AddressRange(base + a, base + b), expr));
        }
        throw r.error(off, "location list too long");
    }

    private static LocationList readV5(Unit unit, ByteReader r, long off) {
        r.seek(off);
        long base = unit.baseAddress();
        int as = unit.addressSize();
        List<LocationList.Entry> out = new ArrayList<>();
        for (int i = 0; i < MAX_ENTRIES; i++) {
            int kind = r.u8();
            long lo, hi;
            switch (kind) {
                case Dw.LLE_end_of_list: return new LocationList(out, false);
                case Dw.LLE_base_addressx: base = unit.addressAt(r.uleb()); continue;
                case Dw.LLE_base_address: base = r.unsigned(as); continue;
                case Dw.LLE_GNU_view_pair: r.uleb(); r.uleb(); continue;
                case Dw.LLE_startx_endx: lo = unit.addressAt(r.uleb()); hi = unit.addressAt(r.uleb()); break;
                case Dw.LLE_startx_length: lo = unit.addressAt(r.uleb()); hi = lo + r.uleb(); break;
                case Dw.LLE_offset_pair: lo = base + r.uleb(); hi = base + r.uleb(); break;
                case Dw.LLE_default_location: lo = 0; hi = -1L; break;
                case Dw.LLE_start_end: lo = r.unsigned(as); hi = r.unsigned(as); break;
                case Dw.LLE_start_length: lo = r.unsigned(as); hi = lo + r.uleb(); break;
                default: throw r.error(r.position() - 1, "unknown location list entry " + kind);
            }
            ByteBuffer expr = r.slice(r.uleb()).buffer();
            out.add(new LocationList.Entry(new AddressRange(lo, hi), expr));
        }
        throw r.error(off, "location list too long");
    }
}
