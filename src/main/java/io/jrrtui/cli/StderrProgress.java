package io.jrrtui.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * One progress line on a terminal's stderr while {@code record} or {@code replay -a} runs: drawn
 * with a carriage return (no scrolling) from half a second on, four times a second, by a daemon
 * thread sampling an event counter (a racy read of one long: display only), and erased at the end.
 * Output that goes to the same terminal while it is shown must go through {@link #aroundOutput},
 * which erases the line first, so the two never share a line.
 */
final class StderrProgress implements AutoCloseable {
    private static final long FIRST_NANOS = 500_000_000L;
    private static final long PERIOD_MILLIS = 250;
    private static final StderrProgress NONE = new StderrProgress(null, null, () -> 0, 0);

    private final PrintStream err;
    private final String what;
    private final LongSupplier events;
    private final long goal;
    private final long start = System.nanoTime();
    private final Thread ticker;
    private boolean shown;

    private StderrProgress(PrintStream err, String what, LongSupplier events, long goal) {
        this.err = err;
        this.what = what;
        this.events = events;
        this.goal = goal;
        this.ticker = err == null ? null : new Thread(this::tick, "jrrtui-progress");
    }

    /**
     * Starts showing "what: event N/goal P% ~Ts left" (goal 0: unknown, "what: N events, R/s") on
     * err; when not enabled, a progress that shows nothing.
     */
    static StderrProgress start(boolean enabled, PrintStream err, String what, LongSupplier events, long goal) {
        if (!enabled) return NONE;
        StderrProgress p = new StderrProgress(err, what, events, goal);
        p.ticker.setDaemon(true);
        p.ticker.start();
        return p;
    }

    /** Whether fd (0, 1 or 2) of this process is a terminal (its /proc link names a tty device). */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void tick() {
        try {
            Thread.sleep(FIRST_NANOS / 1_000_000);
            while (!Thread.currentThread().isInterrupted()) {
                draw();
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException done) {
            // closed
        }
    }

    private synchronized void draw() {
        if (err == null || ticker.isInterrupted()) return;
        err.print("\r" + text(what, events.getAsLong(), goal, (System.nanoTime() - start) / 1e9) + "\033[K");
        err.flush();
        shown = true;
    }

    private synchronized void erase() {
        if (!shown) return;
        err.print("\r\033[K");
        err.flush();
        shown = false;
    }

    /** Writes program output: the progress line is erased first and drawn again at the next tick. */
    void aroundOutput(Runnable write) {
        if (err == null) {
            write.run();
            return;
        }
        synchronized (this) {
            erase();
            write.run();
        }
    }

    /** "replaying: event 3120/5000 62% ~2s left", or "recording: 3120 events, 780/s" when the end is unknown. */
    static String text(String what, long done, long goal, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        if (goal <= 0) return what + ": " + done + " events, " + Math.round(rate) + "/s";
        String where = what + ": event " + done + "/" + goal + " " + Math.min(99, 100 * Math.max(0, done) / goal) + "%";
        if (rate <= 0 || done <= 0) return where;
        long left = Math.round(Math.max(0, goal - done) / rate);
        return where + " ~" + (left < 1 ? "<1" : String.valueOf(left)) + "s left";
    }

    @Override
    public void close() {
        if (ticker == null) return;
        ticker.interrupt();
        try {
            ticker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        erase();
    }
}
