package io.jrrtui.dwarf;

import static org.junit.jupiter.api.Assertions.*;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.TestBinaries;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DwarfWalkTest {
    /** Walks every DIE, attribute, range list, location list and line program of a real binary. */
    @ParameterizedTest
    @ValueSource(strings = {"sym_types", "sym_types-O2", "sym_rust"})
    void walksEverything(String name) {
        var bin = TestBinaries.binary(name);
        DwarfInfo dwarf = new DwarfInfo(ElfFile.open(bin));
        int dies = 0, withLoc = 0, rows = 0;
        Set<String> functions = new HashSet<>();
        for (Unit u : dwarf.units()) {
            Deque<Die> stack = new ArrayDeque<>();
            stack.push(u.root());
            while (!stack.isEmpty()) {
                Die d = stack.pop();
                dies++;
                for (AttrValue v : d.attributes()) {
                    if (v.form() == Dw.FORM_strp || v.form() == Dw.FORM_line_strp || (v.form() >= Dw.FORM_strx1 && v.form() <= Dw.FORM_strx4) || v.form() == Dw.FORM_strx)
                        assertNotNull(d.string(v.at()).orElse(null));
                    if (v.isReference()) d.ref(v.at()).orElseThrow();
                }
                d.ranges();
                if (d.has(Dw.AT_location)) { d.location(Dw.AT_location).orElseThrow(); withLoc++; }
                if (d.tag() == Dw.TAG_subprogram && !d.ranges().isEmpty()) functions.add(d.nameInherited().orElse("?"));
                for (int i = d.children().size() - 1; i >= 0; i--) stack.push(d.children().get(i));
            }
            if (!u.isTypeUnit()) {
                LineProgram lp = u.lineProgram();
                assertNotNull(lp);
                rows += lp.rows().size();
                if (!lp.rows().isEmpty()) assertTrue(lp.rows().get(lp.rows().size() - 1).endSequence());
            }
        }
        assertTrue(dies > 50, "dies=" + dies);
        assertTrue(rows > 20, "rows=" + rows);
        assertTrue(withLoc > 5);
        if (name.startsWith("sym_types")) {
            assertTrue(functions.contains("main"));
            assertTrue(functions.contains("fill_and_stop"));
            assertTrue(functions.contains("factorial"));
        } else {
            assertTrue(functions.contains("inspect"), functions.toString());
        }
    }
}
