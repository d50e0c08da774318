package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The live MAP_SHARED mappings of files in one process, followed through munmap and mremap (the
 * pieces that are left keep their file offsets), so that a call changing such a file through a
 * descriptor (pwrite, ftruncate...) can record what the mappings show afterwards: replay emulates
 * the call, so it must write those bytes itself. Replay maps such files as memory files of its own
 * ({@code replay/SharedFileObjects}), at the recorded offsets, so the mappings alias there as here.
 */
public final class SharedFileMaps {
    private static final int MAP_TYPE = 0x03, MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20;
    private static final long PAGE = 4096, PROT_WRITE = 2;
    private static final int SYS_MMAP = 9, SYS_MUNMAP = 11, SYS_MREMAP = 25;

    /** One live shared mapping: where, how long, which part of which file, mapped writable or not. */
    private record Live(long addr, long length, long offset, Object fileKey, boolean writable) {}

    private final List<Live> live = new ArrayList<>();
    /** A copy for a forked child: it inherits the parent's mappings. */
    public SharedFileMaps copy() {
        SharedFileMaps c = new SharedFileMaps();
        c.live.addAll(live);
        return c;
    }

    /** Why this mprotect/pkey_mprotect entry cannot be recorded, or null. */
    String refuseProtect(Registers regs) {
        if ((regs.arg(2) & PROT_WRITE) == 0) return null;
        long end = regs.arg(0) + roundUp(regs.arg(1));
        for (Live l : live) {
            if (!l.writable() && l.addr() < end && regs.arg(0) < l.addr() + roundUp(l.length())) {
                return "making a read-only MAP_SHARED mapping of a file writable is not supported yet";
            }
        }
        return null;
    }

    /** Follows a completed mmap, munmap or mremap of the recording (the file read from /proc). */
    void update(int pid, Registers regs, long result) {
        Object key = regs.origRax() == SYS_MMAP && isSharedFileMap(regs.arg(3)) ? keyOf(pid, (int) regs.arg(4)) : null;
        update(regs, result, key);
    }

    /**
     * Follows a completed mmap, munmap or mremap (key: the file of a shared file mmap, else
     * ignored).
     */
    public void update(Registers regs, long result, Object key) {
        if (result < 0 && result > -4096) return;
        long nr = regs.origRax();
        if (nr == SYS_MMAP) {
            removeOverlapping(result, regs.arg(1));
            if (isSharedFileMap(regs.arg(3))) {
                live.add(new Live(result, regs.arg(1), regs.arg(5), key, (regs.arg(2) & PROT_WRITE) != 0));
            }
        } else if (nr == SYS_MUNMAP) {
            removeOverlapping(regs.arg(0), regs.arg(1));
        } else if (nr == SYS_MREMAP) {
            // moved or resized: the same file pages, now (also, for old size 0) at result
            Live from = containing(regs.arg(0), Math.max(regs.arg(1), 1));
            if (regs.arg(1) != 0) removeOverlapping(regs.arg(0), regs.arg(1));
            removeOverlapping(result, regs.arg(2));
            if (from != null) {
                live.add(new Live(result, regs.arg(2), from.offset() + (regs.arg(0) - from.addr()), from.fileKey(), from.writable()));
            }
        }
    }

    /** Calls that change a file's bytes through a descriptor: which argument is that descriptor. */
    private static final Map<String, Integer> FILE_CHANGING = Map.of("write", 0, "writev", 0, "pwrite64", 0, "pwritev", 0,
            "pwritev2", 0, "fallocate", 0, "ftruncate", 0, "copy_file_range", 2, "sendfile", 0, "splice", 2);

    /**
     * The bytes of every live shared mapping of the file a completed call changed through a
     * descriptor (pwrite, fallocate, ftruncate...): the mappings show the change, and replay,
     * which emulates the call, must write it into them. Empty when the call changed no mapped file.
     */
    List<io.jrrtui.trace.MemoryWrite> changedViews(int pid, io.jrrtui.sys.TraceeMemory mem, String name, Registers entry, long result) {
        Integer fdArg = FILE_CHANGING.get(name);
        if (live.isEmpty() || fdArg == null || result < 0) return List.of();
        Object key = keyOf(pid, (int) entry.arg(fdArg));
        List<io.jrrtui.trace.MemoryWrite> out = new ArrayList<>();
        for (Live l : live) {
            if (!l.fileKey().equals(key)) continue;
            byte[] data = new byte[(int) Math.min(roundUp(l.length()), 1 << 30)];
            int n = mem.readPartial(l.addr(), data); // stops at a page past the file's end (SIGBUS there)
            if (n > 0) out.add(new io.jrrtui.trace.MemoryWrite(l.addr(), n == data.length ? data : java.util.Arrays.copyOf(data, n)));
        }
        return out;
    }

    /** The argument holding the descriptor of a call that changes a file's bytes (write, pwrite...), or -1. */
    static int changingFd(String name) {
        return FILE_CHANGING.getOrDefault(name, -1);
    }

    boolean isEmpty() {
        return live.isEmpty();
    }

    /**
     * Whether every live mapping of file key in other lies inside one writable live mapping of it
     * here: then the bytes {@link #changedViews} records here after a change of the file are all
     * the other process's mappings show (on replay both map one memory file), so the change needs
     * no mapping of the other process recorded.
     */
    boolean covers(SharedFileMaps other, Object key) {
        for (Live o : other.live) {
            if (!o.fileKey().equals(key)) continue;
            boolean inside = false;
            for (Live l : live) {
                inside |= l.fileKey().equals(key) && l.writable() && l.offset() <= o.offset()
                        && o.offset() + roundUp(o.length()) <= l.offset() + roundUp(l.length());
            }
            if (!inside) return false;
        }
        return true;
    }

    /** Whether mmap flags ask for a shared mapping of a file. */
    public static boolean isSharedFileMap(long flags) {
        return (flags & MAP_TYPE) != MAP_PRIVATE && (flags & MAP_ANONYMOUS) == 0; // MAP_SHARED or MAP_SHARED_VALIDATE
    }

    /** The identity of a file the same way on both sides: its device and inode. */
    public static Object fileKey(long device, long inode) {
        return List.of(device, inode);
    }

    /** Forgets [addr, addr + length): what is left of a mapping on either side stays, at its file offset. */
    private void removeOverlapping(long addr, long length) {
        long end = addr + roundUp(length);
        List<Live> left = new ArrayList<>();
        live.removeIf(l -> {
            long lEnd = l.addr() + roundUp(l.length());
            if (l.addr() >= end || addr >= lEnd) return false;
            if (l.addr() < addr) left.add(new Live(l.addr(), addr - l.addr(), l.offset(), l.fileKey(), l.writable()));
            if (end < lEnd) left.add(new Live(end, lEnd - end, l.offset() + (end - l.addr()), l.fileKey(), l.writable()));
            return true;
        });
        live.addAll(left);
    }

    /** The live mapping holding all of [addr, addr + length), or null. */
    private Live containing(long addr, long length) {
        for (Live l : live) if (l.addr() <= addr && addr + length <= l.addr() + roundUp(l.length())) return l;
        return null;
    }

    private static long roundUp(long length) {
        return (length + PAGE - 1) & ~(PAGE - 1);
    }

    /** The identity of the file open as fd in process pid. */
    static Object keyOf(int pid, int fd) {
        try {
            Map<String, Object> a = Files.readAttributes(Path.of("/proc/" + pid + "/fd/" + fd), "unix:dev,ino");
            return fileKey((Long) a.get("dev"), (Long) a.get("ino"));
        } catch (IOException | RuntimeException e) {
            return fileKey(0, 0); // as replay names it: the mappings stream then holds device 0, inode 0
        }
    }
}
