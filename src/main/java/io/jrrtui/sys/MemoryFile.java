package io.jrrtui.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.jrrtui.util.JrrException;
import java.nio.charset.StandardCharsets;

/**
 * A memfd owned by this (the debugger's) process that stands for one file of a recording on
 * replay: tracees open it by {@link #path()} (/proc/OURPID/fd/N, which a process of the same user
 * may open without any capability) and map it at the file's own offsets, so every mapping of the
 * file, in every process, shares its pages as the file's page cache did. It goes with this
 * process or {@link #close()}, whichever comes first.
 */
public final class MemoryFile implements AutoCloseable {
    private static final long SYS_MEMFD_CREATE = 319, SYS_FTRUNCATE = 77, SYS_CLOSE = 3, MFD_CLOEXEC = 1;

    private final int fd;
    private long size;

    private MemoryFile(int fd) {
        this.fd = fd;
    }

    /** A new empty memory file; name shows in the tracees' /proc/PID/maps as "/memfd:name". */
    public static MemoryFile create(String name) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(n.length);
        m.write(0, n, 0, n.length);
        try {
            return new MemoryFile((int) LibC.syscall(SYS_MEMFD_CREATE, Pointer.nativeValue(m), MFD_CLOEXEC, 0));
        } catch (LastErrorException e) {
            throw new JrrException("cannot create the replay's memory file for a shared mapping: " + LibC.strerror(e.getErrorCode()));
        }
    }

    /** Grows the file to at least bytes (never shrinks it: the recorded mappings decide what is read). */
    public void ensureSize(long bytes) {
        if (bytes <= size) return;
        try {
            LibC.syscall(SYS_FTRUNCATE, fd, bytes, 0);
        } catch (LastErrorException e) {
            throw new JrrException("cannot grow the replay's memory file to " + bytes + " bytes: " + LibC.strerror(e.getErrorCode()));
        }
        size = bytes;
    }

    /** The path a tracee opens the file by. */
    public String path() {
        return "/proc/" + ProcessHandle.current().pid() + "/fd/" + fd;
    }

    @Override
    public void close() {
        try {
            LibC.syscall(SYS_CLOSE, fd, 0, 0);
        } catch (LastErrorException e) {
            // already closed
        }
    }
}
