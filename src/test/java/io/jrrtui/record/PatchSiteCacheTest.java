package io.jrrtui.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The on-disk rdtsc site cache answers as the decoder does, and a wrong entry is not trusted. */
class PatchSiteCacheTest {
    /** nops with an rdtsc at 16 and an rdtscp at 40, and random bytes after (a key of its own). */
    private static byte[] code() {
        byte[] code = new byte[4096];
        Arrays.fill(code, 0, 64, (byte) 0x90);
        code[16] = 0x0f;
        code[17] = 0x31;
        code[40] = 0x0f;
        code[41] = 0x01;
        code[42] = (byte) 0xf9;
        byte[] tail = new byte[code.length - 64];
        new Random().nextBytes(tail);
        for (int i = 0; i < tail.length; i++) code[64 + i] = (byte) (tail[i] == 0x0f ? 0x90 : tail[i]);
        code[code.length - 1] = (byte) 0xc3;
        return code;
    }

    @Test
    void secondLookupComesFromDiskAndMatchesTheDecoder() {
        byte[] code = code();
        AtomicInteger decoded = new AtomicInteger();
        Function<byte[], long[]> find = c -> {
            decoded.incrementAndGet();
            return new long[] {16, 40};
        };
        assertArrayEquals(new long[] {16, 40}, PatchSiteCache.sites(code, find));
        assertArrayEquals(new long[] {16, 40}, PatchSiteCache.sites(code, find));
        assertEquals(1, decoded.get(), "the second process-independent lookup must not decode");
    }

    @Test
    void anEntryNamingBytesThatAreNotRdtscIsIgnored() {
        byte[] code = code();
        // First call stores a wrong answer (site 0 is a nop); the next must notice and decode.
        PatchSiteCache.sites(code, c -> new long[] {0});
        AtomicInteger decoded = new AtomicInteger();
        long[] sites = PatchSiteCache.sites(code, c -> {
            decoded.incrementAndGet();
            return new long[] {16, 40};
        });
        assertArrayEquals(new long[] {16, 40}, sites);
        assertEquals(1, decoded.get());
    }
}
