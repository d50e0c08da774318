package io.jrrtui.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns a test that hangs into a failure that says where: once a test has run for
 * {@code jrrtui.test.hangSeconds} (default 420), the state of every thread of the JVM and of every
 * process it started (each thread's state, wait channel and syscall from /proc) is written down,
 * and those processes are killed, which ends a tracer's wait on them. The test then fails with that
 * state as its message, which CI's log shows; without this a hang only showed as the build's
 * timeout, with nothing to go on, and took every later test with it. Registered for every test
 * through the ServiceLoader (junit-platform.properties turns autodetection on).
 */
public final class HangWatch implements BeforeTestExecutionCallback, AfterTestExecutionCallback {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jrrtui-test-hang-watch");
        t.setDaemon(true);
        return t;
    });
    private static final long SECONDS = Long.getLong("jrrtui.test.hangSeconds", 420);

    private ScheduledFuture<?> timer;
    private volatile String report;

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        report = null;
        String name = context.getDisplayName();
        timer = TIMER.schedule(() -> {
            report = "test '" + name + "' still running after " + SECONDS + " s; its processes were killed. State then:\n" + state();
            killDescendants();
        }, SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        timer.cancel(false);
        String r = report;
        report = null;
        if (r != null) throw new AssertionError(r);
    }

    private static String state() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (t.getName().startsWith("jrrtui-test-hang-watch")) continue;
            sb.append("thread ").append(t.getName()).append(' ').append(t.getState()).append('\n');
            StackTraceElement[] frames = e.getValue();
            for (int i = 0; i < Math.min(frames.length, 40); i++) sb.append("    at ").append(frames[i]).append('\n');
        }
        for (long pid : descendants()) {
            sb.append("process ").append(pid).append(' ').append(read(Path.of("/proc", "" + pid, "cmdline")).replace('\0', ' ')).append('\n');
            try (var tasks = Files.list(Path.of("/proc", "" + pid, "task"))) {
                for (Path task : tasks.toList()) {
                    String stat = read(task.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String st = close > 0 && close + 2 < stat.length() ? stat.substring(close + 2, close + 3) : "?";
                    sb.append("    task ").append(task.getFileName()).append(" state ").append(st).append(" wchan ")
                            .append(read(task.resolve("wchan"))).append(" syscall ").append(read(task.resolve("syscall")).trim())
                            .append(" status ").append(grep(read(task.resolve("status")), "SigPnd", "ShdPnd", "TracerPid")).append('\n');
                }
            } catch (IOException | RuntimeException e) {
                sb.append("    (").append(e.getMessage()).append(")\n");
            }
        }
        return sb.toString();
    }

    /** Every process below this JVM (children first found, then theirs). */
    private static List<Long> descendants() {
        List<Long> out = new ArrayList<>();
        List<Long> frontier = new ArrayList<>(List.of(ProcessHandle.current().pid()));
        while (!frontier.isEmpty()) {
            long parent = frontier.remove(0);
            ProcessHandle.of(parent).ifPresent(p -> p.children().forEach(c -> {
                out.add(c.pid());
                frontier.add(c.pid());
            }));
        }
        return out;
    }

    private static void killDescendants() {
        for (long pid : descendants()) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String grep(String text, String... keys) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            for (String k : keys) if (line.startsWith(k + ":")) sb.append(line.replaceAll("\\s+", " ")).append("; ");
        }
        return sb.toString();
    }
}
