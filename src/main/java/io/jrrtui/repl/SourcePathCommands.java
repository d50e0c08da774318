package io.jrrtui.repl;

import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where sources are read when they moved since the recording, in gdb's words: {@code directory},
 * {@code show directories}, {@code set|show|unset substitute-path}. The session keeps the path
 * ({@link io.jrrtui.api.DebugSession#sourceDirectories}); the stop reports, {@code list} and the
 * TUI's Source pane read through it.
 */
final class SourcePathCommands {
    private SourcePathCommands() {}

    static List<ReplCommand> all(ReplContext c) {
        return List.of(
                Cmd.of("directory", "Add directory DIR to beginning of search path for source files.").alias("dir")
                        .usage("directory [DIR...]\nDIRs (also separated by ':') go first in the source path, where a source file\n"
                                + "is looked for by name when its recorded path has none. Without DIR, the path is reset\n"
                                + "to $cdir:$cwd (the compilation directory, the current directory).")
                        .does((a, out) -> directory(c, a.strip(), out)),
                Cmd.of("unset", "Complement to certain \"set\" commands: unset substitute-path [FROM].")
                        .usage("unset substitute-path [FROM]\nWithout FROM, every rule is deleted.")
                        .does((a, out) -> unset(c, a.strip(), out)));
    }

    private static void directory(ReplContext c, String args, PrintStream out) {
        List<String> path;
        if (args.isEmpty()) {
            path = List.of("$cdir", "$cwd"); // gdb asks first when typed; scripts get the reset
        } else {
            List<String> added = new ArrayList<>();
            for (String word : Args.words(args)) {
                for (String d : word.split(":")) if (!d.isEmpty()) added.add(absolute(d, out));
            }
            path = new ArrayList<>(added);
            for (String old : c.session.sourceDirectories()) if (!path.contains(old)) path.add(old);
        }
        c.session.setSourceDirectories(path);
        out.println(showDirectories(c));
    }

    /** gdb keeps directories absolute, ~ expanded, and warns about one that does not exist (keeping it). */
    private static String absolute(String d, PrintStream out) {
        if (d.startsWith("$")) return d;
        String expanded = d.equals("~") || d.startsWith("~/") ? System.getProperty("user.home") + d.substring(1) : d;
        Path p = Path.of(expanded).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) out.println("Warning: " + p + ": No such file or directory.");
        return p.toString();
    }

    static String showDirectories(ReplContext c) {
        return "Source directories searched: " + String.join(":", c.session.sourceDirectories());
    }

    /** set substitute-path FROM TO: a rule for FROM replaces an older one; FROM loses a trailing '/'. */
    static void setSubstitute(ReplContext c, String args) {
        List<String> w = Args.words(args);
        if (w.size() < 2) throw new JrrException("Incorrect usage, too few arguments in command");
        if (w.size() > 2) throw new JrrException("Incorrect usage, too many arguments in command");
        String from = w.get(0).length() > 1 && w.get(0).endsWith("/") ? w.get(0).substring(0, w.get(0).length() - 1) : w.get(0);
        Map<String, String> rules = new LinkedHashMap<>(c.session.substitutePaths());
        rules.remove(from);
        rules.put(from, w.get(1));
        c.session.setSubstitutePaths(rules);
    }

    static void showSubstitute(ReplContext c, String from, PrintStream out) {
        Map<String, String> rules = c.session.substitutePaths();
        if (from.isEmpty()) {
            out.println("List of all source path substitution rules:");
            rules.forEach((f, t) -> out.println("  `" + f + "' -> `" + t + "'."));
            return;
        }
        out.println("Source path substitution rule matching `" + from + "':");
        rules.forEach((f, t) -> {
            if (from.equals(f) || from.startsWith(f + "/")) out.println("  `" + f + "' -> `" + t + "'.");
        });
    }

    private static void unset(ReplContext c, String args, PrintStream out) {
        String rest = Args.afterKeyword(args, "substitute-path", "substitute-path".length());
        if (rest == null) throw new JrrException("Undefined unset command: \"" + args + "\".  Try \"help unset\".");
        Map<String, String> rules = new LinkedHashMap<>(c.session.substitutePaths());
        String from = rest.strip();
        if (from.isEmpty()) {
            rules.clear(); // gdb asks first when typed
        } else if (rules.remove(from) == null) {
            throw new JrrException("No substitution rule defined for `" + from + "'");
        }
        c.session.setSubstitutePaths(rules);
    }
}
