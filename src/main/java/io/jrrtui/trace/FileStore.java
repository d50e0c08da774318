package io.jrrtui.trace;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStream;
import io.jrrtui.util.JrrException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-addressed file contents: each distinct byte string (a mapped library segment, a file read
 * in one call) is kept once, zstd-compressed with a frame checksum, under its SHA-256 as
 * {@code xx/rest-of-hex}. A trace store has one shared store ({@code .files} in its root) that all
 * its recordings refer to; a self-contained trace (packed, imported, or recorded with {@code -o})
 * has its own ({@code files} in the trace directory). Files are written under a temporary name and
 * renamed, so a reader never sees half a file and two recorders writing the same contents agree.
 */
public final class FileStore {
    /** The shared store's folder in a trace store's root. */
    public static final String SHARED = ".files";
    /** A trace's own store folder. */
    public static final String OWN = "files";
    private static final String LOCK = "lock";
    private final Path dir;

    public FileStore(Path dir) {
        this.dir = dir;
    }

    public static FileStore sharedIn(Path storeRoot) {
        return new FileStore(storeRoot.resolve(SHARED));
    }

    public static FileStore ownOf(Path traceDir) {
        return new FileStore(traceDir.resolve(OWN));
    }

    public Path dir() {
        return dir;
    }

    /** Where the contents with this hash are (or would be) kept. */
    public Path path(String hex) {
        return dir.resolve(hex.substring(0, 2)).resolve(hex.substring(2));
    }

    public boolean has(String hex) {
        return Files.isRegularFile(path(hex));
    }

    public static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** True for a name that is a SHA-256 in hex (a file of a store, not anything else). */
    public static boolean isHash(String s) {
        if (s.length() != 64) return false;
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    /** Keeps content under its hash unless it is already there. */
    public void put(String hex, byte[] content) throws IOException {
        Path target = path(hex);
        if (Files.isRegularFile(target)) return;
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            Files.write(tmp, compress(content));
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Keeps content under its hash like {@link #put(String, byte[])}, but takes an already
     * compressed copy from {@code cache} (another store: the user's cache of mapped libraries) when
     * it holds one, by hard link, else by copy, instead of compressing again; otherwise compresses
     * and leaves a link (or copy) of the new file in the cache for the next recording. The cache is
     * trusted as this store is (a file is named by the hash of what was compressed into it); its
     * frame must at least declare the content's length. Any failure of the cache only costs the
     * compression.
     */
    public void put(String hex, byte[] content, FileStore cache) throws IOException {
        if (cache == null || cache.dir.equals(dir)) {
            put(hex, content);
            return;
        }
        Path target = path(hex);
        if (Files.isRegularFile(target)) return;
        Path cached = cache.path(hex);
        if (declaresLength(cached, content.length)) {
            try {
                adopt(hex, cached);
                return;
            } catch (IOException | RuntimeException e) {
                // a cache file gone meanwhile, or unreadable: compress
            }
        }
        put(hex, content);
        try {
            cache.adopt(hex, target);
        } catch (IOException | RuntimeException e) {
            // a read-only or full cache: the next recording compresses again
        }
    }

    /** True when file is a zstd frame declaring exactly length bytes of content. */
    private static boolean declaresLength(Path file, int length) {
        if (!Files.isRegularFile(file)) return false;
        byte[] head = new byte[18]; // the longest frame header: magic, descriptor, window, dictionary id, 8-byte size
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            return Zstd.getFrameContentSize(head, 0, n) == length;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Adds an existing stored file (from another store) by hard link, else by copy: packing a trace
     * costs no space on the store's file system.
     */
    public void adopt(String hex, Path storedFile) throws IOException {
        Path target = path(hex);
        if (Files.isRegularFile(target)) return;
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, storedFile);
            return;
        } catch (FileAlreadyExistsException e) {
            return;
        } catch (IOException | UnsupportedOperationException e) {
            // another file system, or links not allowed: copy
        }
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            Files.copy(storedFile, tmp, StandardCopyOption.REPLACE_EXISTING);
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * One zstd frame (level 1, with its content size and checksum), made by zstd-jni directly: the
     * commons-compress stream it replaces pulled ~60 commons-io classes (builders, function
     * constants) into every short record and replay. Readers of either accept both (one frame).
     */
    private static byte[] compress(byte[] content) {
        try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
            return ctx.setLevel(1).setChecksum(true).setContentSize(true).compress(content);
        }
    }

    /** The contents with this hash, checked to have the expected length; null when not kept here. */
    public byte[] get(String hex, int length) throws IOException {
        Path p = path(hex);
        if (!Files.isRegularFile(p)) return null;
        byte[] z = Files.readAllBytes(p);
        long declared = Zstd.getFrameContentSize(z);
        if (declared == -1) return getStreamed(p, z, length); // written by a stream: size not in the frame
        if (declared < 0) throw damaged(p, "not a zstd frame (" + Zstd.getErrorName(declared) + ")");
        // a damaged or foreign length is refused before anything of that size is allocated
        if (declared != length) throw wrongLength(p, length);
        byte[] b = new byte[length];
        try {
            // one call for the whole frame; it checks the frame's checksum
            if (Zstd.decompressByteArray(b, 0, length, z, 0, z.length) != length) throw wrongLength(p, length);
        } catch (ZstdException e) {
            throw damaged(p, e.getMessage());
        }
        return b;
    }

    /** A frame without its content size (stores written before): read as a stream, up to length + 1 bytes. */
    private static byte[] getStreamed(Path p, byte[] z, int length) {
        byte[] b;
        boolean longer;
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(z))) {
            b = in.readNBytes(length);
            longer = in.read() >= 0;
        } catch (IOException | ZstdException e) {
            throw damaged(p, e.getMessage());
        }
        if (b.length != length || longer) throw wrongLength(p, length);
        return b;
    }

    private static CorruptTraceException wrongLength(Path p, int length) {
        return new CorruptTraceException("stored file contents " + p + " do not have the " + length + " bytes the trace expects");
    }

    private static CorruptTraceException damaged(Path p, String why) {
        return new CorruptTraceException("stored file contents " + p + " are damaged: " + why);
    }

    /**
     * A lock over the store's files: recorders hold it shared while they may refer to them, the
     * collector of unused files needs it exclusively. Null from {@link #tryExclusive} means busy.
     */
    public FileLock lockShared() {
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            return ch.lock(0, Long.MAX_VALUE, true);
        } catch (IOException | OverlappingFileLockException e) {
            throw new JrrException("cannot use the shared file store " + dir + ": " + e.getMessage(), e);
        }
    }

    public FileLock tryExclusive() throws IOException {
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l == null) ch.close();
            return l;
        } catch (OverlappingFileLockException e) {
            ch.close();
            return null;
        }
    }

    /** Releases a lock and closes its file. */
    public static void release(FileLock lock) {
        if (lock == null) return;
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            // closing the channel drops the lock anyway
        }
    }
}
