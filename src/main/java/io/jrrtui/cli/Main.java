package io.jrrtui.cli;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code jrrtui COMMAND [ARGS...]}: dispatches to one {@link Command}. */
public final class Main {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Main() {
        for (Command c : CommandRegistry.all()) commands.put(c.name(), c);
    }

    public static void main(String[] args) {
        int status = new Main().run(Arrays.asList(args), Console.system());
        System.out.flush();
        System.exit(status);
    }

    /** Runs one command line; returns the exit status. Never throws. */
    public int run(List<String> args, Console console) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            if (args.size() > 1 && commands.containsKey(args.get(1))) {
                console.out().println(commands.get(args.get(1)).usage());
            } else {
                printHelp(console);
            }
            return args.isEmpty() ? 64 : 0;
        }
        if (args.get(0).equals("--version")) {
            console.out().println("jrrtui " + Version.VERSION);
            return 0;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            console.err().println("jrrtui: unknown command '" + args.get(0) + "' (try 'jrrtui help')");
            return 64;
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        try {
            return command.run(rest, console);
        } catch (UsageException e) {
            console.err().println("jrrtui " + command.name() + ": " + e.getMessage());
            console.err().println(command.usage());
            return e.exitStatus();
        } catch (JrrException e) {
            console.err().println("jrrtui: " + e.getMessage());
            if (debug()) e.printStackTrace(console.err());
            return e.exitStatus();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // the file system refused (read-only, permission, full): the environment's error, not a bug
            console.err().println("jrrtui: " + describeIo(e instanceof java.io.UncheckedIOException u ? u.getCause() : (java.io.IOException) e));
            if (debug()) e.printStackTrace(console.err());
            return 2;
        } catch (Throwable e) {
            console.err().println("jrrtui: internal error: " + e
                    + (debug() ? "" : " (set JRR_DEBUG=1 for details)"));
            if (debug()) e.printStackTrace(console.err());
            return 70;
        }
    }

    static String describeIo(java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) return a.getFile() + ": permission denied";
        if (e instanceof java.nio.file.NoSuchFileException n) return n.getFile() + ": no such file or directory";
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + ": already exists";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static boolean debug() {
        return System.getenv("JRR_DEBUG") != null;
    }

    private void printHelp(Console console) {
        console.out().println("jrrtui " + Version.VERSION + " - record, replay and debug Linux x86-64 programs backwards and forwards");
        console.out().println();
        console.out().println("usage: jrrtui COMMAND [ARGS...]");
        console.out().println();
        for (Command c : commands.values()) {
            console.out().printf("  %-10s %s%n", c.name(), c.summary());
        }
        console.out().println();
        console.out().println("'jrrtui help COMMAND' shows a command's options.");
    }
}
