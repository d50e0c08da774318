package io.jrrtui.repl;

import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.ThreadInfo;
import io.jrrtui.api.Variable;
import io.jrrtui.repl.ReplCommand.Repeat;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Frames and threads: backtrace, up, down, frame, thread (select, apply, name), info threads. Each
 * command looks at the selected thread; a stop selects the thread that stopped.
 */
final class StackCommands {
    private StackCommands() {}

    /** @param execute runs a command line (for {@code thread apply}) */
    static List<ReplCommand> all(ReplContext c, BiConsumer<String, PrintStream> execute) {
        return List.of(
                Cmd.of("backtrace", "Print backtrace of all stack frames, or innermost N frames.").alias("bt", "where")
                        .usage("backtrace [full] [N]\nWith full, print the local variables of each frame too; with -N, the outermost N frames.")
                        .does((a, out) -> backtrace(c, a, out)),
                Cmd.of("up", "Select and print stack frame that called this one.").usage("up [N]").repeat(Repeat.SAME)
                        .does((a, out) -> move(c, Args.count(a, 1), a.isBlank(), out)),
                Cmd.of("down", "Select and print stack frame called by this one.").alias("do", "dow").usage("down [N]")
                        .repeat(Repeat.SAME).does((a, out) -> move(c, -Args.count(a, 1), a.isBlank(), out)),
                Cmd.of("frame", "Select and print a stack frame.").alias("f")
                        .usage("frame [N | level N | function NAME]\nWithout N, print the selected frame; with function NAME, the\n"
                                + "innermost frame of that function.")
                        .does((a, out) -> {
                            FrameInfo f = a.isBlank() ? c.session.selectedFrame() : select(c, level(c, a.strip()));
                            out.print(c.printer.selectedFrame(c.forDisplay(f)));
                        }),
                Cmd.of("thread", "Use this command to switch between threads.").alias("t")
                        .usage("thread [N]\nthread apply all|N... COMMAND\nthread name [NAME]")
                        .does((a, out) -> thread(c, a, out, execute)));
    }

    /** {@code info threads}: every thread of the debugged process with its innermost frame. */
    static void threads(ReplContext c, PrintStream out) {
        List<ThreadInfo> threads = c.session.threads();
        if (threads.isEmpty()) {
            out.println("No threads.");
            return;
        }
        int width = "Target Id".length();
        for (ThreadInfo t : threads) width = Math.max(width, targetId(t).length());
        out.printf("  Id   %-" + width + "s Frame %n", "Target Id");
        for (ThreadInfo t : threads) {
            String frame = t.frame() == null ? "(no frame)" : c.printer.frameLocation(t.number() == selectedNumber(threads) ? c.forDisplay(t.frame()) : t.frame());
            out.printf("%s %-4d %-" + width + "s %s%n", t.selected() ? "*" : " ", t.number(), targetId(t), frame);
        }
    }

    private static int selectedNumber(List<ThreadInfo> threads) {
        for (ThreadInfo t : threads) if (t.selected()) return t.number();
        return 0;
    }

    /** gdb's target id of a thread: we know its recorded LWP and name (no pthread_t address; no name in a core file). */
    /** The target id in gdb's thread switch lines: "Thread 0x... (LWP n)", without the name. */
    static String shortTargetId(ThreadInfo t) {
        return t.pthread() != 0 ? String.format("Thread 0x%x (LWP %d)", t.pthread(), t.tid()) : targetId(t);
    }

    static String targetId(ThreadInfo t) {
        if (t.pthread() != 0) return shortTargetId(t) + (t.name() == null ? "" : " \"" + t.name() + "\"");
        return t.name() == null ? "LWP " + t.tid() : "LWP " + t.tid() + " \"" + t.name() + "\"";
    }

    private static void backtrace(ReplContext c, String args, PrintStream out) {
        boolean full = false;
        int limit = 0; // 0: all; negative: the outermost -limit frames
        for (String w : Args.words(args)) {
            if (w.equals("full") || w.equals("-full")) full = true;
            else limit = Args.integer(w);
        }
        List<FrameInfo> frames = c.frames(limit > 0 ? limit + 1 : 0);
        int from = limit < 0 ? Math.max(0, frames.size() + limit) : 0;
        int to = limit > 0 ? Math.min(limit, frames.size()) : frames.size();
        for (int i = from; i < to; i++) {
            FrameInfo f = i == 0 ? c.forDisplay(frames.get(0)) : frames.get(i);
            out.println(c.printer.backtraceLine(f));
            if (full) {
                List<Variable> locals = c.session.locals(f.level());
                if (locals.isEmpty()) out.println("No locals.");
                for (Variable v : locals) out.println("        " + v.name() + " = " + v.value());
            }
        }
        if (limit > 0 && frames.size() > limit) out.println("(More stack frames follow...)");
    }

    /** The level frame's argument names: N, "level N", or "function NAME" (its innermost frame). */
    private static int level(ReplContext c, String arg) {
        if (arg.startsWith("level ")) return Args.integer(arg.substring(6).strip());
        if (!arg.startsWith("function ")) return Args.integer(arg);
        String name = arg.substring(9).strip();
        for (FrameInfo f : c.session.backtrace(Integer.MAX_VALUE)) {
            if (name.equals(f.where().function())) return f.level();
        }
        boolean known;
        try {
            known = c.session.whatis(name).matches("type = .*\\(.*\\)");
        } catch (JrrException e) {
            known = false;
        }
        throw new JrrException(known ? "No frame for function \"" + name + "\"." : "Function \"" + name + "\" not defined.");
    }

    private static FrameInfo select(ReplContext c, int level) {
        if (level < 0 || c.outermostLevel(level) < level) throw new JrrException("No frame at level " + level + ".");
        return c.session.selectFrame(level);
    }

    /** gdb refuses to move past an end only for a bare up/down; with a count it goes as far as it can. */
    private static void move(ReplContext c, int by, boolean bare, PrintStream out) {
        int from = c.session.selectedFrame().level();
        int to = from + by;
        if (by > 0) {
            int outermost = c.outermostLevel(to);
            if (from >= outermost && bare) throw new JrrException("Initial frame selected; you cannot go up.");
            to = Math.min(to, outermost);
        } else {
            if (from == 0 && bare) throw new JrrException("Bottom (innermost) frame selected; you cannot go down.");
            to = Math.max(to, 0);
        }
        out.print(c.printer.selectedFrame(c.forDisplay(c.session.selectFrame(to))));
    }

    private static void thread(ReplContext c, String args, PrintStream out, BiConsumer<String, PrintStream> execute) {
        List<String> words = Args.words(args);
        if (words.isEmpty()) {
            ThreadInfo t = selected(c);
            out.println("[Current thread is " + t.number() + " (" + shortTargetId(t) + ")]");
            return;
        }
        switch (words.get(0)) {
            case "apply" -> apply(c, args.strip().substring("apply".length()).strip(), out, execute);
            case "name" -> {
                c.session.nameThread(args.strip().substring("name".length()).strip());
            }
            default -> {
                if (!words.get(0).matches("\\d{1,9}")) throw new JrrException("Invalid thread ID: " + args.strip());
                ThreadInfo t = c.session.selectThread(Integer.parseInt(words.get(0)));
                out.println("[Switching to thread " + t.number() + " (" + shortTargetId(t) + ")]");
                c.printer.threadSelected(t.number());
                out.print(c.printer.selectedFrame(c.forDisplay(c.session.selectedFrame())));
            }
        }
    }

    private static ThreadInfo selected(ReplContext c) {
        for (ThreadInfo t : c.session.threads()) if (t.selected()) return t;
        throw new JrrException("No thread selected.");
    }

    /** {@code thread apply all|N... COMMAND}: runs COMMAND in each thread (gdb: newest first for all). */
    private static void apply(ReplContext c, String rest, PrintStream out, BiConsumer<String, PrintStream> execute) {
        List<String> words = Args.words(rest);
        if (words.isEmpty()) throw new JrrException("Please specify a thread ID list");
        List<ThreadInfo> all = c.session.threads();
        List<ThreadInfo> chosen = new java.util.ArrayList<>();
        int used = 0;
        if (words.get(0).equals("all")) {
            chosen.addAll(all);
            java.util.Collections.reverse(chosen);
            used = 1;
        } else {
            for (String w : words) {
                if (!w.matches("\\d{1,9}")) break;
                int n = Integer.parseInt(w);
                ThreadInfo t = all.stream().filter(x -> x.number() == n).findFirst()
                        .orElseThrow(() -> new JrrException("Unknown thread " + n + "."));
                chosen.add(t);
                used++;
            }
            if (used == 0) throw new JrrException("Invalid thread ID: " + rest);
        }
        String command = String.join(" ", words.subList(used, words.size()));
        if (command.isEmpty()) throw new JrrException("Please specify a command following the thread ID list");
        int back = selectedNumber(all);
        try {
            for (ThreadInfo t : chosen) {
                c.session.selectThread(t.number());
                out.println();
                out.println("Thread " + t.number() + " (" + targetId(t) + "):");
                execute.accept(command, out);
            }
        } finally {
            if (back > 0) c.session.selectThread(back);
        }
    }
}
