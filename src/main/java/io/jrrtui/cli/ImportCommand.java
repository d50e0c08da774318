package io.jrrtui.cli;

import io.jrrtui.portable.TraceArchive;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceStore;
import java.nio.file.Path;
import java.util.List;

/** {@code jrrtui import FILE}: a recording exported elsewhere becomes a recording of this store. */
final class ImportCommand implements Command {
    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "add a recording from a 'jrrtui export' archive to the trace store";
    }

    @Override
    public String usage() {
        return """
                usage: jrrtui import FILE.tar.zst
                Unpacks an archive made by 'jrrtui export' into a new recording of the trace store
                (named like a recording of its program) and makes it the latest. Only plain files
                and folders inside the one recording folder are accepted.""";
    }

    @Override
    public int run(List<String> args, Console console) {
        Args a = Args.parse(args, List.of(), List.of(), false);
        if (a.positional().size() != 1) throw new UsageException("import takes one archive");
        TraceStore store = TraceStore.fromEnvironment();
        Path dir = TraceArchive.importInto(store, Path.of(a.positional().get(0)));
        store.setLatest(dir);
        TraceReader trace = TraceReader.open(dir);
        console.out().println("imported " + dir.getFileName() + " (" + trace.recoverableEvents() + " events of "
                + String.join(" ", trace.info().argv()) + ") into " + store.root());
        return 0;
    }
}
