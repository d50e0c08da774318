package io.jrrtui.tui;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.ExtendedTerminal;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import io.jrrtui.api.DebugSession;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The full-screen debugger. */
public final class Tui {
    /** How often the status line's "working" timer is redrawn while a command runs. */
    private static final long BUSY_REDRAW_MILLIS = 200;
    /** Sleep between polls for input when nothing happened. */
    private static final long IDLE_SLEEP_MILLIS = 10;

    private Tui() {}

    /**
     * Runs the TUI over session until the user quits. The session stays open (the caller closes
     * it). A bad theme or key map name fails before the screen is touched.
     */
    public static void run(DebugSession session, TuiOptions options) {
        KeyMap keys = KeyMap.named(options.keyMap());
        boolean own = options.terminal() == null;
        Theme theme = Theme.load(options.theme(),
                !own || Theme.supports256(System.getenv("TERM"), System.getenv("COLORTERM")));
        Terminal terminal = own ? openTerminal() : options.terminal();
        Worker worker = null;
        TerminalScreen screen = null;
        try {
            screen = new TerminalScreen(terminal);
            screen.startScreen();
            mouse(terminal, MouseCaptureMode.CLICK_RELEASE);
            MultiWindowTextGUI gui = new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen);
            WorkbenchView[] view = new WorkbenchView[1];
            worker = new Worker(task -> gui.getGUIThread().invokeLater(() -> {
                task.run();
                view[0].invalidate();
            }));
            Workbench wb = new Workbench(session, worker, keys);
            view[0] = new WorkbenchView(wb, theme);
            BasicWindow window = new BasicWindow("jrrtui");
            window.setHints(List.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS));
            window.setComponent(view[0]);
            gui.addWindow(window);
            window.setFocusedInteractable(view[0]);
            wb.start();
            loop(gui, wb, view[0]);
        } catch (IOException e) {
            throw new JrrException("terminal: " + e.getMessage(), e);
        } finally {
            if (worker != null) worker.close();
            mouse(terminal, null);
            stop(screen);
            if (own) closeQuietly(terminal);
        }
    }

    private static void loop(MultiWindowTextGUI gui, Workbench wb, WorkbenchView view) throws IOException {
        long lastTick = 0;
        while (!wb.quit()) {
            boolean drew = gui.getGUIThread().processEventsAndUpdate();
            long now = System.currentTimeMillis();
            if (wb.busy() && now - lastTick >= BUSY_REDRAW_MILLIS) {
                lastTick = now;
                view.invalidate();
            }
            if (!drew) {
                try {
                    Thread.sleep(IDLE_SLEEP_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Terminal openTerminal() {
        try {
            return new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                    .setForceTextTerminal(true)
                    .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                    .createTerminal();
        } catch (IOException e) {
            throw new JrrException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /** mode null turns mouse reports off. */
    private static void mouse(Terminal t, MouseCaptureMode mode) {
        if (!(t instanceof ExtendedTerminal e)) return;
        try {
            e.setMouseCaptureMode(mode);
            if (t instanceof com.googlecode.lanterna.terminal.ansi.StreamBasedTerminal s && mode != null) {
                s.getInputDecoder().addProfile(() -> List.of(new SgrMousePattern()));
            }
            if (t instanceof com.googlecode.lanterna.terminal.ansi.StreamBasedTerminal) {
                // Lanterna has no call for mode 1006; the request is a plain escape sequence on the tty
                System.out.print(mode != null ? SgrMousePattern.ENABLE : SgrMousePattern.DISABLE);
                System.out.flush();
            }
        } catch (IOException | RuntimeException ignored) {
            // mouse support is optional: a terminal that cannot report clicks still works by keys
        }
    }

    private static void stop(TerminalScreen screen) {
        if (screen == null) return;
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException ignored) {
            // the terminal is gone; nothing left to restore
        }
    }

    private static void closeQuietly(Terminal t) {
        try {
            t.close();
        } catch (IOException ignored) {
            // closing the process's own terminal at exit; nothing to report
        }
    }

    /**
     * Whether this process talks to a terminal on both stdin and stdout: where the CLI should open
     * the TUI rather than the line REPL.
     */
    public static boolean onTerminal() {
        return System.console() != null;
    }

    /** A failure's one-line message for the user. */
    static String message(Throwable e) {
        if (e instanceof StackOverflowError) return "internal error: stack overflow";
        String m = e.getMessage();
        return e instanceof JrrException && m != null ? m : e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
