package io.jrrtui.cli;

import io.jrrtui.debugger.CallTraceLine;
import io.jrrtui.debugger.CallTracer;
import io.jrrtui.live.LiveSession;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.sys.TraceeLauncher;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceStore;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code jrrtui trace [TRACE] REGEX} and {@code jrrtui trace --live REGEX -- PROG ARGS}: function call tracing. */
public final class TraceCommand implements Command {
    private static final List<String> FLAGS = List.of("--json", "--live");
    private static final List<String> VALUES = List.of("--stack", "--follow-calls", "--stdin", "--stdout", "--stderr");

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String summary() {
        return "print the calls and returns of functions matching a pattern (in a recording, or --live)";
    }

    @Override
    public String usage() {
        return """
                usage: jrrtui trace [TRACE] REGEX [--stack N] [--follow-calls DEPTH] [--json]
                       jrrtui trace --live REGEX [options] -- PROG [ARGS...]
                  REGEX               traces every function whose demangled name it finds, in the program and
                                      its shared libraries (anchor it, e.g. '^foo$', to match one name)
                  --stack N           print N caller frames under each call
                  --follow-calls D    also trace what the matched functions call, as Delve counts: D=2 adds their
                                      direct callees, D=3 two levels of callees (0 and 1: the matched ones only)
                  --json              one JSON object per line
                  --live              run PROG now instead of replaying a recording (event numbers print as -);
                                      --stdin/--stdout/--stderr F redirect its streams as in 'jrrtui record'
                Prints '> [tid T ev E] f(arg=value, ...)' per call and '>> [tid T ev E] f => value' per return,
                indented by nesting; functions without debug info show their six argument registers and rax.
                TRACE is a trace directory or a name from 'jrrtui ls' (default: latest-trace).""";
    }

    @Override
    public int run(List<String> args, Console console) {
        int dashes = args.indexOf("--");
        List<String> options = dashes < 0 ? args : args.subList(0, dashes);
        List<String> program = dashes < 0 ? List.of() : args.subList(dashes + 1, args.size());
        Args a = Args.parse(options, FLAGS, VALUES, false);
        boolean live = a.flag("--live");
        List<String> words = a.positional();
        if (words.isEmpty()) throw new UsageException("no function pattern given");
        if (words.size() > (live ? 1 : 2)) throw new UsageException("too many arguments: " + String.join(" ", words));
        if (live && program.isEmpty()) throw new UsageException("--live needs a program after --");
        if (!live && !program.isEmpty()) throw new UsageException("a program after -- needs --live");
        // Delve counts the traced function as level 1 of --follow-calls
        int calleeLevels = Math.max(0, count(a.value("--follow-calls"), "--follow-calls") - 1);
        CallTracer.Options opts = new CallTracer.Options(pattern(words.get(words.size() - 1)),
                count(a.value("--stack"), "--stack"), calleeLevels);
        Consumer<CallTraceLine> out = printer(console.out(), a.flag("--json"));
        if (live) return traceLive(program, a, opts, out);
        TraceReader trace = TraceReader.open(realPath(TraceStore.fromEnvironment().resolve(words.size() == 2 ? words.get(0) : null)));
        try (ReplaySession session = ReplaySession.start(trace, OutputSink.DISCARD)) {
            CallTracer.over(session, opts, out).run();
        }
        console.out().flush();
        return 0;
    }

    private static int traceLive(List<String> program, Args a, CallTracer.Options opts, Consumer<CallTraceLine> out) {
        Path exe = ProgramPath.resolve(program.get(0));
        List<String> env = new ArrayList<>();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) env.add(e.getKey() + "=" + e.getValue());
        TraceeLauncher.Stdio stdio = new TraceeLauncher.Stdio(absolute(a.value("--stdin")), absolute(a.value("--stdout")),
                absolute(a.value("--stderr")));
        try (LiveSession session = LiveSession.start(exe, program, env, stdio);
             InterruptGuard guard = InterruptGuard.passToTracee()) {
            CallTracer.over(session, opts, out).run();
            return session.exitStatus();
        }
    }

    /** Through the latest-trace link: replay finds the executable's mapping by its real path. */
    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (java.io.IOException e) {
            throw new JrrException("cannot open trace " + dir + ": " + e.getMessage());
        }
    }

    private static String absolute(String file) {
        return file == null ? null : Path.of(file).toAbsolutePath().toString();
    }

    private static Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new JrrException("bad regular expression '" + regex + "': " + e.getDescription());
        }
    }

    private static int count(String value, String option) {
        if (value == null) return 0;
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a number >= 0, not '" + value + "'");
    }

    /** Lines go out as they come (flushed: a live program's own output interleaves with them). */
    private static Consumer<CallTraceLine> printer(PrintStream out, boolean json) {
        return line -> {
            out.println(json ? json(line) : line.text());
            out.flush();
        };
    }

    static String json(CallTraceLine l) {
        StringBuilder sb = new StringBuilder("{\"type\":").append(Json.str(l.kind().name().toLowerCase()))
                .append(",\"tid\":").append(l.tid())
                .append(",\"event\":").append(l.event() < 0 ? "null" : Long.toString(l.event()))
                .append(",\"depth\":").append(l.depth())
                .append(",\"function\":").append(Json.str(l.function()));
        switch (l.kind()) {
            case CALL -> {
                sb.append(",\"args\":[");
                for (int i = 0; i < l.args().size(); i++) {
                    CallTraceLine.Arg arg = l.args().get(i);
                    sb.append(i > 0 ? "," : "").append("{\"name\":").append(Json.str(arg.name())).append(",\"value\":").append(Json.str(arg.value())).append('}');
                }
                sb.append("],\"raw_args\":").append(l.rawArgs()).append(",\"stack\":").append(Json.strs(l.stack()));
            }
            case RETURN -> sb.append(",\"value\":").append(Json.str(l.value())).append(",\"note\":").append(Json.str(l.note()));
            case UNWOUND -> sb.append(",\"reason\":").append(Json.str(l.value()));
        }
        return sb.append('}').toString();
    }
}
