package io.jrrtui.core;

import io.jrrtui.arch.Registers;
import io.jrrtui.elf.ByteReader;
import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfNote;
import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An x86-64 Linux ELF core file: threads (in note order; the kernel writes the thread that
 * dumped first, and gdb numbers threads in that order), the process (NT_PRPSINFO), the signal
 * (NT_SIGINFO), the auxiliary vector, the mapped files and the memory image.
 *
 * <p>Layouts (x86-64 {@code struct elf_prstatus}, {@code struct elf_prpsinfo}, {@code siginfo_t})
 * are the kernel's UAPI ones; register-set notes (NT_FPREGSET, NT_X86_XSTATE) follow the
 * NT_PRSTATUS of the thread they belong to.
 */
public final class CoreDump {
    public static final int NT_FPREGSET = 2;
    public static final int NT_X86_XSTATE = 0x202;

    /** Offsets in x86-64 struct elf_prstatus: pr_cursig, pr_pid, pr_reg. */
    private static final int PR_CURSIG = 12, PR_PID = 32, PR_REG = 112;
    private static final int PRSTATUS_SIZE = PR_REG + Registers.COUNT * 8;
    /** Offsets in x86-64 struct elf_prpsinfo. */
    private static final int PS_SNAME = 1, PS_UID = 16, PS_GID = 20, PS_PID = 24, PS_PPID = 28, PS_FNAME = 40, PS_ARGS = 56;
    private static final int PRPSINFO_SIZE = 136;
    private static final int AT_NULL = 0;

    private final Path path;
    private final ElfFile elf;
    private final List<CoreThread> threads;
    private final CoreProcess process;
    private final CoreSignal signal;
    private final long[] auxv;
    private final List<MappedFile> mappedFiles;
    private final CoreMemory memory;

    private CoreDump(Path path, ElfFile elf) {
        this.path = path;
        this.elf = elf;
        List<ProgramHeader> loads = new ArrayList<>();
        List<CoreThread> t = new ArrayList<>();
        List<MappedFile> files = new ArrayList<>();
        CoreProcess proc = null;
        CoreSignal sig = null;
        long[] aux = new long[0];
        for (ProgramHeader ph : elf.programHeaders()) {
            if (ph.isLoad()) loads.add(ph);
            if (ph.type() != ProgramHeader.PT_NOTE) continue;
            for (ElfNote n : ElfNote.parse(new ByteReader(elf.segmentBytes(ph), "core notes"))) {
                boolean core = n.name().equals("CORE");
                if (core && n.type() == ElfNote.NT_PRSTATUS) t.add(prstatus(n));
                else if (core && n.type() == ElfNote.NT_PRPSINFO) proc = prpsinfo(n);
                else if (core && n.type() == ElfNote.NT_SIGINFO) sig = siginfo(n);
                else if (core && n.type() == ElfNote.NT_AUXV) aux = auxv(n);
                else if (core && n.type() == ElfNote.NT_FILE) files.addAll(ntFile(n));
                else if (core && n.type() == NT_FPREGSET && !t.isEmpty()) t.set(t.size() - 1, t.get(t.size() - 1).withFpregs(bytes(n)));
                else if (n.name().equals("LINUX") && n.type() == NT_X86_XSTATE && !t.isEmpty()) {
                    t.set(t.size() - 1, t.get(t.size() - 1).withXstate(bytes(n)));
                }
            }
        }
        if (t.isEmpty()) throw new JrrException(path + ": a core file without threads (no NT_PRSTATUS note)");
        this.threads = List.copyOf(t);
        this.process = proc;
        this.signal = sig;
        this.auxv = aux;
        this.mappedFiles = List.copyOf(files);
        this.memory = new CoreMemory(elf, loads, files);
    }

    /**
     * Opens a core file, or fails with one line: not a file, not ELF, not a core, not x86-64, or
     * truncated (a segment or its notes lie past the end of the file, as when the dump hit
     * RLIMIT_CORE or a full disk).
     */
    public static CoreDump open(Path path) {
        if (!Files.isRegularFile(path)) throw new JrrException(path + ": no such core file");
        if (!ElfFile.looksLikeElf(path)) throw new JrrException(path + ": not a core file (not ELF)");
        ElfFile elf = ElfFile.open(path);
        if (!elf.isCore()) throw new JrrException(path + ": not a core file (an ELF " + kind(elf) + ")");
        if (elf.machine() != ElfFile.EM_X86_64) throw new JrrException(path + ": a core file of another machine (e_machine " + elf.machine() + "), not x86-64");
        long size = fileSize(path);
        for (ProgramHeader ph : elf.programHeaders()) {
            if ((ph.isLoad() || ph.type() == ProgramHeader.PT_NOTE) && (ph.offset() < 0 || ph.filesz() < 0 || ph.offset() + ph.filesz() > size)) {
                long needed = elf.programHeaders().stream().mapToLong(p -> p.offset() + p.filesz()).max().orElse(size);
                throw new JrrException(path + ": the core file is truncated (" + size + " bytes, its segments need " + needed + ")");
            }
        }
        return new CoreDump(path, elf);
    }

    private static String kind(ElfFile elf) {
        return switch (elf.type()) {
            case ElfFile.ET_EXEC -> "executable";
            case ElfFile.ET_DYN -> "shared object or PIE";
            case ElfFile.ET_REL -> "object file";
            default -> "file of type " + elf.type();
        };
    }

    private static long fileSize(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new JrrException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public ElfFile elf() {
        return elf;
    }

    /** Threads in note order: the first is the one that was running when the process dumped. */
    public List<CoreThread> threads() {
        return threads;
    }

    /** NT_PRPSINFO, when the core has one (gdb's gcore and the kernel both write it). */
    public Optional<CoreProcess> process() {
        return Optional.ofNullable(process);
    }

    /** NT_SIGINFO, when present (kernel dumps; gdb writes it too for a stopped process). */
    public Optional<CoreSignal> signal() {
        return Optional.ofNullable(signal);
    }

    /** The signal that terminated the process: NT_SIGINFO's, else the first thread's pr_cursig; 0 for none. */
    public int terminatingSignal() {
        return signal != null ? signal.number() : threads.get(0).signal();
    }

    /** The auxiliary vector as (type, value) pairs, AT_NULL excluded. */
    public long[] auxv() {
        return auxv.clone();
    }

    /** The auxiliary vector's raw bytes as the process had them (for protocol servers), or null. */
    public byte[] auxvBytes() {
        if (auxv.length == 0) return null;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(auxv.length * 8 + 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long v : auxv) b.putLong(v);
        return b.putLong(AT_NULL).putLong(0).array();
    }

    /** The value of auxiliary vector entry type (AT_PHDR = 3, AT_ENTRY = 9, ...). */
    public OptionalLong auxValue(int type) {
        for (int i = 0; i + 1 < auxv.length; i += 2) if (auxv[i] == type) return OptionalLong.of(auxv[i + 1]);
        return OptionalLong.empty();
    }

    public List<MappedFile> mappedFiles() {
        return mappedFiles;
    }

    public CoreMemory memory() {
        return memory;
    }

    public byte[] readMemory(long addr, int len) {
        return memory.read(addr, len);
    }

    public Optional<byte[]> readMemoryOrEmpty(long addr, int len) {
        return memory.readOrEmpty(addr, len);
    }

    // ---- note decoders --------------------------------------------------------------------------

    private static byte[] bytes(ElfNote n) {
        byte[] b = new byte[n.desc().remaining()];
        n.desc().duplicate().get(b);
        return b;
    }

    private static ByteReader sized(ElfNote n, int size, String what) {
        ByteReader r = n.reader();
        if (r.remaining() < size) throw new JrrException("malformed core file: " + what + " note of " + r.remaining() + " bytes, expected " + size);
        return r;
    }

    private static CoreThread prstatus(ElfNote n) {
        ByteReader r = sized(n, PRSTATUS_SIZE, "NT_PRSTATUS");
        int cursig = r.seek(PR_CURSIG).u16();
        int tid = r.seek(PR_PID).s32();
        r.seek(PR_REG);
        long[] regs = new long[Registers.COUNT];
        for (int i = 0; i < regs.length; i++) regs[i] = r.u64();
        return new CoreThread(tid, cursig, new Registers(regs), null, null);
    }

    private static CoreProcess prpsinfo(ElfNote n) {
        ByteReader r = sized(n, PRPSINFO_SIZE, "NT_PRPSINFO");
        char state = (char) r.seek(PS_SNAME).u8();
        int uid = r.seek(PS_UID).s32();
        int gid = r.s32();
        int pid = r.seek(PS_PID).s32();
        int ppid = r.seek(PS_PPID).s32();
        String name = fixedString(r.seek(PS_FNAME).bytes(16));
        String args = fixedString(r.seek(PS_ARGS).bytes(80)).strip();
        return new CoreProcess(pid, ppid, uid, gid, state, name, args);
    }

    /** A NUL-padded char array as text. */
    private static String fixedString(byte[] b) {
        int len = 0;
        while (len < b.length && b[len] != 0) len++;
        return new String(b, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** siginfo_t: si_signo, si_errno, si_code, then the union at 16 (si_addr, or si_pid/si_uid). */
    private static CoreSignal siginfo(ElfNote n) {
        ByteReader r = sized(n, 24, "NT_SIGINFO");
        int signo = r.s32();
        int errno = r.s32();
        int code = r.s32();
        long union = r.seek(16).u64();
        return new CoreSignal(signo, errno, code, code > 0 ? union : 0, code <= 0 ? (int) union : 0);
    }

    private static long[] auxv(ElfNote n) {
        ByteReader r = n.reader();
        List<Long> words = new ArrayList<>();
        while (r.remaining() >= 16) {
            long type = r.u64();
            long value = r.u64();
            if (type == AT_NULL) break;
            words.add(type);
            words.add(value);
        }
        return words.stream().mapToLong(Long::longValue).toArray();
    }

    /** NT_FILE: count, page size, count (start, end, page offset) triples, then count NUL-terminated paths. */
    private static List<MappedFile> ntFile(ElfNote n) {
        ByteReader r = n.reader();
        long count = r.u64();
        long pageSize = r.u64();
        if (count < 0 || count > r.remaining() / 24) throw r.error(0, "NT_FILE count " + count);
        long[][] ranges = new long[(int) count][];
        for (int i = 0; i < count; i++) ranges[i] = new long[] {r.u64(), r.u64(), r.u64()};
        List<MappedFile> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(new MappedFile(ranges[i][0], ranges[i][1], ranges[i][2] * pageSize, r.cstring()));
        return out;
    }
}
