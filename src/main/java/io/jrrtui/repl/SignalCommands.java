package io.jrrtui.repl;

import io.jrrtui.api.SignalDisposition;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** handle and info signals: gdb's signal table, for a replay. */
final class SignalCommands {
    private SignalCommands() {}

    static final String HEADER = "Signal        Stop\tPrint\tPass to program\tDescription";

    static ReplCommand handle(ReplContext c) {
        return Cmd.of("handle", "Specify how to handle signals.")
                .usage("handle SIGNAL... [no]stop [no]print [no]pass\n"
                        + "stop/print decide whether continue stops at (or says) a recorded signal; what the program received\n"
                        + "cannot change in a replay, so pass/nopass are refused.")
                .does((a, out) -> handle(c, Args.words(Args.require(a, "Argument required (signal and action to apply)")), out));
    }

    private static void handle(ReplContext c, List<String> words, PrintStream out) {
        List<String> signals = new ArrayList<>();
        Boolean stop = null, print = null;
        for (String w : words) {
            switch (w.toLowerCase(java.util.Locale.ROOT)) {
                case "stop" -> stop = true;
                case "nostop" -> stop = false;
                case "print" -> print = true;
                case "noprint" -> print = false;
                case "pass", "nopass", "ignore", "noignore" -> throw new JrrException("\"" + w + "\" cannot apply to a replay: "
                        + "the program receives each signal as the recording says it did. Only stop/nostop and print/noprint "
                        + "can change (whether continue stops at a signal, and whether it says so).");
                default -> signals.add(w);
            }
        }
        if (signals.isEmpty()) throw new JrrException("Argument required (signal and action to apply).");
        List<SignalDisposition> rows = stop == null && print == null ? c.session.signalHandling(signals)
                : c.session.handleSignals(signals, stop, print);
        table(rows, out);
    }

    /** info signals [SIGNAL]: gdb's table (for one signal, or all, then the signals the recording holds). */
    static void info(ReplContext c, String args, PrintStream out) {
        List<String> words = Args.words(args);
        List<SignalDisposition> rows;
        if (!words.isEmpty()) {
            out.println(HEADER); // gdb's header comes before the argument is looked at
            for (String w : words) {
                List<SignalDisposition> one;
                try {
                    one = c.session.signalHandling(List.of(w));
                } catch (JrrException e) {
                    // gdb reads anything but a signal name as an expression giving its signal number
                    if (w.matches("\\d+")) throw e;
                    throw new JrrException("No symbol \"" + w + "\" in current context.");
                }
                for (SignalDisposition r : one) out.println(row(r));
            }
            return;
        }
        try {
            rows = c.session.signalHandling(words);
        } catch (JrrException e) {
            rows = List.of(); // a session without a signal table still lists the recorded signals
        }
        if (!rows.isEmpty()) {
            out.println(HEADER);
            out.println();
            for (SignalDisposition r : rows) out.println(row(r));
            out.println();
            out.println("Use the \"handle\" command to change these tables.");
            out.println();
        }
        List<String> recorded = c.session.signals();
        if (recorded.isEmpty()) out.println("No signals were delivered to the program in this recording.");
        recorded.forEach(out::println);
    }

    private static void table(List<SignalDisposition> rows, PrintStream out) {
        out.println(HEADER);
        for (SignalDisposition r : rows) out.println(row(r));
    }

    static String row(SignalDisposition r) {
        return String.format("%-14s%s\t%s\t%s\t\t%s", r.name(), yes(r.stop()), yes(r.print()), yes(r.pass()), r.description());
    }

    private static String yes(boolean b) {
        return b ? "Yes" : "No";
    }
}
