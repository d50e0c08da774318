package io.jrrtui.repl;

import java.io.PrintStream;
import java.util.List;

/**
 * One debugger command: its names, help and how its arguments complete. {@link #run} parses its
 * arguments before acting, writes gdb's wording to {@code out} and reports failures by throwing
 * {@link io.jrrtui.util.JrrException} (one line).
 */
public interface ReplCommand {
    /** How the words after the command name complete. */
    enum Completion { NONE, SYMBOL, FILE, COMMAND, INFO }

    /** What an empty line after this command re-runs. */
    enum Repeat {
        /** nothing (like gdb's dont_repeat) */
        NONE,
        /** the same line again (next, step, continue...) */
        SAME,
        /** the command without its arguments, which continues where it stopped (list, x) */
        BARE
    }

    String name();

    List<String> aliases();

    /** One line for {@code help}. */
    String help();

    /** The usage text for {@code help CMD}. */
    String usage();

    Completion completion();

    Repeat repeat();

    void run(String args, PrintStream out);
}
