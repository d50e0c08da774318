package io.jrrtui.trace;

import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
     * A trace by name or path: null means latest-trace; a bare name (no '/') is a recording in the
     * store, else a directory of that name in the current directory; anything with a '/' (or "."
     * and "..") is an explicit directory path the user gave and is taken as is.
     */
    public Path resolve(String nameOrPath) {
        if (nameOrPath == null) {
            Path link = root.resolve(LATEST);
            if (!Files.exists(link)) {
                throw new JrrException("no recordings yet in " + root + " (record one with 'jrrtui record -- PROG')");
            }
            return link;
        }
        if (nameOrPath.isEmpty() || nameOrPath.indexOf('\0') >= 0) throw new JrrException("no trace named '" + nameOrPath + "'");
        Path given = Path.of(nameOrPath);
        if (isBareName(nameOrPath)) {
            Path named = root.resolve(nameOrPath);
            if (Files.isDirectory(named)) return named;
        }
        if (Files.isDirectory(given)) return given;
        throw new JrrException("no trace '" + nameOrPath + "' (not a directory, and not a name in " + root
                + "; 'jrrtui ls' lists them)");
    }

    private static boolean isBareName(String s) {
        return s.indexOf('/') < 0 && !s.equals(".") && !s.equals("..");
    }

    /**
     * The recording {@code rm} may delete for this name: only a trace directory directly inside the
     * store, given by its name (or a path to it), and not through a symbolic link — never
     * {@code ..}, a path outside the store, or the latest-trace link.
     */
    public Path removable(String nameOrPath) {
        Path dir = resolve(nameOrPath);
        String refusal = "refusing to remove '" + nameOrPath + "': ";
        if (Files.isSymbolicLink(dir)) throw new JrrException(refusal + "it is a symbolic link, not a recording (rm removes recordings by name)");
        Path real;
        Path realRoot;
        try {
            real = dir.toRealPath();
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new JrrException(refusal + e.getMessage(), e);
        }
        if (!realRoot.equals(real.getParent())) {
            throw new JrrException(refusal + "it is not a recording in the trace store " + root);
        }
        if (!Files.isRegularFile(real.resolve(TraceFormat.HEADER), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new JrrException(refusal + "it is not a jrrtui recording (no " + TraceFormat.HEADER + ")");
        }
        return real;
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

    /**
     * Deletes the shared stored contents no recording of the store refers to any more (and
     * temporary files a killed recorder left), only inside the store's {@code .files}. Returns the
     * bytes freed, or -1 when a recording in progress holds the store (they are collected by a later
     * {@code rm}).
     */
    public long collectUnusedContents() {
        FileStore shared = FileStore.sharedIn(root);
        if (!Files.isDirectory(shared.dir(), LinkOption.NOFOLLOW_LINKS)) return 0;
        FileLock lock = null;
        try {
            lock = shared.tryExclusive();
            if (lock == null) return -1;
            Set<String> used = new HashSet<>();
            for (Path t : list()) used.addAll(FileRefs.sharedOf(t));
            long freed = 0;
            try (DirectoryStream<Path> fans = Files.newDirectoryStream(shared.dir())) {
                for (Path fan : fans) {
                    if (!Files.isDirectory(fan, LinkOption.NOFOLLOW_LINKS) || fan.getFileName().toString().length() != 2) continue;
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(fan)) {
                        for (Path f : files) {
                            String name = f.getFileName().toString();
                            String hash = fan.getFileName() + name;
                            boolean unused = FileStore.isHash(hash) ? !used.contains(hash) : name.startsWith(".tmp-");
                            if (unused && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                                freed += Files.size(f);
                                Files.delete(f);
                            }
                        }
                    }
                }
            }
            return freed;
        } catch (IOException e) {
            throw new JrrException("cannot clean the shared file store " + shared.dir() + ": " + e.getMessage(), e);
        } finally {
            FileStore.release(lock);
        }
    }

    /** Deletes one recording of the store (refusing anything else, see {@link #removable}). */
    public void remove(Path dir) {
        dir = removable(dir.toString());
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
