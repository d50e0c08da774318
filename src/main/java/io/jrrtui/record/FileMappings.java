package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.trace.Mapping;
import io.jrrtui.trace.MemoryWrite;
import io.jrrtui.trace.TraceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * File-backed mmaps: replay cannot open the program's files (open is emulated), so the mapped bytes
 * are kept in the trace as a memory write of the mmap event and the file's identity goes to the
 * mappings stream (for shared-library symbols).
 */
final class FileMappings {
    static final int MAP_ANONYMOUS = 0x20;
    private static final long PAGE = 4096;

    private FileMappings() {}

    /** The bytes a successful file mmap made visible, or null for anonymous maps and failures. */
    static MemoryWrite capture(int pid, TraceeMemory mem, TraceWriter writer, long event, Registers entry, long result) {
        int flags = (int) entry.arg(3);
        if (result < 0 && result > -4096 || (flags & MAP_ANONYMOUS) != 0) return null;
        int fd = (int) entry.arg(4);
        long length = entry.arg(1);
        long offset = entry.arg(5);
        Path fdLink = Path.of("/proc/" + pid + "/fd/" + fd);
        String path;
        long dev = 0, ino = 0, size = length + offset, mtime = 0;
        try {
            path = Files.readSymbolicLink(fdLink).toString();
            Map<String, Object> a = Files.readAttributes(fdLink, "unix:dev,ino,size,lastModifiedTime");
            dev = (Long) a.get("dev");
            ino = (Long) a.get("ino");
            size = (Long) a.get("size");
            mtime = ((FileTime) a.get("lastModifiedTime")).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException e) {
            path = "(fd " + fd + ")";
        }
        writer.writeMapping(new Mapping(event, result, length, (int) entry.arg(2), flags, offset, path, dev, ino, size, mtime));
        long visible = Math.min(length, Math.max(0, ((size - offset + PAGE - 1) / PAGE) * PAGE));
        if (visible <= 0) return new MemoryWrite(result, new byte[0]);
        byte[] data = new byte[(int) Math.min(visible, Integer.MAX_VALUE - 16)];
        int n = mem.readPartial(result, data);
        return new MemoryWrite(result, n == data.length ? data : java.util.Arrays.copyOf(data, n));
    }
}
