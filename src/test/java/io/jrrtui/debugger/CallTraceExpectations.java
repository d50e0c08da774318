package io.jrrtui.debugger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expected trace lines written in a ct_* fixture's comments as {@code LABEL: line} (after the
 * comment's "*" or "//"), with "[]" standing for the "[tid T ev E]" prefix.
 */
public final class CallTraceExpectations {
    private CallTraceExpectations() {}

    /** The lines labelled label in test-binaries/file (e.g. "ct_fact.c"). */
    public static List<String> of(String file, String label) {
        Path src = Path.of(System.getProperty("jrrtui.projectDir", "."), "test-binaries", file);
        List<String> out = new ArrayList<>();
        String tag = label + ": ";
        try {
            for (String line : Files.readAllLines(src)) {
                String t = line.startsWith(" * ") ? line.substring(3) : line.startsWith("// ") ? line.substring(3) : null;
                if (t != null && t.startsWith(tag)) out.add(t.substring(tag.length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) throw new AssertionError("no '" + label + "' lines in " + src);
        return out;
    }
}
