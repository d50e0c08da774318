package io.jrrtui.cli;

import io.jrrtui.api.DebugSession;
import io.jrrtui.arch.Signals;
import io.jrrtui.core.CoreDump;
import io.jrrtui.core.CoreTarget;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.repl.BatchRunner;
import io.jrrtui.repl.Repl;
import io.jrrtui.repl.StopPrinter;
import io.jrrtui.tui.Tui;
import io.jrrtui.tui.TuiOptions;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code jrrtui debug PROGRAM CORE [--tui | --repl | --batch -x FILE]}: post-mortem debugging of a core file. */
final class DebugCommand implements Command {
    @Override
    public String name() {
        return "debug";
    }

    @Override
    public String summary() {
        return "debug a core file post mortem: threads, backtraces, locals, memory (nothing runs)";
    }

    @Override
    public String usage() {
        return """
                usage: jrrtui debug [--tui | --repl | --batch -x FILE | -s PORT] [--theme NAME] [--keys fkeys] PROGRAM CORE
                  --tui             the full-screen debugger (the default when stdin and stdout are a terminal)
                  --repl            the gdb-style command line (the default otherwise)
                  --batch -x FILE   run debugger commands from FILE without a terminal, print, and exit
                  -s, --gdbserver [HOST:]PORT  serve gdb's remote protocol over the core (loopback unless HOST is given)
                  --theme NAME      TUI colours: dark, light, high-contrast, or a theme file
                  --keys fkeys      TUI key map with F-keys
                CORE is a core file the program dumped (ulimit -c unlimited, or gdb's gcore). The program does
                not run: bt, info threads, thread N, frame N, info locals, print, x, info registers and
                info sharedlibrary show it as it was; continue, step and the reverse commands say
                "The program is not being run.\"""";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Args a = Args.parse(args, List.of("--repl", "--batch", "--tui"), List.of("-x", "--theme", "--keys", "-s", "--gdbserver"), false);
        if (a.positional().size() != 2) throw new UsageException("debug needs a program and its core file: jrrtui debug PROGRAM CORE");
        Path program = Path.of(a.positional().get(0));
        Path corePath = Path.of(a.positional().get(1));
        String script = a.value("-x");
        boolean batch = a.flag("--batch") || script != null;
        if (batch && script == null) throw new UsageException("--batch needs -x FILE");
        if (batch && !Files.isRegularFile(Path.of(script))) throw new JrrException("cannot read command file " + script);
        String gdbServer = a.value("-s", "--gdbserver");
        if (gdbServer != null && (batch || a.flag("--tui") || a.flag("--repl"))) throw new UsageException("-s serves gdb: it goes without --tui, --repl and --batch");
        boolean tui = gdbServer == null && !batch && !a.flag("--repl") && (a.flag("--tui") || Tui.onTerminal());
        TuiOptions tuiOptions = tui ? TuiOptions.fromCommandLine(a.value("--theme"), a.value("--keys")) : null;
        CoreTarget target = CoreTarget.open(program, corePath);
        try (Debugger session = Debugger.over(target, 0, null)) {
            warnings(session, target).forEach(w -> console.err().println("jrrtui: " + w));
            if (gdbServer != null) {
                banner(target.core(), console.err());
                return GdbServing.serve(session, gdbServer, "core file " + corePath, console);
            }
            if (!tui) banner(target.core(), console.out());
            if (batch) return BatchRunner.run(session, Path.of(script), console.out(), console.err());
            if (tui) {
                Tui.run(session, tuiOptions);
                return 0;
            }
            return Repl.run(session);
        }
    }

    /** Opens PROGRAM's CORE as a session that cannot move (the DAP door's "coreFile" launch); warnings go to log. */
    static DebugSession openCore(Path program, Path corePath, PrintStream log) {
        CoreTarget target = CoreTarget.open(program, corePath);
        Debugger session = Debugger.over(target, 0, null);
        warnings(session, target).forEach(w -> log.println("jrrtui: " + w));
        banner(target.core(), log);
        return session;
    }

    /** The debugger's notices and the mapped files no code or symbols come from, one line each. */
    private static List<String> warnings(Debugger session, CoreTarget target) {
        List<String> lines = new ArrayList<>(session.notices());
        target.core().memory().unusableFiles().forEach((file, why) ->
                lines.add("no code or symbols from " + Path.of(file).getFileName() + ": " + why + " (" + file + ")"));
        return lines;
    }

    /** What gdb says first about a core: who made it and how the program ended. */
    private static void banner(CoreDump core, PrintStream out) {
        core.process().ifPresent(p -> out.println("Core was generated by `" + p.commandLine() + "'."));
        int sig = core.terminatingSignal();
        if (sig != 0) out.println("Program terminated with signal " + StopPrinter.signalDescription(Signals.name(sig)) + ".");
        out.flush();
    }
}
