package io.jrrtui.replay;

import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.util.JrrException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What the kernel does to a thread's robust futexes when the thread exits, done by replay: every
 * futex word on the thread's robust list that still names it as owner gets FUTEX_OWNER_DIED (keeping
 * FUTEX_WAITERS), so the next locker sees EOWNERDEAD as it did in the recording. Needed because the
 * replaying kernel knows the thread by another tid than the one stored in the words.
 */
final class RobustFutexes {
    private static final int TID_MASK = 0x3fffffff, OWNER_DIED = 0x40000000, WAITERS = 0x80000000;
    /** The kernel's own bound on a list (ROBUST_LIST_LIMIT), against loops in a corrupt list. */
    private static final int LIMIT = 2048;

    private RobustFutexes() {}

    /** Walks the list at head (struct robust_list_head: next, futex_offset, list_op_pending). */
    static void ownerDied(TraceeMemory mem, long head, int tid) {
        if (head == 0) return;
        try {
            long entry = mem.readLong(head) & ~1L;
            long offset = mem.readLong(head + 8);
            long pending = mem.readLong(head + 16) & ~1L;
            for (int n = 0; entry != head && entry != 0 && n < LIMIT; n++) {
                long next = mem.readLong(entry) & ~1L;
                if (entry != pending) mark(mem, entry + offset, tid);
                entry = next;
            }
            if (pending != 0) mark(mem, pending + offset, tid);
        } catch (JrrException unreadable) {
            // the kernel gives up on an unreadable list the same way
        }
    }

    private static void mark(TraceeMemory mem, long word, int tid) {
        int value = ByteBuffer.wrap(mem.read(word, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if ((value & TID_MASK) != tid) return;
        int marked = (value & WAITERS) | OWNER_DIED;
        mem.write(word, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(marked).array());
    }
}
