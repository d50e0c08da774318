package io.jrrtui.repl;

import io.jrrtui.api.DebugSession;
import io.jrrtui.repl.ReplCommand.Completion;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs command lines against a session: finds the command (gdb's word and prefix rules), runs it,
 * prints a failure as its one line on the error stream, and remembers what an empty line repeats.
 * Shared by the {@link Repl}, the {@link BatchRunner} and any front-end with a command line.
 */
public final class CommandInterpreter {
    /** Nesting bound for {@code source} files that source each other. */
    private static final int MAX_SOURCE_DEPTH = 10;

    private final ReplContext context;
    private final CommandTable commands = new CommandTable("Undefined command: \"%s\".  Try \"help\".");
    private final CommandTable infos;
    private String repeatLine;
    private boolean quit;
    private boolean lastFailed;
    /** A command hit a divergence (the replay no longer matches the recording): batch exits 3. */
    private boolean diverged;
    /** The trace cannot be read on or the replay no longer matches it: a batch stops. */
    private boolean fatal;
    private int sourceDepth;
    /** True while a breakpoint's command list runs: its own lines do not start another list. */
    private boolean runningScript;
    private PrintStream err = System.err;

    public CommandInterpreter(DebugSession session) {
        this(session, new StopPrinter(new SourceCache(session::sourcePath), new ValueHistory()));
    }

    /** With a printer shared with another view (the TUI), so both number values and stops alike. */
    public CommandInterpreter(DebugSession session, StopPrinter printer) {
        this.context = new ReplContext(session, printer, printer.values());
        printer.setLibraryLookup(StopPrinter.libraries(session));
        this.infos = InfoCommands.table(context);
        commands.addAll(BreakpointCommands.all(context));
        commands.addAll(MotionCommands.all(context));
        commands.addAll(TimeCommands.all(context));
        commands.add(HistoryCommand.command(context));
        commands.addAll(DataCommands.all(context));
        commands.add(Disassembly.command(context));
        commands.addAll(StackCommands.all(context, (line, out) -> execute(line, out, err)));
        commands.add(InfoCommands.command(infos));
        commands.addAll(SettingCommands.all(context));
        commands.addAll(SourcePathCommands.all(context));
        commands.add(SignalCommands.handle(context));
        commands.addAll(NotSupportedCommands.all());
        commands.addAll(List.of(
                Cmd.of("help", "Print list of commands.").alias("h").usage("help [COMMAND]").complete(Completion.COMMAND)
                        .does((a, out) -> help(a.strip(), out)),
                Cmd.of("commands", "Set commands to be executed when the given breakpoints are hit.")
                        .usage("""
                                commands [N...]
                                Then one command a line, ended by a line saying just "end". Without N, the last
                                breakpoint set. A first line "silent" hides the stop; a command that moves the
                                program ends the list. An empty list removes the commands.""")
                        .does((a, out) -> startCommandList(a, out)),
                Cmd.of("source", "Read commands from a file.").usage("source FILE").complete(Completion.FILE)
                        .does((a, out) -> source(Args.require(a, "source command requires file name of file to source."), out)),
                Cmd.of("quit", "Exit the debugger.").alias("q", "exit").does((a, out) -> quit = true)));
    }

    /** Prints where the program is now (as gdb does when it attaches), with the displays. */
    public void printStatus(PrintStream out, PrintStream err) {
        try {
            context.report(context.session.status(), out);
        } catch (RuntimeException e) {
            failed(e);
            err.println(message(e));
        }
    }

    /**
     * Runs one command line; a failure prints one line on err. Blank lines and '#' comments do
     * nothing (the REPL repeats the last command for a blank line through {@link #repeatLine()}).
     *
     * @return false once {@code quit} ran
     */
    public boolean execute(String line, PrintStream out, PrintStream err) {
        String text = line.strip();
        if (context.scripts.typing()) {
            if (!text.isEmpty()) context.scripts.type(text);
            return !quit;
        }
        if (text.isEmpty() || text.startsWith("#")) return !quit;
        PrintStream previousErr = this.err;
        this.err = err;
        try {
            int end = CommandTable.wordEnd(text);
            if (end == 0) throw new JrrException("Undefined command: \"" + text + "\".  Try \"help\".");
            ReplCommand c = commands.resolve(text.substring(0, end));
            repeatLine = switch (c.repeat()) {
                case SAME -> text;
                case BARE -> c.name();
                case NONE -> null;
            };
            lastFailed = false;
            c.run(text.substring(end).strip(), out);
            if (!runningScript) runDueCommandLists(out, err);
        } catch (RuntimeException e) {
            failed(e);
            out.flush();
            err.println(message(e));
        } finally {
            this.err = previousErr;
            out.flush();
        }
        return !quit;
    }

    /** Whether the lines typed now belong to a breakpoint command list (the REPL prompts with ">"). */
    public boolean typingCommandList() {
        return context.scripts.typing();
    }

    /** What gdb tells a person who starts typing a command list (a script is told nothing). */
    public String commandListIntro() {
        return context.scripts.intro();
    }

    private void startCommandList(String args, PrintStream out) {
        List<Integer> numbers = new ArrayList<>();
        if (args.isBlank()) {
            context.session.breakpoints().stream().mapToInt(b -> b.number()).max().ifPresent(numbers::add);
        } else {
            for (int n : Args.numbers(args)) {
                if (context.session.breakpoints().stream().noneMatch(b -> b.number() == n)) {
                    throw new JrrException("No breakpoint number " + n + ".");
                }
                numbers.add(n);
            }
        }
        context.scripts.startTyping(numbers);
    }

    /**
     * Runs the command list the last stop made due, as gdb does after each command: line by line,
     * ending early when a line fails or moves the program (the new stop's own list runs next).
     */
    private void runDueCommandLists(PrintStream out, PrintStream err) {
        String repeat = repeatLine; // the list's lines are not what an empty line repeats
        runningScript = true;
        try {
            List<String> lines;
            while (!quit && (lines = context.scripts.takeDue()) != null) {
                long stops = context.scripts.stops();
                for (int i = 0; i < lines.size(); i++) {
                    if (i == 0 && lines.get(i).equals("silent")) continue;
                    execute(lines.get(i), out, err);
                    if (quit || lastFailed || context.scripts.stops() != stops) break;
                }
            }
        } finally {
            runningScript = false;
            repeatLine = repeat;
        }
    }

    private void failed(RuntimeException e) {
        lastFailed = true;
        if (e instanceof JrrException j && j.exitStatus() == 3) diverged = true;
        if (e instanceof io.jrrtui.trace.CorruptTraceException || e instanceof io.jrrtui.replay.DivergenceException) fatal = true;
    }

    /** What an empty line runs now, or null for nothing. */
    public String repeatLine() {
        return repeatLine;
    }

    /** Whether the last command line failed (gdb -batch exits 1 then). */
    public boolean lastFailed() {
        return lastFailed;
    }

    /** Whether a command hit a damaged trace or a divergence: nothing after it can be trusted. */
    public boolean fatal() {
        return fatal;
    }

    /** Whether any command so far hit a divergence. */
    public boolean diverged() {
        return diverged;
    }

    public boolean quitRequested() {
        return quit;
    }

    /** Command names and aliases starting with prefix, for completion. */
    public List<String> commandWords(String prefix) {
        return commands.wordsStartingWith(prefix);
    }

    /** {@code info} subcommand names starting with prefix. */
    public List<String> infoWords(String prefix) {
        List<String> out = new ArrayList<>();
        for (ReplCommand c : infos.commands()) if (c.name().startsWith(prefix)) out.add(c.name());
        return out;
    }

    /** How the arguments of the command named by word complete (NONE when unknown). */
    public Completion completionFor(String word) {
        try {
            return commands.resolve(word).completion();
        } catch (JrrException e) {
            return Completion.NONE;
        }
    }

    /** Symbols and locations for completion; none when the session cannot say. */
    public List<String> symbols(String prefix) {
        try {
            return context.session.completeSymbol(prefix);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The user-facing line for a failure: JrrException's message, anything else named briefly. */
    static String message(RuntimeException e) {
        if (e instanceof JrrException && e.getMessage() != null) return e.getMessage();
        String m = e.getMessage();
        return "internal error: " + e.getClass().getSimpleName() + (m != null ? ": " + m.lines().findFirst().orElse("") : "");
    }

    private void help(String topic, PrintStream out) {
        if (topic.isEmpty()) {
            out.println("List of commands:");
            out.println();
            for (ReplCommand c : commands.commands()) {
                List<String> names = new ArrayList<>();
                names.add(c.name());
                names.addAll(c.aliases());
                out.println(String.join(", ", names) + " -- " + c.help());
            }
            out.println();
            out.println("Type \"help\" followed by command name for full documentation.");
            out.println("Command name abbreviations are allowed if unambiguous.");
            return;
        }
        ReplCommand c = commands.resolve(topic.substring(0, Math.max(1, CommandTable.wordEnd(topic))));
        out.println(c.help());
        out.println("Usage: " + c.usage());
        if (!c.aliases().isEmpty()) out.println("Aliases: " + String.join(", ", c.aliases()));
    }

    private void source(String file, PrintStream out) {
        if (sourceDepth >= MAX_SOURCE_DEPTH) throw new JrrException("source files nested too deeply (" + MAX_SOURCE_DEPTH + ")");
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new JrrException(file + ": No such file or directory.");
        }
        sourceDepth++;
        try {
            for (String l : lines) if (!execute(l, out, err)) break;
        } finally {
            sourceDepth--;
        }
    }
}
