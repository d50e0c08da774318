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
        console.out().printf("%-24s %-19s %8s %6s %9s %9s  %s%n", "NAME", "RECORDED", "EVENTS", "EXIT", "OWN", "SHARED", "COMMAND");
        for (Path p : traces) {
            try {
                TraceReader t = TraceReader.open(p);
                String name = p.getFileName() + (sameFile(p, latest) ? "*" : "");
                long events = t.recoverableEvents();
                String exit = t.incomplete() ? "incomp" : Integer.toString(t.info().exitStatus());
                StoreUsage.Usage u = usage.get(p);
                console.out().printf("%-24s %-19s %8d %6s %9s %9s  %s%s%n", name, when.format(Instant.ofEpochMilli(t.info().recordedAtMillis())),
                        events, exit, human(u.own()), human(u.shared()), String.join(" ", t.info().argv()),
                        t.incomplete() ? "  [incomplete (" + events + " events)]" : "");
            } catch (JrrException e) {
                console.out().printf("%-24s (unreadable: %s)%n", p.getFileName(), e.getMessage());
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

    static String human(long bytes) {
        if (bytes < 1024) return bytes + "B";
        if (bytes < 1024 * 1024) return String.format("%.1fK", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format("%.1fM", bytes / 1048576.0);
        return String.format("%.1fG", bytes / 1073741824.0);
    }
}
