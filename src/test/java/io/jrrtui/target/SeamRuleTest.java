package io.jrrtui.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam under the debugger core holds: the debugger and the timeline drive {@link Target} and
 * name nothing of the replay, the live session or the ptrace layer — no import, no fully
 * qualified name, in code or comments.
 */
class SeamRuleTest {
    /** The packages above the seam. */
    private static final List<String> CORE = List.of("debugger", "timeline");
    /** io.jrrtui.replay, .live or .sys followed by a dot or the end of the name (sysdecode is another package). */
    private static final Pattern FORBIDDEN = Pattern.compile("io\\.jrrtui\\.(replay|live|sys)\\b");

    @Test
    void debuggerAndTimelineUseOnlyTheTargetInterface() {
        Path sources = Path.of("src/main/java/io/jrrtui");
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String pkg : CORE) {
            Path dir = sources.resolve(pkg);
            assertTrue(Files.isDirectory(dir), "no sources at " + dir.toAbsolutePath());
            List<Path> java = javaFiles(dir);
            files += java.size();
            for (Path f : java) found.addAll(forbiddenUses(f));
        }
        assertTrue(files > 20, "expected the core's sources, read " + files + " files");
        assertEquals(List.of(), found, "the core reaches past target.Target");
    }

    @Test
    void theScanFindsImportsAndQualifiedNames(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("Sample.java");
        Files.writeString(f, """
                package io.jrrtui.debugger;
                import io.jrrtui.replay.ReplaySession;
                import io.jrrtui.sysdecode.TraceDecoder;
                import static io.jrrtui.sys.Ptrace.getRegs;
                class Sample {
                    long m = io.jrrtui.sys.ProcMemory.privateBytes(1);
                    io.jrrtui.live.LiveSession s;
                }
                """);
        List<String> uses = forbiddenUses(f);
        assertEquals(4, uses.size(), uses.toString());
        assertTrue(uses.get(0).contains(":2: "), uses.get(0));
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each line of f naming a forbidden package, as "file:line: text". */
    static List<String> forbiddenUses(Path f) {
        List<String> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = FORBIDDEN.matcher(lines.get(i));
                if (m.find()) out.add(f.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
