package io.jrrtui.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.testsupport.Jrr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: jrrtui in a real terminal (tmux 160x50), driven by send-keys and read with
 * capture-pane, hunting the corruption in test-binaries/dbg_corrupt.c. It is an integration test
 * (failsafe, after {@code package}) running the packaged {@code target/jrrtui replay --tui TRACE}
 * exactly as a person would; skipped where tmux is missing (.ci/run installs it). With
 * {@code -Djrrtui.it.tuimain=true} it runs the test-only launcher {@link TuiMain} instead.
 */
class TuiTmuxIT {
    private static final long WAIT_MILLIS = 60_000;
    private final String socket = "jrrtui-it-" + ProcessHandle.current().pid();
    private boolean serverStarted;

    @TempDir
    Path tmp;

    @AfterEach
    void killServer() throws Exception {
        if (serverStarted) tmux("kill-server");
    }

    @Test
    void huntTheCorruptionInTmux() throws Exception {
        Path project = Path.of(System.getProperty("jrrtui.projectDir", "."));
        Path jar = project.resolve("target/jrrtui.jar");
        assumeTrue(onPath("tmux"), "tmux is not installed: the end-to-end terminal test cannot run");
        assumeTrue(Files.isRegularFile(jar), "target/jrrtui.jar is missing: run mvn package first");
        Path trace = TuiHarness.record(tmp);
        // The real launcher and CLI (this runs after package); -Djrrtui.it.tuimain=true uses the test-only main.
        String command = !Boolean.getBoolean("jrrtui.it.tuimain")
                ? quote(project.resolve("target/jrrtui").toString()) + " replay --tui " + quote(trace.toString())
                : "java -Djrrtui.native=" + quote(project.resolve("target/native").toString())
                        + " -Djrrtui.home=" + quote(project.resolve("target").toString())
                        + " -cp " + quote(project.resolve("target/classes") + ":" + project.resolve("target/test-classes") + ":" + jar)
                        + " io.jrrtui.tui.TuiMain " + quote(trace.toString());
        startTui(command);
        keys(":break main", "Enter");
        waitFor("Breakpoint 1 at");
        keys("c");
        String s = waitFor("Source: dbg_corrupt.c:35");
        assertTrue(s.contains("B>   35      int work = 0;"), s);
        keys("n");
        waitFor("Source: dbg_corrupt.c:36");
        keys("N");
        s = waitFor("Source: dbg_corrupt.c:35");
        assertTrue(s.contains("reverse"), s);
        keys("g", "20", "Enter");
        waitFor(" event 20/");
        keys(":break report", "Enter");
        waitFor("Breakpoint 2 at");
        keys("c");
        waitFor("Source: dbg_corrupt.c:35"); // event 20 is before main: breakpoint 1 again
        keys("c");
        waitFor("Source: dbg_corrupt.c:29");
        keys("w", "counter", "Enter");
        waitFor("counter = -1000");
        keys(":watch counter", "Enter");
        waitFor("atchpoint 3: counter");
        keys("C");
        s = waitFor("Source: dbg_corrupt.c:18");
        assertTrue(s.contains("counter = -1000;     /* CULPRIT"), s);
        assertTrue(s.contains("counter = 435   (was -1000)"), s);
        assertTrue(s.contains("#0  scribble (i=37) at dbg_corrupt.c:18"), s);
        Files.writeString(tmp.resolve("hunt-screen.txt"), s);
        keys("q");
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (tmux("list-sessions").contains("hunt") && System.currentTimeMillis() < deadline) Thread.sleep(100);
        assertTrue(!tmux("list-sessions").contains("hunt:"), "q did not end the TUI");
    }

    /**
     * Threads: a breakpoint in a worker stops in that thread (named in the Threads pane and the
     * status bar); Enter on thread 1 in the Threads pane selects it and Source and Backtrace follow.
     */
    @Test
    void switchThreadsInTheThreadsPane() throws Exception {
        replayInTui("mt_shared_turns", "turns");
        keys(":break write_shared", "Enter");
        waitFor("Breakpoint 1 at");
        keys("c");
        String s = waitFor("Source: mt_shared_turns.c:");
        // "first" is created last (the program starts its threads in reverse), so it is thread 4
        assertTrue(s.matches("(?s).*thread 4 \\(LWP \\d+\\).*"), "the status bar names the worker: " + s);
        assertTrue(s.contains("#0  write_shared"), s);
        assertTrue(s.matches("(?s).*\\* ?4  LWP \\d+ \"first\".*"), "Threads pane marks the worker, with its name: " + s);
        keys("7"); // focus the Threads pane; its cursor starts on the first row: thread 1
        tmux("send-keys", "-t", "hunt", "Home");
        keys("Enter");
        s = waitFor("thread 1 (LWP");
        assertTrue(s.contains("in main") || s.matches("(?s).*#\\d+ .*main \\(\\) at mt_shared_turns.c:\\d+.*"), "Backtrace follows thread 1: " + s);
        assertTrue(!s.contains("#0  write_shared"), "Backtrace no longer shows the worker's frame: " + s);
        Files.writeString(tmp.resolve("threads-screen.txt"), s);
        keys("q");
    }

    /**
     * Issue 18: the timeline shows syscalls decoded as strace does; at event 1 the Source pane says
     * there is no source instead of repeating the disassembly; the end of the recording says how the
     * program ended; Enter on an output line lands on the program's source line that wrote it (not
     * in libc's write.c), with the libc frames still in the Backtrace pane.
     */
    @Test
    void decodedTimelineJumpToSourceAndTheEnd() throws Exception {
        replayInTui("tui_levels", "levels");
        String s = waitFor("cursor at event 1 ");
        assertTrue(s.contains("No source: _start has no line information."), "event 1: no second disassembly: " + s);
        assertTrue(s.contains("brk(NULL) = 0x"), "syscalls decoded: " + s);
        Files.writeString(tmp.resolve("timeline-screen.txt"), s);
        // the timeline filter: only the matching events (the loader's cpuid events, on CPUs that
        // fault on cpuid, push the first openat off the unfiltered first screen)
        keys("/", "ld.so.cache", "Enter");
        s = waitFor("filter \"ld.so.cache\":");
        s = waitFor("openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3");
        assertTrue(s.contains("close(3</etc/ld.so.cache>) = 0"), "fds carry their file: " + s);
        assertTrue(!s.contains("brk(NULL)"), "other events are filtered out: " + s);
        keys("/", "Enter");
        waitFor("cursor at event");
        keys("g", "99999", "Enter");
        s = waitFor("The program exited with status 0 at event");
        assertTrue(!s.contains("0x0000000000000000 in ?? ()"), s);
        keys("8");
        tmux("send-keys", "-t", "hunt", "Home", "Down", "Down", "Enter");
        s = waitFor("Source: tui_levels.c:10");
        assertTrue(s.contains("no source; showing #"), "one quiet line names the frames without source: " + s);
        assertTrue(s.matches("(?s).*> #\\d+ +report \\(step=3\\) at tui_levels.c:10.*"), "the program's frame is selected: " + s);
        assertTrue(s.contains("#0  __libc_write"), "libc frames stay in the Backtrace pane: " + s);
        assertTrue(s.contains("write(1, \"step 3 level 6\\n\", 15) = 15"), "the write decoded with its bytes: " + s);
        Files.writeString(tmp.resolve("jump-screen.txt"), s);
        // an SGR (1006) mouse click on the scrubber bar, as modern terminals send it, goes there in time
        int bar = 2 + (int) s.lines().takeWhile(l -> !l.startsWith("-4 Timeline")).count(); // 1-based row
        String barRow = s.lines().skip(bar - 1).findFirst().orElse("");
        long events = Long.parseLong(s.replaceAll("(?s).* event \\d+/(\\d+) .*", "$1"));
        int col = barRow.indexOf('o') + 1; // 0-based: a cell of the program's output writes
        long clicked = Scrubber.eventAt(col, barRow.indexOf('|'), events);
        keys("\033[<0;" + (col + 1) + ";" + bar + "M", "\033[<0;" + (col + 1) + ";" + bar + "m");
        s = waitFor(" event " + clicked + "/");
        assertTrue(s.contains("Source: tui_levels.c:10"), "the click is a jump: it lands on source too: " + s);
        keys("q");
    }

    /**
     * Issue 18: a watchpoint set from the console shows in the Watch pane with its value over the
     * whole recording (a sparkline), and Enter on a chosen point goes to that very write.
     */
    @Test
    void watchpointValueOverTimeInTheWatchPane() throws Exception {
        replayInTui("tui_levels", "levels");
        keys(":watch -l level", "Enter");
        String s = waitFor("13 values, 0 .. 21");
        assertTrue(s.contains("write 12/12 at event"), s);
        assertTrue(s.contains("level = 3"), "the last value: " + s);
        assertTrue(s.matches("(?s).*_+[.,\\-+*=]*#[#*+=\\-,.]*[.,].*"), "the sparkline rises to 21 and falls to 3: " + s);
        Files.writeString(tmp.resolve("watch-screen.txt"), s);
        keys("5");
        tmux("send-keys", "-t", "hunt", "Down", "Left", "Left", "Left", "Left", "Left", "Left", "Left");
        waitFor("write 5/12 at event");
        keys("Enter");
        s = waitFor("New value = 15");
        assertTrue(s.contains("Old value = 10"), s);
        assertTrue(s.contains("Source: tui_levels.c:16"), "stopped right after the write in main: " + s);
        keys("q");
    }

    /**
     * Issue 18: the scrubber marks where things happen (signals, thread switches, output, and the
     * breakpoint stops seen so far), with a one-line legend, and the timeline's rows carry the same marks.
     */
    @Test
    void timelineMarksSignalsThreadSwitchesAndStops() throws Exception {
        replayInTui("mt_thread_signal", "signal");
        String s = waitFor("[@ now ^ cursor B break W watch S signal T thread switch o output]");
        String bar = s.lines().dropWhile(l -> !l.startsWith("-4 Timeline")).skip(1).findFirst().orElse("");
        // after the signal only thread switches and output (the output's cell may hold a switch, whose mark wins)
        assertTrue(bar.matches("@\\.+T[.T]*S[.To]*\\|.*"), "threads switch, then the signal, output after it: " + bar);
        keys(":break on_usr2", "Enter");
        waitFor("Breakpoint 1 at");
        keys("c");
        s = waitFor("received signal SIGUSR2");
        assertTrue(s.matches("(?s).*S> +\\d+  signal +t\\d+ +signal SIGUSR2.*"), "the signal's row is marked: " + s);
        keys("c");
        s = waitFor("on_usr2 (sig=");
        assertTrue(s.matches("(?s).*B> +\\d+  signal +t\\d+ +signal SIGUSR2.*"), "a breakpoint stop outranks the signal: " + s);
        keys("g", "1", "Enter");
        s = waitFor(" event 1/");
        bar = s.lines().dropWhile(l -> !l.startsWith("-4 Timeline")).skip(1).findFirst().orElse("");
        assertTrue(bar.matches("@\\.+T[.T]*B.*o.*"), "the stop stays marked on the scrubber: " + bar);
        Files.writeString(tmp.resolve("marks-screen.txt"), s);
        keys("q");
    }

    /**
     * Issue 18: a move longer than half a second shows how far it got with an estimate in the status
     * bar, and stays interruptible: Ctrl-C stops it and the panes show at once where it got to.
     */
    @Test
    void longMoveShowsProgressAndCtrlCRedrawsWhereItStopped() throws Exception {
        replayInTui("bench_million", "fifty", "50000", "100"); // 50,000 getppid events: a jump takes seconds
        keys("g", "45000", "Enter");
        String s = waitWhileBusyFor("(Ctrl-C stops)");
        String status = s.lines().reduce((a, b) -> b).orElse("");
        assertTrue(status.matches(".*go to event 45000 \\d+\\.\\ds +event \\d+/45000( \\d+% ~(<1|\\d+)s left)? +\\(Ctrl-C stops\\).*"),
                "progress with an estimate: " + status);
        tmux("send-keys", "-t", "hunt", "C-c");
        s = waitFor("Interrupted at event");
        String at = s.replaceAll("(?s).*Interrupted at event (\\d+)\\..*", "$1");
        assertTrue(s.matches("(?s).* event " + at + "/\\d+ .*"), "the status bar shows where the move stopped: " + s);
        assertTrue(s.contains("cursor at event " + at + " "), "so does the timeline: " + s);
        keys("q");
    }

    /**
     * Issue 18: b on a function's opening line puts the breakpoint where gdb does (the first line of
     * the body, and says so), b there again removes it; u after a jump comes back to the exact
     * moment; h then H leaves no stale "hidden" message.
     */
    @Test
    void breakOnAnOpeningLineUndoAndShowAll() throws Exception {
        replayInTui("tui_levels", "levels");
        keys(":break report", "Enter");
        waitFor("Breakpoint 1 at");
        keys("c");
        String s = waitFor("Source: tui_levels.c:9");
        String stoppedAt = s.replaceAll("(?s).* event (\\d+)/\\d+ .*", "$1");
        keys("1");
        tmux("send-keys", "-t", "hunt", "Down", "Down", "Down", "Down"); // the cursor from line 9 to 13: int main(void) {
        keys("b");
        s = waitFor("Breakpoint 2 at");
        assertTrue(s.contains("file tui_levels.c, line 14."), "gdb's line: the body's first: " + s);
        assertTrue(s.contains("B    14      for (int step = 1;"), "marked where it is: " + s);
        keys("b");
        s = waitForGone("B    14"); // b on the same line removes it
        assertTrue(s.contains("B>    9"), "breakpoint 1 stays: " + s);
        keys("g", "50", "Enter");
        waitFor(" event 50/");
        keys("u");
        s = waitFor(" event " + stoppedAt + "/");
        assertTrue(s.contains("Source: tui_levels.c:9") && s.contains("#0  report (step=1) at tui_levels.c:9"), "back at the very stop: " + s);
        keys("2", "h");
        waitFor("Disassembly hidden (2 or H shows it)");
        keys("H");
        s = waitFor("all panes shown");
        assertTrue(!s.contains("hidden (2 or H"), s);
        Files.writeString(tmp.resolve("undo-screen.txt"), s);
        keys("q");
    }

    /** Polls the screen for text, also while the TUI is working (status-bar progress). */
    private String waitWhileBusyFor(String text) throws Exception {
        return waitFor(text, true);
    }

    /** Records test-binaries/binary (with args) into tmp/name and opens the recording in the TUI (skipped without tmux or a package). */
    private void replayInTui(String binary, String name, String... args) throws Exception {
        Path project = Path.of(System.getProperty("jrrtui.projectDir", "."));
        assumeTrue(onPath("tmux"), "tmux is not installed: the end-to-end terminal test cannot run");
        assumeTrue(Files.isRegularFile(project.resolve("target/jrrtui.jar")), "target/jrrtui.jar is missing: run mvn package first");
        Path trace = tmp.resolve(name);
        List<String> command = new ArrayList<>(List.of("record", "-q", "-n", "-o", trace.toString(), "--stdout", tmp.resolve("out").toString(),
                "--", Jrr.binary(binary).toString()));
        command.addAll(List.of(args));
        Jrr.Run r = Jrr.run(command.toArray(String[]::new));
        assertTrue(r.status() == 0, r.errText());
        startTui(quote(project.resolve("target/jrrtui").toString()) + " replay --tui " + quote(trace.toString()));
    }

    /** Runs command in a 160x50 tmux session with its own config home and waits for the first screen. */
    private void startTui(String command) throws Exception {
        tmux("new-session", "-d", "-s", "hunt", "-x", "160", "-y", "50", "env XDG_CONFIG_HOME=" + quote(tmp.toString()) + " " + command);
        serverStarted = true;
        waitFor("? for help");
    }

    private String waitFor(String text) throws Exception {
        return waitFor(text, false);
    }

    /**
     * The screen once it shows text (and, unless whileBusy, the TUI is idle) and two captures agree:
     * a capture can fall in the middle of a redraw, with half the rows written.
     */
    private String waitFor(String text, boolean whileBusy) throws Exception {
        return waitUntil(screen -> screen.contains(text), "showed \"" + text + "\"", whileBusy);
    }

    /** The idle screen once text is no longer on it. */
    private String waitForGone(String text) throws Exception {
        return waitUntil(screen -> !screen.contains(text), "lost \"" + text + "\"", false);
    }

    private String waitUntil(java.util.function.Predicate<String> wanted, String what, boolean whileBusy) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String screen = "";
        String previous = null;
        while (System.currentTimeMillis() < deadline) {
            screen = tmux("capture-pane", "-p", "-t", "hunt");
            boolean shown = wanted.test(screen) && (whileBusy || !screen.contains("working:"));
            if (shown && (whileBusy || screen.equals(previous))) return screen;
            previous = shown ? screen : null;
            Thread.sleep(40);
        }
        return fail("tmux screen never " + what + ":\n" + screen);
    }

    /** send-keys: literal text, or a key name such as Enter. */
    private void keys(String... keys) throws Exception {
        for (String k : keys) {
            if (k.equals("Enter")) tmux("send-keys", "-t", "hunt", "Enter");
            else tmux("send-keys", "-t", "hunt", "-l", k);
        }
    }

    private String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("tmux " + String.join(" ", args) + " hung");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

}
