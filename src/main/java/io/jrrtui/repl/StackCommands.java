package io.jrrtui.repl;

import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.Variable;
import io.jrrtui.repl.ReplCommand.Repeat;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Frames and threads: backtrace, up, down, frame, thread. Recordings are replayed with one thread
 * for now, so thread commands know only thread 1 and say so in gdb's words.
 */
final class StackCommands {
    /** How the single thread is named in thread lists. */
    static final String THREAD_TARGET = "Thread 1";

    private StackCommands() {}

    /** @param execute runs a command line (for {@code thread apply}) */
    static List<ReplCommand> all(ReplContext c, BiConsumer<String, PrintStream> execute) {
        return List.of(
                Cmd.of("backtrace", "Print backtrace of all stack frames, or innermost N frames.").alias("bt", "where")
                        .usage("backtrace [full] [N]\nWith full, print the local variables of each frame too.")
                        .does((a, out) -> backtrace(c, a, out)),
                Cmd.of("up", "Select and print stack frame that called this one.").usage("up [N]").repeat(Repeat.SAME)
                        .does((a, out) -> move(c, Args.count(a, 1), out)),
                Cmd.of("down", "Select and print stack frame called by this one.").alias("do", "dow").usage("down [N]")
                        .repeat(Repeat.SAME).does((a, out) -> move(c, -Args.count(a, 1), out)),
                Cmd.of("frame", "Select and print a stack frame.").alias("f").usage("frame [N]\nWithout N, print the selected frame.")
                        .does((a, out) -> {
                            FrameInfo f = a.isBlank() ? c.session.selectedFrame() : c.session.selectFrame(Args.integer(a));
                            out.print(c.printer.selectedFrame(c.forDisplay(f)));
                        }),
                Cmd.of("thread", "Use this command to switch between threads.").alias("t")
                        .usage("thread [N]\nthread apply all|N COMMAND\nThe replay has one thread, thread 1.")
                        .does((a, out) -> thread(c, a, out, execute)));
    }

    /** {@code info threads}. */
    static void threads(ReplContext c, PrintStream out) {
        FrameInfo f = c.forDisplay(c.session.selectedFrame());
        int width = Math.max("Target Id".length(), THREAD_TARGET.length());
        out.printf("  Id   %-" + width + "s Frame %n", "Target Id");
        out.printf("* 1    %-" + width + "s %s%n", THREAD_TARGET, c.printer.frameLocation(f));
    }

    private static void backtrace(ReplContext c, String args, PrintStream out) {
        boolean full = false;
        int limit = -1;
        for (String w : Args.words(args)) {
            if (w.equals("full") || w.equals("-full")) full = true;
            else if (w.matches("-\\d+")) throw new JrrException("backtrace -N (outermost frames) is not supported.");
            else limit = Args.integer(w);
        }
        List<FrameInfo> frames = c.session.backtrace(limit < 0 ? 0 : limit + 1);
        int shown = limit < 0 ? frames.size() : Math.min(limit, frames.size());
        for (int i = 0; i < shown; i++) {
            FrameInfo f = i == 0 ? c.forDisplay(frames.get(0)) : frames.get(i);
            out.println(c.printer.backtraceLine(f));
            if (full) {
                List<Variable> locals = c.session.locals(f.level());
                if (locals.isEmpty()) out.println("No locals.");
                for (Variable v : locals) out.println("        " + v.name() + " = " + v.value());
            }
        }
        if (limit >= 0 && frames.size() > limit) out.println("(More stack frames follow...)");
    }

    private static void move(ReplContext c, int by, PrintStream out) {
        int from = c.session.selectedFrame().level();
        int to = from + by;
        if (by > 0) {
            int outermost = c.session.backtrace(to + 1).size() - 1;
            if (from >= outermost) throw new JrrException("Initial frame selected; you cannot go up.");
            to = Math.min(to, outermost);
        } else {
            if (from == 0) throw new JrrException("Bottom (innermost) frame selected; you cannot go down.");
            to = Math.max(to, 0);
        }
        out.print(c.printer.selectedFrame(c.forDisplay(c.session.selectFrame(to))));
    }

    private static void thread(ReplContext c, String args, PrintStream out, BiConsumer<String, PrintStream> execute) {
        List<String> words = Args.words(args);
        if (words.isEmpty()) {
            out.println("[Current thread is 1 (" + THREAD_TARGET + ")]");
            return;
        }
        if (words.get(0).equals("apply")) {
            if (words.size() < 2) throw new JrrException("Please specify a thread ID list");
            String which = words.get(1);
            if (!which.equals("all") && !which.equals("1")) throw new JrrException("Unknown thread " + which + ".");
            String rest = args.strip().substring("apply".length()).strip().substring(which.length()).strip();
            if (rest.isEmpty()) throw new JrrException("Please specify a command following the thread ID list");
            out.println();
            out.println("Thread 1 (" + THREAD_TARGET + "):");
            execute.accept(rest, out);
            return;
        }
        if (!words.get(0).equals("1")) {
            if (!words.get(0).matches("\\d{1,9}")) throw new JrrException("Invalid thread ID: " + args.strip());
            throw new JrrException("Unknown thread " + words.get(0) + ".");
        }
        out.println("[Switching to thread 1 (" + THREAD_TARGET + ")]");
        out.print(c.printer.selectedFrame(c.forDisplay(c.session.selectedFrame())));
    }
}
