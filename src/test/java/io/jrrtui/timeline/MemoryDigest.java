package io.jrrtui.timeline;

import io.jrrtui.target.MemoryRegion;
import io.jrrtui.target.Target;
import java.security.MessageDigest;

/** A digest of every writable mapping of a replay's live process, as the debugger reads it (no int3 shown). */
final class MemoryDigest {
    private MemoryDigest() {}

    static String of(Target s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (MemoryRegion r : s.memoryMap()) {
                if (r.perms().charAt(1) != 'w' || r.path().startsWith("[v")) continue;
                md.update((r.start() + "-" + r.end() + " ").getBytes());
                for (long a = r.start(); a < r.end(); a += 1 << 16) md.update(s.readMemory(a, (int) Math.min(1 << 16, r.end() - a)));
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
