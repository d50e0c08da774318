package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Live MAP_SHARED mappings of files. Replay backs every file mapping with private anonymous memory
 * holding the recorded bytes, which is exact for one mapping per file; two shared mappings of the
 * same file alias each other's pages, which replay cannot reproduce yet, so that case is refused
 * with a clear message instead of replaying wrongly.
 */
final class SharedFileMaps {
    private static final int MAP_TYPE = 0x03, MAP_SHARED = 0x01, MAP_ANONYMOUS = 0x20;

    private record Live(long addr, long length, Object fileKey) {}

    private final List<Live> live = new ArrayList<>();

    /** Why this mmap entry cannot be recorded, or null. */
    String refuse(int pid, Registers regs) {
        if (!isSharedFileMap(regs)) return null;
        Object key = fileKey(pid, (int) regs.arg(4));
        for (Live l : live) {
            if (l.fileKey().equals(key)) {
                return "a second MAP_SHARED mapping of the same file is not supported yet (the two would alias)";
            }
        }
        return null;
    }

    /** Follows a completed mmap or munmap. */
    void update(int pid, Registers regs, long result) {
        if (result < 0 && result > -4096) return;
        long nr = regs.origRax();
        if (nr == 9) { // mmap
            removeOverlapping(result, regs.arg(1));
            if (isSharedFileMap(regs)) live.add(new Live(result, regs.arg(1), fileKey(pid, (int) regs.arg(4))));
        } else if (nr == 11) { // munmap
            removeOverlapping(regs.arg(0), regs.arg(1));
        }
    }

    private void removeOverlapping(long addr, long length) {
        live.removeIf(l -> l.addr() < addr + length && addr < l.addr() + l.length());
    }

    private static boolean isSharedFileMap(Registers regs) {
        long flags = regs.arg(3);
        return (flags & MAP_TYPE) == MAP_SHARED && (flags & MAP_ANONYMOUS) == 0;
    }

    private static Object fileKey(int pid, int fd) {
        try {
            Map<String, Object> a = Files.readAttributes(Path.of("/proc/" + pid + "/fd/" + fd), "unix:dev,ino");
            return List.of(a.get("dev"), a.get("ino"));
        } catch (IOException | RuntimeException e) {
            return List.of("fd", fd);
        }
    }
}
