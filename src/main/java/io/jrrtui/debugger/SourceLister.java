package io.jrrtui.debugger;

import io.jrrtui.api.SourceLocation;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code list}: ten numbered source lines around a location; repeated {@code list} continues. */
final class SourceLister {
    private final Map<String, List<String>> cache = new HashMap<>();
    private final SourcePaths sources;
    private String file;
    private int next;
    /** The first line of the last listing, where {@code list -} goes back from. */
    private int firstShown;

    SourceLister(SourcePaths sources) {
        this.sources = sources;
    }

    /** Where file is read from: the recorded path, unless the source path found it elsewhere. */
    String foundAt(String file) {
        String rewritten = sources.locate(file).toString();
        return rewritten.equals(sources.recordedCopy(file).toString()) ? file : rewritten;
    }

    /** The source path changed: files are looked for again. */
    void forgetSources() {
        cache.clear();
    }

    /** Source text lines of a file (1-based access through get(line - 1)). */
    List<String> lines(String path) {
        return cache.computeIfAbsent(path, name -> {
            Path p = sources.locate(name);
            try {
                return Files.readAllLines(p, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                try {
                    return Files.readAllLines(p, StandardCharsets.ISO_8859_1);
                } catch (IOException | RuntimeException e2) {
                    return null;
                }
            }
        });
    }

    List<String> list(SourceLocation here) {
        if (file != null && (here == null || here.file() == null || here.file().equals(file) && next > 0)) {
            return from(file, next);
        }
        if (here == null || !here.hasLine()) throw new JrrException("No symbol table is loaded.  Use the \"file\" command.");
        return listAt(here);
    }

    List<String> listAt(SourceLocation loc) {
        if (!loc.hasLine()) throw new JrrException("No line number information available.");
        return from(loc.file(), Math.max(1, loc.line() - 5));
    }

    /** {@code list FIRST,LAST} in the file of loc (LAST 0: ten lines). */
    List<String> range(SourceLocation loc, int first, int last) {
        if (!loc.hasLine()) throw new JrrException("No line number information available.");
        return from(loc.file(), Math.max(1, first), last == 0 ? first + 9 : last);
    }

    /** {@code list -}: the ten lines before the last listing. */
    List<String> before() {
        if (file == null || firstShown <= 1) throw new JrrException("Already at the start of " + (file == null ? "the file" : file) + ".");
        int first = Math.max(1, firstShown - 10);
        return from(file, first, firstShown - 1);
    }

    private List<String> from(String path, int first) {
        return from(path, first, first + 9);
    }

    private List<String> from(String path, int first, int lastWanted) {
        List<String> text = lines(path);
        // gdb's words once it has said the file is missing (the stop that led here did)
        if (text == null) throw new JrrException(first + "\tin " + Path.of(path).getFileName());
        if (first > text.size()) throw new JrrException("Line number " + first + " out of range; \"" + path + "\" has " + text.size() + " lines.");
        List<String> out = new ArrayList<>();
        int last = Math.min(text.size(), lastWanted);
        firstShown = first;
        for (int i = first; i <= last; i++) out.add(i + "\t" + text.get(i - 1));
        file = path;
        next = last + 1;
        return out;
    }
}
