package io.jrrtui.gdbserver;

import static io.jrrtui.testsupport.CoreTranscripts.lineWith;
import static io.jrrtui.testsupport.CoreTranscripts.programFrames;
import static io.jrrtui.testsupport.CoreTranscripts.registerRows;
import static io.jrrtui.testsupport.CoreTranscripts.threadRows;
import static io.jrrtui.testsupport.CoreTranscripts.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.core.CoreTarget;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.elf.TestBinaries;
import io.jrrtui.testsupport.GdbOracle;
import io.jrrtui.testsupport.KernelCores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gdb server over a core file ({@code jrrtui debug PROGRAM CORE -s PORT}), driven by the real
 * gdb and compared with gdb reading the same core itself: threads, every thread's frames, values,
 * memory and registers agree; continue, stepi, reverse-continue, run and kill are refused and leave gdb where it was.
 */
class CoreGdbServerTest {
    @TempDir
    Path tmp;

    @Test
    void gdbThroughTheServerSeesWhatGdbSeesInTheCore() throws Exception {
        assumeTrue(GdbOracle.present(), "gdb is not installed: the gdb server cannot be driven");
        Path bin = TestBinaries.binary("pm_worker_segv");
        Path core = KernelCores.of(bin, TestBinaries.sharedTmp());
        List<String> inspect = List.of("info threads", "thread apply all bt", "thread 1", "frame 1", "print job", "print table[3]",
                "frame 0", "print value", "print slot", "x/4dw table", "info registers");
        List<String> direct = new ArrayList<>(List.of("core-file " + core));
        direct.addAll(inspect);
        String gdb = TestBinaries.gdb(bin, direct);

        List<String> remote = new ArrayList<>(inspect);
        remote.addAll(List.of("info program", "echo ==motion==\\n", "continue", "stepi", "reverse-continue", "print value", "bt 1", "monitor when"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String out;
        String killed;
        try (Debugger session = Debugger.over(CoreTarget.open(bin, core), 0, null);
                GdbServer server = GdbServer.listen(session, "0", new PrintStream(log, true))) {
            Thread t = new Thread(server::serve, "gdb-server-core-test");
            t.setDaemon(true);
            t.start();
            Path script = Files.writeString(tmp.resolve("cmds.gdb"), "set pagination off\nset width 0\nset confirm off\ntarget extended-remote "
                    + server.address() + "\n" + String.join("\n", remote) + "\n");
            out = GdbOracle.run(List.of("gdb", "-nx", "-q", "-batch", "-x", script.toString(), bin.toString()));
            // a second client; -ex goes on after an error, where a script stops
            killed = GdbOracle.run(List.of("gdb", "-nx", "-q", "-batch", "-ex", "target extended-remote " + server.address(),
                    "-ex", "run", "-ex", "kill", "-ex", "bt 1", bin.toString()));
            server.close();
            t.join(10_000);
        }

        String inspected = out.substring(0, Math.max(0, out.indexOf("==motion==")));
        assertEquals(4, threadRows(gdb).size(), gdb);
        assertEquals(threadRows(gdb), threadRows(out), "info threads: numbers and LWPs\n" + out);
        assertEquals(4, programFrames(gdb).size(), gdb);
        assertEquals(programFrames(gdb), programFrames(inspected), "every thread's frames in the program\n" + out);
        List<String> gdbValues = values(gdb);
        assertEquals(List.of("{id = 2, label = \"worker 2\\000\\000\\000\\000\\000\\000\\000\", weight = 3}", "30", "4242", "(int *) 0x0"),
                gdbValues, "the fixture's documented values");
        List<String> ours = values(out);
        assertEquals(gdbValues, ours.subList(0, gdbValues.size()), out);
        assertEquals(lineWith(gdb, "<table>:"), lineWith(out, "<table>:"), "x/4dw table");
        List<String> gdbRegisters = registerRows(gdb);
        assertTrue(gdbRegisters.size() >= 24, gdb);
        assertTrue(registerRows(out).containsAll(gdbRegisters), "info registers: every row gdb shows\n" + gdbRegisters + "\n" + registerRows(out));

        // motion: gdb's words for a core, and the program stays where it ended
        assertEquals(3, out.lines().filter(l -> l.contains("Remote failure reply: E.The program is not being run.")).count(), out);
        // run would kill the program first, and a core's cannot be killed: gdb keeps the core's process
        assertEquals(2, killed.lines().filter(l -> l.equals("Can't kill process")).count(), killed);
        assertTrue(killed.lines().anyMatch(l -> l.matches("#0 .*store_result \\(slot=0x0, value=4242\\) at pm_worker_segv.c:24")), killed);
        assertEquals("4242", ours.get(ours.size() - 1), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("#0 .*store_result \\(slot=0x0, value=4242\\) at pm_worker_segv.c:24")), out);
        assertTrue(out.contains("a core file has no events"), out);
        // the stop gdb was told of on connecting is the signal that ended the program
        assertTrue(out.contains("It stopped with signal SIGSEGV, Segmentation fault."), out);
        assertFalse(log.toString().contains("internal error"), log.toString());
    }
}
