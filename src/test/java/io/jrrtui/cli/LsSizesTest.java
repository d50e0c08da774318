package io.jrrtui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ls's sizes are computed in integers now; they must read as the %.1f they replaced. */
class LsSizesTest {
    private static String viaFormat(long bytes) {
        if (bytes < 1024) return bytes + "B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1fK", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1fM", bytes / 1048576.0);
        return String.format(Locale.ROOT, "%.1fG", bytes / 1073741824.0);
    }

    @Test
    void sameAsPercentPointOneF() {
        long[] edges = {0, 1, 1023, 1024, 1075, 1076, 1280, 1536, 1048575, 1048576, 1101004, 1073741823, 1073741824,
            5L << 30, (1L << 40) + 123456789, Long.MAX_VALUE / 16};
        for (long b : edges) assertEquals(viaFormat(b), LsCommand.human(b), "bytes " + b);
        Random r = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            long b = r.nextLong() >>> (1 + r.nextInt(40));
            assertEquals(viaFormat(b), LsCommand.human(b), "bytes " + b);
        }
    }
}
