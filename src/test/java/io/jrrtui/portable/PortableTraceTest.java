package io.jrrtui.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording moved to another place: a program and its own shared library are built from source
 * in a temporary folder, recorded, exported; then the folder (binary, library, sources) and the
 * whole original trace store are deleted, and the archive imported into a fresh store must replay
 * exactly and still show the library's symbols and the sources. Also pack, the missing-library
 * notice, and damaged or hostile archives.
 */
class PortableTraceTest {
    private static final String LIB = """
            #include <stdio.h>
            int pt_scale(int x) {
                int scaled = x * 3;
                printf("pt_scale(%d) = %d\\n", x, scaled);
                return scaled;
            }
            """;
    private static final String MAIN = """
            #include <stdio.h>
            int pt_scale(int x);
            int main(void) {
                int total = 0;
                for (int i = 1; i <= 3; i++) total += pt_scale(i);
                printf("total %d\\n", total);
                return 0;
            }
            """;

    @TempDir
    Path tmp;

    /** The program's build folder, a trace store, and the recorded program's output. */
    private Path app;
    private Path store;
    private Path out;

    @BeforeEach
    void paths() {
        app = tmp.resolve("app");
        store = tmp.resolve("store");
        out = tmp.resolve("out");
    }

    @AfterEach
    void clearStore() {
        System.clearProperty("jrrtui.traceDir");
    }

    private static void useStore(Path store) {
        System.setProperty("jrrtui.traceDir", store.toString());
    }

    /** Builds ptmain + libpt.so (with debug information, found through an rpath) in dir. */
    private static Path build(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("libpt.c"), LIB);
        Files.writeString(dir.resolve("ptmain.c"), MAIN);
        gcc(dir, "-g", "-O0", "-shared", "-fPIC", "-o", "libpt.so", "libpt.c");
        gcc(dir, "-g", "-O0", "-o", "ptmain", "ptmain.c", "-L.", "-lpt", "-Wl,-rpath," + dir);
        return dir.resolve("ptmain");
    }

    private static void gcc(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("gcc"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "gcc " + String.join(" ", args) + ": " + out);
    }

    private static List<Path> storedContents(Path store) throws IOException {
        try (Stream<Path> w = Files.walk(store.resolve(".files"))) {
            return w.filter(p -> p.getFileName().toString().length() == 62).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private Jrr.Run batch(String trace, String... commands) throws IOException {
        Path script = tmp.resolve("script-" + System.nanoTime());
        Files.writeString(script, String.join("\n", commands) + "\n");
        return Jrr.run("replay", "--batch", "-x", script.toString(), trace);
    }

    /** Builds the program in app and records it into store (its output into out). */
    private static void recordInStore(Path app, Path store, Path out) throws Exception {
        Path exe = build(app);
        useStore(store);
        Jrr.Run rec = Jrr.run("record", "-q", "--stdout", out.toString(), "--", exe.toString());
        assertEquals(0, rec.status(), rec.errText());
    }

    /** replay -a of trace (null: the latest) exits 0 writing exactly the recorded output. */
    private static void assertReplaysExactly(String trace, Path out) throws IOException {
        Jrr.Run replay = trace == null ? Jrr.run("replay", "-a") : Jrr.run("replay", "-a", trace);
        assertEquals(0, replay.status(), replay.errText());
        assertEquals(Files.readString(out), replay.outText());
    }

    /** Records the program in app into storeA and exports it; returns the archive. */
    private Path recordAndExport(Path app, Path storeA, Path out) throws Exception {
        recordInStore(app, storeA, out);
        Path archive = tmp.resolve("failing.tar.zst");
        Jrr.Run ex = Jrr.run("export", "-o", archive.toString());
        assertEquals(0, ex.status(), ex.errText());
        return archive;
    }

    @Test
    void anImportedRecordingReplaysWithoutItsProgramLibraryOrSources() throws Exception {
        Path storeA = tmp.resolve("storeA");
        Path archive = recordAndExport(app, storeA, out);
        deleteTree(app);
        deleteTree(storeA); // its shared file contents too: the archive must hold everything

        Path storeB = tmp.resolve("storeB");
        useStore(storeB);
        Jrr.Run imp = Jrr.run("import", archive.toString());
        assertEquals(0, imp.status(), imp.errText());
        assertTrue(imp.outText().startsWith("imported ptmain-0 "), imp.outText());

        Jrr.Run replay = Jrr.run("replay", "-a");
        assertEquals(0, replay.status(), replay.errText());
        assertEquals(Files.readString(out), replay.outText());
        assertEquals("", replay.errText());
        // its contents joined the store's shared ones: a second import adds none
        assertFalse(Files.exists(storeB.resolve("ptmain-0/files")));
        List<Path> shared = storedContents(storeB);
        assertFalse(shared.isEmpty());
        assertEquals(0, Jrr.run("import", archive.toString()).status());
        assertEquals(shared, storedContents(storeB));
        assertReplaysExactly("ptmain-1", out);

        Jrr.Run dbg = batch("ptmain-0", "break main", "continue", "break pt_scale", "continue", "bt", "list", "info sharedlibrary");
        assertEquals(0, dbg.status(), dbg.errText() + dbg.outText());
        String text = dbg.outText();
        assertTrue(text.contains("Breakpoint 2, pt_scale (x=1) at libpt.c:3"), text);
        assertTrue(text.contains("3\t    int scaled = x * 3;"), text); // the source line, from the trace's copy
        assertTrue(text.contains("in main () at ptmain.c:5"), text);
        assertTrue(text.matches("(?s).*Yes\\s+" + java.util.regex.Pattern.quote(app.resolve("libpt.so").toString()) + ".*"), text);
        assertFalse(text.contains("not found"), text);
        assertFalse(Files.exists(app), "the test must not have brought the folder back");
    }

    /** Reads kept by reference to a file's stored copy (issue 13): the archive carries the copy. */
    @Test
    void anExportedRecordingCarriesTheFilesItReadByReference() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        io.jrrtui.testsupport.SettledFiles.create(data, 300_000, "read.bin");
        Path file = data.resolve("read.bin");
        String sha = io.jrrtui.trace.FileStore.hex(io.jrrtui.trace.FileStore.sha256(Files.readAllBytes(file)));
        Path storeA = tmp.resolve("storeA");
        useStore(storeA);
        Jrr.Run rec = Jrr.run("record", "-q", "--stdout", out.toString(), "--", Jrr.binary("bench_readfile").toString(),
                file.toString(), "1000");
        assertEquals(0, rec.status(), rec.errText());
        assertTrue(Files.readAllLines(storeA.resolve("bench_readfile-0/file-refs")).contains(sha), "the file was not kept by reference");
        Path archive = tmp.resolve("reads.tar.zst");
        Jrr.Run ex = Jrr.run("export", "-o", archive.toString());
        assertEquals(0, ex.status(), ex.errText());
        deleteTree(data);
        deleteTree(storeA);

        useStore(tmp.resolve("storeB"));
        Jrr.Run imp = Jrr.run("import", archive.toString());
        assertEquals(0, imp.status(), imp.errText());
        assertReplaysExactly(null, out);
    }

    @Test
    void aLibraryGoneWithoutAPackSaysItHasNoSymbols() throws Exception {
        recordInStore(app, store, out);
        Files.delete(app.resolve("libpt.so"));
        Jrr.Run dbg = batch("ptmain-0", "break main", "continue", "info sharedlibrary");
        assertEquals(0, dbg.status(), dbg.errText());
        assertTrue(dbg.errText().contains("jrrtui: no symbols for libpt.so: file missing (" + app.resolve("libpt.so") + ")"), dbg.errText());
        assertTrue(dbg.outText().matches("(?s).*No \\(file missing\\)\\s+" + java.util.regex.Pattern.quote(app.resolve("libpt.so").toString()) + ".*"),
                dbg.outText());
        assertReplaysExactly("ptmain-0", out); // replay does not need the file: its mapped bytes are in the trace
    }

    @Test
    void packMakesARecordingIndependentOfTheSharedStoreAndTheLibrary() throws Exception {
        recordInStore(app, store, out);
        Jrr.Run pack = Jrr.run("pack");
        assertEquals(0, pack.status(), pack.errText());
        assertTrue(pack.outText().matches("packed \\d+ stored contents?, [1-9]\\d* librar(y|ies), .* [1-9]\\d* source files? into .*\\n"), pack.outText());
        Path trace = store.resolve("ptmain-0");
        assertTrue(Files.isRegularFile(trace.resolve("sysroot" + app.resolve("libpt.so"))));
        assertTrue(Files.isRegularFile(trace.resolve("sysroot" + app.resolve("libpt.c"))));
        assertEquals("already self-contained: " + trace.toRealPath() + "\n", Jrr.run("pack").outText());

        deleteTree(app);
        deleteTree(store.resolve(".files"));
        assertReplaysExactly(null, out);
        Jrr.Run dbg = batch("ptmain-0", "break main", "continue", "break pt_scale", "continue", "list");
        assertTrue(dbg.outText().contains("int scaled = x * 3;"), dbg.outText());
    }

    private void expectRefused(Path archive, String why) throws IOException {
        Path bad = tmp.resolve("storeBad");
        useStore(bad);
        Jrr.Run r = Jrr.run("import", archive.toString());
        assertEquals(2, r.status(), why + ": " + r.errText());
        assertEquals(1, r.errText().lines().count(), why + ": " + r.errText());
        assertTrue(r.errText().startsWith("jrrtui: cannot import "), r.errText());
        if (Files.exists(bad)) {
            try (Stream<Path> s = Files.list(bad)) {
                assertEquals(List.of(), s.filter(p -> !p.getFileName().toString().equals(".files")).toList(), why + ": left behind");
            }
        }
        assertFalse(Files.exists(tmp.resolve("evil")), why);
    }

    private Path tarZst(String name, String... entries) throws IOException {
        Path f = tmp.resolve(name);
        try (OutputStream o = Files.newOutputStream(f); ZstdCompressorOutputStream z = new ZstdCompressorOutputStream(o);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(z)) {
            for (String e : entries) {
                byte[] body = "x\n".getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry t = new TarArchiveEntry(e, true);
                t.setSize(body.length);
                tar.putArchiveEntry(t);
                tar.write(body);
                tar.closeArchiveEntry();
            }
        }
        return f;
    }

    @Test
    void damagedAndHostileArchivesAreOneLineExit2AndLeaveNothing() throws Exception {
        Path archive = recordAndExport(app, tmp.resolve("storeA"), out);
        byte[] good = Files.readAllBytes(archive);
        Path cut = tmp.resolve("cut.tar.zst");
        Files.write(cut, java.util.Arrays.copyOf(good, good.length / 2));
        expectRefused(cut, "cut short");
        Path text = tmp.resolve("notes.tar.zst");
        Files.writeString(text, "not an archive\n");
        expectRefused(text, "not zstd");
        expectRefused(tmp.resolve("absent.tar.zst"), "no such file");
        expectRefused(tarZst("dotdot.tar.zst", "t/trace.properties", "t/../../evil"), "dot-dot");
        expectRefused(tarZst("abs.tar.zst", "/tmp/evil"), "absolute");
        expectRefused(tarZst("two.tar.zst", "a/trace.properties", "b/trace.properties"), "two folders");
        expectRefused(tarZst("nohdr.tar.zst", "t/events"), "not a recording");
        expectRefused(tarZst("badhdr.tar.zst", "t/trace.properties"), "bad header");
        // a well-formed archive still imports after all that
        useStore(tmp.resolve("storeBad"));
        assertEquals(0, Jrr.run("import", archive.toString()).status());
        assertEquals(0, Jrr.run("replay", "-a").status());
    }
}
