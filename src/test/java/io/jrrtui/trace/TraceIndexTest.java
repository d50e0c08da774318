package io.jrrtui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import io.jrrtui.util.JrrException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event index: {@link TraceReader#eventsAfter} lands on every event exactly as reading from
 * the start does, through the written index, without it, and with a damaged one.
 */
class TraceIndexTest {
    @TempDir
    static Path tmp;
    static Path trace;
    static List<String> sequential = new ArrayList<>();

    @BeforeAll
    static void record() {
        // 40 lines 40 ms apart: the 0.5 s flush cuts the events into several blocks
        trace = Jrr.recordQuietly(tmp.resolve("t"), tmp.resolve("o"), "ft_ticker", "40", "40");
        try (TraceReader.EventCursor c = TraceReader.open(trace).events()) {
            for (Event e = c.next(); e != null; e = c.next()) sequential.add(e.number() + " " + e.describe());
        }
    }

    private static void everyPositionMatches() {
        TraceReader reader = TraceReader.open(trace);
        for (int n = 0; n < sequential.size(); n++) {
            try (TraceReader.EventCursor c = reader.eventsAfter(n)) {
                Event e = c.next();
                assertEquals(sequential.get(n), e.number() + " " + e.describe(), "after event " + n);
            }
        }
        try (TraceReader.EventCursor c = reader.eventsAfter(sequential.size())) {
            assertNull(c.next());
        }
        assertThrows(JrrException.class, () -> reader.eventsAfter(sequential.size() + 1));
    }

    @Test
    void theRecordingHasSeveralIndexedBlocks() {
        EventIndex ix = EventIndex.load(trace);
        assertTrue(ix.size() >= 3, "blocks: " + ix.size());
        assertEquals(1, ix.firstEvent(0));
        assertEquals(ix.size(), BlockLabel.scan(trace.resolve(TraceFormat.EVENTS), true).size());
    }

    @Test
    void seekingMatchesReadingFromTheStart() {
        everyPositionMatches();
    }

    @Test
    void aMissingOrDamagedIndexIsRebuiltFromTheBlockLabels() throws Exception {
        Path index = trace.resolve(TraceFormat.INDEX);
        byte[] saved = Files.readAllBytes(index);
        try {
            try (RandomAccessFile f = new RandomAccessFile(index.toFile(), "rw")) {
                f.seek(12 + 24 + 8); // the second entry's events offset
                f.writeLong(5);
            }
            everyPositionMatches();
            Files.delete(index);
            everyPositionMatches();
        } finally {
            Files.write(index, saved);
        }
    }
}
