package io.jrrtui.elf;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.util.JrrException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class ElfFileTest {
    @Test
    void readsSectionsSymbolsAndBuildId() {
        ElfFile elf = ElfFile.open(TestBinaries.binary("sym_types"));
        assertEquals(ElfFile.EM_X86_64, elf.machine());
        assertTrue(elf.isDynamic());
        ElfSection text = elf.section(".text").orElseThrow();
        assertTrue(text.isExec() && text.size() > 0);
        assertTrue(elf.section(".debug_info").isPresent());
        assertTrue(elf.section(".no_such").isEmpty());
        ElfSymbol main = elf.symbols().stream().filter(s -> s.name().equals("main") && s.isFunction()).findFirst().orElseThrow();
        assertTrue(text.contains(main.value()));
        assertTrue(elf.symbols().stream().anyMatch(s -> s.name().equals("g_point") && s.isObject() && s.size() == 8));
        assertTrue(elf.buildId().orElseThrow().matches("[0-9a-f]{40}"));
        assertTrue(elf.programHeaders().stream().anyMatch(ProgramHeader::isLoad));
    }

    @Test
    void agreesWithReadelf() {
        assumeTrue(TestBinaries.hasTool("readelf"), "readelf absent");
        Path bin = TestBinaries.binary("sym_types");
        ElfFile elf = ElfFile.open(bin);
        String out = TestBinaries.run(List.of("readelf", "-W", "-S", "-n", bin.toString()));
        Matcher m = Pattern.compile("\\[\\s*(\\d+)\\]\\s+(\\S+)\\s+\\S+\\s+([0-9a-f]+)\\s+[0-9a-f]+\\s+([0-9a-f]+)").matcher(out);
        int n = 0;
        while (m.find()) {
            if (m.group(1).equals("0")) continue;
            ElfSection s = elf.section(Integer.parseInt(m.group(1))).orElseThrow();
            assertEquals(m.group(2), s.name());
            assertEquals(Long.parseLong(m.group(3), 16), s.addr(), s.name());
            assertEquals(Long.parseLong(m.group(4), 16), s.size(), s.name());
            n++;
        }
        assertEquals(elf.sections().size() - 1, n);
        Matcher b = Pattern.compile("Build ID: ([0-9a-f]+)").matcher(out);
        assertTrue(b.find());
        assertEquals(b.group(1), elf.buildId().orElseThrow());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"zlib", "zstd"})
    void decompressesCompressedSections(String algorithm) throws Exception {
        assumeTrue(TestBinaries.hasTool("objcopy"), "objcopy absent");
        Path bin = TestBinaries.binary("sym_types");
        Path tmp = Files.createTempFile("jrr-compressed", ".elf");
        try {
            TestBinaries.run(List.of("objcopy", "--compress-debug-sections=" + algorithm, bin.toString(), tmp.toString()));
            assumeTrue(ElfFile.open(tmp).section(".debug_info").map(ElfSection::isCompressed).orElse(false),
                    "this objcopy cannot compress with " + algorithm);
            ElfFile plain = ElfFile.open(bin);
            ElfFile comp = ElfFile.open(tmp);
            ElfSection ci = comp.section(".debug_info").orElseThrow();
            assertTrue(ci.isCompressed());
            assertEquals(plain.section(".debug_info").orElseThrow().data(), ci.data());
            assertEquals(plain.section(".debug_info").orElseThrow().size(), ci.size());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Test
    void readsMiniDebugInfo() throws Exception {
        assumeTrue(TestBinaries.hasTool("xz") && TestBinaries.hasTool("objcopy"), "xz/objcopy absent");
        Path bin = TestBinaries.binary("sym_types");
        Path dir = Files.createTempDirectory("jrr-mdi");
        Path syms = dir.resolve("syms"), xz = dir.resolve("syms.xz"), out = dir.resolve("out");
        TestBinaries.run(List.of("objcopy", "--only-keep-debug", bin.toString(), syms.toString()));
        TestBinaries.run(List.of("xz", "-k", syms.toString()));
        TestBinaries.run(List.of("objcopy", "--strip-debug", "--add-section", ".gnu_debugdata=" + xz, bin.toString(), out.toString()));
        ElfFile stripped = ElfFile.open(out);
        assertFalse(stripped.hasDebugInfo());
        ElfFile mini = stripped.gnuDebugData().orElseThrow();
        assertTrue(mini.hasDebugInfo());
        assertEquals(DebugFileLocator.system().find(stripped).orElseThrow().origin(), mini.origin());
    }

    @Test
    void findsDebugLinkedFile() throws Exception {
        assumeTrue(TestBinaries.hasTool("objcopy"), "objcopy absent");
        Path bin = TestBinaries.binary("sym_types");
        Path dir = Files.createTempDirectory("jrr-dbg");
        Path dbg = dir.resolve("prog.debug"), out = dir.resolve("prog");
        TestBinaries.run(List.of("objcopy", "--only-keep-debug", bin.toString(), dbg.toString()));
        TestBinaries.run(List.of("objcopy", "--strip-debug", "--remove-section=.gnu_debuglink", bin.toString(), out.toString()));
        Path linked = dir.resolve("prog2");
        TestBinaries.run(List.of("sh", "-c", "cd " + dir + " && objcopy --add-gnu-debuglink=prog.debug prog prog2"));
        ElfFile stripped = ElfFile.open(linked);
        assertEquals("prog.debug", stripped.debugLink().orElseThrow().fileName());
        ElfFile found = new DebugFileLocator(List.of(dir.resolve("nonexistent"))).find(stripped).orElseThrow();
        assertEquals(dbg.toString(), found.origin());
        // build-id lookup in a debug root
        String id = stripped.buildId().orElseThrow();
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve(".build-id").resolve(id.substring(0, 2)));
        Files.copy(dbg, root.resolve(".build-id").resolve(id.substring(0, 2)).resolve(id.substring(2) + ".debug"));
        assertTrue(new DebugFileLocator(List.of(root)).byBuildId(id).isPresent());
    }

    @Test
    void rejectsNonElfAndTruncated() throws Exception {
        assertThrows(JrrException.class, () -> ElfFile.of("x", ByteBuffer.wrap(new byte[10])));
        assertThrows(JrrException.class, () -> ElfFile.of("x", ByteBuffer.wrap(new byte[100])));
        byte[] real = Files.readAllBytes(TestBinaries.binary("hello"));
        byte[] cut = java.util.Arrays.copyOf(real, 200);
        assertThrows(JrrException.class, () -> ElfFile.of("cut", ByteBuffer.wrap(cut)).sections());
    }

    @Test
    void fuzzedHeadersOnlyRaiseJrrException() throws Exception {
        byte[] real = Files.readAllBytes(TestBinaries.binary("hello"));
        ElfFile good = ElfFile.of("good", ByteBuffer.wrap(real));
        long shoff = good.sections().isEmpty() ? 0 : ByteBuffer.wrap(real).order(ByteOrder.LITTLE_ENDIAN).getLong(0x28);
        Random rnd = new Random(1234);
        for (int i = 0; i < 3000; i++) {
            byte[] b = real.clone();
            int muts = 1 + rnd.nextInt(4);
            for (int k = 0; k < muts; k++) {
                int where = rnd.nextInt(3);
                int off = where == 0 ? rnd.nextInt(64)
                        : where == 1 ? (int) Math.min(b.length - 1, shoff + rnd.nextInt(64 * 30))
                        : rnd.nextInt(b.length);
                b[off] = (byte) rnd.nextInt(256);
            }
            try {
                ElfFile e = ElfFile.of("fuzz", ByteBuffer.wrap(b));
                e.sections().forEach(s -> { s.data(); s.size(); });
                e.symbols();
                e.programHeaders();
                e.notes();
                e.buildId();
                e.debugLink();
            } catch (JrrException expected) {
                // fine
            }
        }
    }

    @Test
    void craftedZlibCompressedSection() {
        byte[] payload = "hello compressed world".getBytes();
        Deflater d = new Deflater();
        d.setInput(payload);
        d.finish();
        byte[] buf = new byte[100];
        int n = d.deflate(buf);
        ByteBuffer chdr = ByteBuffer.allocate(24 + n).order(ByteOrder.LITTLE_ENDIAN);
        chdr.putInt(1).putInt(0).putLong(payload.length).putLong(1).put(buf, 0, n);
        byte[] elf = CraftedElf.withSection(".debug_str", ElfSection.SHF_COMPRESSED, chdr.array());
        ElfSection s = ElfFile.of("crafted", ByteBuffer.wrap(elf)).section(".debug_str").orElseThrow();
        byte[] got = new byte[s.data().remaining()];
        s.data().get(got);
        assertEquals("hello compressed world", new String(got));
    }

    /** Builds a minimal ELF64 with one named section, for edge cases. */
    static final class CraftedElf {
        static byte[] withSection(String name, long flags, byte[] contents) {
            byte[] shstr = ("\0" + name + "\0.shstrtab\0").getBytes();
            int dataOff = 64, strOff = dataOff + contents.length, shOff = (strOff + shstr.length + 7) & ~7;
            ByteBuffer b = ByteBuffer.allocate(shOff + 3 * 64).order(ByteOrder.LITTLE_ENDIAN);
            b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).position(16);
            b.putShort((short) 1).putShort((short) 62).putInt(1).putLong(0).putLong(0).putLong(shOff)
                    .putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 0).putShort((short) 64)
                    .putShort((short) 3).putShort((short) 2);
            b.position(dataOff).put(contents).position(strOff).put(shstr);
            b.position(shOff + 64);
            b.putInt(1).putInt(1).putLong(flags).putLong(0).putLong(dataOff).putLong(contents.length).putInt(0).putInt(0).putLong(1).putLong(0);
            b.putInt(2 + name.length()).putInt(3).putLong(0).putLong(0).putLong(strOff).putLong(shstr.length).putInt(0).putInt(0).putLong(1).putLong(0);
            return b.array();
        }
    }
}
