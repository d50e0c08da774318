package io.jrrtui.cli;

import io.jrrtui.trace.TraceStore;
import java.nio.file.Path;
import java.util.List;

/** {@code jrrtui rm NAME...}: deletes recordings. */
final class RmCommand implements Command {
    @Override
    public String name() {
        return "rm";
    }

    @Override
    public String summary() {
        return "delete recordings";
    }

    @Override
    public String usage() {
        return "usage: jrrtui rm NAME...\nDeletes the named traces (names from 'jrrtui ls', or trace directories).";
    }

    @Override
    public int run(List<String> args, Console console) {
        if (args.isEmpty()) throw new UsageException("no trace named");
        TraceStore store = TraceStore.fromEnvironment();
        for (String name : args) {
            Path dir = store.resolve(name);
            store.remove(dir);
            console.out().println("removed " + dir);
        }
        return 0;
    }
}
