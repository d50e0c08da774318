package io.jrrtui.debugger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a source file the debug information names is read from, with gdb's two ways to say so
 * when the sources moved: {@code set substitute-path FROM TO} rewrites the leading directories of
 * a recorded path, {@code directory DIR} adds a directory where the file is looked for by name.
 * Order, as gdb's: the rewritten path; the recorded path (the recording's own copy first); then
 * the file's name in each source directory ({@code $cdir}, the compilation directory, is the
 * recorded path's own; {@code $cwd} the current directory).
 */
final class SourcePaths {
    static final List<String> DEFAULT_DIRECTORIES = List.of("$cdir", "$cwd");

    private final Function<String, Path> recordedCopy;
    private List<String> directories = DEFAULT_DIRECTORIES;
    private Map<String, String> substitutions = new LinkedHashMap<>();

    SourcePaths(Function<String, Path> recordedCopy) {
        this.recordedCopy = recordedCopy;
    }

    List<String> directories() {
        return directories;
    }

    void setDirectories(List<String> dirs) {
        directories = List.copyOf(dirs);
    }

    Map<String, String> substitutions() {
        return new LinkedHashMap<>(substitutions);
    }

    void setSubstitutions(Map<String, String> rules) {
        substitutions = new LinkedHashMap<>(rules);
    }

    /** The recorded path, or the recording's own copy of it. */
    Path recordedCopy(String file) {
        return file.startsWith("/") ? recordedCopy.apply(file) : Path.of(file);
    }

    /** Where to read file (as the debug information names it); the recorded path when nothing better exists. */
    Path locate(String file) {
        String rewritten = rewrite(file);
        if (!rewritten.equals(file) && Files.isRegularFile(Path.of(rewritten))) return Path.of(rewritten);
        Path recorded = recordedCopy(file);
        if (Files.isRegularFile(recorded)) return recorded;
        Path name = Path.of(file).getFileName();
        if (name != null) {
            for (String d : directories) {
                if (d.equals("$cdir")) continue; // the recorded path's own directory: tried above
                Path dir = d.equals("$cwd") ? Path.of("").toAbsolutePath() : Path.of(rewrite(d));
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) return candidate;
            }
        }
        return recorded;
    }

    /**
     * gdb's substitute-path: the first rule whose FROM is a leading part of path, ending at a
     * directory separator, replaces that part with TO.
     */
    String rewrite(String path) {
        for (Map.Entry<String, String> r : substitutions.entrySet()) {
            String from = r.getKey();
            if (path.startsWith(from) && (path.length() == from.length() || path.charAt(from.length()) == '/' || from.endsWith("/"))) {
                return r.getValue() + path.substring(from.length());
            }
        }
        return path;
    }
}
