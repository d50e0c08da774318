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

/** MAP_SHARED|MAP_ANONYMOUS memory on replay: shared with forked children, never with a checkpoint. */
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
}
