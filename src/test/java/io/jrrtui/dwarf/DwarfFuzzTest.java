package io.jrrtui.dwarf;

import static org.junit.jupiter.api.Assertions.fail;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSection;
import io.jrrtui.elf.TestBinaries;
import io.jrrtui.eval.TypeFactory;
import io.jrrtui.eval.TypeNames;
import io.jrrtui.symbols.Demangler;
import io.jrrtui.symbols.FunctionInfo;
import io.jrrtui.symbols.ModuleSymbols;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutates bytes of real DWARF sections (seeded) and runs every reader over the result: only
 * {@link JrrException} may escape — never an IndexOutOfBounds, a StackOverflowError or a hang.
 * The loop is bounded by an iteration count and a time budget (not asserted).
 */
class DwarfFuzzTest {
    private static final int ITERATIONS = 1200;
    private static final long BUDGET_NANOS = 6_000_000_000L;

    @ParameterizedTest
    @ValueSource(strings = {".debug_info", ".debug_abbrev", ".debug_line", ".debug_loclists", ".debug_rnglists", ".debug_str_offsets"})
    void mutatedSectionsOnlyRaiseJrrException(String section) throws Exception {
        byte[] original = Files.readAllBytes(TestBinaries.binary("sym_types-O2"));
        ElfSection s = ElfFile.of("orig", ByteBuffer.wrap(original)).section(section).orElse(null);
        if (s == null) return; // this compiler did not emit the section
        Random rnd = new Random(section.hashCode());
        long start = System.nanoTime();
        int done = 0, rejected = 0;
        for (int i = 0; i < ITERATIONS && System.nanoTime() - start < BUDGET_NANOS; i++, done++) {
            byte[] b = original.clone();
            int n = 1 + rnd.nextInt(6);
            for (int k = 0; k < n; k++) {
                int off = (int) (s.offset() + rnd.nextInt((int) Math.max(1, s.fileSize())));
                b[off] = rnd.nextInt(4) == 0 ? (byte) (b[off] ^ (1 << rnd.nextInt(8))) : (byte) rnd.nextInt(256);
            }
            try {
                exercise(b);
            } catch (JrrException expected) {
                rejected++; // malformed input reported properly
            } catch (Throwable t) {
                fail("iteration " + i + " of " + section + " escaped " + t, t);
            }
        }
        System.out.printf("[fuzz] %s: %d mutations, %d rejected at load, %d stages reported malformed, none escaped%n",
                section, done, rejected, rejectedStages);
        rejectedStages = 0;
    }

    /** Runs every reader; each stage reports malformed input on its own so later stages still run. */
    static void exercise(byte[] bytes) {
        ElfFile elf = ElfFile.of("fuzz", ByteBuffer.wrap(bytes));
        DwarfInfo dwarf = new DwarfInfo(elf);
        TypeFactory types = new TypeFactory();
        int units = dwarf.units().size();
        for (int ui = 0; ui < units; ui++) {
            Unit u = dwarf.units().get(ui);
            stage(() -> walk(u, types));
            stage(() -> {
                LineProgram lp = u.lineProgram();
                if (lp != null) lp.rows();
            });
        }
        ModuleSymbols m = new ModuleSymbols(elf, Optional.of(elf), 0, Demangler.NONE);
        stage(() -> {
            for (FunctionInfo f : m.functions()) {
                stage(() -> m.lookup(f.lowPc() + 1));
                stage(() -> m.afterPrologue(f));
            }
        });
        for (String loc : List.of("main", "counter", "sym_types.c:100")) stage(() -> m.breakpointAddresses(loc));
        stage(() -> m.lookup(0x1100));
    }

    private static void walk(Unit u, TypeFactory types) {
        Deque<Die> stack = new ArrayDeque<>();
        stack.push(u.root());
        int budget = 20_000;
        while (!stack.isEmpty() && budget-- > 0) {
            Die d = stack.pop();
            stage(() -> {
                for (AttrValue v : d.attributes()) {
                    stage(() -> d.string(v.at()));
                    if (v.isReference()) stage(() -> d.ref(v.at()));
                }
            });
            stage(d::ranges);
            stage(() -> d.location(Dw.AT_location).ifPresent(l -> l.at(0x1100)));
            if (d.has(Dw.AT_type)) stage(() -> TypeNames.ptype(types.of(d.type())));
            stage(() -> {
                for (Die c : d.children()) stack.push(c);
            });
        }
    }

    private static int rejectedStages;

    private static void stage(Runnable r) {
        try {
            r.run();
        } catch (JrrException e) {
            rejectedStages++;
        }
    }
}
