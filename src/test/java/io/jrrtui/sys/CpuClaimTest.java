package io.jrrtui.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuClaimTest {
    @Test
    void parsesKernelCpuLists() {
        assertEquals(List.of(0, 1, 2, 3, 6, 8, 9), CpuClaim.parseList("0-3,6,8-9"));
        assertEquals(List.of(5), CpuClaim.parseList("5"));
    }

    @Test
    void fewestClaimsWinsThenLeastBusy() {
        List<Integer> cpus = List.of(0, 1, 2);
        assertEquals(2, CpuClaim.leastBusy(cpus, new int[] {1, 1, 0}, new long[] {0, 0, 9}));
        assertEquals(1, CpuClaim.leastBusy(cpus, new int[] {0, 0, 0}, new long[] {5, 1, 3}));
        assertEquals(0, CpuClaim.leastBusy(cpus, new int[] {0, 0, 0}, new long[] {0, 0, 0}));
    }

    @Test
    void aSampleBegunEarlyWaitsOnlyForWhatIsLeft() {
        long start = 1_000_000_000L;
        assertEquals(15, CpuClaim.remainingSampleMs(start, start));
        assertEquals(5, CpuClaim.remainingSampleMs(start, start + 10_000_000L));
        assertEquals(0, CpuClaim.remainingSampleMs(start, start + 15_000_000L));
        assertEquals(0, CpuClaim.remainingSampleMs(start, start + 3_000_000_000L));
    }

    @Test
    void theCpusThisProcessMayUseAreListed() {
        List<Integer> allowed = CpuClaim.allowedCpus();
        assertFalse(allowed.isEmpty());
        // (availableProcessors may be smaller under a CPU quota, so only the affinity list counts)
        for (int cpu : allowed) assertTrue(cpu >= 0 && cpu < 4096, "cpu " + cpu);
        assertEquals(allowed.stream().sorted().distinct().toList(), allowed, "ascending, no repeats");
    }

    @Test
    void aLiveClaimPushesTheNextSessionToAnotherCpuAndAStaleOneIsRemoved(@TempDir Path dir) throws Exception {
        // Another session holds CPU 0 (its claim file is locked); a dead one left a claim on CPU 1.
        Path live = dir.resolve("cpu-999998");
        Files.writeString(live, "0\n");
        Path stale = dir.resolve("cpu-999999");
        Files.writeString(stale, "1\n");
        try (FileChannel ch = FileChannel.open(live, StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            assertTrue(held.isValid());
            assertEquals(1, CpuClaim.choose(dir, List.of(0, 1)));
            assertFalse(Files.exists(stale), "a claim nobody holds is stale");
            assertTrue(Files.exists(live));
            Path own = dir.resolve("cpu-" + ProcessHandle.current().pid());
            assertEquals("1", Files.readString(own).trim(), "the new session's own claim");
        }
    }
}
