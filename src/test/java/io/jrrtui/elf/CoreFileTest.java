package io.jrrtui.elf;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CoreFileTest {
    @Test
    void registersMemoryAndFilesMatchGdb() {
        Path bin = TestBinaries.binary("sym_types");
        Path core = TestBinaries.coreAt(bin, "stop_here", TestBinaries.sharedTmp());
        CoreFile cf = CoreFile.open(core);
        assertEquals(1, cf.threads().size());
        CoreFile.ThreadRegisters regs = cf.threads().get(0);
        String out = TestBinaries.gdb(bin, List.of("core-file " + core, "info registers rip rsp rbp", "x/2dw &g_point",
                "info proc mappings"));
        assertEquals(hex(out, "rip"), regs.rip());
        assertEquals(hex(out, "rsp"), regs.rsp());
        assertEquals(hex(out, "rbp"), regs.get("rbp"));
        // g_point = {3, -4}; find its address via the mapped-file table + symbol value
        ElfFile elf = ElfFile.open(bin);
        long gp = elf.symbols().stream().filter(s -> s.name().equals("g_point")).findFirst().orElseThrow().value();
        CoreFile.MappedFile first = cf.mappedFiles().stream()
                .filter(f -> f.path().endsWith("/sym_types") && f.fileOffset() == 0).findFirst().orElseThrow();
        ByteBuffer b = ByteBuffer.wrap(cf.readMemory(first.start() + gp, 8)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, b.getInt());
        assertEquals(-4, b.getInt());
        assertFalse(cf.isReadable(8, 4));
    }

    private static long hex(String out, String reg) {
        Matcher m = Pattern.compile("(?m)^" + reg + "\\s+0x([0-9a-f]+)").matcher(out);
        assertTrue(m.find(), "gdb printed no " + reg + " in:\n" + out);
        return Long.parseUnsignedLong(m.group(1), 16);
    }
}
