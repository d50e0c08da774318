package io.jrrtui.cli;

import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.StoreUsage;
import io.jrrtui.trace.TraceStore;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** {@code jrrtui ls}: the recordings in the trace store. */
final class LsCommand implements Command {

    @Override
    public String name() {
        return "ls";
    }

    @Override
    public String summary() {
        return "list recordings";
    }

    @Override
    public String usage() {
        return "usage: jrrtui ls\nLists the traces in $JRR_TRACE_DIR (else $XDG_DATA_HOME/jrr, else ~/.local/share/jrr).\nOWN: the disk space only that recording uses (removing it frees it); SHARED: stored file contents\nit shares with other recordings.";
    }

    @Override
    public int run(List<String> args, Console console) {
        if (!args.isEmpty()) throw new UsageException("ls takes no arguments");
        TraceStore store = TraceStore.fromEnvironment();
        List<Path> traces = store.list();
        if (traces.isEmpty()) {
            console.out().println("no recordings in " + store.root());
            return 0;
        }
        Path latest = null;
        try {
            latest = store.resolve(null).toRealPath();
        } catch (JrrException | IOException e) {
            // no latest
        }
        // Made here, not in a static field: every command's start would load java.time for it.
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
        Map<Path, StoreUsage.Usage> usage = StoreUsage.of(store);
        // rows padded by hand, not printf: Formatter (and %.1f's decimal conversion) interpreted
        // cost about a third of a short `ls`
        console.out().println(row("NAME", "RECORDED", "EVENTS", "EXIT", "OWN", "SHARED", "COMMAND"));
        for (Path p : traces) {
            try {
                TraceReader t = TraceReader.open(p);
                String name = p.getFileName() + (sameFile(p, latest) ? "*" : "");
                long events = t.recoverableEvents();
                String exit = t.incomplete() ? "incomp" : Integer.toString(t.info().exitStatus());
                StoreUsage.Usage u = usage.get(p);
                console.out().println(row(name, when.format(Instant.ofEpochMilli(t.info().recordedAtMillis())),
                        Long.toString(events), exit, human(u.own()), human(u.shared()), String.join(" ", t.info().argv())
                        + (t.incomplete() ? "  [incomplete (" + events + " events)]" : "")));
            } catch (JrrException e) {
                console.out().println(left(p.getFileName().toString(), 24) + " (unreadable: " + e.getMessage() + ")");
            }
        }
        return 0;
    }

    private static boolean sameFile(Path p, Path latest) {
        try {
            return latest != null && p.toRealPath().equals(latest);
        } catch (IOException e) {
            return false;
        }
    }

    /** The columns of "%-24s %-19s %8s %6s %9s %9s  %s". */
    private static String row(String name, String when, String events, String exit, String own, String shared, String command) {
        return left(name, 24) + " " + left(when, 19) + " " + right(events, 8) + " " + right(exit, 6) + " "
                + right(own, 9) + " " + right(shared, 9) + "  " + command;
    }

    private static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** 1023B, 1.5K, 20.0M, 3.1G: one decimal, rounded half up (as %.1f), computed in integers. */
    static String human(long bytes) {
        if (bytes < 1024) return bytes + "B";
        int shift = bytes < 1024 * 1024 ? 10 : bytes < 1024L * 1024 * 1024 ? 20 : 30;
        long unit = 1L << shift;
        long tenths = (bytes / unit) * 10 + ((bytes % unit) * 10 + unit / 2) / unit;
        return tenths / 10 + "." + tenths % 10 + "KMG".charAt(shift / 10 - 1);
    }
}
