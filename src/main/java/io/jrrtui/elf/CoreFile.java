package io.jrrtui.elf;

import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An ELF core file: the memory image (PT_LOAD segments), each thread's registers (NT_PRSTATUS) and
 * the mapped-file table (NT_FILE). Enough to answer "what did the program look like at the stop".
 */
public final class CoreFile {
    /** x86-64 {@code user_regs_struct} field names in their order within NT_PRSTATUS. */
    public static final List<String> REGISTER_NAMES = List.of(
            "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx", "rdx",
            "rsi", "rdi", "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base", "gs_base",
            "ds", "es", "fs", "gs");
    /** Offset of pr_reg inside x86-64 struct elf_prstatus. */
    private static final int PR_REG_OFFSET = 112;
    private static final int PR_PID_OFFSET = 32;

    private final ElfFile elf;
    private final List<ProgramHeader> loads;
    private final List<ThreadRegisters> threads;
    private final List<MappedFile> mappedFiles;

    private CoreFile(ElfFile elf) {
        if (!elf.isCore()) throw new JrrException(elf.origin() + ": not a core file");
        this.elf = elf;
        List<ProgramHeader> l = new ArrayList<>();
        for (ProgramHeader ph : elf.programHeaders()) if (ph.isLoad()) l.add(ph);
        this.loads = Collections.unmodifiableList(l);
        List<ThreadRegisters> t = new ArrayList<>();
        List<MappedFile> files = new ArrayList<>();
        for (ProgramHeader ph : elf.programHeaders()) {
            if (ph.type() != ProgramHeader.PT_NOTE) continue;
            for (ElfNote n : ElfNote.parse(new ByteReader(elf.segmentBytes(ph), "core notes"))) {
                if (n.type() == ElfNote.NT_PRSTATUS && n.name().equals("CORE")) t.add(prstatus(n));
                if (n.type() == ElfNote.NT_FILE && n.name().equals("CORE")) files.addAll(ntFile(n));
            }
        }
        this.threads = Collections.unmodifiableList(t);
        this.mappedFiles = Collections.unmodifiableList(files);
    }

    public static CoreFile open(Path path) {
        return new CoreFile(ElfFile.open(path));
    }

    public ElfFile elf() { return elf; }
    public List<ThreadRegisters> threads() { return threads; }
    public List<MappedFile> mappedFiles() { return mappedFiles; }
    public List<ProgramHeader> segments() { return loads; }

    /** Registers of one thread at the time of the dump. */
    public record ThreadRegisters(int tid, long[] values) {
        public long get(String name) {
            int i = REGISTER_NAMES.indexOf(name);
            if (i < 0) throw new IllegalArgumentException("no register " + name);
            return values[i];
        }
        public long rip() { return get("rip"); }
        public long rsp() { return get("rsp"); }
    }

    /** One NT_FILE entry: the file mapped at [start,end) from file page offset. */
    public record MappedFile(long start, long end, long fileOffset, String path) {}

    private static ThreadRegisters prstatus(ElfNote n) {
        ByteReader r = n.reader();
        r.seek(PR_PID_OFFSET);
        int pid = r.s32();
        r.seek(PR_REG_OFFSET);
        long[] regs = new long[REGISTER_NAMES.size()];
        for (int i = 0; i < regs.length; i++) regs[i] = r.u64();
        return new ThreadRegisters(pid, regs);
    }

    private static List<MappedFile> ntFile(ElfNote n) {
        ByteReader r = n.reader();
        long count = r.u64();
        long pageSize = r.u64();
        if (count < 0 || count > r.remaining() / 24) throw r.error(0, "NT_FILE count " + count);
        long[][] ranges = new long[(int) count][];
        for (int i = 0; i < count; i++) ranges[i] = new long[] {r.u64(), r.u64(), r.u64()};
        List<MappedFile> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new MappedFile(ranges[i][0], ranges[i][1], ranges[i][2] * pageSize, r.cstring()));
        }
        return out;
    }

    /** Whether {@code [addr, addr+len)} is wholly present in the file image. */
    public boolean isReadable(long addr, int len) {
        return readMemoryOrEmpty(addr, len).isPresent();
    }

    /**
     * Reads memory from the dump. Bytes inside a segment but beyond its file size read as zero
     * (like bss, or pages gdb chose not to dump).
     */
    public byte[] readMemory(long addr, int len) {
        return readMemoryOrEmpty(addr, len).orElseThrow(() ->
                new JrrException("Cannot access memory at address 0x" + Long.toHexString(addr)));
    }

    public Optional<byte[]> readMemoryOrEmpty(long addr, int len) {
        if (len < 0) return Optional.empty();
        byte[] out = new byte[len];
        int done = 0;
        while (done < len) {
            long a = addr + done;
            ProgramHeader seg = segmentAt(a);
            if (seg == null) return Optional.empty();
            long inSeg = a - seg.vaddr();
            int n = (int) Math.min(len - done, seg.memsz() - inSeg);
            long fromFile = Math.max(0, Math.min(n, seg.filesz() - inSeg));
            if (fromFile > 0) {
                ByteBuffer b = elf.fileBytes(seg.offset() + inSeg, fromFile);
                b.get(out, done, (int) fromFile);
            }
            done += n;
        }
        return Optional.of(out);
    }

    private ProgramHeader segmentAt(long addr) {
        for (ProgramHeader ph : loads) if (ph.containsVaddr(addr)) return ph;
        return null;
    }
}
