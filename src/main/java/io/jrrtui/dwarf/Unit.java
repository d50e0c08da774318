package io.jrrtui.dwarf;

import io.jrrtui.elf.ByteReader;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One unit of .debug_info (compile, partial or type unit): its header, abbreviations and the bases
 * its indexed forms need. DIEs are parsed on demand and cached by offset.
 */
public final class Unit {
    private final DwarfInfo dwarf;
    private final long offset;
    private final long end;
    private final int version;
    private final int unitType;
    private final int addressSize;
    private final int offsetSize;
    private final long abbrevOffset;
    private final long firstDieOffset;
    private final long typeSignature;
    private final long typeOffset;
    private Map<Long, Abbrev> abbrevs;
    private final Map<Long, Die> dies = new HashMap<>();
    private Die root;
    private Long strOffsetsBase, addrBase, rnglistsBase, loclistsBase;
    private LineProgram lineProgram;
    private boolean lineProgramLoaded;

    Unit(DwarfInfo dwarf, ByteReader info, long offset) {
        this.dwarf = dwarf;
        this.offset = offset;
        ByteReader r = info.from(offset);
        long len = r.u32();
        int osize = 4;
        if (len == 0xffffffffL) {
            len = r.u64();
            osize = 8;
        } else if (len >= 0xfffffff0L) {
            throw r.error(offset, "reserved unit length 0x" + Long.toHexString(len));
        }
        int headerStart = r.position();
        if (len < 0 || len > r.remaining()) throw info.error(offset, "unit length 0x" + Long.toHexString(len) + " exceeds section");
        this.end = offset + headerStart + len;
        this.offsetSize = osize;
        this.version = r.u16();
        if (version < 2 || version > 5) throw info.error(offset, "unsupported DWARF version " + version);
        long sig = 0, toff = 0;
        if (version >= 5) {
            unitType = r.u8();
            addressSize = r.u8();
            abbrevOffset = r.unsigned(osize);
            if (unitType == Dw.UT_skeleton || unitType == Dw.UT_split_compile) {
                r.u64();
            } else if (unitType == Dw.UT_type || unitType == Dw.UT_split_type) {
                sig = r.u64();
                toff = r.unsigned(osize);
            }
        } else {
            unitType = Dw.UT_compile;
            abbrevOffset = r.unsigned(osize);
            addressSize = r.u8();
        }
        if (addressSize != 4 && addressSize != 8) throw info.error(offset, "bad address size " + addressSize);
        this.typeSignature = sig;
        this.typeOffset = toff;
        this.firstDieOffset = offset + r.position();
        if (firstDieOffset > end) throw info.error(offset, "unit header longer than unit");
    }

    public DwarfInfo dwarf() { return dwarf; }
    public long offset() { return offset; }
    public long end() { return end; }
    public int version() { return version; }
    public int unitType() { return unitType; }
    public int addressSize() { return addressSize; }
    public int offsetSize() { return offsetSize; }
    public long typeSignature() { return typeSignature; }
    public boolean isTypeUnit() { return unitType == Dw.UT_type || unitType == Dw.UT_split_type; }
    public DieOffset typeDieOffset() { return new DieOffset(offset + typeOffset); }

    synchronized Map<Long, Abbrev> abbrevs() {
        if (abbrevs == null) abbrevs = dwarf.abbrevTable(abbrevOffset);
        return abbrevs;
    }

    /** The unit's top DIE (DW_TAG_compile_unit / partial_unit / type_unit). */
    public synchronized Die root() {
        if (root == null) root = dieAt(firstDieOffset, null);
        return root;
    }

    /** The DIE at a section offset inside this unit. */
    public synchronized Die die(DieOffset off) {
        return dieAt(off.value(), null);
    }

    synchronized Die dieAt(long off, Die parent) {
        Die d = dies.get(off);
        if (d == null) {
            if (off < firstDieOffset || off >= end) throw dwarf.info().error(off, "DIE reference outside its unit");
            d = Die.parse(this, off, null);
            if (parent != null) d.setParent(parent);
            dies.put(off, d);
        } else if (parent != null && d.parentOrNull() == null) {
            d.setParent(parent);
        }
        return d;
    }

    private boolean parentsLinked;

    /** Walks the whole tree once so every cached DIE knows its parent (for scope names of types). */
    synchronized void linkParents() {
        if (parentsLinked) return;
        parentsLinked = true;
        java.util.ArrayDeque<Die> stack = new java.util.ArrayDeque<>();
        stack.push(root());
        int budget = 5_000_000;
        while (!stack.isEmpty() && budget-- > 0) {
            for (Die c : stack.pop().children()) if (c.hasChildren()) stack.push(c);
        }
    }

    public boolean contains(long off) { return off >= firstDieOffset && off < end; }

    /** The reader positioned anywhere in this unit (bounded by its end). */
    ByteReader reader() { return dwarf.info().sliceAt(0, end); }

    /** Reads one attribute value of the given form at the reader's position. */
    AttrValue readAttr(ByteReader r, int at, int form, long implicitConst, int depth) {
        switch (form) {
            case Dw.FORM_addr: return new AttrValue(at, form, r.unsigned(addressSize), null, null);
            case Dw.FORM_block1: return block(at, form, r, r.u8());
            case Dw.FORM_block2: return block(at, form, r, r.u16());
            case Dw.FORM_block4: return block(at, form, r, r.u32());
            case Dw.FORM_block: case Dw.FORM_exprloc: return block(at, form, r, r.uleb());
            case Dw.FORM_data1: case Dw.FORM_flag: case Dw.FORM_strx1: case Dw.FORM_addrx1:
                return new AttrValue(at, form, r.u8(), null, null);
            case Dw.FORM_data2: case Dw.FORM_strx2: case Dw.FORM_addrx2:
                return new AttrValue(at, form, r.u16(), null, null);
            case Dw.FORM_strx3: case Dw.FORM_addrx3:
                return new AttrValue(at, form, r.u16() | ((long) r.u8() << 16), null, null);
            case Dw.FORM_data4: case Dw.FORM_strx4: case Dw.FORM_addrx4: case Dw.FORM_ref_sup4:
                return new AttrValue(at, form, r.u32(), null, null);
            case Dw.FORM_data8: case Dw.FORM_ref_sig8: case Dw.FORM_ref_sup8:
                return new AttrValue(at, form, r.u64(), null, null);
            case Dw.FORM_data16: return block(at, form, r, 16);
            case Dw.FORM_string: return new AttrValue(at, form, 0, null, r.cstring());
            case Dw.FORM_sdata: return new AttrValue(at, form, r.sleb(), null, null);
            case Dw.FORM_udata: case Dw.FORM_strx: case Dw.FORM_addrx: case Dw.FORM_loclistx:
            case Dw.FORM_rnglistx: case Dw.FORM_GNU_addr_index: case Dw.FORM_GNU_str_index:
                return new AttrValue(at, form, r.uleb(), null, null);
            case Dw.FORM_ref1: return ref(at, form, r.u8());
            case Dw.FORM_ref2: return ref(at, form, r.u16());
            case Dw.FORM_ref4: return ref(at, form, r.u32());
            case Dw.FORM_ref8: return ref(at, form, r.u64());
            case Dw.FORM_ref_udata: return ref(at, form, r.uleb());
            case Dw.FORM_ref_addr:
                return new AttrValue(at, form, version <= 2 ? r.unsigned(addressSize) : r.unsigned(offsetSize), null, null);
            case Dw.FORM_strp: case Dw.FORM_line_strp: case Dw.FORM_sec_offset: case Dw.FORM_strp_sup:
            case Dw.FORM_GNU_ref_alt: case Dw.FORM_GNU_strp_alt:
                return new AttrValue(at, form, r.unsigned(offsetSize), null, null);
            case Dw.FORM_flag_present: return new AttrValue(at, form, 1, null, null);
            case Dw.FORM_implicit_const: return new AttrValue(at, form, implicitConst, null, null);
            case Dw.FORM_indirect: {
                if (depth > 4) throw r.error(r.position(), "nested DW_FORM_indirect");
                int real = r.ulebInt();
                return readAttr(r, at, real, implicitConst, depth + 1);
            }
            default:
                throw r.error(r.position(), "unknown form 0x" + Integer.toHexString(form));
        }
    }

    /** Advances over one attribute value without decoding it (fast subtree skipping). */
    void skipAttr(ByteReader r, int form, int depth) {
        switch (form) {
            case Dw.FORM_flag_present: case Dw.FORM_implicit_const: return;
            case Dw.FORM_data1: case Dw.FORM_ref1: case Dw.FORM_flag: case Dw.FORM_strx1: case Dw.FORM_addrx1: r.skip(1); return;
            case Dw.FORM_data2: case Dw.FORM_ref2: case Dw.FORM_strx2: case Dw.FORM_addrx2: r.skip(2); return;
            case Dw.FORM_strx3: case Dw.FORM_addrx3: r.skip(3); return;
            case Dw.FORM_data4: case Dw.FORM_ref4: case Dw.FORM_strx4: case Dw.FORM_addrx4: case Dw.FORM_ref_sup4: r.skip(4); return;
            case Dw.FORM_data8: case Dw.FORM_ref8: case Dw.FORM_ref_sig8: case Dw.FORM_ref_sup8: r.skip(8); return;
            case Dw.FORM_data16: r.skip(16); return;
            case Dw.FORM_addr: r.skip(addressSize); return;
            case Dw.FORM_strp: case Dw.FORM_line_strp: case Dw.FORM_sec_offset: case Dw.FORM_strp_sup:
            case Dw.FORM_GNU_ref_alt: case Dw.FORM_GNU_strp_alt: r.skip(offsetSize); return;
            case Dw.FORM_ref_addr: r.skip(version <= 2 ? addressSize : offsetSize); return;
            case Dw.FORM_udata: case Dw.FORM_sdata: case Dw.FORM_ref_udata: case Dw.FORM_strx: case Dw.FORM_addrx:
            case Dw.FORM_loclistx: case Dw.FORM_rnglistx: case Dw.FORM_GNU_addr_index: case Dw.FORM_GNU_str_index:
                r.skipLeb(); return;
            case Dw.FORM_string: r.skipCString(); return;
            case Dw.FORM_block1: r.skip(r.u8()); return;
            case Dw.FORM_block2: r.skip(r.u16()); return;
            case Dw.FORM_block4: r.skip(r.u32()); return;
            case Dw.FORM_block: case Dw.FORM_exprloc: r.skip(r.uleb()); return;
            case Dw.FORM_indirect:
                if (depth > 4) throw r.error(r.position(), "nested DW_FORM_indirect");
                skipAttr(r, r.ulebInt(), depth + 1);
                return;
            default: throw r.error(r.position(), "unknown form 0x" + Integer.toHexString(form));
        }
    }

    /**
     * The offset just past the subtree of the DIE whose attributes end at {@code pos} and which has
     * children, scanning abbreviations without building DIE objects.
     */
    long skipChildren(long pos) {
        ByteReader r = reader().seek(pos);
        Map<Long, Abbrev> table = abbrevs();
        int depth = 1;
        while (depth > 0) {
            if (r.position() >= end) return end;
            long code = r.uleb();
            if (code == 0) { depth--; continue; }
            Abbrev ab = table.get(code);
            if (ab == null) throw r.error(r.position(), "unknown abbreviation code " + code);
            int[] forms = ab.forms();
            int sibling = -1;
            for (int i = 0; i < forms.length; i++) {
                if (ab.attributes()[i] == Dw.AT_sibling && (forms[i] == Dw.FORM_ref4 || forms[i] == Dw.FORM_ref_udata || forms[i] == Dw.FORM_ref2 || forms[i] == Dw.FORM_ref1 || forms[i] == Dw.FORM_ref8)) {
                    sibling = i;
                }
            }
            long siblingTarget = -1;
            for (int i = 0; i < forms.length; i++) {
                if (i == sibling) siblingTarget = readAttr(r, ab.attributes()[i], forms[i], 0, 0).value();
                else skipAttr(r, forms[i], 0);
            }
            if (ab.hasChildren()) {
                if (siblingTarget > r.position() && siblingTarget <= end) r.seek(siblingTarget);
                else depth++;
            }
            if (depth > 100_000) throw r.error(r.position(), "DIE tree nested too deeply");
        }
        return r.position();
    }

    private AttrValue ref(int at, int form, long rel) {
        return new AttrValue(at, form, offset + rel, null, null);
    }

    private static AttrValue block(int at, int form, ByteReader r, long len) {
        ByteBuffer b = r.slice(len).buffer();
        return new AttrValue(at, form, b.limit(), b, null);
    }

    // ---- bases from the unit DIE (DWARF 5) ----

    private long base(int at, int gnuAt, long dflt) {
        Die rt = root();
        Optional<AttrValue> v = rt.raw(at);
        if (v.isEmpty() && gnuAt != 0) v = rt.raw(gnuAt);
        return v.map(AttrValue::value).orElse(dflt);
    }

    synchronized long strOffsetsBase() {
        if (strOffsetsBase == null) strOffsetsBase = base(Dw.AT_str_offsets_base, 0, offsetSize == 8 ? 16 : 8);
        return strOffsetsBase;
    }

    synchronized long addrBase() {
        if (addrBase == null) addrBase = base(Dw.AT_addr_base, Dw.AT_GNU_addr_base, 8);
        return addrBase;
    }

    synchronized long rnglistsBase() {
        if (rnglistsBase == null) rnglistsBase = base(Dw.AT_rnglists_base, Dw.AT_GNU_ranges_base, offsetSize == 8 ? 20 : 12);
        return rnglistsBase;
    }

    synchronized long loclistsBase() {
        if (loclistsBase == null) loclistsBase = base(Dw.AT_loclists_base, 0, offsetSize == 8 ? 20 : 12);
        return loclistsBase;
    }

    /** Resolves a string attribute of any string form. */
    String string(AttrValue v) {
        switch (v.form()) {
            case Dw.FORM_string: return v.string();
            case Dw.FORM_strp: return dwarf.sections().str().cstringAt(v.value());
            case Dw.FORM_line_strp: return dwarf.sections().lineStr().cstringAt(v.value());
            case Dw.FORM_strx: case Dw.FORM_strx1: case Dw.FORM_strx2: case Dw.FORM_strx3: case Dw.FORM_strx4:
            case Dw.FORM_GNU_str_index: {
                ByteReader so = dwarf.sections().reader(".debug_str_offsets");
                long off = so.seek(strOffsetsBase() + v.value() * offsetSize).unsigned(offsetSize);
                return dwarf.sections().str().cstringAt(off);
            }
            default: return null;
        }
    }

    /** The section offset of list {@code index} in a DWARF 5 rnglists/loclists offset table at {@code base}. */
    long listOffset(ByteReader section, long base, long index) {
        if (index < 0 || index > Integer.MAX_VALUE / 8) throw section.error(base, "list index " + index);
        return base + section.seek(base + index * offsetSize).unsigned(offsetSize);
    }

    /** The address at index {@code index} of this unit's .debug_addr table. */
    public long addressAt(long index) {
        ByteReader a = dwarf.sections().reader(".debug_addr");
        if (index < 0 || index > Integer.MAX_VALUE / 8) throw a.error(0, "address index " + index);
        return a.seek(addrBase() + index * addressSize).unsigned(addressSize);
    }

    /** Resolves an address-class attribute (addr or addrx*). */
    long address(AttrValue v) {
        switch (v.form()) {
            case Dw.FORM_addrx: case Dw.FORM_addrx1: case Dw.FORM_addrx2: case Dw.FORM_addrx3:
            case Dw.FORM_addrx4: case Dw.FORM_GNU_addr_index:
                return addressAt(v.value());
            default: return v.value();
        }
    }

    /** The low_pc of the unit DIE: the default base address for range and location lists. */
    public long baseAddress() {
        return root().lowPc().orElse(0L);
    }

    /** The unit's line program, or null when it has none. */
    public synchronized LineProgram lineProgram() {
        if (!lineProgramLoaded) {
            lineProgramLoaded = true;
            Optional<AttrValue> stmt = root().raw(Dw.AT_stmt_list);
            if (stmt.isPresent()) {
                lineProgram = LineProgram.parse(dwarf.sections(), stmt.get().value(), addressSize,
                        root().string(Dw.AT_comp_dir).orElse(""), root().string(Dw.AT_name).orElse(""));
            }
        }
        return lineProgram;
    }

    public Optional<String> name() { return root().string(Dw.AT_name); }

    public int language() { return root().unsigned(Dw.AT_language).orElse(0L).intValue(); }

    @Override public String toString() { return "Unit@0x" + Long.toHexString(offset) + " v" + version; }
}
