package io.jrrtui.replay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGBUS the recording took reading a file mapping past the end of its truncated file, which
 * replay cannot fault by itself (fc_sigbus_truncated), in the debugger: a continue stops at the
 * signal on the faulting instruction, a breakpoint on that instruction is hit first, and the step
 * off it enters the handler; the program then ends as recorded.
 */
class LostFaultsTest {
    @TempDir
    Path tmp;

    @Test
    void theSignalStopsAtItsInstructionAndAStepOffABreakpointThereEntersTheHandler() throws Exception {
        Path trace = tmp.resolve("trace");
        Jrr.recordQuietly(trace, tmp.resolve("out"), "fc_sigbus_truncated");
        Jrr.Run first = batch(trace, "continue", "continue");
        String text = first.outText();
        Matcher at = Pattern.compile("Program received signal SIGBUS, Bus error.\\n(0x[0-9a-f]+) in main \\(\\)").matcher(text);
        assertTrue(at.find(), text + first.errText());
        assertTrue(text.contains("page 2: SIGBUS, code BUS_ADRERR") && text.contains("exited normally"), text + first.errText());

        Jrr.Run second = batch(trace, "break *" + at.group(1), "continue", "stepi", "bt 1", "continue");
        text = second.outText();
        assertTrue(text.contains("Breakpoint 1, " + at.group(1) + " in main ()"), text + second.errText());
        assertTrue(text.contains("#0  on_bus (sig="), text + second.errText());
        assertTrue(text.contains("page 2: SIGBUS, code BUS_ADRERR") && text.contains("exited normally"), text + second.errText());
    }

    private Jrr.Run batch(Path trace, String... commands) throws Exception {
        Path script = Files.writeString(tmp.resolve("script-" + commands.length), String.join("\n", commands) + "\n");
        return Jrr.run("replay", "--batch", "-x", script.toString(), trace.toString());
    }
}
