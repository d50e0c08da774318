package io.jrrtui.portable;

import io.jrrtui.trace.FileRefs;
import io.jrrtui.trace.FileStore;
import io.jrrtui.trace.TraceFormat;
import io.jrrtui.trace.TraceInfo;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceStore;
import io.jrrtui.util.JrrException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/**
 * One recording as a {@code .tar.zst}: a folder named after the recording holding its files and
 * everything its {@link PackPlan} lists (so the archive is self-contained without packing the
 * trace in place). Import unpacks into a fresh recording of a trace store, accepting only plain
 * files and folders below that one folder (no links, devices, absolute names or {@code ..}),
 * checks the result is a readable recording, and leaves nothing behind when it is not; its stored
 * contents then join the store's shared ones.
 */
public final class TraceArchive {
    /** zstd frames start with these bytes (little-endian 0xFD2FB528). */
    private static final byte[] ZSTD_MAGIC = {(byte) 0x28, (byte) 0xB5, (byte) 0x2F, (byte) 0xFD};
    /** No single file of a recording comes near this; a larger entry is a damaged or hostile archive. */
    private static final long MAX_ENTRY = 64L << 30;

    private TraceArchive() {}

    /** Writes trace (and what it refers to) to out; returns the number of files written. */
    public static int export(TraceReader trace, Path out) {
        if (Files.isDirectory(out)) throw new JrrException("cannot export to " + out + ": it is a directory");
        Map<String, Path> files = new LinkedHashMap<>();
        Path dir = trace.dir();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) files.put(dir.relativize(p).toString(), p);
            }
        } catch (IOException e) {
            throw new JrrException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        for (PackPlan.Entry e : PackPlan.of(trace).entries()) files.putIfAbsent(e.name(), e.source());
        String top = dir.getFileName().toString();
        Path parent = out.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, ".jrrtui-export-", ".tmp");
            try (OutputStream f = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                    ZstdCompressorOutputStream z = new ZstdCompressorOutputStream(f, 3, false, true);
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(z)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (Map.Entry<String, Path> e : files.entrySet()) {
                    Path src = e.getValue();
                    TarArchiveEntry entry = new TarArchiveEntry(top + "/" + e.getKey());
                    entry.setSize(Files.size(src));
                    entry.setMode(Files.isExecutable(src) ? 0755 : 0644);
                    entry.setLastModifiedTime(Files.getLastModifiedTime(src));
                    tar.putArchiveEntry(entry);
                    Files.copy(src, tar);
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            // a temporary file is private (0600); an archive is meant to be shared like any output file
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            return files.size();
        } catch (IOException e) {
            throw new JrrException("cannot export " + dir + " to " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Unpacks archive into a new recording of store and returns its directory. */
    public static Path importInto(TraceStore store, Path archive) {
        if (!Files.isRegularFile(archive)) throw new JrrException("cannot import " + archive + ": no such file");
        String bad = "cannot import " + archive + ": ";
        Path staging = null;
        try {
            Files.createDirectories(store.root());
            staging = Files.createTempDirectory(store.root(), ".import-");
            String top = unpack(archive, staging, bad);
            Path unpacked = staging.resolve(top);
            TraceInfo info;
            try {
                info = TraceReader.open(unpacked).info();
            } catch (JrrException e) {
                throw new JrrException(bad + "not a jrrtui recording (" + e.getMessage() + ")");
            }
            Path exeName = Path.of(info.exePath()).getFileName();
            String name = exeName == null || exeName.toString().startsWith(".") ? "imported" : exeName.toString();
            Path dir = store.newTraceDir(name);
            try (Stream<Path> children = Files.list(unpacked)) {
                for (Path c : children.toList()) Files.move(c, dir.resolve(c.getFileName()));
            }
            shareContents(dir, FileStore.sharedIn(store.root()));
            return dir;
        } catch (IOException e) {
            throw new JrrException(bad + e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Moves an imported recording's own stored contents into the store's shared store (dropping
     * those already there), so that importing several recordings of one program costs what recording
     * them here would. Its file-refs already name them, so {@code rm} keeps them; the shared lock
     * keeps a concurrent {@code rm} from collecting meanwhile. Interrupted half-way, the recording
     * still reads: readers look in its own store, then the shared one.
     */
    private static void shareContents(Path dir, FileStore shared) throws IOException {
        FileStore own = FileStore.ownOf(dir);
        if (!Files.isDirectory(own.dir(), LinkOption.NOFOLLOW_LINKS)) return;
        FileLock lock = shared.lockShared();
        try {
            for (String hex : FileRefs.of(dir)) {
                Path mine = own.path(hex);
                if (!Files.isRegularFile(mine, LinkOption.NOFOLLOW_LINKS)) continue;
                if (shared.has(hex)) Files.delete(mine);
                else shared.adopt(hex, mine);
                Files.deleteIfExists(mine);
            }
        } finally {
            FileStore.release(lock);
        }
        // the emptied folders go; anything file-refs did not name stays where readers look first
        try (Stream<Path> walk = Files.walk(own.dir())) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try (Stream<Path> inside = Files.list(p)) {
                    if (inside.findAny().isEmpty()) Files.delete(p);
                } catch (java.nio.file.NotDirectoryException e) {
                    // a file: kept
                }
            }
        }
    }

    /** Unpacks into staging; returns the archive's one top folder. */
    private static String unpack(Path archive, Path staging, String bad) throws IOException {
        try (InputStream f = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
            f.mark(4);
            byte[] magic = f.readNBytes(4);
            f.reset();
            if (!java.util.Arrays.equals(magic, ZSTD_MAGIC)) {
                throw new JrrException(bad + "not a jrrtui export (not zstd-compressed; make one with 'jrrtui export')");
            }
            String top = null;
            int files = 0;
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdCompressorInputStream(f))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    String name = e.getName();
                    List<String> parts = safeParts(name);
                    if (parts == null) throw new JrrException(bad + "refusing entry '" + printable(name) + "' (absolute, '..' or empty name)");
                    if (top == null) top = parts.get(0);
                    if (!top.equals(parts.get(0))) throw new JrrException(bad + "it holds more than one recording folder ('" + printable(top)
                            + "' and '" + printable(parts.get(0)) + "')");
                    Path target = staging.resolve(String.join("/", parts)).normalize();
                    if (!target.startsWith(staging)) throw new JrrException(bad + "refusing entry '" + printable(name) + "'");
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (e.isFile() && !e.isLink() && !e.isSymbolicLink()) {
                        if (parts.size() < 2 || e.getSize() > MAX_ENTRY) throw new JrrException(bad + "refusing entry '" + printable(name) + "'");
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target);
                        if ((e.getMode() & 0100) != 0) target.toFile().setExecutable(true, true);
                        Files.setLastModifiedTime(target, FileTime.from(e.getLastModifiedTime().toInstant()));
                        files++;
                    } else {
                        throw new JrrException(bad + "refusing entry '" + printable(name) + "' (only plain files and folders are accepted)");
                    }
                }
            } catch (IOException | IllegalArgumentException | IllegalStateException ex) {
                throw new JrrException(bad + "a damaged or cut-short archive (" + ex.getMessage() + ")");
            }
            if (top == null || files == 0) throw new JrrException(bad + "the archive holds no recording");
            if (!Files.isRegularFile(staging.resolve(top).resolve(TraceFormat.HEADER))) {
                throw new JrrException(bad + "not a jrrtui recording (no " + TraceFormat.HEADER + " in '" + printable(top) + "')");
            }
            return top;
        }
    }

    /** The name's components, or null when it is absolute, empty, or has "." or ".." components. */
    private static List<String> safeParts(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0) return null;
        List<String> parts = new ArrayList<>();
        for (String p : name.split("/")) {
            if (p.isEmpty()) continue;
            if (p.equals(".") || p.equals("..")) return null;
            parts.add(p);
        }
        return parts.isEmpty() ? null : parts;
    }

    private static String printable(String s) {
        String t = s.replaceAll("[\\p{Cntrl}]", "?");
        return t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }

    private static void deleteQuietly(Path p) {
        try {
            if (p != null) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // the staging folder is hidden (.import-*) and harmless
        }
    }
}
