package io.jrrtui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.testsupport.Jrr;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorder that dies keeps what it recorded: the packaged {@code target/jrrtui} records
 * ft_ticker (a program printing steadily) and is killed with SIGKILL at random moments, stopped with
 * SIGTERM, or runs out of disk; the trace left behind must replay a prefix of the program's output.
 */
class RecordingFaultsIT {
    @TempDir
    Path tmp;

    private static Path launcher() {
        Path p = Path.of(System.getProperty("jrrtui.projectDir", "."), "target", "jrrtui");
        assumeTrue(Files.isExecutable(p) && Files.isRegularFile(p.resolveSibling("jrrtui.jar")), "run mvn package first");
        return p;
    }

    private Process record(Path trace, Path out, String... programArgs) throws IOException {
        return record(List.of(), trace, out, programArgs);
    }

    /** Records ft_ticker with the packaged launcher, run through {@code wrapper} (e.g. a shell setting a limit). */
    private Process record(List<String> wrapper, Path trace, Path out, String... programArgs) throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(List.of(launcher().toString(), "record", "-q", "-o", trace.toString(), "--", Jrr.binary("ft_ticker").toString()));
        cmd.addAll(List.of(programArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(tmp.resolve("record.err").toFile());
        pb.environment().put("JRR_TRACE_DIR", tmp.resolve("store").toString());
        return pb.start();
    }

    /** Exit status, stdout, stderr of one jrrtui command (bounded: a hang fails the test). */
    record Result(int status, String out, String err) {}

    private Result jrrtui(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher().toString()));
        cmd.addAll(List.of(args));
        File out = tmp.resolve("cmd.out").toFile();
        File err = tmp.resolve("cmd.err").toFile();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("JRR_TRACE_DIR", tmp.resolve("store").toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jrrtui " + String.join(" ", args) + " hung");
        }
        return new Result(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    /** Whether signal sig is ignored in this process (SigIgn of /proc/self/status), so in every child too. */
    private static boolean ignoredHere(int sig) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).strip(), 16) >>> (sig - 1) & 1) != 0;
        }
        return false;
    }

    /** JVM start-up on a loaded machine takes a varying time: the kill moments count from the program's first line. */
    private static void awaitFirstLine(Path out) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Files.size(out) == 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("the recorded program printed nothing in 60 s");
            Thread.sleep(20);
        }
    }

    private static long lines(Path f) throws IOException {
        return Files.readString(f).lines().count();
    }

    @Test
    void sigkillAtRandomMomentsKeepsAReplayablePrefix() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int trial = 0; trial < 3; trial++) {
            Path trace = tmp.resolve("killed-" + trial);
            Path out = tmp.resolve("killed-" + trial + ".out");
            Process rec = record(trace, out, "2000", "10");
            awaitFirstLine(out);
            long runFor = 1200 + random.nextInt(3000); // after the program started printing
            Thread.sleep(runFor - 1000);
            long printedASecondBefore = lines(out);
            Thread.sleep(1000);
            rec.destroyForcibly(); // SIGKILL
            assertTrue(rec.waitFor(20, TimeUnit.SECONDS));
            String what = "trial " + trial + " (seed " + seed + ", killed after " + runFor + " ms)";

            Result replay = jrrtui("replay", "-a", trace.toString());
            assertEquals(2, replay.status(), what + ": " + replay.err());
            assertEquals(1, replay.err().lines().count(), what + ": " + replay.err());
            assertTrue(replay.err().contains("interrupted recording to its end at event"), replay.err());
            String recorded = Files.readString(out);
            assertTrue(recorded.startsWith(replay.out()), what + ": replay is not a prefix of the recorded output");
            assertTrue(replay.out().lines().count() >= printedASecondBefore, what + ": replayed " + replay.out().lines().count()
                    + " lines, but " + printedASecondBefore + " were printed a second before the kill");
            assertTrue(Files.exists(trace.resolve(TraceFormat.INCOMPLETE)), what);
            long kept = TraceReader.open(trace).recoverableEvents();
            assertTrue(kept > 0, what);
            assertTrue(replay.err().contains("event " + kept), what + ": " + replay.err() + " vs " + kept);
        }
    }

    @Test
    void lsShowsAnInterruptedRecordingAsIncompleteWithItsEvents() throws Exception {
        Path store = tmp.resolve("store");
        Path trace = store.resolve("ft_ticker-0");
        Files.createDirectories(store);
        Process rec = record(trace, tmp.resolve("o"), "2000", "10");
        awaitFirstLine(tmp.resolve("o"));
        Thread.sleep(1500);
        rec.destroyForcibly();
        rec.waitFor(20, TimeUnit.SECONDS);
        long kept = TraceReader.open(trace).recoverableEvents();
        Result ls = jrrtui("ls");
        assertEquals(0, ls.status(), ls.err());
        assertTrue(ls.out().contains("incomplete (" + kept + " events)"), ls.out());
    }

    @Test
    void sigtermAndSighupFinishTheRecordingLikeCtrlC() throws Exception {
        for (int sig : new int[] {15, 1}) {
            // started with the signal ignored (e.g. under nohup), the recorder and its program inherit
            // that: the signal does nothing, as nohup means, and there is nothing to test
            if (ignoredHere(sig)) {
                System.err.println("RecordingFaultsIT: signal " + sig + " is ignored by this test's process (nohup?); not tested");
                continue;
            }
            Path trace = tmp.resolve("signalled-" + sig);
            Path out = tmp.resolve("signalled-" + sig + ".out");
            Process rec = record(trace, out, "2000", "10");
            awaitFirstLine(out);
            Thread.sleep(1000);
            // passed to the program, which dies of it; the trace is finished
            Process kill = new ProcessBuilder("kill", "-" + sig, Long.toString(rec.pid())).start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
            assertTrue(rec.waitFor(30, TimeUnit.SECONDS));
            assertEquals(128 + sig, rec.exitValue(), Files.readString(tmp.resolve("record.err")));
            assertFalse(Files.exists(trace.resolve(TraceFormat.INCOMPLETE)), "a recording ended by signal " + sig + " is finished");
            Result replay = jrrtui("replay", "-a", trace.toString());
            // the whole story when this fails: it was seen once, under load, with an empty stderr
            assertEquals(128 + sig, replay.status(), "stderr: " + replay.err() + "; stdout " + replay.out().length() + " of "
                    + Files.readString(out).length() + " chars; header:\n" + Files.readString(trace.resolve(TraceFormat.HEADER))
                    + "\nrecord.err: " + Files.readString(tmp.resolve("record.err")));
            assertEquals(Files.readString(out), replay.out());
        }
    }

    /**
     * A 3 MB tmpfs as the trace's disk when this machine lets us mount one (root), else the same
     * limit as RLIMIT_FSIZE ({@code ulimit -f}: writes then fail with EFBIG instead of ENOSPC).
     */
    @Test
    void fullDiskStopsTheRecordingWithAReplayablePrefix() throws Exception {
        Path mnt = tmp.resolve("small");
        Files.createDirectories(mnt);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mnt.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(20, TimeUnit.SECONDS) && mount.exitValue() == 0;
        List<String> wrapper = mounted ? List.of() : List.of("bash", "-c", "ulimit -f 3072 && exec \"$@\"", "limited");
        try {
            Path trace = mnt.resolve("t");
            Path out = tmp.resolve("full.out");
            Process rec = record(wrapper, trace, out, "200", "5", "64"); // 64 KB of incompressible reads per line
            assertTrue(rec.waitFor(120, TimeUnit.SECONDS));
            String err = Files.readString(tmp.resolve("record.err"));
            assertEquals(2, rec.exitValue(), err);
            assertTrue(err.contains(mounted ? "No space left on device" : "File too large"), err);
            assertEquals(1, err.lines().count(), err);
            Result replay = jrrtui("replay", "-a", trace.toString());
            assertEquals(2, replay.status(), replay.err());
            assertTrue(Files.readString(out).startsWith(replay.out()));
            assertTrue(replay.out().lines().count() > 0, "nothing replayed");
        } finally {
            if (mounted) new ProcessBuilder("umount", mnt.toString()).start().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
