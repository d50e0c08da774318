package io.jrrtui.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import io.jrrtui.testsupport.SettledFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In-process syscall buffering ({@code record --syscall-buffer}, issue 13): hot calls run without a
 * stop, become one event per stretch, replay without a stop and reproduce the recording byte for
 * byte — with threads, fork, exec, signals and blocking calls in other threads.
 */
class SyscallBufferTest {
    @TempDir
    Path tmp;

    private record Recorded(Path trace, Jrr.Run run, Path out, Path err) {}

    private Recorded record(String name, String... args) {
        return recordWith("--syscall-buffer", name, args);
    }

    /** Records name with bufferFlag (--syscall-buffer, or -n for the ptrace path). */
    private Recorded recordWith(String bufferFlag, String name, String... args) {
        Path trace = tmp.resolve(name);
        Path out = tmp.resolve(name + ".out");
        Path err = tmp.resolve(name + ".err");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("record", "-q", bufferFlag, "-o",
                trace.toString(), "--stdin", "/dev/null", "--stdout", out.toString(), "--stderr", err.toString(), "--",
                Jrr.binary(name).toString()));
        cmd.addAll(java.util.List.of(args));
        Jrr.Run run = Jrr.run(cmd.toArray(new String[0]));
        assertEquals("", run.errText(), name + ": jrrtui record reported a problem");
        return new Recorded(trace, run, out, err);
    }

    private static void assertReplays(Recorded r, String name) throws IOException {
        Jrr.Run replay = Jrr.run("replay", "-a", r.trace().toString());
        assertEquals(r.run().status(), replay.status(), name + ": replay exit status\n" + replay.errText());
        assertEquals(Files.readString(r.out()), replay.outText(), name + ": replayed stdout");
        assertArrayEquals(Files.readAllBytes(r.err()), replay.err(), name + ": replayed stderr");
    }

    @Test
    void syscallLoopIsBufferedAndReplaysWithoutAStopPerCall() throws IOException {
        Recorded r = record("bench_sysloop", "3000"); // 12000 calls: read, write, fstat, clock_gettime
        assertEquals(0, r.run().status());
        String dump = Jrr.run("dump", r.trace().toString()).outText();
        Matcher events = Pattern.compile("events\\s+(\\d+)").matcher(dump);
        assertTrue(events.find(), dump.substring(0, Math.min(400, dump.length())));
        // without buffering every call is an event (>12000, plus an lseek per rewind); with it a
        // flush comes only when the buffer fills, and the start-up's own calls remain
        assertTrue(Integer.parseInt(events.group(1)) < 300, "events " + events.group(1));
        assertTrue(Pattern.compile("\\| lseek\\(3(<[^>]*>)?, 0, SEEK_SET\\) = 0").matcher(dump).find(), "dump does not list the buffered rewinds");
        assertTrue(dump.contains(" buffered "), "no buffered-calls event in the dump");
        assertTrue(Pattern.compile("\\| read\\(3(<[^>]*>)?, ").matcher(dump).find(), "dump does not list the buffered reads");
        assertTrue(dump.contains("| clock_gettime(CLOCK_MONOTONIC, "), "dump does not list the buffered clock reads");
        String json = Jrr.run("dump", "--json", r.trace().toString()).outText();
        assertTrue(json.contains("\"kind\":\"buffered\",\"calls\":[{\"name\":"), "json dump lacks the buffered calls");
        assertReplays(r, "bench_sysloop");
    }

    /**
     * A recording whose first buffered read names another descriptor than the program uses: the
     * library notices on replay and the divergence names the event and both calls.
     */
    @Test
    void aBufferedCallThatDiffersIsADivergenceNamingTheCall() throws IOException {
        // args[0] of the first record: read(3, ...) becomes read(4, ...)
        assertAlteredCallDiverges(record("bench_sysloop", "50"), 0, 7, "read(3, ", "read(4, ");
    }

    /**
     * Replays r with the first argument of the first call of the first flush that starts with call nr
     * xor'ed with flip: the replay must diverge at that flush, naming the call made and the one recorded.
     */
    private void assertAlteredCallDiverges(Recorded r, int nr, int flip, String made, String recorded) throws IOException {
        Path altered = tmp.resolve("altered");
        long flushEvent = alterFirstArgument(r, altered, nr, flip);
        assertTrue(flushEvent > 0, "no flush starting with call " + nr);
        Jrr.Run replay = Jrr.run("replay", "-a", altered.toString());
        assertEquals(3, replay.status(), replay.errText());
        assertTrue(replay.errText().contains("diverged at event " + flushEvent + ": buffered call 1 of "), replay.errText());
        assertTrue(replay.errText().contains("the program made " + made) && replay.errText().contains("the recording has " + recorded),
                replay.errText());
    }

    /**
     * Copies r's trace to altered with the first argument of the first record of the first flush
     * that starts with call nr xor'ed with flip; returns that flush's event number (-1: none).
     */
    private static long alterFirstArgument(Recorded r, Path altered, int nr, int flip) throws IOException {
        io.jrrtui.trace.TraceReader reader = io.jrrtui.trace.TraceReader.open(r.trace());
        long flushEvent = -1;
        try (io.jrrtui.trace.TraceWriter w = new io.jrrtui.trace.TraceWriter(altered, reader.info());
                io.jrrtui.trace.TraceReader.EventCursor c = reader.events()) {
            io.jrrtui.trace.Event e;
            while ((e = c.next()) != null) {
                if (flushEvent < 0 && e instanceof io.jrrtui.trace.BufferedCallsEvent b && b.calls().get(0).nr() == nr) {
                    byte[] recs = b.records().clone();
                    boolean isShort = (ByteBuffer.wrap(recs).order(ByteOrder.LITTLE_ENDIAN).getInt(4) & io.jrrtui.trace.BufferedCallsEvent.SHORT) != 0;
                    recs[isShort ? 8 : 16] ^= (byte) flip; // args[0] of a short record or of a plain one
                    e = new io.jrrtui.trace.BufferedCallsEvent(b.number(), b.tid(), b.count(), recs);
                    flushEvent = b.number();
                }
                w.write(e);
            }
            for (io.jrrtui.trace.Mapping m : reader.mappings()) w.writeMapping(m);
            w.finish(reader.info().exitStatus(), reader.info().endReason());
        }
        Files.copy(r.trace().resolve("exe"), altered.resolve("exe"));
        return flushEvent;
    }

    /**
     * Clock reads are short records (sbuf6): 40 bytes instead of 72, so one flush holds more than the
     * 7280 plain records a 512 KB slot could; the trace keeps them short (event kind 12) and the
     * dump shows them as calls, and they replay.
     */
    @Test
    void clockReadsTakeShortRecordsInTheSlot() throws IOException {
        Recorded r = record("bench_clock", "30000");
        assertEquals(0, r.run().status());
        String dump = Jrr.run("dump", r.trace().toString()).outText();
        Matcher flushes = Pattern.compile("buffered \\d+ calls? \\(clock_gettime x(\\d+)").matcher(dump);
        int most = 0;
        while (flushes.find()) most = Math.max(most, Integer.parseInt(flushes.group(1)));
        assertTrue(most > 10_000, "at most " + most + " clock reads in one flush");
        assertTrue(dump.contains("| clock_gettime(CLOCK_MONOTONIC, 0x"), "the trace does not show the clock reads");
        assertReplays(r, "bench_clock");
    }

    /** A short record that differs from the call the program makes is a divergence naming both (the library's check of the short form). */
    @Test
    void aShortRecordThatDiffersIsADivergenceNamingTheCall() throws IOException {
        // args[0] of the first record: CLOCK_MONOTONIC (1) becomes CLOCK_BOOTTIME (7)
        assertAlteredCallDiverges(record("bench_clock", "20000"), 228, 6, "clock_gettime(1, ", "clock_gettime(7, ");
    }

    /** Breakpoints, continue and reverse-continue across stretches of buffered calls. */
    @Test
    void debuggingGoesForwardAndBackOverBufferedCalls() throws IOException {
        Recorded r = record("bench_sysloop", "300");
        Path cmds = tmp.resolve("cmds");
        Files.writeString(cmds, "break bench_sysloop.c:36\ncontinue\nprint i\ncontinue\nprint i\nreverse-continue\nprint i\n");
        Jrr.Run run = Jrr.run("replay", "--repl", "-x", cmds.toString(), r.trace().toString());
        String out = run.outText();
        assertTrue(out.contains("$1 = 0") && out.contains("$2 = 1") && out.contains("$3 = 0"), out + run.errText());
    }

    @Test
    void theProgramDoesNotSeeThePreload() throws IOException {
        Path probe = tmp.resolve("env.out");
        Jrr.Run run = Jrr.run("record", "-q", "--syscall-buffer", "-o", tmp.resolve("env").toString(), "--stdout",
                probe.toString(), "--", "/usr/bin/env");
        assertEquals(0, run.status(), run.errText());
        String env = Files.readString(probe);
        assertTrue(env.contains("PATH="), env);
        assertTrue(!env.contains("libjrrpreload") && !env.contains("JRR_PRELOAD"), "the library shows in the environment:\n" + env);
    }

    /**
     * Threads, processes, exec, signals, blocking calls: the ptrace corpus, recorded with buffering.
     * Not yet here: mt_thread_signal (sometimes diverges at a restart_syscall under the filter) and
     * mt_kill_child (replay can stall at the end): see src/docs/architecture.md.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rr_copy", "rr_fileio", "rr_stat", "rr_time", "rr_pipe", "rr_environ", "rr_segv", "rr_raise",
        "mt_fork_pipe", "mt_condvar", "mt_mutex_log", "mt_blocking_threads", "mt_exec", "mt_fork_threads", "mt_vfork_exec",
        "mt_sigalrm_loop", "mt_itimer", "bench_threads", "mt_spin_flag"})
    void corpusReplaysWithBuffering(String name) throws IOException {
        assertReplays(record(name), name);
    }

    /**
     * Buffering is the default; -n / --no-syscall-buffer records every call with a stop, as before.
     * A sample of the corpus across files, clocks, pipes, signals, threads and processes.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bench_sysloop", "rr_fileio", "rr_time", "rr_pipe", "rr_segv", "mt_fork_pipe", "mt_condvar",
        "mt_exec", "mt_vfork_exec", "mt_sigalrm_loop", "mt_thread_signal", "bench_threads"})
    void corpusReplaysWithoutBuffering(String name) throws IOException {
        Recorded r = recordWith(name.equals("bench_sysloop") ? "--no-syscall-buffer" : "-n", name);
        assertTrue(!Jrr.run("dump", r.trace().toString()).outText().contains(" buffered "), name + ": -n still buffered calls");
        assertReplays(r, name);
    }

    /**
     * The library follows exec: a shell's cat reads a regular file through the buffer (in a process
     * whose program never named the library), and the exec'd programs do not see it either.
     */
    @Test
    void programsStartedByExecAreBufferedToo() throws IOException {
        Path trace = tmp.resolve("sh");
        Path out = tmp.resolve("sh.out");
        Path file = Jrr.source("bench_sysloop");
        Jrr.Run run = Jrr.run("record", "-q", "--syscall-buffer", "-o", trace.toString(), "--stdout", out.toString(), "--",
                "/bin/sh", "-c", "cat " + file + " | wc -c; env");
        assertEquals(0, run.status(), run.errText());
        String env = Files.readString(out);
        assertTrue(env.contains("PATH=") && !env.contains("libjrrpreload"), "the library shows in an exec'd environment:\n" + env);
        String dump = Jrr.run("dump", trace.toString()).outText();
        Matcher cat = Pattern.compile("tid (\\d+)\\s+exec \\S*/cat ").matcher(dump);
        assertTrue(cat.find(), "no exec of cat in the dump");
        assertTrue(Pattern.compile("tid " + cat.group(1) + "\\s+buffered \\d+ calls? \\([^)]*read").matcher(dump).find(),
                "cat's reads of a regular file were not buffered");
        Jrr.Run replay = Jrr.run("replay", "-a", trace.toString());
        assertEquals(0, replay.status(), replay.errText());
        assertEquals(env, replay.outText());
    }

    /**
     * stdio reads through libc's internal __read, which symbol interposition misses: the library
     * redirects libc's read itself, so md5sum's fread of a regular file is buffered.
     */
    @Test
    void stdioReadsInsideLibcAreBuffered() throws IOException {
        Path trace = tmp.resolve("md5");
        Path out = tmp.resolve("md5.out");
        Jrr.Run run = Jrr.run("record", "-q", "--syscall-buffer", "-o", trace.toString(), "--stdout", out.toString(), "--",
                "/usr/bin/md5sum", Jrr.source("bench_sysloop").toString());
        assertEquals(0, run.status(), run.errText());
        String dump = Jrr.run("dump", trace.toString()).outText();
        assertTrue(Pattern.compile("buffered \\d+ calls? \\([^)]*read").matcher(dump).find(), "md5sum's stdio reads were not buffered");
        Jrr.Run replay = Jrr.run("replay", "-a", trace.toString());
        assertEquals(0, replay.status(), replay.errText());
        assertEquals(Files.readString(out), replay.outText());
    }

    /**
     * Clock reads (through the vDSO while recording, since sbuf5) are buffered records whose values
     * replay exactly: every clock kind, gettimeofday and time; with "unmap" the program unmaps the
     * vDSO half-way (the library must go back to the syscall, or the program would crash), with
     * "threads" four threads read clocks at once, with "tsc" it makes rdtsc fault (the library must
     * stop calling the vDSO, which reads the TSC).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain", "unmap", "threads", "tsc"})
    void clockReadsReplayExactly(String mode) throws IOException {
        Recorded r = mode.equals("plain") ? record("fc_vdso_clocks") : record("fc_vdso_clocks", mode);
        assertEquals(0, r.run().status(), Files.readString(r.err()));
        String out = Files.readString(r.out());
        assertTrue(out.contains("last time "), out);
        if (mode.equals("unmap")) assertTrue(out.contains("vdso unmapped") && out.contains("after time "), out);
        if (mode.equals("tsc")) assertTrue(out.contains("after time "), out);
        if (mode.equals("threads")) assertEquals(4, Pattern.compile("thread \\d hash \\S+ backwards 0 ").matcher(out).results().count(), out);
        String dump = Jrr.run("dump", r.trace().toString()).outText();
        for (String call : new String[] {"| clock_gettime(CLOCK_MONOTONIC, ", "| clock_gettime(CLOCK_TAI, ", "| gettimeofday(",
            "| time(", "| clock_gettime(CLOCK_PROCESS_CPUTIME_ID, "}) {
            assertTrue(dump.contains(call), "not buffered: " + call);
        }
        assertReplays(r, "fc_vdso_clocks " + mode);
    }

    /**
     * find reads directories through readdir (libc's internal getdents64) and stats through libc's
     * fstatat64 from fdopendir and fts: the library rewrites those wrappers when their bytes are the
     * installed glibc's, and the calls are buffered and replay exactly.
     */
    @Test
    void findsDirectoryReadsAndStatsAreBuffered() throws IOException {
        Path trace = tmp.resolve("find");
        Path out = tmp.resolve("find.out");
        Jrr.Run run = Jrr.run("record", "-q", "--syscall-buffer", "-o", trace.toString(), "--stdout", out.toString(), "--",
                "/usr/bin/find", "/usr/include", "-name", "*.h");
        assertEquals(0, run.status(), run.errText());
        String dump = Jrr.run("dump", trace.toString()).outText();
        org.junit.jupiter.api.Assumptions.assumeTrue(dump.contains("| getdents64("), "this libc's getdents64 is not the one the library rewrites");
        assertTrue(dump.contains("| newfstatat("), "find's stats were not buffered");
        Jrr.Run replay = Jrr.run("replay", "-a", trace.toString());
        assertEquals(0, replay.status(), replay.errText());
        assertEquals(Files.readString(out), replay.outText());
    }

    /**
     * break getdents64 / fstatat64 before the library's constructor ran: libc's entries get no int3
     * (the constructor would find other bytes, leave them unpatched, and the replay diverge) and
     * the calls stop in the library's functions.
     */
    @Test
    void breakpointsOnRewrittenLibcWrappersKeepTheReplayOnTrack() throws IOException {
        Path trace = tmp.resolve("findbp");
        Jrr.Run run = Jrr.run("record", "-q", "--syscall-buffer", "-o", trace.toString(), "--stdout", tmp.resolve("findbp.out").toString(),
                "--", "/usr/bin/find", "/usr/include/linux", "-maxdepth", "1", "-name", "*.h");
        assertEquals(0, run.status(), run.errText());
        org.junit.jupiter.api.Assumptions.assumeTrue(Jrr.run("dump", trace.toString()).outText().contains("| getdents64("),
                "this libc's getdents64 is not the one the library rewrites");
        Path cmds = tmp.resolve("bp");
        // both set before the constructor runs; ld.so's own fstatat64 (it stats the libraries) is passed over
        Files.writeString(cmds, "break getdents64\nbreak fstatat64\ndisable 2\ncontinue\nenable 2\ncontinue\ncontinue\ncontinue\n");
        Jrr.Run replay = Jrr.run("replay", "--repl", "-x", cmds.toString(), trace.toString());
        String out = replay.outText() + replay.errText();
        assertTrue(!out.contains("diverged"), out);
        assertTrue(Pattern.compile("Breakpoint 1, getdents64 \\(.*jrr-syscallbuf\\.c").matcher(out).find(), out);
        assertTrue(Pattern.compile("Breakpoint 2, fstatat64 \\(.*jrr-syscallbuf\\.c").matcher(out).find(), out);
    }

    @Test
    void bufferingIsTheDefault() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse("0".equals(System.getenv("JRR_SYSCALL_BUFFER")), "JRR_SYSCALL_BUFFER=0");
        Path trace = tmp.resolve("default");
        Jrr.Run run = Jrr.run("record", "-q", "-o", trace.toString(), "--stdout", tmp.resolve("default.out").toString(), "--",
                Jrr.binary("bench_sysloop").toString(), "100");
        assertEquals(0, run.status(), run.errText());
        assertTrue(Jrr.run("dump", trace.toString()).outText().contains(" buffered "), "no buffered calls by default");
    }

    @Test
    void staticProgramFallsBackToStops() throws IOException, InterruptedException {
        Path exe = tmp.resolve("hello-static");
        Process cc = new ProcessBuilder("gcc", "-static", "-O0", "-o", exe.toString(), Jrr.source("bench_sysloop").toString())
                .redirectErrorStream(true).start();
        String log = new String(cc.getInputStream().readAllBytes());
        org.junit.jupiter.api.Assumptions.assumeTrue(cc.waitFor() == 0, "no static libc to link with: " + log);
        Path trace = tmp.resolve("static");
        Path out = tmp.resolve("static.out");
        Jrr.Run run = Jrr.run("record", "-q", "--syscall-buffer", "-o", trace.toString(), "--stdout", out.toString(), "--",
                exe.toString(), "200");
        assertEquals(0, run.status(), run.errText());
        assertTrue(!Jrr.run("dump", trace.toString()).outText().contains(" buffered "), "a static program cannot load the library");
        Jrr.Run replay = Jrr.run("replay", "-a", trace.toString());
        assertEquals(Files.readString(out), replay.outText());
    }

    // ---- reads kept by reference (issue 13, sbuf3) ----

    /** Data files older than FileCopies.SETTLED_NANOS (created once: each costs a wait). */
    @TempDir
    static Path shared;

    private static Path settledData;

    @org.junit.jupiter.api.BeforeAll
    static void settledFiles() throws Exception {
        SettledFiles.create(shared, 600_000, "data.bin", "rewritten.bin", "changed.bin", "deleted.bin");
        settledData = shared.resolve("data.bin");
    }

    /** One of the settled files (the same bytes as data.bin) that one test may change. */
    private static Path settled(String name) {
        return shared.resolve(name);
    }

    private static String sha256(Path file) throws IOException {
        return io.jrrtui.trace.FileStore.hex(io.jrrtui.trace.FileStore.sha256(Files.readAllBytes(file)));
    }

    private static long dataBytes(Path trace) throws IOException {
        return Files.size(trace.resolve("data")) + Files.size(trace.resolve("events"));
    }

    /** read and pread of a settled regular file: stored once, the reads by reference, replayed byte for byte. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"read", "pread"})
    void readsOfARegularFileAreKeptByReference(String mode) throws IOException {
        Recorded r = record("bench_readfile", settledData.toString(), "3000", mode); // 12 MB read, 20 rounds of the file
        assertEquals(0, r.run().status());
        assertTrue(Files.readString(r.out()).startsWith("reads=3000 bytes=12"), Files.readString(r.out()));
        assertTrue(Files.readAllLines(r.trace().resolve("file-refs")).contains(sha256(settledData)), "the file is not stored");
        assertTrue(dataBytes(r.trace()) < 2_000_000, "the reads' bytes are in the trace: " + dataBytes(r.trace()));
        assertReplays(r, "bench_readfile " + mode);
        String dump = Jrr.run("dump", r.trace().toString()).outText();
        assertTrue(Pattern.compile("\\| p?read(64)?\\(3(<[^>]*>)?, 0x[0-9a-f]+, 4096.*\\) = 4096").matcher(dump).find(),
                "dump does not show the referenced reads as reads");
    }

    /** /dev/zero: zeros, no bytes in the trace. */
    @Test
    void readsOfDevZeroKeepNoBytes() throws IOException {
        Recorded r = record("bench_read4k", "5000"); // 20 MB of zeros
        assertEquals("reads=5000 bytes=20480000 nonzero=0\n", Files.readString(r.out()));
        assertTrue(dataBytes(r.trace()) < 500_000, "zeros in the trace: " + dataBytes(r.trace()));
        assertReplays(r, "bench_read4k");
    }

    /**
     * Reads of /dev/zero take no room for bytes in the buffer (sbuf6): 20000 reads of 4 KB are 20000
     * records of 56 bytes, about three flushes; when each reserved its 4 KB it took one every ~120.
     */
    @Test
    void readsOfDevZeroFlushOnlyWhenTheirRecordsFillTheBuffer() throws IOException {
        Recorded r = record("bench_read4k", "20000");
        assertEquals("reads=20000 bytes=81920000 nonzero=0\n", Files.readString(r.out()));
        String dump = Jrr.run("dump", r.trace().toString()).outText();
        Matcher flushes = Pattern.compile("buffered \\d+ calls? \\(read x(\\d+)").matcher(dump);
        int events = 0, reads = 0;
        while (flushes.find()) {
            events++;
            reads += Integer.parseInt(flushes.group(1));
        }
        assertTrue(reads >= 19_990, "buffered reads " + reads);
        assertTrue(events <= 6, events + " flushes of reads of /dev/zero");
        assertReplays(r, "bench_read4k");
    }

    /**
     * The library's descriptor cache (sbuf6) never takes a number for the file it named before:
     * close + open, dup2, dup3, close_range, dup2 in another thread and in a process sharing the
     * descriptor table (clone CLONE_FILES) each re-point a number that named /dev/zero, and the
     * next read must be recorded as what it read. A stale entry would record zeros, and the replay
     * would diverge at the traced call the program makes with a hash of the bytes.
     */
    @Test
    void aDescriptorNumberPointedElsewhereIsNotTakenForItsOldFile() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Jrr.binary("sb_fd_reuse").toString()).redirectErrorStream(true).start();
        String expected = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), expected);
        Recorded r = record("sb_fd_reuse");
        assertEquals(0, r.run().status());
        assertEquals(expected, Files.readString(r.out()));
        assertTrue(expected.contains("CLONE_FILES dup2: 37 bytes: 70 69 70 65"), expected);
        assertReplays(r, "sb_fd_reuse");
    }

    /** The program rewrites the file half way: reads of the new version keep their bytes, replay is exact. */
    @Test
    void aFileTheProgramChangesReplaysExactly() throws IOException {
        Path data = settled("rewritten.bin");
        Recorded r = record("bench_readfile", data.toString(), "3000", "rewrite");
        assertEquals(0, r.run().status(), Files.readString(r.err()));
        assertTrue(Files.readAllLines(r.trace().resolve("file-refs")).contains(sha256(settledData)),
                "the first version was not kept by reference");
        assertTrue(!sha256(data).equals(sha256(settledData)), "the program did not change the file");
        assertReplays(r, "bench_readfile rewrite");
    }

    /**
     * Another process (this test, outside the recording) changes the file in place while the program
     * reads it round and round: reads it cannot prove keep their bytes, replay is exact.
     */
    @Test
    void aFileChangedByAnotherProcessReplaysExactly() throws Exception {
        Path data = settled("changed.bin");
        java.util.concurrent.CompletableFuture<Recorded> rec = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> record("bench_readfile", data.toString(), "150000"));
        long pid = SettledFiles.awaitReader(data, 60_000_000, rec);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(data.toFile(), "rw")) {
            for (int i = 0; i < 6; i++) { // same size, new bytes in the middle: only ctime tells
                f.seek(200_000 + i * 4096L);
                f.write(new byte[] {(byte) (i + 1), 2, 3, 4, 5, 6, 7, 8});
                Thread.sleep(40);
            }
        }
        Recorded r = rec.get();
        assertTrue(pid > 0, "the program had finished before the file was changed");
        assertEquals(0, r.run().status(), Files.readString(r.err()));
        assertReplays(r, "bench_readfile changed by another process");
    }

    /** The file is deleted after the recording: replay reads it from the trace's store. */
    @Test
    void aDeletedFileReplaysFromTheStore() throws IOException {
        Path data = settled("deleted.bin");
        Recorded r = record("bench_readfile", data.toString(), "2000");
        Files.delete(data);
        assertTrue(dataBytes(r.trace()) < 2_000_000, "the reads' bytes are in the trace: " + dataBytes(r.trace()));
        assertReplays(r, "bench_readfile of a deleted file");
    }
}
