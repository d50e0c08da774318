package io.jrrtui.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The training run for the class-data-sharing archive that {@code mvn package} builds
 * ({@code target/jrrtui.jsa}, see the pom and src/main/sh/jrrtui). The JVM runs this with
 * {@code -XX:ArchiveClassesAtExit}, so every class loaded here is stored parsed and verified, and a
 * later {@code jrrtui} start maps it instead of reading it from the jar. It therefore does what the
 * short, start-up-bound commands do: record a tiny program, replay it to the end, list the store.
 *
 * <p>Failures are ignored (a build machine may forbid ptrace): the archive then simply holds fewer
 * classes. {@code java -cp jrrtui.jar io.jrrtui.cli.CdsTraining SCRATCH_DIR}
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CdsTraining SCRATCH_DIR");
            System.exit(64);
        }
        Path scratch = Path.of(args[0]);
        Files.createDirectories(scratch);
        // a trace store of its own, so the run also takes the store's paths (naming, latest, ls)
        System.setProperty("jrrtui.traceDir", scratch.resolve("store").toString());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Console console = new Console(InputStream.nullInputStream(), quiet, quiet);
        Main main = new Main();
        main.run(List.of("record", "-q", "--", "/bin/true"), console);
        main.run(List.of("replay", "-a"), console);
        main.run(List.of("ls"), console);
        main.run(List.of("help"), console);
        try (var files = Files.walk(scratch)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        System.exit(0);
    }
}
