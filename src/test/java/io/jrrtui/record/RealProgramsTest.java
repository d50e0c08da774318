package io.jrrtui.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.testsupport.Jrr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs people actually run, recorded and replayed with {@code replay -a}: stdout, stderr and
 * the exit status must come out byte for byte as recorded. A program that is not installed is
 * skipped, saying so (CI installs them: see .ci/run).
 */
class RealProgramsTest {
    @TempDir
    Path tmp;

    @Test
    void python3WithThreads() throws IOException {
        Path script = write("threads.py", """
                import threading
                results = []
                lock = threading.Lock()
                def work(i):
                    total = sum(range(i * 20000))
                    with lock:
                        results.append((i, total))
                threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
                for t in threads: t.start()
                for t in threads: t.join()
                for i, total in sorted(results): print(i, total)
                """);
        recordsAndReplays("python3", installed("python3"), script.toString());
    }

    /**
     * multiprocessing.shared_memory with the spawn start method: a fresh python3 (fork then exec)
     * maps the parent's /dev/shm file on its own and writes into it. The parent prints what it
     * sees, in a length that depends on it, so a view that did not alias would diverge on replay.
     */
    @Test
    void python3SharedMemoryAcrossProcesses() throws IOException {
        Path script = write("shm.py", """
                from multiprocessing import shared_memory, Process, set_start_method
                def child(name):
                    s = shared_memory.SharedMemory(name=name)
                    s.buf[:5] = b"child"
                    s.close()
                if __name__ == "__main__":
                    set_start_method("spawn")
                    s = shared_memory.SharedMemory(create=True, size=4096)
                    s.buf[:6] = b"parent"
                    p = Process(target=child, args=(s.name,))
                    p.start()
                    p.join()
                    seen = bytes(s.buf[:6]).decode()
                    print("the child wrote:", seen * 3 if seen.startswith("child") else "nothing", p.exitcode)
                    s.close()
                    s.unlink()
                """);
        recordsAndReplays("python3-shm", installed("python3"), script.toString());
    }

    @Test
    void nodeWithTimers() throws IOException {
        Path script = write("timers.js", """
                let ticks = 0;
                const every = setInterval(() => {
                  ticks++;
                  console.log('tick', ticks);
                  if (ticks === 3) clearInterval(every);
                }, 5);
                setTimeout(() => console.log('timeout after', ticks >= 3 ? 'all ticks' : 'some ticks'), 40);
                """);
        recordsAndReplays("node", installed("node"), script.toString());
    }

    @Test
    void sqlite3() throws IOException {
        recordsAndReplays("sqlite3", installed("sqlite3"), tmp.resolve("t.db").toString(),
                "create table t(x); insert into t values (1),(2),(random() % 7); select count(*), sum(x) > 0 from t;");
    }

    @Test
    void gitInitCommitLog() throws IOException {
        installed("git");
        recordsAndReplays("git", shell(), "-c", "cd " + tmp + " && git init -q repo && cd repo"
                + " && echo hello > f && git add f && git -c user.name=t -c user.email=t@example.org commit -q -m first"
                + " && git log --format=%s%n%an && git status --short | wc -l");
    }

    @Test
    void gccCompilesAndLinks() throws IOException {
        installed("gcc");
        Path src = write("small.c", """
                #include <stdio.h>
                static int square(int x) { return x * x; }
                int main(void) { printf("%d\\n", square(12)); return 3; }
                """);
        Path exe = tmp.resolve("small");
        recordsAndReplays("gcc", shell(), "-c", "gcc -O1 -o " + exe + " " + src + " && " + exe);
    }

    @Test
    void makeWithTwoJobs() throws IOException {
        installed("make");
        write("Makefile", """
                all: a.txt b.txt c.txt d.txt
                \tcat a.txt b.txt c.txt d.txt
                a.txt:
                \techo alpha > a.txt
                b.txt:
                \techo beta > b.txt
                c.txt:
                \techo gamma > c.txt
                d.txt: a.txt
                \tsed s/alpha/delta/ a.txt > d.txt
                """);
        recordsAndReplays("make", installed("make"), "-s", "-j2", "-C", tmp.toString());
    }

    @Test
    void shellPipeline() throws IOException {
        recordsAndReplays("sh", shell(), "-c", "printf 'pear\\napple\\nfig\\napple\\n' | sort | uniq -c | tr a-z A-Z | wc -l; echo done >&2");
    }

    @Test
    void javaVersion() throws IOException {
        recordsAndReplays("java", installed("java"), "-version");
    }

    @Test
    void javaWithThreads() throws IOException, InterruptedException {
        Path javac = installed("javac");
        Path src = write("Sums.java", """
                public class Sums {
                    public static void main(String[] args) throws Exception {
                        long[] sums = new long[4];
                        Thread[] threads = new Thread[4];
                        for (int i = 0; i < 4; i++) {
                            final int k = i;
                            threads[i] = new Thread(() -> {
                                long s = 0;
                                for (int j = 0; j < 100_000 * (k + 1); j++) s += j;
                                sums[k] = s;
                            });
                            threads[i].start();
                        }
                        for (Thread t : threads) t.join();
                        for (int i = 0; i < 4; i++) System.out.println(i + " " + sums[i]);
                    }
                }
                """);
        Process p = new ProcessBuilder(javac.toString(), "-d", tmp.toString(), src.toString()).inheritIO().start();
        assertEquals(true, p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "javac failed");
        recordsAndReplays("java", installed("java"), "-XX:TieredStopAtLevel=1", "-cp", tmp.toString(), "Sums");
    }

    /** Records command, replays it, and compares everything the program printed and its status. */
    private void recordsAndReplays(String name, Path program, String... args) throws IOException {
        Path trace = tmp.resolve("trace-" + name);
        Path out = tmp.resolve(name + ".out");
        Path err = tmp.resolve(name + ".err");
        List<String> cmd = new ArrayList<>(List.of("record", "-q", "-o", trace.toString(), "--stdin", "/dev/null",
                "--stdout", out.toString(), "--stderr", err.toString(), "--", program.toString()));
        cmd.addAll(List.of(args));
        Jrr.Run recorded = Jrr.run(cmd.toArray(String[]::new));
        assertEquals("", recorded.errText(), name + ": jrrtui record reported a problem");
        byte[] recordedOut = Files.readAllBytes(out);
        byte[] recordedErr = Files.readAllBytes(err);
        assertTrue(recordedOut.length + recordedErr.length > 0, name + " printed nothing: the test would prove nothing");

        Jrr.Run replay = Jrr.run("replay", "-a", trace.toString());
        assertEquals(recorded.status(), replay.status(), name + ": replay exit status\n" + replay.errText());
        assertEquals(text(recordedOut), text(replay.out()), name + ": replayed stdout");
        assertArrayEquals(recordedOut, replay.out(), name + ": replayed stdout bytes");
        assertEquals(text(recordedErr), text(replay.err()), name + ": replayed stderr");
    }

    private static void assertTrue(boolean ok, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(ok, message);
    }

    /** The installed program (a search of PATH), or the test is skipped saying it is not installed. */
    private static Path installed(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(p) && !isScript(p)) return p;
        }
        assumeTrue(false, program + " is not installed");
        return null;
    }

    /** Version-manager shims (pyenv) are shell scripts: the test wants the program itself. */
    private static boolean isScript(Path p) {
        try (var in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == '#' && head[1] == '!';
        } catch (IOException e) {
            return true;
        }
    }

    private static Path shell() {
        return installed("sh");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
