package io.jrrtui.sysdecode;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.trace.ExecEvent;
import io.jrrtui.trace.TraceFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only segments the kernel maps at exec (the program and its ELF interpreter), which no
 * mmap event records: strings such as ld.so's "/etc/ld.so.cache" live there. Where they were loaded
 * comes from the auxiliary vector on the recorded initial stack (AT_ENTRY, AT_BASE); the program's
 * bytes from the trace's copy of it, the interpreter's from the file the replay also runs.
 */
final class ExecImages {
    private static final long AT_BASE = 7, AT_ENTRY = 9;

    private ExecImages() {}

    static void load(ExecEvent e, Path traceDir, boolean firstExec, ReadOnlyImages into) {
        if (traceDir == null) return;
        Path exe = traceDir.resolve(firstExec ? TraceFormat.EXE_COPY : TraceFormat.EXE_COPY + "-" + e.number());
        long[] aux = auxv(e);
        if (aux == null || !Files.isRegularFile(exe)) return;
        try {
            ElfFile prog = ElfFile.open(exe);
            long base = prog.isDynamic() ? aux[1] - prog.entry() : 0;
            addSegments(prog, base, into);
            for (ProgramHeader ph : prog.programHeaders()) {
                if (ph.type() != ProgramHeader.PT_INTERP || aux[0] == 0) continue;
                ByteBuffer b = prog.segmentBytes(ph);
                byte[] s = new byte[(int) Math.max(0, ph.filesz() - 1)];
                b.get(b.position(), s);
                Path interp = Path.of(new String(s, StandardCharsets.UTF_8));
                if (Files.isRegularFile(interp)) addSegments(ElfFile.open(interp), aux[0], into);
            }
        } catch (RuntimeException unreadable) {
            // a program the ELF reader cannot read: its strings stay unknown, the pointers are shown
        }
    }

    private static void addSegments(ElfFile f, long base, ReadOnlyImages into) {
        for (ProgramHeader ph : f.programHeaders()) {
            if (!ph.isLoad() || (ph.flags() & ProgramHeader.PF_W) != 0 || ph.filesz() <= 0) continue;
            ByteBuffer b = f.segmentBytes(ph);
            byte[] data = new byte[(int) Math.min(ph.filesz(), b.remaining())];
            b.get(b.position(), data);
            into.add(base + ph.vaddr(), data);
        }
    }

    /** {AT_BASE, AT_ENTRY} from the initial stack (argc, argv, NULL, envp, NULL, auxv pairs), or null. */
    private static long[] auxv(ExecEvent e) {
        ByteBuffer s = ByteBuffer.wrap(e.stack()).order(ByteOrder.LITTLE_ENDIAN);
        long at = e.regs().rsp() - e.stackAddr();
        if (at < 0 || at + 8 > e.stack().length) return null;
        int i = (int) at;
        long argc = s.getLong(i);
        i += 8 * (int) (argc + 1) + 8;
        while (i + 8 <= e.stack().length && s.getLong(i) != 0) i += 8;
        i += 8;
        long[] out = {0, 0};
        for (; i + 16 <= e.stack().length; i += 16) {
            long type = s.getLong(i);
            if (type == 0) break;
            if (type == AT_BASE) out[0] = s.getLong(i + 8);
            if (type == AT_ENTRY) out[1] = s.getLong(i + 8);
        }
        return out[1] == 0 ? null : out;
    }
}
