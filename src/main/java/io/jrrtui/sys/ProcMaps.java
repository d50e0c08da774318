package io.jrrtui.sys;

import io.jrrtui.util.JrrException;
import io.jrrtui.util.Words;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** /proc/PID/maps, parsed. */
public final class ProcMaps {
    /** One mapping line. */
    public record Region(long start, long end, String perms, long offset, String path) {}

    private ProcMaps() {}

    public static List<Region> read(int pid) {
        List<Region> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
                String[] f = Words.split(line, 6);
                String[] range = f[0].split("-");
                out.add(new Region(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16), f[1],
                        Long.parseUnsignedLong(f[2], 16), f.length > 5 ? f[5] : ""));
            }
        } catch (IOException e) {
            throw new JrrException("cannot read memory map of pid " + pid + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The region containing addr, or null. */
    public static Region find(int pid, long addr) {
        for (Region r : read(pid)) if (Long.compareUnsigned(addr, r.start()) >= 0 && Long.compareUnsigned(addr, r.end()) < 0) return r;
        return null;
    }
}
