package io.jrrtui.trace;

import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
        Properties p = new Properties();
        p.setProperty("format.version", Integer.toString(version));
        p.setProperty("exe.path", exePath);
        p.setProperty("cwd", cwd);
        p.setProperty("recorded.at", Long.toString(recordedAtMillis));
        p.setProperty("pid", Integer.toString(pid));
        putList(p, "argv", argv);
        putList(p, "env", env);
        p.setProperty("complete", Boolean.toString(complete));
        p.setProperty("events", Long.toString(eventCount));
        p.setProperty("exit.status", Integer.toString(exitStatus));
        p.setProperty("end.reason", endReason);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "jrrtui trace header");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static TraceInfo load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            throw new JrrException("not a jrrtui trace: " + file.getParent() + " has no " + file.getFileName());
        } catch (IOException | IllegalArgumentException e) {
            throw new JrrException("corrupt trace header " + file + ": " + e.getMessage());
        }
        try {
            int version = Integer.parseInt(required(p, "format.version", file));
            if (version != TraceFormat.VERSION) {
                throw new JrrException("trace " + file.getParent() + " has format version " + version
                        + "; this jrrtui reads version " + TraceFormat.VERSION + " (record it again)");
            }
            return new TraceInfo(version, required(p, "exe.path", file), getList(p, "argv"), getList(p, "env"),
                    p.getProperty("cwd", "/"), Long.parseLong(p.getProperty("recorded.at", "0")),
                    Integer.parseInt(p.getProperty("pid", "0")), Boolean.parseBoolean(p.getProperty("complete", "false")),
                    Long.parseLong(p.getProperty("events", "0")), Integer.parseInt(p.getProperty("exit.status", "0")),
                    p.getProperty("end.reason", ""));
        } catch (NumberFormatException e) {
            throw new JrrException("corrupt trace header " + file + ": " + e.getMessage());
        }
    }

    private static String required(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null) throw new JrrException("corrupt trace header " + file + ": no " + key);
        return v;
    }

    private static void putList(Properties p, String key, List<String> values) {
        p.setProperty(key + ".count", Integer.toString(values.size()));
        for (int i = 0; i < values.size(); i++) p.setProperty(key + "." + i, values.get(i));
    }

    private static List<String> getList(Properties p, String key) {
        int n = Integer.parseInt(p.getProperty(key + ".count", "0"));
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(p.getProperty(key + "." + i, ""));
        return List.copyOf(out);
    }
}
