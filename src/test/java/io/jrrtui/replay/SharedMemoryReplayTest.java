package io.jrrtui.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MAP_SHARED|MAP_ANONYMOUS memory and System V segments on replay: shared with forked children,
 * never with a checkpoint.
 */
class SharedMemoryReplayTest {
    @TempDir
    Path tmp;

    @Test
    void childrenWritesShowInTheParentAndCheckpointsStopAtTheSharedMapping() throws Exception {
        Path dir = tmp.resolve("trace");
        Path out = tmp.resolve("out");
        Jrr.recordQuietly(dir, out, "fc_shared_anon_fork");
        assertTrue(Files.readString(out).contains("counter 4000, slots 100 200 300 400, private page 1"));
        ByteArrayOutputStream replayed = new ByteArrayOutputStream();
        TraceReader trace = TraceReader.open(dir);
        try (ReplaySession s = ReplaySession.start(trace, (e, tid, stream, data) -> replayed.writeBytes(data))) {
            String refusal = null;
            for (long k = s.currentEvent(); refusal == null && k < s.eventCount(); k++) {
                s.runToEvent(k);
                try {
                    s.discard(s.checkpoint());
                } catch (JrrException e) {
                    refusal = e.getMessage();
                }
            }
            assertNotNull(refusal, "a checkpoint must be refused somewhere");
            // the mapping comes before the first fork: it is what stops checkpoints first
            assertTrue(refusal.contains("writable shared mapping"), refusal);
            s.runToEvent(Long.MAX_VALUE);
        }
        assertArrayEquals(Files.readAllBytes(out), replayed.toByteArray());
    }

    /**
     * fc_sysv_shm_fork: the parent's attachment shows what the child wrote through its inherited
     * attachment and its own; checkpoints stop at the first shmat; replayed again from a checkpoint
     * made before it, the segment reads the same at the same event.
     */
    @Test
    void systemVSegmentsAliasAcrossProcessesAndReplayAgainFromAnEarlierCheckpoint() throws Exception {
        Path dir = tmp.resolve("sysv");
        Path out = tmp.resolve("sysv.out");
        Jrr.recordQuietly(dir, out, "fc_sysv_shm_fork");
        ByteArrayOutputStream replayed = new ByteArrayOutputStream();
        try (ReplaySession s = ReplaySession.start(TraceReader.open(dir), (e, tid, stream, data) -> replayed.writeBytes(data))) {
            io.jrrtui.target.Checkpoint start = s.checkpoint();
            long attachedAt = 0;
            long statEvent = 0;
            String refusal = null;
            for (long k = s.currentEvent(); statEvent == 0 && k < s.eventCount(); k++) {
                if (s.nextEvent() instanceof io.jrrtui.trace.SyscallEvent sc) { // the parent attaches first; only it calls shmctl
                    if (sc.name().equals("shmat") && attachedAt == 0) attachedAt = sc.result();
                    if (sc.name().equals("shmctl")) statEvent = sc.number();
                }
                s.runToEvent(s.currentEvent() + 1);
                if (attachedAt != 0 && refusal == null) {
                    try {
                        s.discard(s.checkpoint());
                    } catch (JrrException e) {
                        refusal = e.getMessage();
                    }
                }
            }
            assertTrue(attachedAt != 0 && statEvent != 0, "the trace has the parent's shmat and shmctl");
            assertNotNull(refusal, "a checkpoint with a segment attached must be refused");
            assertTrue(refusal.contains("shared"), refusal);
            String seen = segmentText(s, attachedAt);
            assertEquals("written by the parent before fork|written by the parent after fork"
                    + "|written by the child through the inherited attachment|written by the child through its own attachment", seen);
            s.restore(start);
            s.runToEvent(statEvent);
            assertEquals(seen, segmentText(s, attachedAt), "replayed again from the start checkpoint");
            s.runToEvent(Long.MAX_VALUE);
        }
        assertTrue(new String(replayed.toByteArray()).endsWith("child status 0\n"), replayed.toString());
    }

    /** The four texts fc_sysv_shm_fork writes into its segment, as the parent's attachment holds them. */
    private static String segmentText(ReplaySession s, long addr) {
        StringBuilder b = new StringBuilder();
        for (int offset : new int[] {0, 50, 100, 5000}) {
            byte[] m = s.readMemory(addr + offset, 64);
            int len = 0;
            while (len < m.length && m[len] != 0) len++;
            if (b.length() > 0) b.append('|');
            b.append(new String(m, 0, len, java.nio.charset.StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
