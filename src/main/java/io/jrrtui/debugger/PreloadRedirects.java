package io.jrrtui.debugger;

import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.symbols.BreakpointLocation;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

/**
 * The recorder's preload library (libjrrpreload, native-shim/jrr-syscallbuf.c) defines read, write,
 * getdents64 and fstatat64 itself and, at start-up, rewrites libc's entries of those into a jump to
 * its own (after checking their bytes). A code stop at libc's entry would both fail that check (the
 * replayed program then takes another path: the replay diverges) and be passed by every call, which
 * all reach the library's function. So a location list that has both keeps the library's only.
 */
final class PreloadRedirects {
    private PreloadRedirects() {}

    static final String LIBRARY = "libjrrpreload.so";
    /** The libc functions redirect() rewrites. */
    private static final Set<String> REWRITTEN = Set.of("read", "write");
    /**
     * The libc functions redirect_exact() rewrites, with the whole wrapper it requires (glibc 2.36;
     * "..", any byte: errno's rip-relative displacement).
     */
    private static final java.util.Map<String, String> EXACT = java.util.Map.of(
            "getdents64", "b8ffffff7f4839c2480f47d0b8d90000000f05483d00f0ffff7705c30f1f4000488b15........f7d8648902"
                    + "48c7c0ffffffffc3",
            "fstatat64", "4189cab8060100000f053d00f0ffff770731c0c30f1f4000488b15........f7d8648902b8ffffffffc3");

    static List<BreakpointLocation> apply(List<BreakpointLocation> found, ProgramImage image) {
        if (found.size() < 2) return found;
        boolean interposed = found.stream().anyMatch(b -> inLibrary(image.moduleAt(b.address())));
        if (!interposed) return found;
        List<BreakpointLocation> kept = found.stream().filter(b -> !rewritten(b, image)).toList();
        return kept.isEmpty() ? found : kept;
    }

    private static boolean inLibrary(LoadedModule m) {
        return m != null && m.path().endsWith("/" + LIBRARY);
    }

    /** A libc read/write entry whose first bytes are the ones redirect() rewrites (glibc 2.3x). */
    private static boolean rewritten(BreakpointLocation b, ProgramImage image) {
        LoadedModule m = image.moduleAt(b.address());
        if (m == null || inLibrary(m)) return false;
        String exact = EXACT.get(b.function().equals("fstatat") ? "fstatat64" : b.function());
        if (exact != null) return matches(fileBytes(m, b.address() - m.symbols().bias(), exact.length() / 2), exact);
        if (!REWRITTEN.contains(b.function())) return false;
        byte[] code = fileBytes(m, b.address() - m.symbols().bias(), 9);
        // cmpb $0, __libc_single_threaded(%rip); je over at least the 13 rewritten bytes
        return code != null && (code[0] & 0xff) == 0x80 && (code[1] & 0xff) == 0x3d && code[6] == 0 && (code[7] & 0xff) == 0x74
                && 9 + code[8] >= 13;
    }

    private static boolean matches(byte[] code, String pattern) {
        if (code == null) return false;
        for (int i = 0; i < code.length; i++) {
            String hex = pattern.substring(2 * i, 2 * i + 2);
            if (!hex.equals("..") && (code[i] & 0xff) != Integer.parseInt(hex, 16)) return false;
        }
        return true;
    }

    private static byte[] fileBytes(LoadedModule m, long vaddr, int len) {
        for (ProgramHeader ph : m.symbols().elf().programHeaders()) {
            if (ph.type() != ProgramHeader.PT_LOAD || vaddr < ph.vaddr() || vaddr + len > ph.vaddr() + ph.filesz()) continue;
            ByteBuffer bb = m.symbols().elf().fileBytes(ph.offset() + (vaddr - ph.vaddr()), len);
            byte[] out = new byte[len];
            bb.get(out);
            return out;
        }
        return null;
    }
}
