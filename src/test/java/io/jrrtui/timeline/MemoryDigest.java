package io.jrrtui.timeline;

import io.jrrtui.target.MemoryRegion;
import io.jrrtui.target.Target;
import java.security.MessageDigest;

/**
 * A digest of every writable mapping of a replay's live process, as the debugger reads it (no int3
 * shown): each page's address and bytes. Not the mappings' boundaries: the kernel does not
 * merge a new anonymous mapping with an adjacent one a forked copy inherited (their anon_vma
 * differ), so after a checkpoint restore the syscall buffer's first slot, mapped next to the
 * library's control page, stays a region of its own where forward replay shows one region. Same
 * addresses, permissions and bytes; only /proc/PID/maps' split differs.
 */
final class MemoryDigest {
    private MemoryDigest() {}

    static String of(Target s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (MemoryRegion r : s.memoryMap()) {
                if (r.perms().charAt(1) != 'w' || r.path().startsWith("[v")) continue;
                for (long a = r.start(); a < r.end(); a += 1 << 16) {
                    byte[] chunk = s.readMemory(a, (int) Math.min(1 << 16, r.end() - a));
                    for (int p = 0; p < chunk.length; p += 4096) { // page by page: a split region gives the same digest
                        md.update((Long.toHexString(a + p) + " ").getBytes());
                        md.update(chunk, p, Math.min(4096, chunk.length - p));
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
