package io.jrrtui.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jrrtui.testsupport.Jrr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Threads, processes and signals in CPU loops (experimental): each program is recorded with
 * --experimental-tasks and replayed with -a; output and status must be byte-identical, including
 * spinning threads and SIGALRM in a syscall-free loop (found again, or put back from the recorded
 * memory). Not yet in the list: exit_group while a thread spins (mt_exit_group) and exec from a
 * non-main thread (mt_thread_exec); see src/docs/architecture.md.
 */
class MultiTaskRecordReplayTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"err_fork", "mt_fork_pipe", "mt_condvar", "mt_mutex_log", "mt_futex_barrier",
        "mt_blocking_threads", "mt_exec", "mt_fork_threads", "mt_kill_child", "mt_clone_raw", "mt_thread_signal",
        "mt_signalfd", "mt_racy_counter", "mt_vfork_exec", "mt_child_signal", "mt_spin_flag", "mt_sigalrm_loop",
        "mt_itimer"})
    void replayReproducesRecording(String name) throws IOException {
        Path trace = tmp.resolve(name);
        Path out = tmp.resolve(name + ".out");
        Path err = tmp.resolve(name + ".err");
        Jrr.Run rec = Jrr.run("record", "-q", "--experimental-tasks", "-o", trace.toString(), "--stdin", "/dev/null",
                "--stdout", out.toString(), "--stderr", err.toString(), "--", Jrr.binary(name).toString());
        assertEquals("", rec.errText(), name + ": jrrtui record reported a problem");
        Jrr.Run replay = Jrr.run("replay", "-a", trace.toString());
        assertEquals(rec.status(), replay.status(), name + ": replay exit status\n" + replay.errText());
        assertEquals(Files.readString(out), replay.outText(), name + ": replayed stdout");
        assertArrayEquals(Files.readAllBytes(err), replay.err(), name + ": replayed stderr");

        // nondeterministic programs: a second recording differs, so the replay above really
        // reproduced its recording (the racy counter's nondeterminism needs chaos mode: see
        // MultiTaskCommandsTest)
        String source = Files.readString(Jrr.source(name));
        if (source.matches("(?s).*NONDETERMINISTIC:\\s*yes.*") && !name.equals("mt_racy_counter")) {
            Path out2 = tmp.resolve(name + ".out2");
            Jrr.Run rec2 = Jrr.run("record", "-q", "--experimental-tasks", "-o", tmp.resolve(name + "-2").toString(), "--stdin",
                    "/dev/null", "--stdout", out2.toString(), "--stderr", tmp.resolve(name + ".err2").toString(), "--",
                    Jrr.binary(name).toString());
            assertEquals("", rec2.errText());
            org.junit.jupiter.api.Assertions.assertNotEquals(Files.readString(out), Files.readString(out2),
                    name + " is marked NONDETERMINISTIC but two recordings printed the same");
        }
    }

    /**
     * A search for a preemption point is bounded in time (a task spinning where it cannot reach
     * the point was waited for forever): with a bound of 0 every point is put in place from the
     * recorded state, with 1 ms most searches are cut short by the deadline's SIGSTOP, which the
     * replay must never deliver. Either way the chaos recording of the racy counter (hundreds of
     * preemptions, four threads) replays to the same lost updates.
     */
    @org.junit.jupiter.api.Test
    void preemptionPointsPutInPlaceWhenTheSearchRunsOutOfTimeReplayTheSameRun() throws IOException {
        Path trace = tmp.resolve("racy");
        Path out = tmp.resolve("racy.out");
        Jrr.Run rec = chaosRecording("mt_racy_counter", trace, out, 10);
        System.setProperty("jrrtui.replay.exactPreemptions", "false"); // search, as for a trace without XSAVE state
        try {
            for (String ms : new String[] {"0", "1"}) {
                System.setProperty("jrrtui.replay.preemptionSearchMs", ms);
                Jrr.Run replay = Jrr.run("replay", "-a", trace.toString());
                assertEquals(rec.status(), replay.status(), "bound " + ms + " ms: " + replay.errText());
                assertEquals(Files.readString(out), replay.outText(), "bound " + ms + " ms");
            }
        } finally {
            System.clearProperty("jrrtui.replay.preemptionSearchMs");
            System.clearProperty("jrrtui.replay.exactPreemptions");
        }
    }

    /**
     * Preemption points in the middle of floating-point loops (at -O2 each running sum is in an
     * SSE register): the trace holds each point's XSAVE state, and replay puts the threads there
     * at once (no search) or after searching; either way the sums come out to the last bit.
     * Without the XSAVE state put back, this replay diverged at the write of the sums.
     */
    @org.junit.jupiter.api.Test
    void threadsSwitchedOutInVectorRegisterLoopsReplayTheSameSums() throws IOException {
        Path trace = tmp.resolve("fp");
        Path out = tmp.resolve("fp.out");
        Jrr.Run rec = chaosRecording("mt_fp_stretch-O2", trace, out, 1);
        assertEquals(0, rec.status(), rec.errText());
        for (String exact : new String[] {"true", "false"}) {
            System.setProperty("jrrtui.replay.exactPreemptions", exact);
            try {
                Jrr.Run replay = Jrr.run("replay", "-a", trace.toString());
                assertEquals(0, replay.status(), "exact " + exact + ": " + replay.errText());
                assertEquals(Files.readString(out), replay.outText(), "exact " + exact);
            } finally {
                System.clearProperty("jrrtui.replay.exactPreemptions");
            }
        }
    }

    /** Records program in chaos mode into trace (stdout to out); at least minPreempts threads switched out in user code. */
    private static Jrr.Run chaosRecording(String program, Path trace, Path out, int minPreempts) {
        Jrr.Run rec = Jrr.run("record", "-q", "--chaos", "-o", trace.toString(), "--stdin", "/dev/null", "--stdout",
                out.toString(), "--", Jrr.binary(program).toString());
        assertEquals("", rec.errText());
        int preempts = Jrr.run("dump", trace.toString()).outText().split("preempted at", -1).length - 1;
        org.junit.jupiter.api.Assertions.assertTrue(preempts >= minPreempts, "chaos mode switched threads in user code: " + preempts);
        return rec;
    }
}
