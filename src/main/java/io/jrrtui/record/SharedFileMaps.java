package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live MAP_SHARED mappings of files in one process, kept the same way by the recorder and by
 * replay so both take the same decisions. Replay cannot map the program's files (it never opens
 * them); it backs the first shared mapping of a file with a shared anonymous object holding the
 * recorded bytes, and a later shared mapping of the same file with a second view of that object
 * (mremap with old size 0), so a write through one shows through the other as it did. That works
 * when one live mapping covers the whole file range of the new one; otherwise (the range reaches
 * past every live mapping, or a mapping of the file was cut by a partial munmap/mremap) the
 * recorder refuses the call instead of replaying it wrongly.
 */
public final class SharedFileMaps {
    private static final int MAP_TYPE = 0x03, MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20;
    private static final long PAGE = 4096, PROT_WRITE = 2;
    private static final int SYS_MMAP = 9, SYS_MUNMAP = 11, SYS_MREMAP = 25;

    /** One live shared mapping: where, how long, which part of which file, mapped writable or not. */
    private record Live(long addr, long length, long offset, Object fileKey, boolean writable) {}

    private final List<Live> live = new ArrayList<>();
    /** Files whose mapping was partly unmapped or moved: what is left cannot be followed. */
    private final Set<Object> cut = new HashSet<>();
    /**
     * Files mapped read-only through views no single one of which covers the others (replay gives
     * them objects of their own): harmless while nothing writes, refused once something would.
     */
    private final Set<Object> split = new HashSet<>();

    /** A copy for a forked child: it inherits the parent's mappings. */
    public SharedFileMaps copy() {
        SharedFileMaps c = new SharedFileMaps();
        c.live.addAll(live);
        c.cut.addAll(cut);
        c.split.addAll(split);
        return c;
    }

    /** Why this mmap entry cannot be recorded, or null. */
    String refuse(int pid, Registers regs) {
        if (!isSharedFileMap(regs.arg(3))) return null;
        Object key = keyOf(pid, (int) regs.arg(4));
        if (cut.contains(key)) {
            return "a second MAP_SHARED mapping of a file whose first one was partly unmapped or moved is not supported yet";
        }
        boolean writes = (regs.arg(2) & PROT_WRITE) != 0 || hasLiveWritable(key);
        if (hasLive(key) && writes && (split.contains(key) || aliasSource(key, regs.arg(5), regs.arg(1)) == 0)) {
            return "a second MAP_SHARED mapping of the same file reaching past the first one is not supported yet";
        }
        return null;
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
            removeOverlapping(result, regs.arg(1), false);
            if (isSharedFileMap(regs.arg(3))) {
                if (hasLive(key) && aliasSource(key, regs.arg(5), regs.arg(1)) == 0) split.add(key);
                live.add(new Live(result, regs.arg(1), regs.arg(5), key, (regs.arg(2) & PROT_WRITE) != 0));
            }
        } else if (nr == SYS_MUNMAP) {
            removeOverlapping(regs.arg(0), regs.arg(1), false);
        } else if (nr == SYS_MREMAP) {
            // moved or resized: the mapping lives on elsewhere or in another size, not followed
            removeOverlapping(regs.arg(0), regs.arg(1), true);
            removeOverlapping(result, regs.arg(2), true);
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

    /** Whether the file has a live shared mapping in this process mapped writable. */
    public boolean hasLiveWritable(Object key) {
        for (Live l : live) if (l.fileKey().equals(key) && l.writable()) return true;
        return false;
    }

    /** Whether the file has a live shared mapping in this process. */
    public boolean hasLive(Object key) {
        for (Live l : live) if (l.fileKey().equals(key)) return true;
        return false;
    }

    /**
     * The address, inside a live shared mapping of the file, of the page at file offset offset,
     * when that mapping covers [offset, offset + length); 0 when none does.
     */
    public long aliasSource(Object key, long offset, long length) {
        long end = offset + roundUp(length);
        for (Live l : live) {
            if (l.fileKey().equals(key) && l.offset() <= offset && end <= l.offset() + roundUp(l.length())) {
                return l.addr() + (offset - l.offset());
            }
        }
        return 0;
    }

    /** Whether mmap flags ask for a shared mapping of a file. */
    public static boolean isSharedFileMap(long flags) {
        return (flags & MAP_TYPE) != MAP_PRIVATE && (flags & MAP_ANONYMOUS) == 0; // MAP_SHARED or MAP_SHARED_VALIDATE
    }

    /** The identity of a file the same way on both sides: its device and inode. */
    public static Object fileKey(long device, long inode) {
        return List.of(device, inode);
    }

    private void removeOverlapping(long addr, long length, boolean alwaysCut) {
        long end = addr + roundUp(length);
        live.removeIf(l -> {
            boolean overlaps = l.addr() < end && addr < l.addr() + roundUp(l.length());
            if (overlaps && (alwaysCut || l.addr() < addr || l.addr() + roundUp(l.length()) > end)) cut.add(l.fileKey());
            return overlaps;
        });
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
