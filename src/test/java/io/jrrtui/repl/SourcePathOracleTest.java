package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.replay.OutputSink;
import io.jrrtui.testsupport.Jrr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources that moved after the recording: a program compiled in src/, recorded, then src/ renamed
 * moved/. gdb on the same binary is the oracle for every answer: the missing file said as gdb says
 * it, {@code directory} and {@code set substitute-path} finding it again (stop lines, frame, list,
 * info source), {@code show directories|substitute-path}, {@code unset substitute-path}, and the
 * reset by a bare {@code directory}.
 */
class SourcePathOracleTest {
    @TempDir
    static Path tmp;
    private static Path program;
    private static Path trace;

    @BeforeAll
    static void buildRecordAndMove() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.copy(Jrr.source("par_call"), src.resolve("par_call.c"));
        program = tmp.resolve("prog");
        Process cc = new ProcessBuilder("gcc", "-g", "-O0", "-o", program.toString(), "par_call.c").directory(src.toFile())
                .redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), ccOut);
        trace = tmp.resolve("trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", trace.toString(), "--stdout", tmp.resolve("out").toString(), "--", program.toString());
        assertEquals(0, r.status(), r.errText());
        Files.move(src, tmp.resolve("moved"));
    }

    private static List<String> commands() {
        String src = tmp.resolve("src").toString(), moved = tmp.resolve("moved").toString();
        return List.of("frame", "list 31,32", "directory " + moved, "list 31,32", "frame", "show directories", "info source",
                "directory", "show directories", "list 31,32", "set substitute-path " + src + "/ " + moved, "show substitute-path",
                "list 33,34", "frame", "info source", "set substitute-path " + src + " /nowhere", "show substitute-path " + src,
                "frame", "unset substitute-path /zz", "unset substitute-path " + src, "show substitute-path", "set substitute-path " + src,
                "set substitute-path a b c", "unset substitute-path", "directory " + tmp.resolve("absent"), "show directories");
    }

    @Test
    void sourceLookupAgreesWithGdb() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "gdb is not installed");
        List<String> cmds = commands();
        List<String> gdb = ReplBlocks.gdb(program, PROLOGUE, cmds, SourcePathOracleTest::normalize);
        List<String> ours = ReplBlocks.ours(trace, out -> OutputSink.DISCARD, PROLOGUE, cmds, SourcePathOracleTest::normalize);
        List<String> differences = new ArrayList<>();
        int agree = 0;
        for (int i = 0; i < cmds.size(); i++) {
            String g = i < gdb.size() ? gdb.get(i) : "<missing>";
            if (g.equals(ours.get(i))) agree++;
            else differences.add(cmds.get(i) + "\n  gdb:  " + g.replace("\n", "\n        ") + "\n  ours: " + ours.get(i).replace("\n", "\n        "));
        }
        System.out.printf("source paths: %d/%d command outputs agree with gdb%n", agree, cmds.size());
        differences.forEach(System.out::println);
        assertEquals(List.of(), differences);
        assertTrue(ours.get(3).startsWith("31\tint main(void) {"), ours.get(3));
    }

    private static final List<String> PROLOGUE = List.of("break par_call.c:34", "run");

    /**
     * Addresses differ; gdb says the source path after "directory" and asks before deleting every
     * rule only to a person at a terminal (its -batch answers for itself).
     */
    private static String normalize(String command, String block) {
        StringBuilder sb = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.isBlank() || line.contains("[answered Y; input not from terminal]")) continue;
            if (command.startsWith("directory") && line.startsWith("Source directories searched:")) continue;
            sb.append(line.replaceAll("0x[0-9a-f]+", "ADDR").stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }
}
