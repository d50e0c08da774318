package io.jrrtui.repl;

import java.io.PrintStream;
import java.util.List;

/** A {@link ReplCommand} made of its description and an action. */
record Cmd(String name, List<String> aliases, String help, String usage, Completion completion, Repeat repeat,
        Action action) implements ReplCommand {

    /** What the command does with its argument text. */
    @FunctionalInterface
    interface Action {
        void run(String args, PrintStream out);
    }

    @Override
    public void run(String args, PrintStream out) {
        action.run(args, out);
    }

    /** A fluent start: {@code Cmd.of("next", "Step program...").alias("n")...}. */
    static Builder of(String name, String help) {
        return new Builder(name, help);
    }

    static final class Builder {
        private final String name;
        private final String help;
        private List<String> aliases = List.of();
        private String usage;
        private Completion completion = Completion.NONE;
        private Repeat repeat = Repeat.NONE;

        private Builder(String name, String help) {
            this.name = name;
            this.help = help;
            this.usage = name;
        }

        Builder alias(String... names) {
            aliases = List.of(names);
            return this;
        }

        Builder usage(String text) {
            usage = text;
            return this;
        }

        Builder complete(Completion c) {
            completion = c;
            return this;
        }

        Builder repeat(Repeat r) {
            repeat = r;
            return this;
        }

        Cmd does(Action action) {
            return new Cmd(name, aliases, help, usage, completion, repeat, action);
        }
    }
}
