package io.jrrtui.dwarf;

import io.jrrtui.elf.ByteReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One debugging information entry. Attributes are read when the DIE is parsed; children are parsed
 * when first asked for. Accessors resolve indexed forms through the owning {@link Unit}.
 */
public final class Die {
    /** Bound on how deep abstract_origin/specification chains are followed. */
    private static final int MAX_ORIGIN_DEPTH = 8;
    /** Bound on DIE tree nesting, so a malformed tree cannot exhaust the stack. */
    private static final int MAX_TREE_DEPTH = 256;

    private final Unit unit;
    private final long offset;
    private final Abbrev abbrev;
    private final AttrValue[] attrs;
    private final long attrsEnd;
    private Die parent;
    private int depth;
    private List<Die> children;
    private long afterSubtree = -1;

    private Die(Unit unit, long offset, Abbrev abbrev, AttrValue[] attrs, long attrsEnd, Die parent) {
        this.unit = unit;
        this.offset = offset;
        this.abbrev = abbrev;
        this.attrs = attrs;
        this.attrsEnd = attrsEnd;
        this.parent = parent;
    }

    /** Parses the DIE at {@code off}; a null abbreviation code there is an error (callers skip those). */
    static Die parse(Unit unit, long off, Die parent) {
        ByteReader r = unit.reader().seek(off);
        long code = r.uleb();
        if (code == 0) throw r.error(off, "null entry where a DIE was expected");
        Abbrev ab = unit.abbrevs().get(code);
        if (ab == null) throw r.error(off, "unknown abbreviation code " + code);
        int n = ab.attributes().length;
        AttrValue[] values = new AttrValue[n];
        for (int i = 0; i < n; i++) values[i] = unit.readAttr(r, ab.attributes()[i], ab.forms()[i], ab.implicitConsts()[i], 0);
        return new Die(unit, off, ab, values, r.position(), parent);
    }

    public Unit unit() { return unit; }
    public DieOffset offset() { return new DieOffset(offset); }
    public long rawOffset() { return offset; }
    public int tag() { return abbrev.tag(); }
    public boolean hasChildren() { return abbrev.hasChildren(); }
    Die parentOrNull() { return parent; }
    void setParent(Die p) {
        parent = p;
        depth = p.depth + 1;
    }
    /** The parent when this DIE was reached by walking the tree; empty for DIEs reached by reference. */
    public Optional<Die> parent() { return Optional.ofNullable(parent); }

    /** The parent, walking the unit's tree once if this DIE was reached by reference. */
    public Optional<Die> enclosing() {
        if (parent == null && offset != unit.root().rawOffset()) unit.linkParents();
        return Optional.ofNullable(parent);
    }

    public synchronized List<Die> children() {
        if (children == null) {
            if (!abbrev.hasChildren()) {
                children = List.of();
                afterSubtree = attrsEnd;
            } else {
                if (depth > MAX_TREE_DEPTH) throw unit.reader().error(offset, "DIE tree nested too deeply");
                List<Die> list = new ArrayList<>();
                long pos = attrsEnd;
                ByteReader r = unit.reader();
                while (true) {
                    if (pos >= unit.end()) { afterSubtree = unit.end(); break; }
                    r.seek(pos);
                    if (r.uleb() == 0) { afterSubtree = r.position(); break; }
                    Die child = unit.dieAt(pos, this);
                    list.add(child);
                    long next = child.afterSubtree();
                    if (next <= pos) throw r.error(pos, "DIE tree does not advance");
                    pos = next;
                }
                children = Collections.unmodifiableList(list);
            }
        }
        return children;
    }

    /** Offset just past this DIE and all its descendants (found without parsing them when possible). */
    synchronized long afterSubtree() {
        if (afterSubtree < 0) {
            if (!abbrev.hasChildren()) return attrsEnd;
            Optional<AttrValue> sib = raw(Dw.AT_sibling);
            if (sib.isPresent() && sib.get().value() > offset && sib.get().value() <= unit.end()) return sib.get().value();
            afterSubtree = unit.skipChildren(attrsEnd);
        }
        return afterSubtree;
    }

    public Optional<AttrValue> raw(int at) {
        for (AttrValue v : attrs) if (v.at() == at) return Optional.of(v);
        return Optional.empty();
    }

    public List<AttrValue> attributes() { return List.of(attrs); }

    public boolean has(int at) { return raw(at).isPresent(); }

    public Optional<String> string(int at) {
        return raw(at).map(unit::string);
    }

    public Optional<Long> unsigned(int at) {
        return raw(at).filter(v -> !v.isBlock() && v.string() == null).map(AttrValue::value);
    }

    /** A signed constant: dataN forms are sign-extended from their width (as gdb does for enumerators). */
    public Optional<Long> signed(int at) {
        return raw(at).filter(v -> !v.isBlock() && v.string() == null).map(v -> {
            switch (v.form()) {
                case Dw.FORM_data1: return (long) (byte) v.value();
                case Dw.FORM_data2: return (long) (short) v.value();
                case Dw.FORM_data4: return (long) (int) v.value();
                default: return v.value();
            }
        });
    }

    public boolean flag(int at) {
        return raw(at).map(v -> v.value() != 0).orElse(false);
    }

    public Optional<String> name() { return string(Dw.AT_name); }

    /** The referenced DIE (may be in another unit, or a type unit for ref_sig8). */
    public Optional<Die> ref(int at) {
        return raw(at).filter(AttrValue::isReference).map(v -> {
            if (v.form() == Dw.FORM_ref_sig8) return unit.dwarf().typeUnitDie(v.value());
            return unit.dwarf().dieAt(new DieOffset(v.value()), unit);
        });
    }

    public Optional<Die> type() { return ref(Dw.AT_type); }

    /** Follows abstract_origin / specification to the DIE that carries the declaration. */
    public Optional<Die> origin() {
        Optional<Die> o = ref(Dw.AT_abstract_origin);
        return o.isPresent() ? o : ref(Dw.AT_specification);
    }

    /** An attribute of this DIE or, when absent, of its abstract origin / specification chain. */
    public Optional<AttrValue> rawInherited(int at) {
        Die d = this;
        for (int i = 0; i < MAX_ORIGIN_DEPTH && d != null; i++) {
            Optional<AttrValue> v = d.raw(at);
            if (v.isPresent()) return v;
            d = d.origin().orElse(null);
        }
        return Optional.empty();
    }

    /** The DIE on the origin chain that has {@code at}, so that forms resolve in its own unit. */
    public Optional<Die> withInherited(int at) {
        Die d = this;
        for (int i = 0; i < MAX_ORIGIN_DEPTH && d != null; i++) {
            if (d.has(at)) return Optional.of(d);
            d = d.origin().orElse(null);
        }
        return Optional.empty();
    }

    /** The name, following abstract_origin/specification. */
    public Optional<String> nameInherited() {
        return withInherited(Dw.AT_name).flatMap(Die::name);
    }

    public Optional<String> linkageName() {
        Optional<Die> d = withInherited(Dw.AT_linkage_name);
        if (d.isPresent()) return d.get().string(Dw.AT_linkage_name);
        return withInherited(Dw.AT_MIPS_linkage_name).flatMap(x -> x.string(Dw.AT_MIPS_linkage_name));
    }

    public Optional<Die> typeInherited() {
        return withInherited(Dw.AT_type).flatMap(Die::type);
    }

    public Optional<Long> lowPc() {
        return raw(Dw.AT_low_pc).map(unit::address);
    }

    /** The address ranges covered (low/high pc or DW_AT_ranges); empty when none. */
    public List<AddressRange> ranges() {
        Optional<AttrValue> rg = raw(Dw.AT_ranges);
        if (rg.isPresent()) return RangeLists.read(unit, rg.get());
        Optional<Long> low = lowPc();
        Optional<AttrValue> high = raw(Dw.AT_high_pc);
        if (low.isEmpty() || high.isEmpty()) return List.of();
        AttrValue h = high.get();
        long hi = h.form() == Dw.FORM_addr || h.form() == Dw.FORM_addrx || (h.form() >= Dw.FORM_addrx1 && h.form() <= Dw.FORM_addrx4)
                ? unit.address(h) : low.get() + h.value();
        if (Long.compareUnsigned(hi, low.get()) <= 0) return List.of();
        return List.of(new AddressRange(low.get(), hi));
    }

    public boolean containsPc(long pc) {
        for (AddressRange r : ranges()) if (r.contains(pc)) return true;
        return false;
    }

    /** A location attribute as a location list (a single expression becomes one unbounded entry). */
    public Optional<LocationList> location(int at) {
        return raw(at).map(v -> LocationLists.read(unit, v));
    }

    @Override public String toString() {
        return "DIE" + offset() + " tag=0x" + Integer.toHexString(tag()) + name().map(n -> " " + n).orElse("");
    }
}
