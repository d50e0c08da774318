package io.jrrtui.symbols;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.elf.ElfSymbol;
import io.jrrtui.elf.TestBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Without DWARF (objcopy --strip-debug): ELF symbols name addresses and {@code break FUNC} skips
 * the frame setup as gdb's prologue analyzer does. Compared with gdb; threshold 98%.
 */
class NoDebugInfoTest {
    @ParameterizedTest
    @ValueSource(strings = {"sym_types", "sym_types-O2"})
    void elfSymbolsOnly(String name) throws Exception {
        assumeTrue(TestBinaries.hasTool("objcopy"), "objcopy absent");
        Path bin = TestBinaries.dir().resolve(name + "-nodebug");
        TestBinaries.run(List.of("objcopy", "--strip-debug", TestBinaries.binary(name).toString(), bin.toString()));
        assumeTrue(Files.isRegularFile(bin), "objcopy failed");
        ModuleSymbols m = ModuleSymbols.load(bin, 0);
        assertFalse(m.hasDwarf());
        List<String> funcs = new ArrayList<>();
        for (ElfSymbol s : m.elf().symbols()) {
            if (s.isFunction() && s.isDefined() && !s.name().isEmpty() && !funcs.contains(s.name()) && !s.name().contains("@")) funcs.add(s.name());
        }
        List<String> cmds = new ArrayList<>();
        funcs.addAll(List.of("printf", "puts")); // imported: break at their PLT stubs, as gdb does
        for (String f : funcs) cmds.add("break " + f);
        cmds.add("info breakpoints");
        double pct = GdbDifferentialTest.compareBreakpoints(name + "-nodebug", m, funcs, TestBinaries.gdb(bin, cmds));
        assertTrue(m.lookup(m.elf().symbols().stream().filter(s -> s.name().equals("main")).findFirst().orElseThrow().value() + 1)
                .map(i -> i.function().equals("main")).orElse(false));
        assertTrue(pct >= 98.0, "breakpoint agreement " + pct);
    }
}
