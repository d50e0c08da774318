package io.jrrtui.cli;

import io.jrrtui.portable.TraceArchive;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceStore;
import java.nio.file.Path;
import java.util.List;

/** {@code jrrtui export TRACE -o FILE.tar.zst}: one self-contained archive of a recording. */
final class ExportCommand implements Command {
    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "write a recording and every file it needs to a .tar.zst";
    }

    @Override
    public String usage() {
        return """
                usage: jrrtui export [TRACE] -o FILE.tar.zst
                Writes the recording with the files 'jrrtui pack' would copy in (stored contents,
                libraries, debug files, sources) as one zstd-compressed tar, for 'jrrtui import' on
                another machine. The recording itself is not changed. TRACE is a directory or a
                name from 'jrrtui ls' (default: latest-trace).""";
    }

    @Override
    public int run(List<String> args, Console console) {
        Args a = Args.parse(args, List.of(), List.of("-o", "--output"), false);
        if (a.positional().size() > 1) throw new UsageException("more than one trace given");
        String out = a.value("-o", "--output");
        if (out == null) throw new UsageException("export needs -o FILE.tar.zst");
        TraceReader trace = TraceReader.open(TraceStore.fromEnvironment().resolve(a.positional().isEmpty() ? null : a.positional().get(0)));
        int files = TraceArchive.export(trace, Path.of(out));
        console.out().println("exported " + trace.dir().getFileName() + " (" + files + " files) to " + out);
        return 0;
    }
}
