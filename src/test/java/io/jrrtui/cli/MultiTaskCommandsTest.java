package io.jrrtui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** record --until-fail, and ps over a recording with several processes. */
class MultiTaskCommandsTest {
    @TempDir
    Path root;

    @Test
    void untilFailKeepsOnlyTheFirstFailingRunAndItReplaysToTheSameFailure() throws Exception {
        System.setProperty("jrrtui.traceDir", root.toString());
        try {
            // uf_flaky fails one run in four: 200 passing runs in a row would happen once in 10^25
            Jrr.Run r = Jrr.run("record", "-q", "--until-fail", "200", "--stdout", root.resolve("out").toString(), "--",
                    Jrr.binary("uf_flaky").toString());
            assertEquals(1, r.status(), r.errText());
            assertTrue(r.errText().matches("(?s)jrrtui: run \\d+ of 200 failed with status 1; its recording is .*"), r.errText());
            List<Path> kept = new TraceStore(root).list();
            assertEquals(1, kept.size(), "the passing recordings are deleted");
            Jrr.Run replay = Jrr.run("replay", "-a", kept.get(0).toString());
            assertEquals(1, replay.status());
            assertEquals(Files.readString(root.resolve("out")), replay.outText());
            assertTrue(replay.outText().contains("FAIL"), replay.outText());
        } finally {
            System.clearProperty("jrrtui.traceDir");
        }
    }

    @Test
    void chaosModeAndUntilFailCatchTheRacyCounterAndTheRecordingReplaysTheFailure() throws Exception {
        System.setProperty("jrrtui.traceDir", root.toString());
        try {
            // 4 threads increment a counter without a lock: one thread at a time never loses an
            // update, but chaos mode switches threads between the load and the store
            Jrr.Run r = Jrr.run("record", "-q", "--chaos", "--until-fail", "20", "--stdout", root.resolve("out").toString(),
                    "--", Jrr.binary("mt_racy_counter").toString());
            assertEquals(1, r.status(), r.errText());
            String failed = Files.readString(root.resolve("out"));
            assertTrue(failed.matches("counter=\\d+ expected=40000000 lost=[1-9]\\d*\n"), failed);
            List<Path> kept = new TraceStore(root).list();
            assertEquals(1, kept.size());
            Jrr.Run replay = Jrr.run("replay", "-a", kept.get(0).toString());
            assertEquals(1, replay.status(), replay.errText());
            assertEquals(failed, replay.outText(), "the kept recording replays to the same failure");
        } finally {
            System.clearProperty("jrrtui.traceDir");
        }
    }

    @Test
    void replayFollowsAForkedChildWithDashF() throws Exception {
        Path trace = root.resolve("fp");
        Jrr.Run r = Jrr.run("record", "-q", "-o", trace.toString(), "--stdout", root.resolve("o").toString(), "--",
                Jrr.binary("mt_fork_pipe").toString());
        assertEquals(0, r.status(), r.errText());
        String child = Jrr.run("ps", trace.toString()).outText().split("\n")[2].split("\\s+")[0];
        Path script = root.resolve("cmds");
        Files.writeString(script, "break exit\ncontinue\nprint status\nreverse-continue\nquit\n");
        Jrr.Run dbg = Jrr.run("replay", "--batch", "-x", script.toString(), "-f", child, trace.toString());
        assertTrue(dbg.outText().contains("Breakpoint 1, exit (status=7)"), dbg.outText() + dbg.errText());
        assertTrue(dbg.outText().contains("$1 = 7"), dbg.outText());
        assertTrue(dbg.outText().contains("No more reverse-execution history."), dbg.outText());
        assertTrue(Jrr.run("replay", "--batch", "-x", script.toString(), "-f", "99999", trace.toString()).errText()
                .contains("no process 99999 in this recording"));
    }

    @Test
    void psListsTheProcessesOfARecording() {
        Path trace = root.resolve("t");
        Jrr.Run r = Jrr.run("record", "-q", "--experimental-tasks", "-o", trace.toString(), "--stdout",
                root.resolve("o").toString(), "--", Jrr.binary("mt_vfork_exec").toString());
        assertEquals(0, r.status(), r.errText());
        Jrr.Run ps = Jrr.run("ps", trace.toString());
        assertEquals(0, ps.status(), ps.errText());
        String[] lines = ps.outText().split("\n");
        assertTrue(lines[0].startsWith("PID"), lines[0]);
        assertTrue(lines.length >= 5, ps.outText());
        assertTrue(ps.outText().contains("exit 5") && ps.outText().contains("exit 127") && ps.outText().contains("/echo"), ps.outText());
    }
}
