package io.jrrtui.replay;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.SysvSegment;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The replay's System V shared memory segments, one per segment id of the recording, for every
 * process of the replay: a process that attaches a recorded id (after fork, after exec, or
 * unrelated to the creator) attaches the same segment, so writes alias across processes as they
 * did. shmget and shmctl are emulated (the program keeps seeing the recorded ids and states); only
 * shmat and shmdt run for real, against these segments.
 */
final class SysvSegments implements AutoCloseable {
    private static final long SYS_SHMGET = 29, SYS_SHMCTL = 31;
    private static final int IPC_RMID = 0;

    private final Map<Integer, SysvSegment> byRecordedId = new HashMap<>();
    /** Recorded ids removed by IPC_RMID: a later shmget returning one of them made a new segment. */
    private final Set<Integer> removed = new HashSet<>();

    /**
     * The segment for recorded id, made with size bytes on its first attach. Later attaches reuse
     * it (their recorded contents are written into it again, which changes nothing while the
     * replay follows the recording).
     */
    SysvSegment forRecorded(int recordedId, long size) {
        return byRecordedId.computeIfAbsent(recordedId, id -> SysvSegment.create(size));
    }

    /** Follows a replayed (emulated) shmget or shmctl that succeeded. */
    void follow(long syscall, Registers regs, long result) {
        if (syscall == SYS_SHMCTL && ((int) regs.arg(1) & ~0x100) == IPC_RMID) {
            removed.add((int) regs.arg(0));
        } else if (syscall == SYS_SHMGET && removed.remove((int) result)) {
            SysvSegment old = byRecordedId.remove((int) result);
            if (old != null) old.close(); // the recorded kernel reused the id: a new segment
        }
    }

    @Override
    public void close() {
        for (SysvSegment seg : byRecordedId.values()) seg.close();
        byRecordedId.clear();
    }
}
