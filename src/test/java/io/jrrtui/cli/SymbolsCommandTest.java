package io.jrrtui.cli;

import static org.junit.jupiter.api.Assertions.*;

import io.jrrtui.elf.TestBinaries;
import io.jrrtui.util.JrrException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolsCommandTest {
    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Console c = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int s = new SymbolsCommand().run(List.of(args), c);
        return new Run(s, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void summaryFunctionsTypesAndBreakpoints() {
        String bin = TestBinaries.binary("sym_types").toString();
        Run r = run(bin);
        assertEquals(0, r.status());
        assertTrue(r.out().contains("sym_types.c"), r.out());
        assertTrue(r.out().matches("(?s).*build-id:\\s+[0-9a-f]{40}.*"), r.out());

        r = run(bin, "--functions", "--types", "--break", "add", "--break", "sym_types.c:75", "--lines", "sym_types.c");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("(?s).*0x[0-9a-f]+-0x[0-9a-f]+ fill_and_stop sym_types\\.c:83.*"), r.out());
        assertTrue(r.out().contains("struct flags = struct flags {\n    unsigned int ready : 1;"), r.out());
        assertTrue(r.out().contains("Breakpoint at 0x1153: file sym_types.c, line 62."), r.out()); // gdb: same
        assertTrue(r.out().matches("(?s).*Breakpoint at 0x[0-9a-f]+: file sym_types\\.c, line 75\\..*"), r.out());
        assertTrue(r.out().matches("(?s).*0x[0-9a-f]+ sym_types\\.c:101.*"), r.out());
    }

    @Test
    void addressLookupAndErrors() {
        String bin = TestBinaries.binary("sym_types").toString();
        Run r = run(bin, "--addr", "0x1153", "--break", "nosuch");
        assertEquals(2, r.status());
        assertTrue(r.out().contains("0x1153 is in add <add+10> (sym_types.c:62)"), r.out());
        assertTrue(r.err().contains("Function \"nosuch\" not defined."), r.err());
        assertThrows(UsageException.class, () -> run());
        assertThrows(UsageException.class, () -> run(bin, "--bogus"));
        assertThrows(UsageException.class, () -> run(bin, "--addr"));
        assertThrows(JrrException.class, () -> run("/nonexistent/binary"));
        List<String> notElf = new ArrayList<>(List.of(System.getProperty("jrrtui.projectDir", ".") + "/pom.xml"));
        assertThrows(JrrException.class, () -> run(notElf.get(0)));
    }
}
