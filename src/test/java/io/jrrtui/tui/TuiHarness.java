package io.jrrtui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.jrrtui.api.DebugSession;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Runs the TUI on a virtual terminal on a thread of its own over a real Debugger, types keys and
 * waits (bounded) for screen text. Every wait fails with the screen in the message.
 */
final class TuiHarness implements AutoCloseable {
    static final int WIDTH = 160, HEIGHT = 50;
    /** Upper bound of any wait: generous for a loaded 2-core CI machine; waits end as soon as the text shows. */
    private static final long WAIT_MILLIS = 60_000;

    final DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(WIDTH, HEIGHT));
    private final DebugSession session;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    TuiHarness(DebugSession session, String theme, String keyMap) {
        this.session = session;
        TuiOptions options = new TuiOptions(theme, keyMap, terminal);
        thread = new Thread(() -> {
            try {
                Tui.run(session, options);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "tui-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    /** Records dbg_corrupt into dir (once per test class). */
    /**
     * Records dbg_corrupt without syscall buffering (-n): the TUI tests name events by number (one
     * event per syscall); the TUI over buffered recordings is covered by SyscallBufferTest.
     */
    static Path record(Path tmp) {
        Path dir = tmp.resolve("trace");
        Jrr.Run r = Jrr.run("record", "-q", "-n", "-o", dir.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                Jrr.binary("dbg_corrupt").toString());
        assertEquals(0, r.status(), r.errText());
        return dir;
    }

    static TuiHarness open(Path trace) {
        return open(trace, "dark", "default");
    }

    static TuiHarness open(Path trace, String theme, String keyMap) {
        TuiHarness h = new TuiHarness(ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD), theme, keyMap);
        h.waitFor("? for help");
        return h;
    }

    TuiHarness type(String chars) {
        for (char c : chars.toCharArray()) terminal.addInput(new KeyStroke(c, false, false));
        return this;
    }

    TuiHarness key(KeyType type) {
        terminal.addInput(new KeyStroke(type));
        return this;
    }

    TuiHarness key(KeyStroke k) {
        terminal.addInput(k);
        return this;
    }

    TuiHarness ctrl(char c) {
        terminal.addInput(new KeyStroke(c, true, false));
        return this;
    }

    /** Types a command line (":" + line + Enter). */
    TuiHarness command(String line) {
        type(":" + line);
        return key(KeyType.Enter);
    }

    /** Sets breakpoint 1 at location and continues to it; returns the screen showing expected. */
    String stopAt(String location, String expected) {
        command("break " + location).waitFor("Breakpoint 1 at");
        return type("c").waitFor(expected);
    }

    String screen() {
        StringBuilder b = new StringBuilder();
        for (int y = 0; y < HEIGHT; y++) {
            b.append(row(y)).append('\n');
        }
        return b.toString();
    }

    String row(int y) {
        StringBuilder b = new StringBuilder();
        for (int x = 0; x < WIDTH; x++) {
            TextCharacter c = terminal.getCharacter(x, y);
            b.append(c == null ? " " : c.getCharacterString());
        }
        return b.toString();
    }

    String statusLine() {
        return row(HEIGHT - 1);
    }

    TextCharacter at(int x, int y) {
        return terminal.getCharacter(x, y);
    }

    /** Waits until the screen shows text and nothing runs; returns the screen. */
    String waitFor(String text) {
        return waitUntil(s -> s.contains(text), "\"" + text + "\"");
    }

    String waitUntil(Predicate<String> test, String what) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String s = "";
        while (System.currentTimeMillis() < deadline) {
            if (failure.get() != null) fail("the TUI failed", failure.get());
            s = screen();
            if (test.test(s) && !statusLine().contains("working:")) return s;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("screen never showed " + what + ":\n" + s);
    }

    @Override
    public void close() {
        try {
            key(KeyType.Escape).type("q");
            thread.join(WAIT_MILLIS);
            if (thread.isAlive()) fail("the TUI did not quit on q:\n" + screen());
            if (failure.get() != null) fail("the TUI failed", failure.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.close();
        }
    }
}
