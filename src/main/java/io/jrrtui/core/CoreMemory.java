package io.jrrtui.core;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dumped process's memory. The kernel writes anonymous and written pages into PT_LOAD segments
 * but leaves out unmodified file-backed pages (a segment's filesz is then 0, or one page when it
 * dumps only the ELF header): those bytes are read from the file NT_FILE names, as gdb reads them
 * from the executable and libraries. A file that is gone, or whose first page no longer matches the
 * one in the core (rebuilt since the dump), is never used: its pages read as unavailable and
 * {@link #unusableFiles} says why.
 */
public final class CoreMemory {
    private static final int PAGE = 4096;

    private final ElfFile core;
    private final List<ProgramHeader> loads;
    private final List<MappedFile> files;
    /** Each usable file's bytes, mapped once; absent for files that are gone or changed. */
    private final Map<String, ByteBuffer> fileBytes = new HashMap<>();
    private final Map<String, String> unusable = new LinkedHashMap<>();

    CoreMemory(ElfFile core, List<ProgramHeader> loads, List<MappedFile> files) {
        this.core = core;
        this.loads = List.copyOf(loads);
        this.files = List.copyOf(files);
        for (MappedFile f : files) {
            if (fileBytes.containsKey(f.path()) || unusable.containsKey(f.path())) continue;
            String why = open(f.path());
            if (why != null) unusable.put(f.path(), why);
        }
    }

    /** Mapped files whose left-out pages cannot be read, each with the reason (file missing, changed). */
    public Map<String, String> unusableFiles() {
        return Map.copyOf(unusable);
    }

    /**
     * Reads the pages of recordedPath the core left out from replacement instead (a copy of the
     * program given on the command line, already checked against the dumped first page).
     */
    void substitute(String recordedPath, Path replacement) {
        String saved = unusable.remove(recordedPath);
        String why = mapInto(recordedPath, replacement);
        if (why != null) unusable.put(recordedPath, saved != null ? saved : why);
    }

    /** Reads len bytes at addr, or fails with gdb's "Cannot access memory at address 0x...". */
    public byte[] read(long addr, int len) {
        return readOrEmpty(addr, len).orElseThrow(() ->
                new JrrException("Cannot access memory at address 0x" + Long.toHexString(addr)));
    }

    /** The bytes at [addr, addr+len), or empty when any of them is not in the dump nor in its file. */
    public Optional<byte[]> readOrEmpty(long addr, int len) {
        if (len < 0) return Optional.empty();
        byte[] out = new byte[len];
        int done = 0;
        while (done < len) {
            long a = addr + done;
            ProgramHeader seg = segmentAt(a);
            if (seg == null) return Optional.empty();
            long inSeg = a - seg.vaddr();
            int n = (int) Math.min(len - done, seg.memsz() - inSeg);
            if (inSeg < seg.filesz()) {
                n = (int) Math.min(n, seg.filesz() - inSeg);
                core.fileBytes(seg.offset() + inSeg, n).get(out, done, n);
            } else {
                n = fromMappedFile(a, out, done, n);
                if (n <= 0) return Optional.empty();
            }
            done += n;
        }
        return Optional.of(out);
    }

    /** Copies up to n bytes at a from the file mapped there; returns how many, 0 when none can be. */
    private int fromMappedFile(long a, byte[] out, int at, int n) {
        for (MappedFile f : files) {
            if (!f.contains(a)) continue;
            ByteBuffer bytes = fileBytes.get(f.path());
            if (bytes == null) return 0;
            long pos = f.fileOffset() + (a - f.start());
            if (pos >= bytes.limit()) return 0;   // past the end of the file: SIGBUS in the process
            int count = (int) Math.min(Math.min(n, f.end() - a), bytes.limit() - pos);
            bytes.slice((int) pos, count).get(out, at, count);
            return count;
        }
        return 0;
    }

    private ProgramHeader segmentAt(long addr) {
        for (ProgramHeader ph : loads) if (ph.containsVaddr(addr)) return ph;
        return null;
    }

    /** Maps path if it is still the file that was mapped; returns why not otherwise. */
    private String open(String path) {
        return mapInto(path, Path.of(path));
    }

    /** Maps file p as the bytes of recorded path when its first page agrees with the dump; returns why not otherwise. */
    private String mapInto(String path, Path p) {
        if (!Files.isRegularFile(p)) return "file missing";
        ByteBuffer map;
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) return "file too large to read";
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        } catch (IOException e) {
            return "cannot read it: " + e.getMessage();
        }
        String changed = firstPageDiffers(path, map);
        if (changed != null) return changed;
        fileBytes.put(path, map);
        return null;
    }

    /**
     * Compares the file's first page with the copy the kernel dumped (it keeps the first page of
     * file mappings that start with an ELF header); null when they agree or the core has no copy.
     */
    private String firstPageDiffers(String path, ByteBuffer file) {
        for (MappedFile f : files) {
            if (!f.path().equals(path) || f.fileOffset() != 0) continue;
            ProgramHeader seg = segmentAt(f.start());
            if (seg == null || seg.vaddr() != f.start() || seg.filesz() == 0) continue;
            int n = (int) Math.min(Math.min(PAGE, seg.filesz()), f.end() - f.start());
            if (file.limit() < n) return "the file changed since the core was written (now " + file.limit() + " bytes)";
            if (!core.fileBytes(seg.offset(), n).equals(file.slice(0, n))) {
                return "the file changed since the core was written";
            }
        }
        return null;
    }

    /** The PT_LOAD segments as (start, end) pairs, for listings. */
    List<long[]> ranges() {
        List<long[]> out = new ArrayList<>();
        for (ProgramHeader ph : loads) out.add(new long[] {ph.vaddr(), ph.vaddr() + ph.memsz()});
        return out;
    }
}
