package io.jrrtui.debugger;

import io.jrrtui.arch.Signals;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.SignalEvent;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a catchpoint ({@code catch syscall|signal}) waits for: a syscall or signal kind and the
 * numbers it names, none meaning any. Parsed and described in gdb's words.
 */
record CatchSpec(Kind kind, List<Integer> numbers, boolean allSignals) {
    /** THROW, CATCH, RETHROW: C++ exceptions, caught by a code stop in the C++ runtime's function for it. */
    enum Kind { SYSCALL, SIGNAL, THROW, CATCH, RETHROW }

    /** A C++ exception catchpoint. */
    static CatchSpec exception(Kind kind) {
        return new CatchSpec(kind, List.of(), false);
    }

    /** The C++ runtime (libstdc++/libc++abi) function an exception catchpoint stops in. */
    String runtimeFunction() {
        return switch (kind) {
            case THROW -> "__cxa_throw";
            case CATCH -> "__cxa_begin_catch";
            case RETHROW -> "__cxa_rethrow";
            default -> null;
        };
    }

    /** gdb's words in the stop line of an exception catchpoint: "exception thrown". */
    String hitText() {
        return switch (kind) {
            case THROW -> "exception thrown";
            case CATCH -> "exception caught";
            case RETHROW -> "exception rethrown";
            default -> null;
        };
    }

    /** Parses the arguments of {@code catch syscall} / {@code catch signal} as gdb takes them. */
    static CatchSpec parse(Kind kind, List<String> args) {
        List<Integer> numbers = new ArrayList<>();
        boolean all = false;
        for (String a : args) {
            if (kind == Kind.SYSCALL) {
                numbers.add(syscallNumber(a));
            } else if (a.equals("all")) {
                if (args.size() > 1) throw new JrrException("'all' cannot be caught with other signals");
                all = true;
            } else {
                numbers.add(signalNumber(a));
            }
        }
        return new CatchSpec(kind, List.copyOf(numbers), all);
    }

    private static int syscallNumber(String a) {
        if (a.matches("\\d+")) return Integer.parseInt(a);
        int n = Syscalls.number(a);
        if (n < 0) throw new JrrException("Unknown syscall name '" + a + "'.");
        return n;
    }

    private static int signalNumber(String a) {
        if (a.matches("\\d+")) return SignalHandling.number(a); // gdb's own numbering, 1-15
        String name = a.toUpperCase(Locale.ROOT).startsWith("SIG") ? a.toUpperCase(Locale.ROOT) : "SIG" + a.toUpperCase(Locale.ROOT);
        for (int s = 1; s <= 64; s++) if (Signals.name(s).equals(name)) return s;
        throw new JrrException("Unknown signal name '" + a + "'.");
    }

    /** Whether the recorded event is one this catchpoint stops at. */
    boolean matches(Event e) {
        if (kind == Kind.SYSCALL) return e instanceof SyscallEvent s && catches((int) s.syscall());
        if (!(e instanceof SignalEvent s)) return false;
        // gdb's catch signal without arguments leaves out the signals it uses itself
        if (numbers.isEmpty() && !allSignals) return s.signo() != Signals.SIGTRAP && s.signo() != Signals.SIGINT;
        return allSignals || numbers.contains(s.signo());
    }

    boolean catches(int number) {
        return numbers.isEmpty() || numbers.contains(number);
    }

    /** The "What" column of info breakpoints: {@code syscalls "write, getpid"}, {@code signal "SIGUSR1"}. */
    String what() {
        if (runtimeFunction() != null) return "exception " + kind.name().toLowerCase(Locale.ROOT);
        if (kind == Kind.SYSCALL) {
            if (numbers.isEmpty()) return "syscall \"<any syscall>\"";
            List<String> names = new ArrayList<>();
            for (int n : numbers) names.add(Syscalls.known(n) ? Syscalls.name(n) : Integer.toString(n));
            return (numbers.size() > 1 ? "syscalls" : "syscall") + " \"" + String.join(", ", names) + "\"";
        }
        if (allSignals) return "signal \"<any signal>\"";
        if (numbers.isEmpty()) return "signal \"<standard signals>\"";
        List<String> names = new ArrayList<>();
        for (int n : numbers) names.add(Signals.name(n));
        return "signal \"" + String.join(" ", names) + "\"";
    }

    /** gdb's words when the catchpoint is made: "(syscalls 'write' [1] 'getpid' [39])", "(signal SIGUSR1)". */
    String created() {
        if (runtimeFunction() != null) return "(" + kind.name().toLowerCase(Locale.ROOT) + ")";
        if (kind == Kind.SYSCALL) {
            if (numbers.isEmpty()) return "(any syscall)";
            StringBuilder sb = new StringBuilder(numbers.size() > 1 ? "(syscalls" : "(syscall");
            for (int n : numbers) {
                if (Syscalls.known(n)) sb.append(" '").append(Syscalls.name(n)).append("' [").append(n).append(']');
                else sb.append(' ').append(n); // gdb: "(syscall 99999)"
            }
            return sb.append(')').toString();
        }
        if (allSignals) return "(any signal)";
        if (numbers.isEmpty()) return "(standard signals)";
        List<String> names = new ArrayList<>();
        for (int n : numbers) names.add(Signals.name(n));
        return "(signal" + (names.size() > 1 ? "s " : " ") + String.join(" ", names) + ")";
    }
}
