package io.jrrtui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line of record / replay -a: its words, and that output never shares its line. */
class StderrProgressTest {
    @Test
    void anEstimateWhenTheEndIsKnownARateWhenNot() {
        assertEquals("replaying: event 3000/12000 25% ~6s left", StderrProgress.text("replaying", 3000, 12000, 2.0));
        assertEquals("replaying: event 11990/12000 99% ~<1s left", StderrProgress.text("replaying", 11990, 12000, 2.0));
        assertEquals("replaying: event 0/12000 0%", StderrProgress.text("replaying", 0, 12000, 0.5), "no rate yet: no guess");
        assertEquals("recording: 4000 events, 2000/s", StderrProgress.text("recording", 4000, 0, 2.0));
    }

    @Test
    void drawnAfterHalfASecondErasedForOutputAndAtTheEnd() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicLong events = new AtomicLong(10);
        try (StderrProgress p = StderrProgress.start(true, err, "replaying", events::get, 100)) {
            assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing for a short run");
            long deadline = System.currentTimeMillis() + 10_000;
            while (!bytes.toString(StandardCharsets.UTF_8).contains("event 10/100") && System.currentTimeMillis() < deadline) Thread.sleep(50);
            p.aroundOutput(() -> err.print("hello\n"));
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\rreplaying: event 10/100 10%"), shown);
        assertTrue(shown.contains("\033[K\r\033[Khello\n"), "erased before the output: " + shown);
        String after = shown.substring(shown.lastIndexOf('\n') + 1);
        assertTrue(after.isEmpty() || after.endsWith("\r\033[K"), "not left on the screen at the end: " + shown);
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        try (StderrProgress p = StderrProgress.start(false, new PrintStream(none), "replaying", events::get, 100)) {
            p.aroundOutput(() -> { });
        }
        assertEquals(0, none.size(), "-q or no terminal: nothing");
    }
}
