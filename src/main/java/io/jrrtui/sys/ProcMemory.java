package io.jrrtui.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a process costs in memory, from /proc/PID/smaps_rollup. */
public final class ProcMemory {
    private ProcMemory() {}

    /**
     * Bytes only this process holds (Private_Clean + Private_Dirty): for a copy-on-write fork, the
     * pages that were written on either side since it was forked. 0 when the process is gone.
     */
    public static long privateBytes(int pid) {
        long kb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Private_Clean:") || line.startsWith("Private_Dirty:")) {
                    kb += Long.parseLong(line.substring(line.indexOf(':') + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return kb * 1024;
    }
}
