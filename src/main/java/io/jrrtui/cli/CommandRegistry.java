package io.jrrtui.cli;

import java.util.List;

/** Every subcommand, in the order {@code jrrtui help} lists them. Add new commands here. */
final class CommandRegistry {
    private CommandRegistry() {}

    static List<Command> all() {
        return List.of(
                new RecordCommand(),
                new ReplayCommand(),
                new DapCommand(),
                new DebugCommand(),
                new TraceCommand(),
                new DumpCommand(),
                new LsCommand(),
                new PsCommand(),
                new RmCommand(),
                new PackCommand(),
                new ExportCommand(),
                new ImportCommand(),
                new SymbolsCommand(),
                new DemoCommand());
    }
}
