package io.jrrtui.cli;

import io.jrrtui.trace.TraceStore;
import java.nio.file.Path;
import java.util.ArrayList;
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
        return "usage: jrrtui rm NAME...\nDeletes the named recordings of the trace store (names from 'jrrtui ls') and the shared file contents\nno remaining recording refers to; nothing outside the store.";
    }

    @Override
    public int run(List<String> args, Console console) {
        if (args.isEmpty()) throw new UsageException("no trace named");
        TraceStore store = TraceStore.fromEnvironment();
        // every name is checked before anything is deleted: one bad name deletes nothing
        List<Path> dirs = new ArrayList<>();
        for (String name : args) dirs.add(store.removable(name));
        for (Path dir : dirs) {
            store.remove(dir);
            console.out().println("removed " + dir);
        }
        long freed = store.collectUnusedContents();
        if (freed < 0) {
            console.out().println("kept the shared file contents: a recording is in progress (a later rm collects what is unused)");
        } else if (freed > 0) {
            console.out().println("freed " + LsCommand.human(freed) + " of file contents no other recording uses");
        }
        return 0;
    }
}
