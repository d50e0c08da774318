package io.jrrtui.sys;

import io.jrrtui.util.Words;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the CPU a jrrtui process pins its tracer thread and tracees to, so that concurrent
 * sessions spread over the machine instead of piling onto one CPU.
 *
 * <p>Each pinning process leaves a claim: a file {@code cpu-PID} holding its CPU number in a
 * per-user folder, locked for as long as the process lives (the kernel drops the lock when it
 * dies, so a claim whose lock can be taken is stale and removed). A new session takes the allowed
 * CPU with the fewest live claims; among equals, the one that was least busy over a short sample
 * of /proc/stat. Choosing and claiming happen under one folder lock, so two sessions starting
 * together still land on different CPUs.
 *
 * <p>Any failure (no writable folder, odd /proc) falls back to "no claim": the first allowed CPU
 * by load alone. Pinning itself never affects what is recorded: all tracee threads run on the one
 * CPU whichever it is, and replay does the same.
 */
public final class CpuClaim {
    /** How long the load sample lasts at least: long enough to see a busy CPU, short next to a JVM start. */
    private static final long SAMPLE_MS = 15;

    /** The first /proc/stat reading when a command took it early (beginLoadSample), its CPUs and time. */
    private static long[] earlyBusy;
    private static List<Integer> earlyAllowed;
    private static long earlyNanos;

    /** Held open (and locked) for the life of the process: that is the claim. */
    private static FileChannel held;

    private CpuClaim() {}

    /** The CPU to pin to, or -1 to let the scheduler float everything (JRR_NO_PIN, one CPU). */
    static int choose() {
        if (System.getenv("JRR_NO_PIN") != null) return -1;
        List<Integer> allowed = allowedCpus();
        if (allowed.size() < 2) return -1;
        return choose(claimFolder(), allowed);
    }

    /** Chooses among allowed with the claims in dir (null: none) and records this process's claim. */
    static synchronized int choose(Path dir, List<Integer> allowed) {
        long[] busy = busyTicks(allowed);
        if (dir == null) return leastBusy(allowed, new int[allowed.size()], busy);
        try (FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lockFile.lock()) {
            int cpu = leastBusy(allowed, liveClaims(dir, allowed), busy);
            claim(dir, cpu);
            return cpu;
        } catch (IOException | OverlappingFileLockException e) {
            return leastBusy(allowed, new int[allowed.size()], busy);
        }
    }

    /** The CPU with the fewest claims, ties broken by the smaller busy figure. */
    static int leastBusy(List<Integer> allowed, int[] claims, long[] busy) {
        int best = 0;
        for (int i = 1; i < allowed.size(); i++) {
            if (claims[i] < claims[best] || (claims[i] == claims[best] && busy[i] < busy[best])) best = i;
        }
        return allowed.get(best);
    }

    /** Per-user folder of claims: under XDG_RUNTIME_DIR when set, else /tmp; null when unusable. */
    private static Path claimFolder() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isEmpty()
                ? Path.of(runtime, "jrrtui-cpu")
                : Path.of(System.getProperty("java.io.tmpdir"), "jrrtui-cpu-" + System.getProperty("user.name"));
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir) && Files.getOwner(dir).getName().equals(System.getProperty("user.name")) ? dir : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Counts the live claims per allowed CPU, deleting stale ones on the way. */
    private static int[] liveClaims(Path dir, List<Integer> allowed) throws IOException {
        int[] counts = new int[allowed.size()];
        String own = "cpu-" + ProcessHandle.current().pid();
        try (DirectoryStream<Path> claims = Files.newDirectoryStream(dir, "cpu-*")) {
            for (Path claim : claims) {
                if (claim.getFileName().toString().equals(own)) continue;
                int cpu = liveCpu(claim);
                int i = allowed.indexOf(cpu);
                if (i >= 0) counts[i]++;
            }
        }
        return counts;
    }

    /** The CPU a claim names if its owner still holds it, else -1 (and the stale file is removed). */
    private static int liveCpu(Path claim) {
        try (FileChannel ch = FileChannel.open(claim, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = ch.tryLock();
            if (probe != null) {
                Files.deleteIfExists(claim);
                return -1;
            }
            return cpuIn(claim);
        } catch (OverlappingFileLockException e) {
            return cpuIn(claim); // this JVM holds it: live
        } catch (IOException e) {
            return -1;
        }
    }

    private static int cpuIn(Path claim) {
        try {
            return Integer.parseInt(Files.readString(claim, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void claim(Path dir, int cpu) throws IOException {
        Path file = dir.resolve("cpu-" + ProcessHandle.current().pid());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        ch.lock();
        ch.write(ByteBuffer.wrap((cpu + "\n").getBytes(StandardCharsets.US_ASCII)));
        held = ch;
        file.toFile().deleteOnExit();
    }

    /** The CPUs this process may run on (its affinity mask as /proc shows it), ascending. */
    static List<Integer> allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) return parseList(line.substring(line.indexOf(':') + 1).trim());
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) all.add(i);
        return all;
    }

    /** Parses a kernel CPU list such as {@code 0-3,6,8-9}. */
    static List<Integer> parseList(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) continue;
            int dash = part.indexOf('-');
            int from = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).trim());
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).trim());
            for (int c = from; c <= to; c++) cpus.add(c);
        }
        return cpus;
    }

    /**
     * Takes the first reading of the load sample now. A command that will start a tracer calls this
     * first thing; by the time the tracer's CPU is chosen (after opening the trace, loading JNA...)
     * the sample has usually lasted SAMPLE_MS already, so choosing does not sleep: 15 ms less wall
     * time for every record and replay. The sample then covers a longer time, which is no worse.
     */
    public static synchronized void beginLoadSample() {
        if (System.getenv("JRR_NO_PIN") != null) return;
        List<Integer> allowed = allowedCpus();
        if (allowed.size() < 2) return;
        earlyBusy = busyNow(allowed);
        earlyAllowed = allowed;
        earlyNanos = System.nanoTime();
    }

    /** How much longer a sample begun at startedNanos must last at nowNanos (ms, 0 when done). */
    static long remainingSampleMs(long startedNanos, long nowNanos) {
        long elapsedMs = (nowNanos - startedNanos) / 1_000_000;
        return Math.max(0, SAMPLE_MS - elapsedMs);
    }

    /** Busy (non-idle, non-iowait) ticks of each CPU over SAMPLE_MS or more; zeros when /proc/stat is unreadable. */
    private static long[] busyTicks(List<Integer> allowed) {
        boolean early = earlyBusy != null && allowed.equals(earlyAllowed);
        long[] before = early ? earlyBusy : busyNow(allowed);
        long wait = early ? remainingSampleMs(earlyNanos, System.nanoTime()) : SAMPLE_MS;
        earlyBusy = null;
        try {
            if (wait > 0) Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long[] after = busyNow(allowed);
        for (int i = 0; i < after.length; i++) after[i] -= before[i];
        return after;
    }

    private static long[] busyNow(List<Integer> allowed) {
        long[] busy = new long[allowed.size()];
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (!line.startsWith("cpu") || line.startsWith("cpu ")) continue;
                String[] f = Words.split(line);
                int i = allowed.indexOf(Integer.parseInt(f[0].substring(3)));
                if (i < 0) continue;
                // user nice system idle iowait irq softirq steal: busy is all but idle and iowait
                long total = 0;
                for (int k = 1; k < Math.min(f.length, 9); k++) {
                    if (k != 4 && k != 5) total += Long.parseLong(f[k]);
                }
                busy[i] = total;
            }
        } catch (IOException | RuntimeException e) {
            return new long[allowed.size()];
        }
        return busy;
    }
}
