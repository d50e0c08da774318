package io.jrrtui.debugger;

import io.jrrtui.api.SignalDisposition;
import io.jrrtui.arch.Signals;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * gdb's {@code handle} table for a replay: which recorded signals stop a forward move and which
 * are only said. Whether the program receives a signal is the recording's business; the pass
 * column shows gdb's default and cannot be changed.
 */
final class SignalHandling {
    /** Linux's signals in gdb's table order, with gdb's descriptions. */
    private static final String[][] TABLE = {
        {"SIGHUP", "Hangup"}, {"SIGINT", "Interrupt"}, {"SIGQUIT", "Quit"}, {"SIGILL", "Illegal instruction"},
        {"SIGTRAP", "Trace/breakpoint trap"}, {"SIGABRT", "Aborted"}, {"SIGFPE", "Arithmetic exception"}, {"SIGKILL", "Killed"},
        {"SIGBUS", "Bus error"}, {"SIGSEGV", "Segmentation fault"}, {"SIGSYS", "Bad system call"}, {"SIGPIPE", "Broken pipe"},
        {"SIGALRM", "Alarm clock"}, {"SIGTERM", "Terminated"}, {"SIGURG", "Urgent I/O condition"}, {"SIGSTOP", "Stopped (signal)"},
        {"SIGTSTP", "Stopped (user)"}, {"SIGCONT", "Continued"}, {"SIGCHLD", "Child status changed"},
        {"SIGTTIN", "Stopped (tty input)"}, {"SIGTTOU", "Stopped (tty output)"}, {"SIGIO", "I/O possible"},
        {"SIGXCPU", "CPU time limit exceeded"}, {"SIGXFSZ", "File size limit exceeded"}, {"SIGVTALRM", "Virtual timer expired"},
        {"SIGPROF", "Profiling timer expired"}, {"SIGWINCH", "Window size changed"}, {"SIGUSR1", "User defined signal 1"},
        {"SIGUSR2", "User defined signal 2"}, {"SIGPWR", "Power fail/restart"},
    };
    /** gdb's own numbers 1-15 (its enum, which handle and info signals take), as names. */
    private static final String[] GDB_NUMBERS = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGEMT",
        "SIGFPE", "SIGKILL", "SIGBUS", "SIGSEGV", "SIGSYS", "SIGPIPE", "SIGALRM", "SIGTERM"};

    /** Per Linux signal number: {stop, print}. */
    private final Map<Integer, boolean[]> flags = new HashMap<>();

    SignalHandling() {
        for (String[] row : TABLE) {
            int sig = number(row[0]);
            boolean quiet = Signals.quietByDefault(sig);
            flags.put(sig, new boolean[] {!quiet, !quiet});
        }
    }

    /** The Linux number of a name (SIGUSR1) or gdb number 1-15; an error for anything else. */
    static int number(String word) {
        String w = word.toUpperCase(Locale.ROOT);
        if (w.matches("\\d+")) {
            int n = Integer.parseInt(w);
            if (n < 1 || n > 15) throw new JrrException("Only signals 1-15 are valid as numeric signals.\nUse \"info signals\" for a list of symbolic signals.");
            w = GDB_NUMBERS[n];
        }
        for (int s = 1; s < 32; s++) if (Signals.name(s).equals(w)) return s;
        throw new JrrException("Unrecognized or ambiguous flag word: \"" + word + "\".");
    }

    boolean stops(int sig) {
        boolean[] f = flags.get(sig);
        return f == null || f[0];
    }

    boolean prints(int sig) {
        boolean[] f = flags.get(sig);
        return f == null || f[1];
    }

    /** Sets stop/print as gdb's handle does: stop implies print, noprint implies nostop. */
    void set(int sig, Boolean stop, Boolean print) {
        boolean[] f = flags.computeIfAbsent(sig, k -> new boolean[] {true, true});
        if (stop != null) {
            f[0] = stop;
            if (stop) f[1] = true;
        }
        if (print != null) {
            f[1] = print;
            if (!print) f[0] = false;
        }
    }

    /** Signals the replay passes over by itself (never a stop) that the table now wants stopped or said. */
    List<Integer> wantedQuietSignals() {
        List<Integer> out = new ArrayList<>();
        for (var e : flags.entrySet()) {
            if (Signals.quietByDefault(e.getKey()) && (e.getValue()[0] || e.getValue()[1])) out.add(e.getKey());
        }
        out.sort(null);
        return out;
    }

    SignalDisposition row(int sig) {
        String name = Signals.name(sig);
        String description = "Unknown signal";
        for (String[] r : TABLE) if (r[0].equals(name)) description = r[1];
        boolean pass = sig != Signals.SIGINT && sig != Signals.SIGTRAP;
        return new SignalDisposition(name, stops(sig), prints(sig), pass, description);
    }

    List<SignalDisposition> rows() {
        List<SignalDisposition> out = new ArrayList<>();
        for (String[] r : TABLE) out.add(row(number(r[0])));
        return out;
    }
}
