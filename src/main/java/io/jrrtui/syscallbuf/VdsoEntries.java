package io.jrrtui.syscallbuf;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSymbol;
import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.TraceeMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The process's vDSO and its clock entries, for the preload library's record path (issue 13): a
 * buffered clock_gettime, gettimeofday or time then reads the clock in the process, with no
 * syscall. Found at the exec stop by reading the {@code [vdso]} image out of the tracee and parsing
 * it with our ELF reader (no offsets assumed). The range is kept too: a syscall made from inside it
 * is the vDSO's own fallback (see ProcessSyscallBuffer), and a program that unmaps, moves or
 * reprotects it makes the recorder withdraw the entries.
 *
 * @param start the {@code [vdso]} mapping's start (0: none)
 * @param end its end
 * @param clockGettime address of its clock_gettime, 0 when absent
 * @param gettimeofday address of its gettimeofday, 0 when absent
 * @param time address of its time, 0 when absent
 */
public record VdsoEntries(long start, long end, long clockGettime, long gettimeofday, long time) {
    /** No vDSO, or one the library must not call. */
    public static final VdsoEntries NONE = new VdsoEntries(0, 0, 0, 0, 0);
    /** Far more than any vDSO (a few pages): a larger [vdso] is not read. */
    private static final long MAX_BYTES = 1 << 20;

    /** Whether addr lies inside the vDSO. */
    public boolean contains(long addr) {
        return start != 0 && Long.compareUnsigned(addr - start, end - start) < 0;
    }

    /** Whether [addr, addr + len) overlaps the vDSO. */
    public boolean overlaps(long addr, long len) {
        return start != 0 && len > 0 && Long.compareUnsigned(addr, end) < 0 && Long.compareUnsigned(start, addr + len) < 0;
    }

    /** Whether the library has any entry to call. */
    public boolean any() {
        return clockGettime != 0 || gettimeofday != 0 || time != 0;
    }

    /** The same range with no entries: the library goes back to the syscall. */
    public VdsoEntries withdrawn() {
        return new VdsoEntries(start, end, 0, 0, 0);
    }

    /** The vDSO of process pid as it is mapped now; NONE when it has none or it cannot be parsed. */
    public static VdsoEntries read(int pid, TraceeMemory mem) {
        ProcMaps.Region vdso = null;
        for (ProcMaps.Region r : ProcMaps.read(pid)) {
            if (r.path().equals("[vdso]")) vdso = r;
        }
        if (vdso == null || vdso.end() - vdso.start() > MAX_BYTES) return NONE;
        byte[] image = new byte[(int) (vdso.end() - vdso.start())];
        if (mem.readPartial(vdso.start(), image) != image.length) return NONE;
        return parse(vdso.start(), vdso.end(), image);
    }

    /** The entries of a vDSO image mapped at [start, end); no entries when it is not ELF. */
    static VdsoEntries parse(long start, long end, byte[] image) {
        try {
            if (image.length < 4 || image[0] != 0x7f || image[1] != 'E' || image[2] != 'L' || image[3] != 'F') {
                return new VdsoEntries(start, end, 0, 0, 0);
            }
            ElfFile elf = ElfFile.of("[vdso]", ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN));
            long firstLoad = -1;
            for (ProgramHeader ph : elf.programHeaders()) {
                if (ph.type() == ProgramHeader.PT_LOAD && (firstLoad < 0 || ph.vaddr() < firstLoad)) firstLoad = ph.vaddr();
            }
            if (firstLoad < 0) return new VdsoEntries(start, end, 0, 0, 0);
            long bias = start - (firstLoad & ~4095L);
            return new VdsoEntries(start, end, entry(elf, "clock_gettime", bias, start, end), entry(elf, "gettimeofday", bias, start, end),
                    entry(elf, "time", bias, start, end));
        } catch (RuntimeException e) {
            return new VdsoEntries(start, end, 0, 0, 0); // malformed: the library keeps the syscall
        }
    }

    /** The address of __vdso_NAME (or NAME), a defined function inside the mapping; 0 otherwise. */
    private static long entry(ElfFile elf, String name, long bias, long start, long end) {
        long found = 0;
        for (ElfSymbol s : elf.symbols()) {
            if (!s.isDefined() || s.type() != ElfSymbol.STT_FUNC) continue;
            if (!s.name().equals("__vdso_" + name) && !(found == 0 && s.name().equals(name))) continue;
            long at = s.value() + bias;
            if (Long.compareUnsigned(at - start, end - start) >= 0) continue;
            found = at;
            if (s.name().startsWith("__vdso_")) break;
        }
        return found;
    }
}
