package io.jrrtui.unwind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.demangle.OracleTool;
import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of CFI parsing and interpretation: every row of {@code readelf -wF} (readelf's
 * interpreted CFI table, the oracle) must equal our row at that location, column by column.
 */
class CfiOracleTest {
    private static final String[] REG_NAMES = {"rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "ra"};
    private static final Pattern FDE = Pattern.compile("^[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ FDE .*pc=([0-9a-f]+)\\.\\.");

    @TempDir
    Path tmp;

    static int regNumber(String name) {
        for (int i = 0; i < REG_NAMES.length; i++) {
            if (REG_NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Formats our rule the way readelf -wF does. */
    static String format(RegisterRule r) {
        if (r == null || r instanceof RegisterRule.Undefined) {
            return "u";
        }
        if (r instanceof RegisterRule.SameValue) {
            return "s";
        }
        if (r instanceof RegisterRule.Offset o) {
            return "c" + (o.offset() >= 0 ? "+" : "") + o.offset();
        }
        if (r instanceof RegisterRule.ValOffset o) {
            return "v" + (o.offset() >= 0 ? "+" : "") + o.offset();
        }
        if (r instanceof RegisterRule.InRegister ir) {
            int n = ir.register();
            return "r" + n + " (" + (n < REG_NAMES.length ? REG_NAMES[n] : "?") + ")";
        }
        return r instanceof RegisterRule.Expression ? "exp" : "vexp";
    }

    static String format(CfaRule c) {
        if (c instanceof CfaRule.RegisterOffset ro) {
            String reg = ro.register() < REG_NAMES.length ? REG_NAMES[ro.register()] : "r" + ro.register();
            return reg + (ro.offset() >= 0 ? "+" : "") + ro.offset();
        }
        return "exp";
    }

    /** Compares all rows of one section; returns {rows, mismatches}. */
    private static int[] compare(Path bin, String sectionName, CallFrameInfo cfi) throws Exception {
        String out = OracleTool.run(List.of("readelf", "-wF", bin.toString()), null, false);
        boolean inSection = false;
        String[] columns = null;
        int rows = 0;
        int bad = 0;
        for (String line : out.split("\n")) {
            if (line.startsWith("Contents of the ")) {
                inSection = line.startsWith("Contents of the " + sectionName + " ");
                columns = null;
                continue;
            }
            if (!inSection) {
                continue;
            }
            Matcher m = FDE.matcher(line);
            if (m.find()) {
                columns = new String[0];
                continue;
            }
            if (line.contains(" CIE ")) {
                columns = null;
                continue;
            }
            if (columns != null && line.trim().startsWith("LOC")) {
                columns = line.trim().split("\\s+");
                continue;
            }
            if (columns == null || columns.length == 0 || line.isBlank() || line.contains("ZERO terminator")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (!f[0].matches("[0-9a-f]{8,16}")) {
                continue;
            }
            long loc = Long.parseUnsignedLong(f[0], 16);
            rows++;
            Optional<UnwindRow> ours = cfi.rowAt(loc);
            StringBuilder mine = new StringBuilder();
            mine.append(ours.map(r -> format(r.cfa())).orElse("none"));
            for (int i = 2; i < columns.length; i++) {
                int reg = regNumber(columns[i]);
                mine.append(' ').append(ours.isEmpty() || reg < 0 ? "?" : format(ours.get().rule(reg)));
            }
            String theirs = String.join(" ", List.of(f).subList(1, f.length));
            if (!theirs.equals(mine.toString())) {
                if (bad++ < 10) {
                    System.out.println(bin + " " + sectionName + " @" + f[0] + " readelf: " + theirs + " ours: " + mine);
                }
            }
        }
        return new int[] {rows, bad};
    }

    private static CallFrameInfo only(ElfFile elf, String section) {
        if (section.equals(".debug_frame")) {
            return CallFrameInfo.fromSections(null, 0, null, 0, elf.section(".debug_frame").orElseThrow().data());
        }
        ElfSection eh = elf.section(".eh_frame").orElseThrow();
        Optional<ElfSection> hdr = elf.section(".eh_frame_hdr");
        return CallFrameInfo.fromSections(eh.data(), eh.addr(), hdr.map(ElfSection::data).orElse(null),
                hdr.map(ElfSection::addr).orElse(0L), null);
    }

    private static void assertAllRowsAgree(Path bin, String section, int minRows) throws Exception {
        ElfFile elf = ElfFile.open(bin);
        int[] r = compare(bin, section, only(elf, section));
        System.out.printf("%s %s: %d of %d readelf rows agree%n", bin, section, r[0] - r[1], r[0]);
        assertTrue(r[0] >= minRows, "too few rows compared: " + r[0]);
        assertEquals(0, r[1], "rows that differ from readelf");
    }

    @Test
    void libcEhFrameMatchesReadelf() throws Exception {
        Assumptions.assumeTrue(OracleTool.exists("readelf"), "readelf is not installed: no oracle");
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        Assumptions.assumeTrue(Files.exists(libc), "no libc.so.6 here");
        assertAllRowsAgree(libc, ".eh_frame", 10_000);
    }

    @Test
    void testBinaryAndLdSoMatchReadelf() throws Exception {
        Assumptions.assumeTrue(OracleTool.exists("readelf"), "readelf is not installed: no oracle");
        Path bins = Path.of(System.getProperty("jrrtui.testBinaries"));
        assertAllRowsAgree(bins.resolve("uw_stack-O2"), ".eh_frame", 20);
        Path ld = Path.of("/lib64/ld-linux-x86-64.so.2");
        Assumptions.assumeTrue(Files.exists(ld), "no ld.so here");
        assertAllRowsAgree(ld, ".eh_frame", 500);
    }

    @Test
    void debugFrameMatchesReadelf() throws Exception {
        Assumptions.assumeTrue(OracleTool.exists("readelf") && OracleTool.exists("gcc"), "needs gcc and readelf");
        Path src = Path.of(System.getProperty("jrrtui.projectDir"), "test-binaries", "uw_stack.c");
        List<String> variants = new ArrayList<>();
        // -fno-asynchronous-unwind-tables moves CFI from .eh_frame to .debug_frame (CIE version 1);
        // -gdwarf-2/-gstrict-dwarf keep the classic form, -O2 gives remember/restore_state.
        for (String opt : List.of("-O0", "-O2")) {
            Path bin = tmp.resolve("uw_stack_dbg" + opt);
            OracleTool.run(List.of("gcc", "-g", opt, "-fno-asynchronous-unwind-tables", "-o", bin.toString(),
                    src.toString()), null);
            assertTrue(ElfFile.open(bin).section(".debug_frame").isPresent(), "gcc made no .debug_frame");
            assertAllRowsAgree(bin, ".debug_frame", 5);
            variants.add(opt);
        }
        assertEquals(2, variants.size());
    }
}
