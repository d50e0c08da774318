package io.jrrtui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reverse execution over an exec: mt_exec re-execs itself, then execs rr_exit3; `main` is at
 * another address in each program. A reverse search used to run back past the exec with the
 * current program's int3s armed, which wrote them into the program before it: the replay diverged
 * (SIGSEGV where the recording had clone). Now each program's breakpoints are placed again by name
 * on the way back, as going forward over an exec places them in the new program.
 */
class ReverseAcrossExecTest {
    @TempDir
    Path tmp;
    private Path trace;

    @BeforeEach
    void record() {
        trace = tmp.resolve("trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", trace.toString(), "--stdout", tmp.resolve("out").toString(), "--stderr",
                tmp.resolve("err").toString(), "--", Jrr.binary("mt_exec").toString());
        assertEquals(3, r.status(), r.errText());
    }

    private Jrr.Run batch(String commands) throws IOException {
        Path cmds = tmp.resolve("cmds");
        Files.writeString(cmds, commands);
        return Jrr.run("replay", "--batch", "-x", cmds.toString(), trace.toString());
    }

    @Test
    void reverseContinueFromTheLastProgramStopsInEachEarlierOneInTurn() throws IOException {
        Jrr.Run r = batch("break main\nrun\ncontinue\ncontinue\nreverse-continue\nbt 1\nreverse-continue\nreverse-continue\ncontinue\ncontinue\n");
        String out = r.outText();
        assertFalse((out + r.errText()).contains("diverged"), out + r.errText());
        // forwards: stage 1, stage 2 (argc 2), rr_exit3
        int stage1 = out.indexOf("Breakpoint 1, main (argc=1");
        int stage2 = out.indexOf("Breakpoint 1, main (argc=2", stage1);
        int last = out.indexOf("Breakpoint 1, main () at rr_exit3.c", stage2);
        assertTrue(stage1 >= 0 && stage2 > stage1 && last > stage2, out);
        // backwards: stage 2, then stage 1, then the start of the recording
        int back2 = out.indexOf("Breakpoint 1, main (argc=2", last);
        assertTrue(back2 > last, "reverse-continue from rr_exit3's main stops in the program before it: " + out);
        assertTrue(out.indexOf("#0  main (argc=2", back2) > 0, out);
        int back1 = out.indexOf("Breakpoint 1, main (argc=1", back2);
        assertTrue(back1 > back2, out);
        int start = out.indexOf("No more reverse-execution history.", back1);
        assertTrue(start > back1, out);
        // and forwards again from the start: the first program's main, then the second's
        int again = out.indexOf("Breakpoint 1, main (argc=1", start);
        assertTrue(again > start && out.indexOf("Breakpoint 1, main (argc=2", again) > again, out);
    }

    @Test
    void aWatchpointSearchStopsAtTheExecAndSaysSo() throws IOException {
        Jrr.Run r = batch("break rr_exit3.c:10\nrun\nwatch -l *(char*)main\nreverse-continue\n");
        String out = r.outText();
        assertTrue(out.contains("Breakpoint 1, main () at rr_exit3.c:10"), out + r.errText());
        assertTrue(out.contains("Reached the exec that started this program (event "), out + r.errText());
        assertFalse((out + r.errText()).contains("diverged"), out + r.errText());
    }
}
