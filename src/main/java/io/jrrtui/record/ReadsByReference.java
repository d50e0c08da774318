package io.jrrtui.record;

import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.syscallbuf.SyscallBufferLayout;
import io.jrrtui.trace.BufferedCallsEvent;
import io.jrrtui.trace.BufferedReadRefs;
import io.jrrtui.trace.ContentHashes.FileIdentity;
import io.jrrtui.trace.MemoryWrite;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one flush of a thread's buffer into trace records, keeping reads by reference where they
 * are proven (issue 13, sbuf3). The library marks a read of /dev/zero (SB_ZEROS: zeros, no bytes)
 * and a read of a regular file (SB_FILEREAD: the file's version and offset, its bytes in the slot's
 * spill area). A file read becomes a reference to the recorder's copy of that version when
 * {@link FileCopies#proven} accepts it at this flush and the read lies inside the file; otherwise
 * its bytes are fetched from the spill area and it stays a plain record, as before.
 */
final class ReadsByReference {
    /** Flags the library sets in a record's call number (jrr-syscallbuf.c). */
    static final int SB_ZEROS = 0x40000000, SB_FILEREAD = 0x20000000;
    /** The library's struct sb_fileref after a SB_FILEREAD record's fixed part. */
    private static final int FILEREF = 72;
    private static final int HEADER = BufferedCallsEvent.RECORD_HEADER;

    private final FileCopies copies;

    ReadsByReference(FileCopies copies) {
        this.copies = copies;
    }

    /** The event for count library records (lib) of task tid, whose slot is at slot with spill bytes at its end. */
    BufferedCallsEvent event(long number, int tid, int count, byte[] lib, TraceeMemory mem, long slot, int spill) {
        if (spill == 0 && !anyFlagged(count, lib)) return new BufferedCallsEvent(number, tid, count, lib);
        ByteBuffer in = ByteBuffer.wrap(lib).order(ByteOrder.LITTLE_ENDIAN);
        Map<FileIdentity, Long> readNow = new HashMap<>();
        int capacity = scan(number, tid, count, in, readNow);
        Map<FileIdentity, Integer> index = new HashMap<>();
        List<MemoryWrite> contents = new ArrayList<>();
        // once per version and flush, a refusal too (computeIfAbsent would ask again after a null)
        Map<FileIdentity, java.util.Optional<MemoryWrite>> proven = new HashMap<>();
        ByteBuffer out = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
        byte[] spilled = null;
        long spillStart = SyscallBufferLayout.SPILL_END - spill;
        in.position(0);
        for (int i = 0; i < count; i++) {
            int at = in.position(), size = in.getInt(), flagged = in.getInt(), nr = flagged & ~(SB_ZEROS | SB_FILEREAD);
            if ((flagged & BufferedCallsEvent.SHORT) != 0) { // a short record (scan checked its shape): kept as it is
                out.put(lib, at, size);
                in.position(at + size);
                continue;
            }
            long result = in.getLong();
            long[] args = {in.getLong(), in.getLong(), in.getLong(), in.getLong()};
            in.position(at + size);
            if (flagged == nr) {
                out.put(lib, at, size);
            } else if ((flagged & SB_ZEROS) != 0) {
                BufferedReadRefs.putRef(out, nr, result, args, BufferedReadRefs.ZEROS, 0);
            } else {
                ByteBuffer ref = ByteBuffer.wrap(lib, at + HEADER, FILEREF).order(ByteOrder.LITTLE_ENDIAN);
                FileIdentity id = identity(ref);
                long offset = ref.getLong(), spillAt = ref.getInt() & 0xffffffffL;
                MemoryWrite copy = proven.computeIfAbsent(id,
                        v -> java.util.Optional.ofNullable(copies.proven(v, tid, args[0], readNow.get(v)))).orElse(null);
                if (copy != null && offset >= 0 && offset + result <= copy.length()) {
                    int content = index.computeIfAbsent(id, v -> {
                        contents.add(copy);
                        return contents.size() - 1;
                    });
                    BufferedReadRefs.putRef(out, nr, result, args, content, offset);
                    continue;
                }
                if (spilled == null) spilled = mem.readBulk(slot + spillStart, spill);
                int len = (int) result, from = (int) (spillAt - spillStart);
                if (from < 0 || from > spilled.length - len) throw damaged(number, tid);
                out.putInt((HEADER + len + 7) & ~7).putInt(nr).putLong(result);
                for (long a : args) out.putLong(a);
                out.putInt(len).putInt(0).put(spilled, from, len);
                out.position((out.position() + 7) & ~7);
            }
        }
        byte[] records = java.util.Arrays.copyOf(out.array(), out.position());
        return new BufferedCallsEvent(number, tid, count, records, contents);
    }

    /**
     * Whether any of count library records is flagged (SB_ZEROS or SB_FILEREAD; short records are
     * kept as they are). Reads of /dev/zero reserve no spill room (sbuf6), so a flush with spill 0
     * can still hold them.
     */
    private static boolean anyFlagged(int count, byte[] lib) {
        ByteBuffer in = ByteBuffer.wrap(lib).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0, at = 0; i < count; i++) {
            if (at > lib.length - 8) return true; // damaged: let event()'s scan say so
            int size = in.getInt(at);
            if ((in.getInt(at + 4) & (SB_ZEROS | SB_FILEREAD)) != 0) return true;
            if (size < BufferedCallsEvent.SHORT_HEADER + 8) return true;
            at += size;
        }
        return false;
    }

    /**
     * Checks the records' shape (the program could have written over its buffer), adds the bytes
     * read from each file version to read, and returns the most the trace records can take.
     */
    private static int scan(long number, int tid, int count, ByteBuffer in, Map<FileIdentity, Long> read) {
        long capacity = 0;
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 8) throw damaged(number, tid);
            int at = in.position(), size = in.getInt(), flagged = in.getInt();
            if ((flagged & BufferedCallsEvent.SHORT) != 0) {
                if (!BufferedCallsEvent.shortRecordSize(size) || size > in.limit() - at || (flagged & (SB_ZEROS | SB_FILEREAD)) != 0) {
                    throw damaged(number, tid);
                }
                capacity += size;
                in.position(at + size);
                continue;
            }
            if (in.remaining() < HEADER - 8) throw damaged(number, tid);
            long result = in.getLong();
            boolean file = (flagged & SB_FILEREAD) != 0, ref = file || (flagged & SB_ZEROS) != 0;
            if (size < HEADER || size > in.limit() - at || ref && (result <= 0 || result > SyscallBufferLayout.SLOT_SIZE)
                    || file && size != HEADER + FILEREF) {
                throw damaged(number, tid);
            }
            if (file) read.merge(identity(ByteBuffer.wrap(in.array(), at + HEADER, FILEREF).order(ByteOrder.LITTLE_ENDIAN)), result, Long::sum);
            // a file read may keep its bytes inline; a read of zeros is always a reference record
            capacity += file ? Math.max(BufferedReadRefs.REF_RECORD, HEADER + result + 8) : ref ? BufferedReadRefs.REF_RECORD : size;
            in.position(at + size);
        }
        return (int) capacity;
    }

    private static io.jrrtui.util.JrrException damaged(long number, int tid) {
        return new io.jrrtui.util.JrrException("the syscall buffer of task " + tid + " is damaged (at event " + number
                + "): did the program write over it?");
    }

    /** Reads the version fields of a struct sb_fileref (leaving the buffer at its offset field). */
    private static FileIdentity identity(ByteBuffer ref) {
        long dev = ref.getLong(), ino = ref.getLong(), size = ref.getLong();
        long mtime = ref.getLong() * 1_000_000_000L + ref.getLong(), ctime = ref.getLong() * 1_000_000_000L + ref.getLong();
        return new FileIdentity(dev, ino, size, mtime, ctime);
    }
}
