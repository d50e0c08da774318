package io.jrrtui.dwarf;

import io.jrrtui.elf.ByteReader;
import io.jrrtui.elf.ElfFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DWARF of one ELF file: the list of units (headers read on first use) and shared caches.
 * DIEs inside a unit are parsed only when something asks for them.
 */
public final class DwarfInfo {
    private final DwarfSections sections;
    private final Map<Long, Map<Long, Abbrev>> abbrevTables = new HashMap<>();
    private List<Unit> units;
    private List<Unit> debugTypesUnits;
    private Map<Long, Unit> typeUnits;

    public DwarfInfo(ElfFile elf) {
        this.sections = new DwarfSections(elf);
    }

    public DwarfSections sections() { return sections; }
    ByteReader info() { return sections.info(); }

    synchronized Map<Long, Abbrev> abbrevTable(long offset) {
        Map<Long, Abbrev> t = abbrevTables.get(offset);
        if (t == null) {
            t = Abbrev.parseTable(sections.abbrev(), offset);
            abbrevTables.put(offset, t);
        }
        return t;
    }

    /** All units in .debug_info order. */
    public synchronized List<Unit> units() {
        if (units == null) units = readUnits(info());
        return units;
    }

    /** DWARF 4 type units of .debug_types (gcc -fdebug-types-section). */
    public synchronized List<Unit> debugTypesUnits() {
        if (debugTypesUnits == null) debugTypesUnits = readUnits(sections.reader(".debug_types"));
        return debugTypesUnits;
    }

    private List<Unit> readUnits(ByteReader section) {
        List<Unit> list = new ArrayList<>();
        long off = 0;
        while (off < section.limit()) {
            Unit u = new Unit(this, section, off);
            list.add(u);
            if (u.end() <= off) throw section.error(off, "unit does not advance");
            off = u.end();
        }
        return Collections.unmodifiableList(list);
    }

    /** Compile and partial units (not type units). */
    public List<Unit> compileUnits() {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units()) if (!u.isTypeUnit()) out.add(u);
        return out;
    }

    /** The unit containing a .debug_info offset. */
    public Unit unitAt(long offset) {
        List<Unit> all = units();
        int lo = 0, hi = all.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Unit u = all.get(mid);
            if (offset < u.offset()) hi = mid - 1;
            else if (offset >= u.end()) lo = mid + 1;
            else return u;
        }
        throw info().error(offset, "no unit contains this offset");
    }

    /** The DIE at a section offset; {@code hint} is tried first (most references stay in their unit). */
    public Die dieAt(DieOffset off, Unit hint) {
        Unit u = hint != null && hint.contains(off.value()) ? hint : unitAt(off.value());
        return u.die(off);
    }

    /** The type DIE of the type unit with this signature (DW_FORM_ref_sig8). */
    synchronized Die typeUnitDie(long signature) {
        if (typeUnits == null) {
            typeUnits = new HashMap<>();
            for (Unit u : units()) if (u.isTypeUnit()) typeUnits.put(u.typeSignature(), u);
            for (Unit u : debugTypesUnits()) typeUnits.putIfAbsent(u.typeSignature(), u);
        }
        Unit u = typeUnits.get(signature);
        if (u == null) throw info().error(0, "no type unit with signature 0x" + Long.toHexString(signature));
        return u.die(u.typeDieOffset());
    }
}
