package io.jrrtui.syscallbuf;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.TraceeMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Where the preload library keeps its state, mirrored from native-shim/jrr-syscallbuf.c: a
 * trampoline page and a control page at a fixed address, per-thread buffers after them, and a
 * per-thread TLS block (buffer address, calls and bytes since the last flush, busy flag) found at
 * fs base + the offset the library writes into the control page.
 */
public final class SyscallBufferLayout {
    public static final long BASE = 0x6a7e00000000L;
    public static final long CONTROL = BASE + 4096;
    public static final long SLOTS_AT = BASE + 8192;
    public static final long SLOT_SIZE = 512 * 1024; // 4 MB measured slower: fewer stops, but far more costly big arrays in the recorder
    public static final int MAX_SLOTS = 64;
    /** End of the whole range (left out of memory snapshots: record and replay legitimately differ there). */
    public static final long END = SLOTS_AT + SLOT_SIZE * MAX_SLOTS;
    /** The instruction after the trampoline's syscall: the address the seccomp filter lets through. */
    public static final long SYSCALL_RETURN = BASE + 17;
    public static final int HEADER = 64;
    public static final long MAGIC = 0x4a52525342554631L;
    public static final int MODE_OFF = 0, MODE_RECORD = 1, MODE_REPLAY = 2;
    static final int CONTROL_BYTES = 24, MODE_AT = 16, WATCHED_COUNT_AT = 24, WATCHED_AT = 32, VDSO_AT = 288, FD_GEN_AT = 312,
            FD_NOCACHE_AT = 316;
    /**
     * The last bytes of each slot hold the library's descriptor cache (record mode only); the spill
     * area of reads kept by reference ends where it starts.
     */
    public static final int FD_CACHE_BYTES = 512;
    public static final long SPILL_END = SLOT_SIZE - FD_CACHE_BYTES;
    /** End of the fields the library reads; the recorder's own scratch ({@link ExecPreload}) starts here. */
    public static final int CONTROL_FIELDS_END = 512;
    /** How many files the control page can name as watched (the library's SB_WATCHED_MAX). */
    public static final int WATCHED_MAX = 16;
    public static final String LIBRARY = "libjrrpreload.so";

    private SyscallBufferLayout() {}

    /** The library's file in the native folder. */
    public static Path library(Path nativeDir) {
        return nativeDir.resolve(LIBRARY);
    }

    /** Whether [start, end) lies in the library's fixed range. */
    public static boolean inRange(long start, long end) {
        return start >= BASE && end <= END;
    }

    /** The control page as the library left it. */
    public record Control(long tlsOffset, int mode) {}

    /** The process's control page, or null while the library has not mapped it (or is absent). */
    public static Control control(TraceeMemory mem) {
        byte[] b = new byte[CONTROL_BYTES];
        if (mem.readPartial(CONTROL, b) != b.length) return null;
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (bb.getLong() != MAGIC) return null;
        return new Control(bb.getLong(), bb.getInt());
    }

    public static void setMode(TraceeMemory mem, int mode) {
        mem.write(CONTROL + MODE_AT, le(4).putInt(mode).array());
    }

    /**
     * Names the files (device, inode pairs) whose write(2)s the library must not buffer: the
     * entries first, then their count, so the library never reads an entry not yet written.
     */
    public static void setWatched(TraceeMemory mem, java.util.List<long[]> files) {
        if (files.size() > WATCHED_MAX) throw new IllegalArgumentException(files.size() + " watched files, at most " + WATCHED_MAX);
        ByteBuffer b = le(16 * files.size());
        for (long[] f : files) b.putLong(f[0]).putLong(f[1]);
        if (!files.isEmpty()) mem.write(CONTROL + WATCHED_AT, b.array());
        mem.write(CONTROL + WATCHED_COUNT_AT, le(4).putInt(files.size()).array());
    }

    /**
     * Names the vDSO's clock_gettime, gettimeofday and time entries to the library (0: none, the
     * library makes the syscall): read only while recording, replay copies the recorded results.
     */
    public static void setVdso(TraceeMemory mem, long clockGettime, long gettimeofday, long time) {
        mem.write(CONTROL + VDSO_AT, le(24).putLong(clockGettime).putLong(gettimeofday).putLong(time).array());
    }

    /**
     * Moves the library's descriptor generation to gen (a value never used before in the recording):
     * every thread's cached descriptor kinds are asked again.
     */
    public static void setFdGeneration(TraceeMemory mem, int gen) {
        mem.write(CONTROL + FD_GEN_AT, le(4).putInt(gen).array());
    }

    /** The library never trusts its descriptor cache in this process (its table is shared with another memory). */
    public static void disableFdCache(TraceeMemory mem) {
        mem.write(CONTROL + FD_NOCACHE_AT, le(4).putInt(1).array());
    }

    /**
     * A thread's TLS block: its buffer (0 if none yet), calls and bytes of records since the last
     * flush, busy flag, and the bytes taken at the slot's end by reads recorded by reference (their
     * bytes, or room for them; see {@link BufferRecords}).
     */
    public record ThreadState(long tlsAddr, long buffer, int count, int used, boolean busy, int spill) {}

    /** The TLS block of the thread whose registers are regs, or null if it has none (no TLS yet). */
    public static ThreadState thread(TraceeMemory mem, Registers regs, Control control) {
        long fs = regs.get(Registers.FS_BASE);
        if (fs == 0) return null;
        long at = fs + control.tlsOffset();
        byte[] b = new byte[28];
        if (mem.readPartial(at, b) != b.length) return null;
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return new ThreadState(at, bb.getLong(), bb.getInt(), bb.getInt(), bb.getInt() != 0, bb.getInt(24));
    }

    /** Zeroes the thread's count of calls and bytes: the next flush starts at the buffer's start. */
    public static void resetThread(TraceeMemory mem, ThreadState t) {
        mem.write(t.tlsAddr() + 8, new byte[8]);
        if (t.spill() != 0) mem.write(t.tlsAddr() + 24, new byte[4]);
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
