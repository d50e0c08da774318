package io.jrrtui.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a file holds data and where holes (lseek SEEK_DATA/SEEK_HOLE): a hole reads as zeros, so a
 * huge sparse file mapped whole needs only its data kept. A file system that cannot tell gives the
 * whole range as data.
 */
public final class FileExtents {
    private static final int SYS_OPEN = 2, SYS_LSEEK = 8, SYS_CLOSE = 3, O_RDONLY = 0, O_CLOEXEC = 0x80000;
    private static final int SEEK_DATA = 3, SEEK_HOLE = 4, ENXIO = 6;

    /** A byte range [start, end) of a file. */
    public record Extent(long start, long end) {}

    private FileExtents() {}

    /** The data extents of file within [from, to), in order. */
    public static List<Extent> data(Path file, long from, long to) {
        List<Extent> out = new ArrayList<>();
        long fd;
        try (Memory path = new Memory(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L)) {
            path.setString(0, file.toString(), "UTF-8");
            fd = LibC.syscall(SYS_OPEN, Pointer.nativeValue(path), O_RDONLY | O_CLOEXEC, 0);
        } catch (LastErrorException e) {
            out.add(new Extent(from, to));
            return out;
        }
        try {
            long at = from;
            while (at < to) {
                long start;
                try {
                    start = LibC.syscall(SYS_LSEEK, fd, at, SEEK_DATA);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == ENXIO) break; // only a hole from here on
                    out.add(new Extent(at, to));
                    break;
                }
                if (start >= to) break;
                long end = Math.min(to, LibC.syscall(SYS_LSEEK, fd, start, SEEK_HOLE));
                out.add(new Extent(start, end));
                at = end;
            }
        } catch (LastErrorException e) {
            out.clear();
            out.add(new Extent(from, to));
        } finally {
            LibC.syscall(SYS_CLOSE, fd, 0, 0);
        }
        return out;
    }
}
