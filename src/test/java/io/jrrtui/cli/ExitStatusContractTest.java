package io.jrrtui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExitEvent;
import io.jrrtui.trace.Mapping;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one exit-status contract (README): 0 ok, 2 an explained error (one line on stderr,
 * {@code jrrtui: ...}), 3 a replay divergence, 64 a usage error, 70 a bug; record and replay -a
 * exit with the program's status when it runs to its end. Checked for every command.
 */
class ExitStatusContractTest {
    @TempDir
    static Path tmp;
    static Path good;
    static Path divergent;

    @BeforeAll
    static void traces() throws Exception {
        good = Jrr.recordQuietly(tmp.resolve("good"), tmp.resolve("o"), "hello");
        divergent = tmp.resolve("divergent");
        rewriteWithOtherExitCode(good, divergent);
    }

    /** The same recording, but its exit event says 7: the replayed program exits 0, a divergence. */
    private static void rewriteWithOtherExitCode(Path from, Path to) throws Exception {
        TraceReader in = TraceReader.open(from);
        TraceWriter out = new TraceWriter(to, in.info());
        try (TraceReader.EventCursor c = in.events()) {
            for (Event e = c.next(); e != null; e = c.next()) {
                out.write(e instanceof ExitEvent x ? new ExitEvent(x.number(), x.tid(), false, 7) : e);
            }
        }
        for (Mapping m : in.mappings()) out.writeMapping(m);
        out.finish(7, "exited with code 7");
        Files.copy(in.executable(), to.resolve(in.executable().getFileName()));
    }

    private static void expect(int status, Jrr.Run r, String what) {
        assertEquals(status, r.status(), what + ": " + r.errText());
        if (status == 2 || status == 3) {
            assertEquals(1, r.errText().lines().count(), what + ": " + r.errText());
            assertFalse(r.errText().contains("\tat ") || r.errText().contains("internal error"), what + ": " + r.errText());
        }
    }

    @Test
    void mainAndHelp() {
        expect(64, Jrr.run(), "no command");
        expect(64, Jrr.run("frobnicate"), "unknown command");
        expect(0, Jrr.run("help"), "help");
        expect(0, Jrr.run("--version"), "version");
    }

    @Test
    void record() throws Exception {
        expect(64, Jrr.run("record"), "no program");
        expect(64, Jrr.run("record", "--until-fail", "x", "--", "/bin/true"), "bad --until-fail");
        expect(2, Jrr.run("record", "-q", "-o", tmp.resolve("r1").toString(), "--", "/nonexistent/prog"), "missing program");
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        expect(2, Jrr.run("record", "-q", "-o", file.resolve("sub").toString(), "--", Jrr.binary("hello").toString()),
                "trace directory under a file");
        Path elf32 = tmp.resolve("elf32");
        Files.write(elf32, new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 3, 0});
        Files.setPosixFilePermissions(elf32, PosixFilePermissions.fromString("rwxr-xr-x"));
        Jrr.Run r = Jrr.run("record", "-q", "-o", tmp.resolve("r2").toString(), "--", elf32.toString());
        expect(2, r, "32-bit program");
        assertTrue(r.errText().contains("32-bit"), r.errText());
    }

    @Test
    void replay() throws Exception {
        expect(2, Jrr.run("replay", "-a", tmp.resolve("nope").toString()), "missing trace");
        expect(64, Jrr.run("replay", "-g", "x", good.toString()), "bad -g");
        expect(64, Jrr.run("replay", good.toString(), good.toString()), "two traces");
        expect(0, Jrr.run("replay", "-a", good.toString()), "replay -a");
        Jrr.Run d = Jrr.run("replay", "-a", divergent.toString());
        expect(3, d, "replay -a diverging");
        assertTrue(d.errText().contains("diverged"), d.errText());
        Path script = Files.writeString(tmp.resolve("cmds"), "continue\n");
        expect(0, Jrr.run("replay", "--batch", "-x", script.toString(), good.toString()), "batch");
        expect(3, Jrr.run("replay", "--batch", "-x", script.toString(), divergent.toString()), "batch diverging");
        Path failing = Files.writeString(tmp.resolve("fails"), "print nosuchvariable\n");
        expect(2, Jrr.run("replay", "--batch", "-x", failing.toString(), good.toString()), "batch, last command failed");
        expect(64, Jrr.run("replay", "--batch", good.toString()), "batch without -x");
    }

    @Test
    void dumpLsPsRm() throws Exception {
        expect(0, Jrr.run("dump", good.toString()), "dump");
        expect(2, Jrr.run("dump", tmp.resolve("nope").toString()), "dump missing");
        expect(64, Jrr.run("dump", good.toString(), good.toString()), "dump two");
        expect(0, Jrr.run("ps", good.toString()), "ps");
        expect(2, Jrr.run("ps", tmp.resolve("nope").toString()), "ps missing");
        expect(64, Jrr.run("ls", "x"), "ls with an argument");
        expect(64, Jrr.run("rm"), "rm nothing");
        expect(2, Jrr.run("rm", good.toString()), "rm outside the store");
        assertTrue(Files.exists(good));
    }

    @Test
    void symbols() {
        expect(64, Jrr.run("symbols"), "no binary");
        expect(2, Jrr.run("symbols", tmp.toString()), "a directory");
        expect(2, Jrr.run("symbols", "/dev/zero"), "a device");
        expect(2, Jrr.run("symbols", tmp.resolve("nope").toString()), "missing");
        expect(0, Jrr.run("symbols", Jrr.binary("hello").toString(), "--addr", "0x1150"), "an address");
        expect(2, Jrr.run("symbols", Jrr.binary("hello").toString(), "--break", "nosuch"), "an unknown function");
    }
}
