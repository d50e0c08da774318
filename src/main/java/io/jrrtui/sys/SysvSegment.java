package io.jrrtui.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import io.jrrtui.util.JrrException;

/**
 * A System V shared memory segment owned by this (the debugger's) process, for replaying a
 * recording's segment: tracees attach it by its id, and this process keeps an attachment of its
 * own, through which the recorded contents are written. The segment is marked for removal as soon
 * as it exists: Linux still lets processes attach it by id, and it disappears with the last
 * attachment, at the latest when this process ends, so a replay never leaves one behind.
 */
public final class SysvSegment implements AutoCloseable {
    private static final long SYS_SHMAT = 30, SYS_SHMCTL = 31, SYS_SHMGET = 29, SYS_SHMDT = 67;
    private static final long IPC_PRIVATE = 0, IPC_CREAT = 01000, IPC_RMID = 0;

    private final int id;
    private final long size;
    private long addr;

    private SysvSegment(int id, long size, long addr) {
        this.id = id;
        this.size = size;
        this.addr = addr;
    }

    /** A new private segment of size bytes, attached here and already marked for removal. */
    public static SysvSegment create(long size) {
        int id;
        try {
            id = (int) LibC.syscall(SYS_SHMGET, IPC_PRIVATE, size, IPC_CREAT | 0600);
        } catch (LastErrorException e) {
            throw new JrrException("cannot create a System V shared memory segment of " + size + " bytes for the replay: "
                    + LibC.strerror(e.getErrorCode()));
        }
        try {
            long at = LibC.syscall(SYS_SHMAT, id, 0, 0);
            return new SysvSegment(id, size, at);
        } catch (LastErrorException e) {
            throw new JrrException("cannot attach the replay's System V shared memory segment: " + LibC.strerror(e.getErrorCode()));
        } finally {
            try {
                LibC.syscall(SYS_SHMCTL, id, IPC_RMID, 0);
            } catch (LastErrorException e) {
                // it then lives until removed by hand (ipcrm); nothing else goes wrong
            }
        }
    }

    /** The id tracees attach the segment by. */
    public int id() {
        return id;
    }

    public long size() {
        return size;
    }

    /** Writes data at offset into the segment: every attachment, in every process, sees it. */
    public void write(long offset, byte[] data) {
        if (addr == 0) throw new IllegalStateException("segment " + id + " is closed");
        if (offset < 0 || offset + data.length > size) {
            throw new JrrException("recorded contents of " + data.length + " bytes at offset " + offset
                    + " do not fit the replay's segment of " + size + " bytes");
        }
        new Pointer(addr).write(offset, data, 0, data.length);
    }

    /** Drops this process's attachment; the segment goes once no tracee has it attached either. */
    @Override
    public void close() {
        if (addr == 0) return;
        try {
            LibC.syscall(SYS_SHMDT, addr, 0, 0);
        } catch (LastErrorException e) {
            // already gone with its mapping: nothing holds the segment through it any more
        }
        addr = 0;
    }
}
