package io.jrrtui.cli;

import java.util.List;

/** One {@code jrrtui} subcommand. */
public interface Command {
    /** The word typed after {@code jrrtui}. */
    String name();

    /** One line for {@code jrrtui help}. */
    String summary();

    /** Usage text shown for {@code jrrtui help NAME} and on a usage error. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit status
     * @throws io.jrrtui.util.JrrException for any failure the user should read as one line
     */
    int run(List<String> args, Console console) throws Exception;
}
