package io.jrrtui.dwarf;

import io.jrrtui.elf.ByteReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One abbreviation declaration: tag, children flag, and attribute specs (with implicit constants). */
public record Abbrev(long code, int tag, boolean hasChildren, int[] attributes, int[] forms, long[] implicitConsts) {
    /** Hard bound on attributes per abbreviation, so a malformed table cannot grow without limit. */
    private static final int MAX_ATTRS = 512;

    /** Parses the abbreviation table that starts at {@code offset} in .debug_abbrev. */
    public static Map<Long, Abbrev> parseTable(ByteReader section, long offset) {
        ByteReader r = section.from(offset);
        Map<Long, Abbrev> table = new HashMap<>();
        while (true) {
            long code = r.uleb();
            if (code == 0) return table;
            int tag = r.ulebInt();
            boolean children = r.u8() != 0;
            List<long[]> specs = new ArrayList<>();
            while (true) {
                long at = r.uleb();
                long form = r.uleb();
                if (at == 0 && form == 0) break;
                long implicit = form == Dw.FORM_implicit_const ? r.sleb() : 0;
                specs.add(new long[] {at, form, implicit});
                if (specs.size() > MAX_ATTRS) throw r.error(r.position(), "too many attributes in abbreviation " + code);
            }
            int n = specs.size();
            int[] ats = new int[n];
            int[] forms = new int[n];
            long[] consts = new long[n];
            for (int i = 0; i < n; i++) {
                ats[i] = (int) specs.get(i)[0];
                forms[i] = (int) specs.get(i)[1];
                consts[i] = specs.get(i)[2];
            }
            table.put(code, new Abbrev(code, tag, children, ats, forms, consts));
        }
    }
}
