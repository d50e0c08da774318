package io.jrrtui.record;

import io.jrrtui.trace.ContentHashes;
import io.jrrtui.trace.ContentHashes.FileIdentity;
import io.jrrtui.trace.MemoryWrite;
import io.jrrtui.trace.TraceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recorder's copies of regular files the program reads through the syscall buffer, one per file
 * version, so that reads of them can be recorded as (file, offset, length) instead of bytes
 * (issue 13, sbuf3). A version is (dev, inode, size, mtime, ctime) as the library's fstat saw it
 * just before each read.
 *
 * <p>Why a reference is proven: a version is copied only when its ctime is more than
 * {@link #SETTLED_NANOS} older than the recording's start, and the copy is taken with the file at
 * that version before and after. Any change to the file's bytes (write, truncate, a write through a
 * writable mapping when it faults, by any process) sets its ctime to the current coarse time, later
 * than the version's ctime and never set back by an unprivileged call. So a file seen at the version
 * before a read (the library's fstat) and again at a later check (the copy, or {@link #proven} at
 * the flush that holds the read) did not change in between: the read saw the copy's bytes. What is
 * trusted: the file system keeps ctime (only local disk and memory file systems are accepted), the
 * clock is not set back, and a writer through an already-dirty shared mapping outside the recording
 * (whose stores do not touch ctime until written back) does not race the read — the same trust as
 * {@link ContentHashes}.
 */
final class FileCopies {
    /** How much older than the recording's start a version's ctime must be (coarse timestamps). */
    static final long SETTLED_NANOS = 2_000_000_000L;
    /**
     * The copies are held in memory for the whole recording (and stored once): more than this in all
     * (or than a quarter of the heap) keeps bytes instead.
     */
    static final long MAX_TOTAL = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);
    /** File systems known to keep ctime on every change (statfs names as /proc/self/mountinfo gives them). */
    private static final Set<String> KEEPS_CTIME = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "f2fs", "overlay");

    private final long startNanos = System.currentTimeMillis() * 1_000_000L;
    private final ContentHashes hashes;
    private final Map<FileIdentity, MemoryWrite> kept = new HashMap<>();
    private final Set<FileIdentity> refused = new HashSet<>();
    private final Map<FileIdentity, Long> bytesRead = new HashMap<>();
    private final Map<Long, String> fsTypeByDevice = new HashMap<>();
    private long total;

    FileCopies(ContentHashes hashes) {
        this.hashes = hashes;
    }

    /**
     * The copy of version id, if the file open as fd in task tid is that version now (see the class
     * comment), taking the copy when it is worth it; null when the reads must keep their bytes.
     * readNow: bytes this flush read from the version (a version is copied once more than its size is read).
     */
    MemoryWrite proven(FileIdentity id, int tid, long fd, long readNow) {
        if (refused.contains(id)) return null;
        Path open = Path.of("/proc", Integer.toString(tid), "fd", Long.toString(fd));
        try {
            if (!id.equals(FileIdentity.of(open))) return null;
            MemoryWrite copy = kept.get(id);
            if (copy != null) return copy;
            if (!eligible(id)) {
                refused.add(id);
                return null;
            }
            // Copied once the program reads it again (more bytes than it holds): a file read once
            // keeps its bytes, as many as a copy would hold, and the copy would cost a hash (and
            // `cat` writes what it reads, which the trace's compression matched when both were bytes).
            if (bytesRead.merge(id, readNow, Long::sum) <= id.size()) return null;
            byte[] data = Files.readAllBytes(open);
            if (data.length != id.size() || !id.equals(FileIdentity.of(open))) return null;
            copy = new MemoryWrite(0, data, hashes.sha256(id, 0, data));
            kept.put(id, copy);
            total += data.length;
            return copy;
        } catch (IOException | RuntimeException e) {
            return null; // gone, closed, unreadable: the bytes stay in the trace
        }
    }

    private boolean eligible(FileIdentity id) throws IOException {
        return id.ctimeNanos() < startNanos - SETTLED_NANOS && id.size() >= TraceWriter.MIN_STORED
                && id.size() <= Integer.MAX_VALUE - 64 && total + id.size() <= MAX_TOTAL && KEEPS_CTIME.contains(fsType(id.dev()));
    }

    /** The type of the file system mounted as device dev (st_dev encoding), from this process's mountinfo. */
    private String fsType(long dev) throws IOException {
        String known = fsTypeByDevice.get(dev);
        if (known != null) return known;
        long major = (dev >>> 8) & 0xfff | (dev >>> 32) & ~0xfffL, minor = dev & 0xff | (dev >>> 12) & ~0xffL;
        String want = major + ":" + minor, type = "";
        List<String> lines = Files.readAllLines(Path.of("/proc/self/mountinfo"));
        for (String line : lines) {
            String[] f = line.split(" ");
            int dash = line.indexOf(" - ");
            if (f.length > 2 && f[2].equals(want) && dash > 0) {
                type = line.substring(dash + 3).split(" ")[0];
                break;
            }
        }
        fsTypeByDevice.put(dev, type);
        return type;
    }
}
