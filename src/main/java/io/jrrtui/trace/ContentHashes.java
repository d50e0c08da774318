package io.jrrtui.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * SHA-256s of file contents, remembered between jrrtui processes. Every recording hashes the
 * mapped pieces of the program and its libraries (the content store's names) and the program copy
 * (its digest), and every replay hashes the copy again: in a short-lived JVM running only the quick
 * compiler SHA-256 runs without its CPU instructions, about a third of a short recording's CPU.
 *
 * <p>An entry is keyed by the file's identity (device, inode, size, mtime and ctime in
 * nanoseconds) and the range (offset, length). Why a changed file is always re-hashed: any change
 * to a file's bytes through the file system moves its ctime to the current time, and no user call
 * can set ctime back. An entry is only written when the file's ctime was at least {@link #SETTLED_NANOS}
 * older than the moment the bytes were read, so every write that shares the recorded ctime
 * (timestamps are coarser than the clock) happened before the read, and every later write gives a
 * new ctime, hence a new key. Bytes taken from a tracee's memory (a fresh mapping of the file)
 * are also checked against two independent checksums (CRC32C and CRC32, with CPU instructions
 * even in the interpreter) kept in the entry: memory that does not hold what the file held is
 * hashed afresh. Any failure to read or write the cache only costs the hashing.
 */
public final class ContentHashes {
    /** How old a file's ctime must be before its hash is remembered (see the class comment). */
    static final long SETTLED_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final ContentHashes STANDARD = new ContentHashes(io.jrrtui.util.CacheFolder.of("content-hashes"));
    private final Path dir;
    private final long settledNanos;

    public ContentHashes(Path dir) {
        this(dir, SETTLED_NANOS);
    }

    /** With another settling time (tests: so as not to wait seconds). */
    ContentHashes(Path dir, long settledNanos) {
        this.dir = dir;
        this.settledNanos = settledNanos;
    }

    /** The cache every jrrtui process of this user shares. */
    public static ContentHashes standard() {
        return STANDARD;
    }

    /** A file's identity as stat(2) gives it (following links, so /proc/PID/fd/N names the open file). */
    public record FileIdentity(long dev, long ino, long size, long mtimeNanos, long ctimeNanos) {
        public static FileIdentity of(Path file) throws IOException {
            Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime");
            return new FileIdentity((Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("size"),
                    nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")));
        }

        private static long nanos(Object time) {
            return ((FileTime) time).to(TimeUnit.NANOSECONDS);
        }

        /** True when no write sharing this ctime can come after now (see the class comment). */
        boolean settled(long settledNanos) {
            return System.currentTimeMillis() * 1_000_000L - ctimeNanos >= settledNanos;
        }

        /** kind-dev-ino-size-mtime-ctime-offset-length, in hex (built by hand: String.format is slow to start). */
        String key(char kind, long offset, long length) {
            StringBuilder k = new StringBuilder(80).append(kind);
            for (long v : new long[] {dev, ino, size, mtimeNanos, ctimeNanos, offset, length}) k.append('-').append(Long.toHexString(v));
            return k.toString();
        }

        // equals and hashCode written out: a record's generated ones link an invokedynamic call
        // site (method handles built in the interpreter) on first use, a few ms of start-up
        @Override
        public boolean equals(Object o) {
            return o instanceof FileIdentity f && f.dev == dev && f.ino == ino && f.size == size
                    && f.mtimeNanos == mtimeNanos && f.ctimeNanos == ctimeNanos;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(ino) * 31 + Long.hashCode(mtimeNanos);
        }
    }

    /**
     * The SHA-256 of bytes, which were read (after id was taken) from the range of the file
     * starting at offset, e.g. out of a fresh mapping of it.
     */
    public byte[] sha256(FileIdentity id, long offset, byte[] bytes) {
        boolean settled = id.settled(settledNanos);
        Path entry = dir.resolve(id.key('m', offset, bytes.length));
        String sums = checksums(bytes);
        byte[] cached = read(entry, sums);
        if (cached != null) return cached;
        byte[] hash = FileStore.sha256(bytes);
        if (settled) write(entry, sums + " " + FileStore.hex(hash));
        return hash;
    }

    /** The SHA-256 of a whole file, in hex. */
    public String sha256(Path file) throws IOException {
        FileIdentity before = FileIdentity.of(file);
        Path entry = dir.resolve(before.key('f', 0, before.size()));
        byte[] cached = read(entry, "whole");
        if (cached != null) return FileStore.hex(cached);
        boolean settled = before.settled(settledNanos);
        String hex = FileStore.hex(hashFile(file));
        if (settled && before.equals(FileIdentity.of(file))) write(entry, "whole " + hex);
        return hex;
    }

    private static byte[] hashFile(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return md.digest();
    }

    private static String checksums(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes);
        CRC32 d = new CRC32();
        d.update(bytes);
        return String.format("%08x-%08x", c.getValue(), d.getValue());
    }

    /** The remembered hash when the entry exists and its checksums are these, else null. */
    private static byte[] read(Path entry, String sums) {
        try {
            String[] text = Files.readString(entry, StandardCharsets.US_ASCII).strip().split(" ");
            if (text.length != 2 || !text[0].equals(sums) || !FileStore.isHash(text[1])) return null;
            return java.util.HexFormat.of().parseHex(text[1]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Through a temporary file and a rename: a concurrent reader never sees half an entry. */
    private void write(Path entry, String text) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "new-", ".tmp");
            try {
                Files.writeString(tmp, text + "\n", StandardCharsets.US_ASCII);
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // a read-only home or a full disk: the next process hashes again
        }
    }
}
