package io.jrrtui.trace;

import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The header of a trace (trace.properties): what was run, where, when, and, once the recording is
 * finished, how many events it has and how the program ended.
 */
public record TraceInfo(int version, String exePath, List<String> argv, List<String> env, String cwd,
        long recordedAtMillis, int pid, boolean complete, long eventCount, int exitStatus, String endReason) {

    public TraceInfo finished(long events, int status, String reason) {
        return new TraceInfo(version, exePath, argv, env, cwd, recordedAtMillis, pid, true, events, status, reason);
    }

    /** The header of a recording that stopped without finishing. */
    public TraceInfo interrupted(long events, String reason) {
        return new TraceInfo(version, exePath, argv, env, cwd, recordedAtMillis, pid, false, events, -1, reason);
    }

    public TraceInfo withPid(int newPid) {
        return new TraceInfo(version, exePath, argv, env, cwd, recordedAtMillis, newPid, complete, eventCount, exitStatus, endReason);
    }

    void store(Path file) throws IOException {
        StringBuilder text = new StringBuilder("#jrrtui trace header\n");
        PropertiesText.put(text, "format.version", Integer.toString(version));
        PropertiesText.put(text, "exe.path", exePath);
        PropertiesText.put(text, "cwd", cwd);
        PropertiesText.put(text, "recorded.at", Long.toString(recordedAtMillis));
        PropertiesText.put(text, "pid", Integer.toString(pid));
        putList(text, "argv", argv);
        putList(text, "env", env);
        PropertiesText.put(text, "complete", Boolean.toString(complete));
        PropertiesText.put(text, "events", Long.toString(eventCount));
        PropertiesText.put(text, "exit.status", Integer.toString(exitStatus));
        PropertiesText.put(text, "end.reason", endReason);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.ISO_8859_1);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A header larger than this is not one jrrtui wrote (the environment is the big part). */
    private static final long MAX_HEADER_BYTES = 16 << 20;
    private static final int MAX_ARGS = 1 << 16;

    static TraceInfo load(Path file) {
        Properties p = new Properties();
        try {
            if (Files.size(file) > MAX_HEADER_BYTES) throw bad(file, "larger than " + (MAX_HEADER_BYTES >> 20) + " MB");
        } catch (NoSuchFileException e) {
            throw new JrrException("not a jrrtui trace: " + file.getParent() + " has no " + file.getFileName());
        } catch (IOException e) {
            throw bad(file, e.getMessage());
        }
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw bad(file, e.getMessage());
        }
        int version = intField(p, file, "format.version", null, TraceFormat.OLDEST_READABLE, Integer.MAX_VALUE);
        if (version > TraceFormat.VERSION) {
            throw new JrrException("trace " + file.getParent() + " has format version " + version
                    + "; this jrrtui reads versions " + TraceFormat.OLDEST_READABLE + " to " + TraceFormat.VERSION + " (a newer jrrtui wrote it)");
        }
        String exe = required(p, "exe.path", file);
        if (exe.isEmpty()) throw bad(file, "empty exe.path");
        List<String> argv = getList(p, "argv", file, 1);
        List<String> env = getList(p, "env", file, 0);
        String cwd = p.getProperty("cwd", "/");
        if (!cwd.startsWith("/")) throw bad(file, "cwd is not an absolute path");
        long at = longField(p, file, "recorded.at", "0", 0, Long.MAX_VALUE);
        int pid = intField(p, file, "pid", "0", 0, 1 << 22);
        String complete = p.getProperty("complete", "false");
        if (!complete.equals("true") && !complete.equals("false")) throw bad(file, "complete is '" + complete + "'");
        boolean done = complete.equals("true");
        long events = longField(p, file, "events", "0", done ? 1 : 0, Long.MAX_VALUE);
        int status = intField(p, file, "exit.status", "0", done ? 0 : -1, 255);
        return new TraceInfo(version, exe, argv, env, cwd, at, pid, done, events, status, p.getProperty("end.reason", ""));
    }

    private static JrrException bad(Path file, String what) {
        return new CorruptTraceException("header " + file + ": " + what);
    }

    private static long longField(Properties p, Path file, String key, String dflt, long min, long max) {
        String v = dflt == null ? required(p, key, file) : p.getProperty(key, dflt);
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw bad(file, key + " is not a number ('" + abbreviate(v) + "')");
        }
        if (n < min || n > max) throw bad(file, key + " is " + n + ", outside " + min + ".." + max);
        return n;
    }

    private static int intField(Properties p, Path file, String key, String dflt, int min, int max) {
        return (int) longField(p, file, key, dflt, min, max);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String required(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null) throw bad(file, "no " + key);
        return v;
    }

    private static void putList(StringBuilder text, String key, List<String> values) {
        PropertiesText.put(text, key + ".count", Integer.toString(values.size()));
        for (int i = 0; i < values.size(); i++) PropertiesText.put(text, key + "." + i, values.get(i));
    }

    /** A list field: its count is bounded by the entries the header really has, each must be present. */
    private static List<String> getList(Properties p, String key, Path file, int min) {
        int n = intField(p, file, key + ".count", "0", min, Math.min(MAX_ARGS, p.size()));
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String v = p.getProperty(key + "." + i);
            if (v == null) throw bad(file, key + ".count is " + n + " but there is no " + key + "." + i);
            out.add(v);
        }
        return List.copyOf(out);
    }
}
