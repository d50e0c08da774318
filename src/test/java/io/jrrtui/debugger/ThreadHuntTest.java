package io.jrrtui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hunts people use a time-travel debugger for, in multi-threaded programs, end to end through
 * {@code record} and {@code replay --batch}: stops in any thread name it and select it; watchpoints
 * see every thread's writes, forward and backward; a recording stopped with SIGINT ends with every
 * thread there to inspect.
 */
class ThreadHuntTest {
    @TempDir
    Path root;

    @BeforeEach
    void store() {
        System.setProperty("jrrtui.traceDir", root.toString());
    }

    @AfterEach
    void noStore() {
        System.clearProperty("jrrtui.traceDir");
    }

    private Path record(String program, String... args) {
        String[] argv = new String[args.length + 3];
        argv[0] = "record";
        argv[1] = "-q";
        argv[2] = Jrr.binary(program).toString();
        System.arraycopy(args, 0, argv, 3, args.length);
        Jrr.Run r = Jrr.run(argv);
        assertEquals(0, r.status(), r.errText());
        return latest();
    }

    private Path latest() {
        List<Path> all = new TraceStore(root).list();
        return all.get(all.size() - 1);
    }

    private String batch(Path trace, String... commands) throws Exception {
        Path script = root.resolve("cmds-" + System.nanoTime() + ".gdb");
        Files.writeString(script, String.join("\n", commands) + "\n");
        Jrr.Run r = Jrr.run("replay", "--batch", "-x", script.toString(), trace.toString());
        String out = r.outText() + r.errText();
        assertFalse(out.contains("diverged"), out);
        assertFalse(out.contains("Exception"), out);
        return out;
    }

    @Test
    void sharedStateWatchVisitsEachThreadsWriteBackwards() throws Exception {
        Path trace = record("mt_shared_turns");
        String out = batch(trace, "break mt_shared_turns.c:41", "continue", "print turn_value", "watch -l turn_value",
                "reverse-continue", "reverse-continue", "reverse-continue", "reverse-continue");
        assertTrue(out.contains("$1 = 33"), out);
        // gdb's reverse watchpoint report: the value as it was, then as it is after moving back over the write
        List<String> hits = hits(out);
        assertEquals(List.of("third 33 22", "second 22 11", "first 11 0"), hits, out);
        assertTrue(out.contains("No more reverse-execution history."), out);
    }

    @Test
    void breakpointInAWorkerStopsThatThreadAndThreadCommandsSeeAllThreads() throws Exception {
        Path trace = record("mt_shared_turns");
        String out = batch(trace, "break write_shared", "continue", "info threads", "print value", "thread 1", "bt",
                "thread apply all bt", "continue", "print value", "continue", "print value");
        // the three writers in turn order, each naming its thread
        Matcher m = Pattern.compile("Thread (\\d+) \"(\\w+)\" hit Breakpoint 1, write_shared \\(value=(\\d+)\\)").matcher(out);
        StringBuilder seen = new StringBuilder();
        while (m.find()) seen.append(m.group(2)).append('=').append(m.group(3)).append(' ');
        assertEquals("first=11 second=22 third=33 ", seen.toString(), out);
        // info threads: four threads, the stopped one selected, main waits in pthread_join
        // gdb's target ids with glibc: the thread pointer, then the LWP
        assertTrue(out.matches("(?s).*\\* \\d+ +Thread 0x\\p{XDigit}+ \\(LWP \\d+\\) \"first\" +write_shared \\(value=11\\).*"), out);
        assertEquals(4, count(out, "(?m)^[* ] \\d+ +Thread 0x\\p{XDigit}+ \\(LWP \\d+\\) "), out);
        // thread 1 is the program's main thread: its stack reaches main through pthread_join
        assertTrue(out.matches("(?s).*\\[Switching to thread 1 \\(Thread 0x\\p{XDigit}+ \\(LWP \\d+\\)\\)\\].*in main \\(\\) at mt_shared_turns.c:\\d+.*"), out);
        assertTrue(out.contains("Thread 1 (Thread 0x"), out);
        assertTrue(out.contains("writer_thread (arg="), out);
    }

    @Test
    void raceHuntWatchNamesTheWritingThreadWithRightValues() throws Exception {
        // a chaos recording: whether or not it lost updates, the hunt must name the writers right
        Jrr.Run r = Jrr.run("record", "-q", "--chaos", Jrr.binary("mt_race_small").toString(), "2000");
        assertTrue(r.status() == 0 || r.status() == 1, r.errText());
        Path trace = latest();
        String out = batch(trace, "break mt_race_small.c:33", "continue", "print counter", "watch -l counter",
                "reverse-continue", "print counter", "reverse-continue", "print counter");
        Matcher total = Pattern.compile("\\$1 = (\\d+)").matcher(out);
        assertTrue(total.find(), out);
        long last = Long.parseLong(total.group(1));
        Matcher m = Pattern.compile("Thread \\d+ \"mt_race_small\" hit Hardware watchpoint 2: -location counter\\s+Old value = (\\d+)\\s+New value = (\\d+)").matcher(out);
        // reverse, as gdb reports it: Old value is the value after the write, New value the one before it
        assertTrue(m.find(), out);
        assertEquals(last, Long.parseLong(m.group(1)), "the last write made the final value: " + out);
        long before = Long.parseLong(m.group(2));
        assertTrue(out.substring(m.end()).contains("$2 = " + before), "stopped before the write: " + out);
        assertTrue(m.find(), out);
        assertEquals(before, Long.parseLong(m.group(1)), "the write before it made the value it overwrote: " + out);
    }

    @Test
    void deadlockRecordingStoppedBySigintEndsWithBothThreadsBlocked() throws Exception {
        // record in this JVM on another thread; SIGINT to the program (as Ctrl-C would send) ends it
        Path out0 = root.resolve("deadlock.out");
        java.util.concurrent.CompletableFuture<Jrr.Run> recording = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                Jrr.run("record", "-q", "--stdout", out0.toString(), "--", Jrr.binary("mt_deadlock").toString()));
        long until = System.currentTimeMillis() + 60_000;
        while (!(Files.exists(out0) && Files.readString(out0).contains("left has m1") && Files.readString(out0).contains("right has m2"))) {
            assertTrue(System.currentTimeMillis() < until, "the program did not reach the deadlock");
            Thread.sleep(50);
        }
        Thread.sleep(300); // both now block in their second lock
        ProcessHandle tracee = ProcessHandle.current().descendants()
                .filter(h -> h.info().command().orElse("").endsWith("mt_deadlock")).findFirst().orElseThrow();
        new ProcessBuilder("kill", "-INT", Long.toString(tracee.pid())).start().waitFor();
        Jrr.Run rec = recording.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(130, rec.status(), "record exits as the program did (killed by SIGINT): " + rec.errText());
        String out = batch(latest(), "continue", "info threads", "thread apply all bt", "print m1.__data.__lock",
                "watch -l m1.__data.__lock", "reverse-continue", "bt", "reverse-continue", "bt");
        assertTrue(out.contains("The recording ends here (program killed by SIGINT)."), out);
        assertEquals(3, count(out, "(?m)^[* ] \\d+ +Thread 0x\\p{XDigit}+ \\(LWP \\d+\\) "), out);
        String atEnd = out.substring(0, out.indexOf("Hardware watchpoint 1: -location"));
        assertEquals(2, count(atEnd, "take_second \\(m="), "both threads wait in their second lock: " + out);
        assertTrue(out.contains("in left (arg=") && out.contains("in right (arg="), out);
        // the last write to m1's lock word: right() found it taken and marked it contended (1 -> 2;
        // reported in reverse as gdb does: Old value 2, New value 1)
        Matcher contended = Pattern.compile("Thread \\d+ \"mt_deadlock\" hit Hardware watchpoint 1: -location m1.__data.__lock\\s+Old value = 2\\s+New value = 1").matcher(out);
        assertTrue(contended.find(), out);
        assertTrue(out.substring(contended.end()).contains("right (arg="), "bt of the waiting thread shows right(): " + out);
        // who took m1: one more step back is the write that locked it, in the thread running left()
        Matcher m = Pattern.compile("Thread \\d+ \"mt_deadlock\" hit Hardware watchpoint 1: -location m1.__data.__lock\\s+Old value = 1\\s+New value = 0").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(out.substring(m.end()).contains("left (arg="), "bt of the locking thread shows left(): " + out);
    }

    /** Going back from a signal stop: the previous instruction is the syscall that sent the signal. */
    @Test
    void reverseStepiFromASignalStopLandsOnTheSyscallThatRaisedIt() throws Exception {
        Path trace = record("rr_raise");
        String out = batch(trace, "continue", "reverse-stepi", "x/i $pc", "reverse-stepi", "continue");
        assertTrue(out.contains("Program received signal SIGUSR1"), out);
        assertTrue(out.matches("(?s).*=> 0x[0-9a-f]+ <__pthread_kill_implementation\\+\\d+>:\\s+syscall.*"), out);
        assertEquals(2, count(out, "Program received signal SIGUSR1"), "forward again reaches the same signal: " + out);
    }

    @Test
    void stepiFromASignalStopEntersTheHandlerAndReverseStepiComesBack() throws Exception {
        // gdb: stepping from a signal stop delivers the signal and stops at the handler's first
        // instruction; the step's trap there is the kernel's handler-entry notification, not a
        // signal of the program's (it used to be reported as a divergence)
        Path trace = record("rr_raise");
        String out = batch(trace, "continue", "stepi", "bt 3", "stepi 3", "print sig", "reverse-stepi 4", "x/i $pc");
        assertTrue(out.contains("Program received signal SIGUSR1"), out);
        assertTrue(out.matches("(?s).*#0  handler \\(sig=\\d+\\) at rr_raise\\.c:14.*"), out);
        // gdb's frame for the kernel's signal trampoline, then the interrupted code
        assertTrue(out.matches("(?s).*#1  <signal handler called>\\n#2  [^\\n]*__pthread_kill_implementation.*"), out);
        assertTrue(out.contains("$1 = 10"), "the handler's argument after its prologue: " + out);
        assertFalse(out.contains("diverged"), out);
        assertTrue(out.matches("(?s).*=> 0x[0-9a-f]+ <__pthread_kill_implementation\\+\\d+>:.*"), "back at the signal stop: " + out);
    }

    @Test
    void aWatchpointSetAtASignalStopKeepsTheSignal() throws Exception {
        // setting the watch injects mprotect at the signal's delivery stop: the kernel used to forget
        // the signal, the handler never ran and replay diverged at its rt_sigreturn
        Path trace = record("rr_raise");
        String out = batch(trace, "continue", "watch -l norder", "continue", "print hits[10]", "continue");
        assertTrue(out.contains("Program received signal SIGUSR1"), out);
        assertTrue(out.matches("(?s).*Old value = 0\nNew value = 1\n[^\n]* in handler \\(sig=10\\) at rr_raise\\.c:16.*"), out);
        assertTrue(out.contains("$1 = 1"), out);
    }

    @Test
    void syscallUserDispatchReplaysAndCanBeDebuggedBackwards() throws Exception {
        // the SIGSYS that dispatch raises is a fault-like event; the prctl runs for real on replay, and
        // the debugger's own injected calls (page protection for the watch) are not dispatched
        Path trace = record("fc_syscall_user_dispatch");
        String out = batch(trace, "break on_sigsys", "continue", "continue", "when", "watch -l trapped", "continue",
                "continue", "continue", "print trapped", "reverse-continue", "reverse-continue", "print trapped", "when");
        assertTrue(out.contains("Program received signal SIGSYS, Bad system call."), out);
        assertTrue(out.matches("(?s).*Breakpoint 1, on_sigsys \\(sig=31, .*"), out);
        // forward: the first handler's write, the second SIGSYS, the second handler entry
        assertTrue(out.matches("(?s).*Old value = 0\nNew value = 1\n.*"), out);
        assertTrue(out.contains("$1 = 1"), "the second handler has not written yet: " + out);
        // backwards from there: the breakpoint of the second handler is where we are, so the write
        // of the first handler comes first, as gdb reports going back (Old = after the write)
        assertTrue(out.matches("(?s).*Old value = 1\nNew value = 0\n.*"), out);
        assertTrue(out.contains("$2 = 0"), out);
    }

    @Test
    void nextInTheOutermostFunctionWithoutLinesRunsOnAsGdbDoes() throws Exception {
        // _start never returns: gdb's next runs until something stops it (here the program's signal);
        // it used to refuse with finish's "not meaningful in the outermost frame"
        Path trace = record("rr_raise");
        String out = batch(trace, "next", "bt 1");
        assertFalse(out.contains("not meaningful"), out);
        assertTrue(out.contains("Program received signal SIGUSR1"), out);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** "thread old new" for every watchpoint stop, in order. */
    private static List<String> hits(String out) {
        Matcher m = Pattern.compile("Thread \\d+ \"(\\w+)\" hit Hardware watchpoint \\d+: [^\\n]+\\s+Old value = (-?\\d+)\\s+New value = (-?\\d+)").matcher(out);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) found.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        return found;
    }
}
