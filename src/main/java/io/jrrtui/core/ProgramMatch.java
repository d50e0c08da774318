package io.jrrtui.core;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a core file was dumped by a given program, and where that program was loaded. The
 * executable's mapping is the NT_FILE entry holding AT_ENTRY; the program matches when it is that
 * file, or a copy of it: the kernel dumps the first page of every ELF mapping, and that page (ELF
 * header, program headers, build-id note) must equal the program's own. gdb only warns on a
 * mismatch and then shows frames of the wrong code; jrrtui refuses.
 */
final class ProgramMatch {
    private static final int AT_ENTRY = 9;
    private static final int PAGE = 4096;

    private ProgramMatch() {}

    /** The program's load bias in the dumped process; throws JrrException when core is not the program's. */
    static long loadBias(CoreDump core, Path program, ElfFile elf) {
        long entry = core.auxValue(AT_ENTRY).orElseThrow(() ->
                new JrrException(core.path() + ": the core file has no auxiliary vector; cannot tell where " + program + " was loaded"));
        long bias = elf.isDynamic() ? entry - elf.entry() : 0;
        long firstVaddr = elf.programHeaders().stream().filter(ProgramHeader::isLoad).mapToLong(p -> p.vaddr() & ~(PAGE - 1L)).min()
                .orElseThrow(() -> new JrrException(program + ": an ELF file without loadable segments"));
        Optional<MappedFile> exe = core.mappedFiles().stream().filter(f -> f.contains(entry)).findFirst();
        String dumpedBy = exe.map(MappedFile::path).orElse(core.process().map(CoreProcess::name).orElse("another program"));
        if (!samePage(core, bias + firstVaddr, program)) {
            String name = core.process().map(p -> " (" + p.name() + ")").orElse("");
            throw new JrrException(core.path() + " is a core file of " + dumpedBy + name + ", not of " + program);
        }
        if (exe.isPresent() && !sameFile(Path.of(exe.get().path()), program) && core.memory().unusableFiles().containsKey(exe.get().path())) {
            // a copy of the program answers for the original, whose text the kernel did not dump
            core.memory().substitute(exe.get().path(), program);
        }
        return bias;
    }

    /** Whether the core's dumped page at address equals the program's first page (both present). */
    private static boolean samePage(CoreDump core, long address, Path program) {
        byte[] file;
        try (var in = Files.newInputStream(program)) {
            file = in.readNBytes(PAGE);
        } catch (IOException e) {
            throw new JrrException("cannot read " + program + ": " + e.getMessage(), e);
        }
        Optional<byte[]> dumped = core.readMemoryOrEmpty(address, file.length);
        return dumped.isPresent() && ByteBuffer.wrap(dumped.get()).equals(ByteBuffer.wrap(file));
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
