package io.jrrtui.cli;

import io.jrrtui.record.CpuFeatures;
import io.jrrtui.record.Recorder;
import io.jrrtui.sys.CpuClaim;
import io.jrrtui.sys.TraceeLauncher;
import io.jrrtui.trace.TraceFormat;
import io.jrrtui.trace.TraceInfo;
import io.jrrtui.trace.TraceStore;
import io.jrrtui.trace.FileStore;
import io.jrrtui.trace.TraceWriter;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code jrrtui record [-o DIR] [-q] [--] PROG [ARGS...]}. */
final class RecordCommand implements Command {
    @Override
    public String name() {
        return "record";
    }

    @Override
    public String summary() {
        return "run a program and record its execution";
    }

    @Override
    public String usage() {
        return """
                usage: jrrtui record [-o DIR] [-q] [-n] [--stdin F] [--stdout F] [--stderr F] [--] PROG [ARGS...]
                  -o DIR       write the trace to DIR instead of the trace store
                  -q           print nothing but the program's own output (no progress line either:
                               it shows on a terminal's stderr when the program's output goes elsewhere)
                  --stdin F    give the program F as its standard input (likewise --stdout, --stderr)
                  --single-task  refuse threads, fork, vfork and exec (recorded by default; the old
                               --experimental-tasks is still accepted and changes nothing)
                  -n, --no-syscall-buffer  stop at every syscall instead of buffering the hot ones
                               (read/write/pread/lseek on regular files and /dev/null|zero, fstat,
                               clock_gettime, gettimeofday) inside the program, which is the default;
                               JRR_SYSCALL_BUFFER=0 in the environment does the same
                  --chaos      random short timeslices, random instruction counts and scheduling order (rare interleavings)
                  --until-fail N  record up to N runs, delete the passing ones, keep the first failing one
                Exits with the program's status (128+N when killed by signal N).
                Traces go to $JRR_TRACE_DIR, else $XDG_DATA_HOME/jrr, else ~/.local/share/jrr.""";
    }

    @Override
    public int run(List<String> args, Console console) throws IOException {
        Args a = Args.parse(args, List.of("-q", "--quiet", "--experimental-tasks", "--single-task", "--chaos",
                "--syscall-buffer", "-n", "--no-syscall-buffer"),
                List.of("-o", "--output", "--stdin", "--stdout", "--stderr", "--until-fail"), true);
        if (a.positional().isEmpty()) throw new UsageException("no program given");
        CpuClaim.beginLoadSample(); // the tracer's CPU is chosen later; see there
        String untilFail = a.value("--until-fail");
        if (untilFail != null) return untilFail(a, untilFail, console);
        return recordOnce(a, console).status();
    }

    /** One recording's outcome. */
    private record Outcome(int status, Path dir) {}

    /**
     * {@code --until-fail N}: records up to N runs, deleting the passing ones, and keeps the first
     * run that fails (non-zero status) — the loop people write in shell, built in.
     */
    private int untilFail(Args a, String count, Console console) throws IOException {
        int n;
        try {
            n = Integer.parseInt(count);
        } catch (NumberFormatException e) {
            throw new UsageException("--until-fail needs a number of runs, not '" + count + "'");
        }
        if (n < 1) throw new UsageException("--until-fail needs at least one run");
        if (a.value("-o", "--output") != null) throw new UsageException("--until-fail names its traces itself (no -o)");
        TraceStore store = TraceStore.fromEnvironment();
        for (int i = 1; i <= n; i++) {
            Outcome o = recordOnce(a, console);
            if (o.status() != 0) {
                store.collectUnusedContents(); // what only the deleted passing runs used
                console.err().println("jrrtui: run " + i + " of " + n + " failed with status " + o.status()
                        + "; its recording is " + o.dir() + " (replay it with: jrrtui replay " + o.dir().getFileName() + ")");
                return o.status();
            }
            store.remove(o.dir());
        }
        store.collectUnusedContents();
        console.err().println("jrrtui: no failure in " + n + " runs (all recordings deleted)");
        return 0;
    }

    private Outcome recordOnce(Args a, Console console) throws IOException {
        List<String> argv = a.positional();
        Path exe = ProgramPath.resolve(argv.get(0));
        TraceStore store = TraceStore.fromEnvironment();
        Path dir;
        String out = a.value("-o", "--output");
        if (out != null) {
            dir = Path.of(out);
            if (Files.exists(dir) && (!Files.isDirectory(dir) || Files.list(dir).findAny().isPresent())) {
                throw new JrrException("cannot record into " + dir + ": it exists and is not an empty directory");
            }
        } else {
            dir = store.newTraceDir(exe.getFileName().toString());
        }
        Files.createDirectories(dir); // the recorder keeps the program's copy in it at the first exec
        CpuFeatures.ofThisCpu().write(dir);
        List<String> env = new ArrayList<>();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) env.add(e.getKey() + "=" + e.getValue());
        String cwd = Path.of("").toAbsolutePath().toString();
        TraceInfo info = new TraceInfo(TraceFormat.VERSION, exe.toString(), List.copyOf(argv), List.copyOf(env), cwd,
                System.currentTimeMillis(), 0, false, 0, -1, "");
        boolean quiet = a.flag("-q", "--quiet");
        // a recording of the store shares file contents with its other recordings; -o DIR keeps its own
        try (TraceWriter writer = new TraceWriter(dir, info, out == null ? FileStore.sharedIn(store.root()) : null)) {
            TraceeLauncher.Stdio stdio = new TraceeLauncher.Stdio(absolute(a.value("--stdin")), absolute(a.value("--stdout")),
                    absolute(a.value("--stderr")));
            Recorder recorder = new Recorder(writer, exe.toString(), argv, env, cwd, stdio)
                    .allowTasks(!a.flag("--single-task"));
            if (a.flag("--chaos")) recorder.chaos(System.nanoTime());
            recorder.syscallBuffer(syscallBuffer(a));
            Recorder.Result result;
            // progress only where the program cannot write into its line: its stdout and stderr are not the terminal
            boolean progress = !quiet && console.err() == System.err && StderrProgress.isTerminal(2)
                    && (stdio.out() != null || !StderrProgress.isTerminal(1)) && stdio.err() != null;
            try (InterruptGuard guard = InterruptGuard.passToTracee(); StopSignals stop = StopSignals.forwardTo(recorder);
                    StderrProgress shown = StderrProgress.start(progress, console.err(), "recording", recorder::eventsRecorded, 0)) {
                result = recorder.run(info);
            } finally {
                if (out == null) store.setLatest(dir);
            }
            if (!quiet) {
                console.err().println("jrrtui: recorded " + result.events() + " events to " + dir
                        + " (program " + result.endReason() + ")");
            }
            return new Outcome(result.exitStatus(), dir);
        } catch (JrrException e) {
            throw new JrrException(e.getMessage() + " (partial recording kept in " + dir + ")", e.exitStatus(), e);
        }
    }

    /**
     * Syscall buffering is on unless -n/--no-syscall-buffer or JRR_SYSCALL_BUFFER=0 (which lets a
     * whole test suite run the ptrace path); --syscall-buffer, the old opt-in, is still accepted.
     */
    private static boolean syscallBuffer(Args a) {
        if (a.flag("-n", "--no-syscall-buffer")) return false;
        return a.flag("--syscall-buffer") || !"0".equals(System.getenv("JRR_SYSCALL_BUFFER"));
    }

    private static String absolute(String file) {
        return file == null ? null : Path.of(file).toAbsolutePath().toString();
    }
}
