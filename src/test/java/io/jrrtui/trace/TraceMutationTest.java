package io.jrrtui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 mutated copies of a real recording (header fields set to bad values, streams truncated,
 * blocks zeroed or swapped, files removed, the incomplete marker added) through {@code dump},
 * {@code replay -a} and {@code replay --batch}: each ends with exit 2 or 3 and one line on stderr,
 * or with exit 0 and exactly the unmutated trace's output; never 70, a stack trace or a hang.
 * {@code dump} sees all 200; to stay near a minute of CI time {@code replay -a} sees every second
 * trace and {@code --batch} every fourth ({@code -Djrrtui.mutations.all=true} runs all three on all).
 */
class TraceMutationTest {
    private static final int COUNT = 200;
    private static final String[] STREAMS = {TraceFormat.EVENTS, TraceFormat.DATA, TraceFormat.MAPPINGS, TraceFormat.INDEX};
    private static final String[] HEADER_KEYS = {"format.version", "argv.count", "env.count", "events", "exit.status", "pid",
        "complete", "recorded.at", "exe.path", "cwd", "argv.0"};
    private static final String[] BAD_VALUES = {"-5", "99999999", "", "abc", "-1", "9223372036854775807", "1e3", "0x10",
        "99999999999999999999", "\u0000"};

    @TempDir
    static Path tmp;
    static Path original;
    static Path script;
    static Outcome dumpOk;
    static Outcome replayOk;
    static Outcome batchOk;

    /** What one command did. */
    record Outcome(int status, String out, String err) {
        static Outcome of(Jrr.Run r) {
            return new Outcome(r.status(), r.outText(), r.errText());
        }
    }

    @BeforeAll
    static void recordOnce() throws IOException {
        original = Jrr.recordQuietly(tmp.resolve("original"), tmp.resolve("rec.out"), "hello");
        script = tmp.resolve("cmds");
        Files.writeString(script, "break main\ncontinue\ninfo registers rip\ncontinue\n");
        dumpOk = Outcome.of(Jrr.run("dump", original.toString()));
        replayOk = Outcome.of(Jrr.run("replay", "-a", original.toString()));
        batchOk = Outcome.of(Jrr.run("replay", "--batch", "-x", script.toString(), original.toString()));
        assertEquals(0, dumpOk.status(), dumpOk.err());
        assertEquals(0, replayOk.status(), replayOk.err());
        assertEquals(0, batchOk.status(), batchOk.err());
    }

    @Test
    void mutatedTracesFailWithOneLineOrReplayExactly() throws Exception {
        long seed = Long.getLong("jrrtui.mutations.seed", System.nanoTime());
        boolean all = Boolean.getBoolean("jrrtui.mutations.all");
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Path copy = tmp.resolve("m" + i);
            String what = "mutation " + i + " (seed " + seed + "): " + mutate(copy, random, i);
            boolean interrupted = Files.exists(copy.resolve(TraceFormat.INCOMPLETE));
            check(failures, what + " / dump", dumpOk, () -> Jrr.run("dump", copy.toString()), DUMP_EVENTS, interrupted);
            if (all || i % 2 == 0) {
                check(failures, what + " / replay -a", replayOk, () -> Jrr.run("replay", "-a", copy.toString()), Function.identity(), interrupted);
            }
            if (all || i % 4 == 1) {
                check(failures, what + " / replay --batch", batchOk,
                        () -> Jrr.run("replay", "--batch", "-x", script.toString(), copy.toString()), Function.identity(), interrupted);
            }
            deleteTree(copy);
        }
        assertTrue(failures.isEmpty(), failures.size() + " bad outcomes:\n" + String.join("\n", failures));
    }

    /**
     * dump's event lines (the header lines legitimately show a mutated header's harmless fields). A
     * descriptor's path ("3</etc/passwd>") is learnt from later events
     * (the mmap of that descriptor), which a cut trace may have lost: the paths are left out.
     */
    private static final Function<String, String> DUMP_EVENTS =
            out -> out.lines().filter(l -> l.matches("\\s*\\d+\\s+tid.*")).map(l -> l.replaceAll("(\\d+)<[^<>]*>", "$1"))
                    .collect(Collectors.joining("\n"));

    private static void check(List<String> failures, String what, Outcome ok, java.util.function.Supplier<Jrr.Run> command,
            Function<String, String> compared, boolean interrupted) {
        Jrr.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), command::get, what + " hung");
        String err = r.errText();
        if (r.status() == 0 || r.status() == ok.status()) {
            String got = compared.apply(r.outText());
            String expected = compared.apply(ok.out());
            // an interrupted recording is a valid trace: it may show a prefix of the events
            boolean same = interrupted ? expected.startsWith(got) : got.equals(expected);
            if (!same) failures.add(what + ": exit " + r.status() + " with different output");
        } else if (r.status() != 2 && r.status() != 3) {
            failures.add(what + ": exit " + r.status() + ": " + err.strip());
        } else if (err.lines().count() != 1 || err.contains("\tat ") || err.contains("internal error")) {
            failures.add(what + ": exit " + r.status() + " but stderr is not one explained line: " + err.strip());
        }
    }

    /** Copies the original with one mutation and says which. */
    private static String mutate(Path copy, Random random, int i) throws IOException {
        Files.createDirectories(copy);
        try (var files = Files.list(original)) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        switch (i % 6) {
            case 0 -> {
                String key = HEADER_KEYS[random.nextInt(HEADER_KEYS.length)];
                String value = BAD_VALUES[random.nextInt(BAD_VALUES.length)];
                Path h = copy.resolve(TraceFormat.HEADER);
                List<String> lines = new ArrayList<>();
                for (String l : Files.readAllLines(h)) if (!l.startsWith(key + "=")) lines.add(l);
                lines.add(key + "=" + value.replace("\u0000", "\\u0000"));
                Files.write(h, lines);
                return "header " + key + "=" + value.replace("\u0000", "NUL");
            }
            case 1 -> {
                Path s = copy.resolve(STREAMS[random.nextInt(STREAMS.length)]);
                long len = random.nextInt((int) Math.min(Files.size(s), Integer.MAX_VALUE) + 1);
                try (RandomAccessFile f = new RandomAccessFile(s.toFile(), "rw")) {
                    f.setLength(len);
                }
                return "truncate " + s.getFileName() + " to " + len;
            }
            case 2 -> {
                Path s = copy.resolve(STREAMS[random.nextInt(3)]);
                long size = Files.size(s);
                long at = (long) (random.nextDouble() * size);
                int n = 1 + random.nextInt(64);
                try (RandomAccessFile f = new RandomAccessFile(s.toFile(), "rw")) {
                    f.seek(at);
                    f.write(new byte[(int) Math.min(n, size - at)]);
                }
                return "zero " + n + " bytes of " + s.getFileName() + " at " + at;
            }
            case 3 -> {
                Path s = copy.resolve(TraceFormat.EVENTS);
                List<BlockLabel> blocks = BlockLabel.scan(s, true);
                if (blocks.size() < 2) return zeroBlock(s, blocks, random);
                int a = random.nextInt(blocks.size() - 1);
                swap(s, blocks.get(a), blocks.get(a + 1));
                return "swap events blocks " + a + " and " + (a + 1);
            }
            case 4 -> {
                Path s = copy.resolve(TraceFormat.EVENTS);
                return zeroBlock(s, BlockLabel.scan(s, true), random);
            }
            default -> {
                int kind = random.nextInt(4);
                if (kind == 0) {
                    Files.delete(copy.resolve(STREAMS[random.nextInt(STREAMS.length)]));
                    return "delete a stream";
                }
                if (kind == 1) {
                    Files.writeString(copy.resolve(TraceFormat.INCOMPLETE), "killed\n");
                    Path s = copy.resolve(STREAMS[random.nextInt(2)]);
                    try (RandomAccessFile f = new RandomAccessFile(s.toFile(), "rw")) {
                        f.setLength(Math.max(0, f.length() - 1 - random.nextInt(4096)));
                    }
                    return "marked incomplete and cut " + s.getFileName();
                }
                if (kind == 2) {
                    Path s = copy.resolve(STREAMS[random.nextInt(3)]);
                    byte[] b = Files.readAllBytes(s);
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                    Files.write(s, b);
                    return "flip a bit of " + s.getFileName() + " at " + at;
                }
                Files.delete(copy.resolve(TraceFormat.HEADER));
                return "delete the header";
            }
        }
    }

    private static String zeroBlock(Path s, List<BlockLabel> blocks, Random random) throws IOException {
        BlockLabel b = blocks.get(random.nextInt(blocks.size()));
        try (RandomAccessFile f = new RandomAccessFile(s.toFile(), "rw")) {
            f.seek(b.fileOffset());
            f.write(new byte[(int) (b.end() - b.fileOffset())]);
        }
        return "zero the events block at " + b.fileOffset();
    }

    private static void swap(Path s, BlockLabel a, BlockLabel b) throws IOException {
        byte[] all = Files.readAllBytes(s);
        byte[] out = new byte[all.length];
        int p = (int) a.fileOffset();
        System.arraycopy(all, 0, out, 0, p);
        int bl = (int) (b.end() - b.fileOffset());
        int al = (int) (a.end() - a.fileOffset());
        System.arraycopy(all, (int) b.fileOffset(), out, p, bl);
        System.arraycopy(all, p, out, p + bl, al);
        System.arraycopy(all, (int) b.end(), out, p + bl + al, all.length - (int) b.end());
        Files.write(s, out);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void theMutationsReallyChangeSomething() throws Exception {
        // a mutation that left every command at exit 0 would make the test above vacuous
        Path copy = tmp.resolve("probe");
        Files.createDirectories(copy);
        try (var files = Files.list(original)) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        try (RandomAccessFile f = new RandomAccessFile(copy.resolve(TraceFormat.EVENTS).toFile(), "rw")) {
            f.setLength(22);
        }
        Jrr.Run dump = Jrr.run("dump", copy.toString());
        assertEquals(2, dump.status(), dump.outText());
        assertTrue(dump.errText().contains("its events end after event 0 but its header says"), dump.errText());
        assertFalse(Files.exists(copy.resolve(TraceFormat.INCOMPLETE)));
    }
}
