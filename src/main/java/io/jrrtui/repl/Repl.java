package io.jrrtui.repl;

import io.jrrtui.api.DebugSession;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive command line: prompt {@code (jrr) }, history kept across runs, tab completion,
 * an empty line repeats the last movement/list/x command, Ctrl-C clears the line, Ctrl-D or
 * {@code quit} leaves. Commands print to the terminal; errors are one line each.
 */
public final class Repl {
    public static final String PROMPT = "(jrr) ";
    /**
     * JLine's own logger, silenced (and held, so the setting is not collected with it): with input
     * from a pipe its line reader reads once more after the end of input and logs a warning with a
     * stack trace ("Accessing a closed input stream") to stderr, which a user must never see.
     */
    private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

    static {
        JLINE_LOG.setLevel(Level.OFF);
    }

    private final CommandInterpreter interpreter;
    private final Terminal terminal;
    private final Path historyFile;

    /**
     * @param historyFile where history is kept, or null for none
     */
    public Repl(CommandInterpreter interpreter, Terminal terminal, Path historyFile) {
        this.interpreter = interpreter;
        this.terminal = terminal;
        this.historyFile = historyFile;
    }

    /**
     * Runs the REPL on the process's terminal (a dumb one when stdin or stdout is not a terminal),
     * with history in {@link #defaultHistoryFile()}, until quit or end of input.
     *
     * @return 0
     */
    public static int run(DebugSession session) {
        try (Terminal terminal = systemTerminal()) {
            // Ctrl-C while a command runs stops it at the replay's next safe point (at the prompt the
            // line editor takes Ctrl-C itself and clears the line).
            terminal.handle(Terminal.Signal.INT, sig -> session.interrupt());
            return new Repl(new CommandInterpreter(session), terminal, defaultHistoryFile(System.getenv())).run();
        } catch (IOException e) {
            throw new JrrException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /** The terminal to use: the system one, or a dumb one over stdin/stdout when they are not a tty. */
    public static Terminal systemTerminal() throws IOException {
        boolean tty = System.console() != null;
        TerminalBuilder b = TerminalBuilder.builder().name("jrrtui")
                // Ctrl-C must not kill the JVM (and its tracees); run() turns it into an interrupt
                .signalHandler(Terminal.SignalHandler.SIG_IGN);
        if (tty) return b.system(true).build();
        return dumbTerminal(System.in, System.out);
    }

    /**
     * A dumb terminal over streams (piped input, tests). It does not echo what it reads: the line
     * editor shows the line itself, and gdb does not repeat piped input either.
     */
    public static Terminal dumbTerminal(InputStream in, OutputStream out) throws IOException {
        Attributes quiet = new Attributes();
        quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
        return TerminalBuilder.builder().name("jrrtui").system(false).streams(in, out).type(Terminal.TYPE_DUMB)
                .attributes(quiet).signalHandler(Terminal.SignalHandler.SIG_IGN).build();
    }

    /** {@code $XDG_STATE_HOME/jrrtui/history}, else {@code ~/.local/state/jrrtui/history}. */
    public static Path defaultHistoryFile(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && state.startsWith("/") ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("jrrtui").resolve("history");
    }

    /** Reads and runs commands until quit or end of input. */
    public int run() {
        LineReader reader = reader();
        PrintStream out = new PrintStream(terminal.output(), true, terminal.encoding());
        interpreter.printStatus(out, out);
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(interpreter.typingCommandList() ? ">" : PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: the line is dropped, a fresh prompt follows
                } catch (EndOfFileException e) {
                    out.println("quit");
                    break;
                }
                if (line.isBlank() && !interpreter.typingCommandList()) {
                    String again = interpreter.repeatLine();
                    if (again != null && !interpreter.execute(again, out, out)) break;
                    continue;
                }
                boolean typing = interpreter.typingCommandList();
                if (!interpreter.execute(line, out, out)) break;
                if (!typing && interpreter.typingCommandList()) out.println(interpreter.commandListIntro());
            }
        } finally {
            out.flush();
            saveHistory(reader);
        }
        return 0;
    }

    private LineReader reader() {
        DefaultParser parser = new DefaultParser();
        // gdb lines are not shell words: quotes and backslashes belong to expressions and echo text,
        // and an unclosed quote must not ask for a continuation line
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("jrrtui").parser(parser)
                .completer(new ReplCompleter(interpreter))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!=" is an operator, not history
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                .option(LineReader.Option.AUTO_MENU, false); // like readline: Tab Tab lists, it does not pick
        if (historyFile != null) {
            try {
                Files.createDirectories(historyFile.getParent());
                b.variable(LineReader.HISTORY_FILE, historyFile);
            } catch (IOException | RuntimeException e) {
                // no history this time: a read-only home must not stop the debugger
            }
        }
        return b.build();
    }

    private static void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
            // history is a convenience; losing it is not worth an error at exit
        }
    }
}
