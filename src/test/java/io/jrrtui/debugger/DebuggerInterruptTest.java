package io.jrrtui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.target.InterruptedOperation;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C: a long command stops at a safe point and the session goes on from there. */
class DebuggerInterruptTest {
    @TempDir
    Path tmp;

    @Test
    void aLongGotoIsInterruptedAndTheSessionStaysUsable() throws Exception {
        Path dir = tmp.resolve("trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", dir.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                Jrr.binary("bench_loop").toString(), "1000", "200000");
        assertEquals(0, r.status(), r.errText());
        try (Debugger d = ReplayDebugger.open(TraceReader.open(dir), 1, OutputSink.DISCARD)) {
            long last = d.eventCount();
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try {
                    d.gotoEvent(last - 1);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(300);
            d.interrupt();
            Throwable t = run.get(60, TimeUnit.SECONDS);
            assertTrue(t instanceof InterruptedOperation, "interrupted: " + t);
            assertTrue(t.getMessage().startsWith("Interrupted at event "), t.getMessage());
            long at = d.currentEvent();
            assertTrue(at > 1 && at < last - 1, "stopped part way: " + at);
            assertEquals(last - 1, d.gotoEvent(last - 1).event(), "the session goes on");
        }
    }
}
