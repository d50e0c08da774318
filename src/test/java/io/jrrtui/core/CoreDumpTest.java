package io.jrrtui.core;

import static org.junit.jupiter.api.Assertions.*;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.elf.TestBinaries;
import io.jrrtui.testsupport.KernelCores;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The core reader against gdb on gdb's own cores (gcore) and on cores the kernel wrote. */
class CoreDumpTest {
    @Test
    void gcoreRegistersMemoryAndFilesMatchGdb() {
        Path bin = TestBinaries.binary("sym_types");
        Path core = TestBinaries.coreAt(bin, "stop_here", TestBinaries.sharedTmp());
        CoreDump cf = CoreDump.open(core);
        assertEquals(1, cf.threads().size());
        CoreThread regs = cf.threads().get(0);
        String out = TestBinaries.gdb(bin, List.of("core-file " + core, "info registers rip rsp rbp"));
        assertEquals(hex(out, "rip"), regs.rip());
        assertEquals(hex(out, "rsp"), regs.rsp());
        assertEquals(hex(out, "rbp"), regs.get("rbp"));
        // g_point = {3, -4}; find its address via the mapped-file table + symbol value
        ElfFile elf = ElfFile.open(bin);
        long gp = elf.symbols().stream().filter(s -> s.name().equals("g_point")).findFirst().orElseThrow().value();
        MappedFile first = cf.mappedFiles().stream()
                .filter(f -> f.path().endsWith("/sym_types") && f.fileOffset() == 0).findFirst().orElseThrow();
        ByteBuffer b = ByteBuffer.wrap(cf.readMemory(first.start() + gp, 8)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, b.getInt());
        assertEquals(-4, b.getInt());
        assertTrue(cf.readMemoryOrEmpty(8, 4).isEmpty());
    }

    @Test
    void kernelCoreOfACrashedWorkerHasEveryThreadTheSignalAndTheProcess() {
        Path bin = TestBinaries.binary("pm_worker_segv");
        CoreDump core = CoreDump.open(KernelCores.of(bin, TestBinaries.sharedTmp()));
        String gdb = TestBinaries.gdb(bin, List.of("core-file " + core.path(), "info threads", "info registers rip rsp"));
        List<Integer> lwps = new ArrayList<>();
        Matcher m = Pattern.compile("\\(LWP (\\d+)\\)").matcher(gdb.substring(gdb.indexOf("Target Id")));
        while (m.find()) lwps.add(Integer.parseInt(m.group(1)));
        assertEquals(4, core.threads().size(), gdb);
        assertEquals(lwps, core.threads().stream().map(CoreThread::tid).toList(), "thread order as gdb numbers them");
        CoreThread crashed = core.threads().get(0);
        assertEquals(hex(gdb, "rip"), crashed.rip());
        assertEquals(hex(gdb, "rsp"), crashed.rsp());
        assertEquals(11, crashed.signal());
        assertEquals(11, core.terminatingSignal());
        CoreSignal sig = core.signal().orElseThrow();
        assertTrue(sig.isFault());
        assertEquals(1, sig.code(), "SEGV_MAPERR");
        assertEquals(0, sig.address(), "the null pointer");
        CoreProcess proc = core.process().orElseThrow();
        assertEquals("pm_worker_segv", proc.name());
        assertTrue(proc.commandLine().endsWith("pm_worker_segv"), proc.commandLine());
        assertEquals(core.threads().stream().mapToInt(CoreThread::tid).min().orElseThrow(), proc.pid(), "main thread's tid is the pid");
        assertEquals(512, crashed.fpregs().length);
        assertEquals(0x1f80, ByteBuffer.wrap(crashed.fpregs()).order(ByteOrder.LITTLE_ENDIAN).getInt(24), "MXCSR's default");
        assertNotNull(crashed.xstate());
        // the XSAVE area starts with the FXSAVE image (up to the software-reserved bytes at 464)
        assertArrayEquals(java.util.Arrays.copyOf(crashed.fpregs(), 416), java.util.Arrays.copyOf(crashed.xstate(), 416));
    }

    @Test
    void textTheKernelLeftOutIsReadFromTheExecutable() throws IOException {
        Path bin = TestBinaries.binary("pm_worker_segv");
        CoreDump core = CoreDump.open(KernelCores.of(bin, TestBinaries.sharedTmp()));
        ElfFile elf = ElfFile.open(bin);
        long base = core.auxValue(9).orElseThrow() - elf.entry();   // AT_ENTRY - e_entry: the PIE's bias
        ProgramHeader text = elf.programHeaders().stream().filter(p -> p.isLoad() && (p.flags() & ProgramHeader.PF_X) != 0).findFirst().orElseThrow();
        long rip = core.threads().get(0).rip();
        assertTrue(rip >= base + text.vaddr() && rip < base + text.vaddr() + text.memsz(), "crash pc in the program's text");
        byte[] fromFile = new byte[16];
        elf.fileBytes(text.offset() + (rip - base - text.vaddr()), 16).get(fromFile);
        assertArrayEquals(fromFile, core.readMemory(rip, 16));
        assertTrue(core.memory().unusableFiles().isEmpty(), core.memory().unusableFiles().toString());
        assertEquals(Files.size(bin) > 0, core.auxvBytes().length % 16 == 0);
    }

    @Test
    void abortCoreNamesTheSenderOfSigabrt() {
        Path bin = TestBinaries.binary("pm_abort");
        CoreDump core = CoreDump.open(KernelCores.of(bin, TestBinaries.sharedTmp()));
        assertEquals(1, core.threads().size());
        assertEquals(6, core.terminatingSignal());
        CoreSignal sig = core.signal().orElseThrow();
        assertTrue(sig.fromProcess());
        assertFalse(sig.isFault());
        assertEquals(core.process().orElseThrow().pid(), sig.senderPid(), "abort() signals its own process");
    }

    @Test
    void badCoreFilesFailInOneLine(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path real = KernelCores.of(TestBinaries.binary("pm_abort"), TestBinaries.sharedTmp());
        Path truncated = tmp.resolve("truncated.core");
        byte[] all = Files.readAllBytes(real);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        assertMessage("the core file is truncated", truncated);
        Path text = Files.writeString(tmp.resolve("notes.txt"), "not a core\n");
        assertMessage("not a core file (not ELF)", text);
        assertMessage("not a core file (an ELF shared object or PIE)", TestBinaries.binary("pm_abort"));
        assertMessage("no such core file", tmp.resolve("absent"));
    }

    private static void assertMessage(String expected, Path file) {
        JrrException e = assertThrows(JrrException.class, () -> CoreDump.open(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static long hex(String out, String reg) {
        Matcher m = Pattern.compile("(?m)^" + reg + "\\s+0x([0-9a-f]+)").matcher(out);
        assertTrue(m.find(), "gdb printed no " + reg + " in:\n" + out);
        return Long.parseUnsignedLong(m.group(1), 16);
    }
}
