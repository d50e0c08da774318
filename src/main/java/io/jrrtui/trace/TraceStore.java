package io.jrrtui.trace;

import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where traces live: {@code $JRR_TRACE_DIR}, else {@code $XDG_DATA_HOME/jrr}, else
 * {@code ~/.local/share/jrr}; one directory per recording named {@code <exe>-<n>} and a
 * {@code latest-trace} link to the newest.
 */
public final class TraceStore {
    public static final String LATEST = "latest-trace";
    private static final Pattern NUMBERED = Pattern.compile("(.*)-(\\d+)");
    private final Path root;

    public TraceStore(Path root) {
        this.root = root;
    }

    public static TraceStore fromEnvironment() {
        return new TraceStore(defaultRoot(System.getenv()));
    }

    static Path defaultRoot(Map<String, String> env) {
        String prop = System.getProperty("jrrtui.traceDir");
        if (prop != null && !prop.isEmpty()) return Path.of(prop);
        String dir = env.get("JRR_TRACE_DIR");
        if (dir != null && !dir.isEmpty()) return Path.of(dir);
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isEmpty()) return Path.of(xdg, "jrr");
        return Path.of(System.getProperty("user.home"), ".local", "share", "jrr");
    }

    public Path root() {
        return root;
    }

    /** Creates a fresh {@code <exe>-<n>} directory. */
    public Path newTraceDir(String exeName) {
        try {
            Files.createDirectories(root);
            int n = 0;
            for (Path p : list()) {
                Matcher m = NUMBERED.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(exeName)) n = Math.max(n, Integer.parseInt(m.group(2)) + 1);
            }
            while (true) {
                Path dir = root.resolve(exeName + "-" + n);
                try {
                    Files.createDirectory(dir);
                    return dir;
                } catch (FileAlreadyExistsException e) {
                    n++;
                }
            }
        } catch (IOException e) {
            throw new JrrException("cannot create a trace directory in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Points latest-trace at dir. */
    public void setLatest(Path dir) {
        Path link = root.resolve(LATEST);
        try {
            Path tmp = root.resolve(LATEST + ".tmp" + ProcessHandle.current().pid());
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, dir.getFileName());
            Files.move(tmp, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new JrrException("cannot update " + link + ": " + e.getMessage(), e);
        }
    }

    /**
     * A trace by name or path: null means latest-trace; an existing directory is taken as is;
     * anything else is a name under the root.
     */
    public Path resolve(String nameOrPath) {
        if (nameOrPath == null) {
            Path link = root.resolve(LATEST);
            if (!Files.exists(link)) {
                throw new JrrException("no recordings yet in " + root + " (record one with 'jrrtui record -- PROG')");
            }
            return link;
        }
        Path p = Path.of(nameOrPath);
        if (Files.isDirectory(p)) return p;
        Path named = root.resolve(nameOrPath);
        if (Files.isDirectory(named)) return named;
        throw new JrrException("no trace '" + nameOrPath + "' (not a directory, and not a name in " + root
                + "; 'jrrtui ls' lists them)");
    }

    /** Trace directories under the root, oldest first. */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                if (!Files.isSymbolicLink(p) && Files.isDirectory(p) && Files.exists(p.resolve(TraceFormat.HEADER))) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new JrrException("cannot list " + root + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(TraceStore::modified));
        return out;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p.resolve(TraceFormat.HEADER)).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Deletes one trace directory (refusing anything that is not a trace). */
    public void remove(Path dir) {
        if (!Files.exists(dir.resolve(TraceFormat.HEADER))) throw new JrrException(dir + " is not a jrrtui trace");
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new JrrException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
        Path link = root.resolve(LATEST);
        try {
            if (Files.isSymbolicLink(link) && !Files.exists(link)) Files.delete(link);
        } catch (IOException e) {
            // a dangling link is harmless
        }
    }
}
