package io.jrrtui.cli;

import io.jrrtui.portable.PackPlan;
import io.jrrtui.portable.Packer;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceStore;
import java.util.List;

/** {@code jrrtui pack [TRACE]}: copies into a recording every file it refers to outside itself. */
final class PackCommand implements Command {
    @Override
    public String name() {
        return "pack";
    }

    @Override
    public String summary() {
        return "make a recording self-contained (files, libraries, debug files, sources)";
    }

    @Override
    public String usage() {
        return """
                usage: jrrtui pack [TRACE]
                Copies into the recording the stored file contents it shares with the trace store
                (hard links), the shared libraries it mapped (when unchanged since the recording),
                their separate debug files and the source files their line tables name. Replay and
                symbols then use these copies first. TRACE is a directory or a name from 'jrrtui ls'
                (default: latest-trace).""";
    }

    @Override
    public int run(List<String> args, Console console) {
        Args a = Args.parse(args, List.of(), List.of(), false);
        if (a.positional().size() > 1) throw new UsageException("more than one trace given");
        TraceReader trace = TraceReader.open(TraceStore.fromEnvironment().resolve(a.positional().isEmpty() ? null : a.positional().get(0)));
        List<PackPlan.Entry> added = Packer.pack(trace);
        console.out().println((added.isEmpty() ? "already self-contained: " : "packed " + PackPlan.summary(added) + " into ")
                + trace.dir());
        return 0;
    }
}
