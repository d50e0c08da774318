package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.FileExtents;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.trace.ContentHashes;
import io.jrrtui.trace.Mapping;
import io.jrrtui.trace.MemoryWrite;
import io.jrrtui.trace.TraceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * File-backed mmaps: replay cannot open the program's files (open is emulated), so the mapped bytes
 * are kept in the trace as a memory write of the mmap event and the file's identity goes to the
 * mappings stream (for shared-library symbols).
 */
final class FileMappings {
    static final int MAP_ANONYMOUS = 0x20;
    private static final long PAGE = 4096;

    private FileMappings() {}

    /** Largest memory write of one mapping piece: big mappings are kept in pieces, never one array. */
    static final int PIECE = 16 << 20;

    /**
     * The bytes a successful file mmap made visible (empty for anonymous maps and failures), in
     * pieces of at most {@link #PIECE} bytes. Holes of a sparse file are left out: replay maps
     * zeroed memory, so they read the same.
     */
    static List<MemoryWrite> capture(int pid, TraceeMemory mem, TraceWriter writer, long event, Registers entry, long result) {
        int flags = (int) entry.arg(3);
        if (result < 0 && result > -4096 || (flags & MAP_ANONYMOUS) != 0) return List.of();
        int fd = (int) entry.arg(4);
        long length = entry.arg(1);
        long offset = entry.arg(5);
        Path fdLink = Path.of("/proc/" + pid + "/fd/" + fd);
        String path;
        long dev = 0, ino = 0, size = length + offset, mtime = 0;
        ContentHashes.FileIdentity id = null;
        try {
            path = Files.readSymbolicLink(fdLink).toString();
            id = ContentHashes.FileIdentity.of(fdLink);
            dev = id.dev();
            ino = id.ino();
            size = id.size();
            mtime = id.mtimeNanos();
        } catch (IOException | RuntimeException e) {
            path = "(fd " + fd + ")";
        }
        writer.writeMapping(new Mapping(event, result, length, (int) entry.arg(2), flags, offset, path, dev, ino, size, mtime));
        long visible = Math.min(length, Math.max(0, ((size - offset + PAGE - 1) / PAGE) * PAGE));
        if (visible <= 0) return List.of(new MemoryWrite(result, new byte[0]));
        List<MemoryWrite> pieces = new ArrayList<>();
        for (FileExtents.Extent x : FileExtents.data(fdLink, offset, offset + visible)) {
            long from = (x.start() - offset) & ~(PAGE - 1);
            long to = Math.min(visible, (x.end() - offset + PAGE - 1) & ~(PAGE - 1));
            for (long at = from; at < to; at += PIECE) {
                byte[] data = new byte[(int) Math.min(PIECE, to - at)];
                int n = mem.readPartial(result + at, data);
                if (n > 0) pieces.add(piece(id, offset + at, result + at, n == data.length ? data : Arrays.copyOf(data, n)));
                if (n < data.length) return pieces; // past the end of what is mapped
            }
        }
        return pieces;
    }

    /**
     * A piece of the mapping, with its SHA-256 from the cache of content hashes when it is large
     * enough for the content store (the writer would hash it) and the file's identity is known.
     */
    private static MemoryWrite piece(ContentHashes.FileIdentity id, long fileOffset, long addr, byte[] bytes) {
        if (id == null || bytes.length < TraceWriter.MIN_STORED) return new MemoryWrite(addr, bytes);
        return new MemoryWrite(addr, bytes, ContentHashes.standard().sha256(id, fileOffset, bytes), true);
    }
}
