package io.jrrtui.repl;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.DebugSession;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.SourceLocation;
import io.jrrtui.api.StopEvent;
import io.jrrtui.api.Variable;
import io.jrrtui.api.WatchChange;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All of gdb's wording for where execution is and why it stopped, in one place so that the REPL and
 * the TUI say the same thing. Every method returns text whose lines end in '\n' (or "" for
 * nothing). File names are shown by their last component (gdb's {@code set filename-display
 * basename}).
 *
 * <p>Like gdb, a step that ends in the function it started in shows only the source line; a stop
 * in another function, at a breakpoint, watchpoint, signal or after a jump in time shows the frame
 * line first. The printer remembers the function of the last stop it reported to decide this
 * (gdb compares frame ids; recursion into the same function therefore shows only the line here).
 */
public final class StopPrinter {
    private static final Pattern LINE_START = Pattern.compile("starts at address 0x([0-9a-fA-F]{1,16})");
    private static final Pattern PID = Pattern.compile("process (\\d+)");
    private static final Pattern EXIT_PHRASE = Pattern.compile("exited (normally|with code [0-7]+)");
    private static final Pattern SIGNAL = Pattern.compile("(SIG[A-Z0-9+]+)(?:, (.*))?");
    private static final Map<String, String> SIGNAL_TEXT = Map.ofEntries(
            Map.entry("SIGHUP", "Hangup"), Map.entry("SIGINT", "Interrupt"), Map.entry("SIGQUIT", "Quit"),
            Map.entry("SIGILL", "Illegal instruction"), Map.entry("SIGTRAP", "Trace/breakpoint trap"),
            Map.entry("SIGABRT", "Aborted"), Map.entry("SIGBUS", "Bus error"),
            Map.entry("SIGFPE", "Arithmetic exception"), Map.entry("SIGKILL", "Killed"),
            Map.entry("SIGUSR1", "User defined signal 1"), Map.entry("SIGSEGV", "Segmentation fault"),
            Map.entry("SIGUSR2", "User defined signal 2"), Map.entry("SIGPIPE", "Broken pipe"),
            Map.entry("SIGALRM", "Alarm clock"), Map.entry("SIGTERM", "Terminated"),
            Map.entry("SIGCHLD", "Child status changed"), Map.entry("SIGSYS", "Bad system call"));

    private final SourceCache sources;
    private final ValueHistory values;
    /** The shared library a pc without line information is in, for gdb's "from LIB" (null: unknown). */
    private LongFunction<String> libraryOf = pc -> null;
    private String lastFunction;
    private boolean haveLast;

    public StopPrinter(SourceCache sources, ValueHistory values) {
        this.sources = sources;
        this.values = values;
    }

    /** Names the shared library of a pc; frames without line information then end in "from LIB". */
    public void setLibraryLookup(LongFunction<String> libraryOf) {
        this.libraryOf = libraryOf;
    }

    /**
     * A library lookup over {@link DebugSession#sharedLibraries()} rows whose value starts with the
     * library's start and end addresses ("0x7ffff7dd5000 0x7ffff7fb6f50 Yes").
     */
    public static LongFunction<String> libraries(DebugSession session) {
        return pc -> {
            try {
                for (Variable lib : session.sharedLibraries()) {
                    String[] w = lib.value().strip().split("\\s+");
                    if (w.length >= 2 && w[0].startsWith("0x") && w[1].startsWith("0x")) {
                        long from = Long.parseUnsignedLong(w[0].substring(2), 16);
                        long to = Long.parseUnsignedLong(w[1].substring(2), 16);
                        if (Long.compareUnsigned(pc, from) >= 0 && Long.compareUnsigned(pc, to) < 0) return lib.name();
                    }
                }
            } catch (RuntimeException e) {
                // a row we cannot read, or no process: no "from LIB"
            }
            return null;
        };
    }

    /** The value history "Value returned is $N" numbers into (shared with print). */
    public ValueHistory values() {
        return values;
    }

    /**
     * The report of a stop the session just made: looks up the innermost frame (arguments, whether
     * the pc starts a statement) and the breakpoint hit, then formats as {@link #stop} does.
     */
    /** The thread of the last stop reported or selected since (gdb's previous_inferior_ptid), 0 when none. */
    private int lastThread;

    /** thread N selected a thread: the next stop in another one says so. */
    public void threadSelected(int number) {
        lastThread = number;
    }

    /** gdb's "[Switching to Thread 0x... (LWP n)]" when a stop is in another thread than the last one. */
    private String threadSwitch(DebugSession session, StopEvent stop) {
        int before = lastThread;
        // a program with one thread has its stops unnumbered: that thread is 1
        lastThread = Math.max(1, stop.thread());
        if (stop.thread() <= 0 || before <= 0 || before == stop.thread()) return "";
        try {
            // the stop selected the thread that stopped: named without unwinding or selecting any other
            io.jrrtui.api.ThreadInfo t = session.selectedThreadId();
            if (t != null && t.number() == stop.thread()) return "[Switching to " + StackCommands.shortTargetId(t) + "]\n";
        } catch (JrrException e) {
            // no thread to name: say nothing
        }
        return "";
    }

    public String report(DebugSession session, StopEvent stop) {
        String switched = stop.reason() == StopEvent.Reason.EXITED ? "" : threadSwitch(session, stop);
        FrameInfo frame = null;
        if (stop.reason() != StopEvent.Reason.EXITED) {
            try {
                frame = forDisplay(session, session.selectedFrame());
            } catch (JrrException e) {
                frame = null; // no frame to show: the stop's own location is used
            }
        }
        BreakpointInfo hit = null;
        if (stop.breakpoint() > 0) {
            for (BreakpointInfo b : session.breakpoints()) if (b.number() == stop.breakpoint()) hit = b;
            if (hit == null && stop.reason() == StopEvent.Reason.BREAKPOINT) {
                // a temporary breakpoint is deleted when it is hit
                hit = new BreakpointInfo(stop.breakpoint(), "breakpoint", true, true, "", List.of(), null, 1);
            }
        }
        StringBuilder notes = new StringBuilder();
        for (String n : session.threadNotes()) notes.append(n).append('\n');
        return notes + switched + stop(stop, frame, hit);
    }

    /**
     * The frame as the printer wants it: for frame 0, pcIsExact becomes "the pc is the first address
     * of its line-table row" (gdb shows the address otherwise); outer frames always show theirs.
     */
    public static FrameInfo forDisplay(DebugSession session, FrameInfo f) {
        if (f.level() != 0 || !f.pcIsExact()) return f;
        boolean starts = true;
        try {
            Matcher m = LINE_START.matcher(session.lineInfo("*0x" + Long.toHexString(f.where().pc())));
            starts = !m.find() || Long.parseUnsignedLong(m.group(1), 16) == f.where().pc();
        } catch (JrrException e) {
            // no line information: nothing to compare with
        }
        return new FrameInfo(f.level(), f.where(), f.args(), starts);
    }

    /**
     * The report of a stop.
     *
     * @param frame the innermost frame at the stop (args, exactness); null when the program is gone
     * @param hit   the breakpoint or watchpoint {@code stop.breakpoint()} names, or null
     */
    /** gdb names the thread that stopped when the program has several: {@code Thread 2 "name" hit }. */
    private static String threadHit(StopEvent stop) {
        return stop.thread() > 0 ? "Thread " + stop.thread() + " \"" + stop.threadName() + "\" hit " : "";
    }

    public String stop(StopEvent stop, FrameInfo frame, BreakpointInfo hit) {
        StringBuilder sb = new StringBuilder();
        SourceLocation where = frame != null ? frame.where() : stop.where();
        boolean sameFunction = haveLast && where != null && java.util.Objects.equals(lastFunction, where.function());
        switch (stop.reason()) {
            case EXITED -> {
                sb.append(exited(stop));
                haveLast = false;
                return sb.toString();
            }
            case BREAKPOINT -> {
                if (stop.breakpoint() > 0 && hit != null && hit.type().equals("catchpoint")) {
                    sb.append('\n').append(threadHit(stop)).append("Catchpoint ").append(stop.breakpoint()).append(" (")
                            .append(stop.detail()).append("), ");
                } else if (stop.breakpoint() > 0) {
                    sb.append('\n').append(threadHit(stop)).append(hit != null && hit.temporary() ? "Temporary breakpoint " : "Breakpoint ")
                            .append(stop.breakpoint()).append(", ");
                }
                sb.append(locationWithSource(frame, stop.where()));
            }
            case WATCHPOINT -> {
                if (stop.watch() == null && stop.detail() != null) {
                    // a watch deleted at the end of its scope
                    sb.append('\n').append(stop.detail()).append('\n');
                    sb.append(locationWithSource(frame, stop.where()));
                    break;
                }
                if (stop.breakpoint() > 0) sb.append('\n').append(threadHit(stop)).append(watchTitle(hit, stop)).append('\n');
                else if (stop.watch() != null) sb.append("\nLast change of ").append(stop.watch().expression()).append('\n');
                // going backwards gdb names the values as you move: Old is the later one
                WatchChange w = stop.watch();
                if (w != null && stop.reverse() && stop.breakpoint() > 0) w = new WatchChange(w.expression(), w.newValue(), w.oldValue());
                sb.append(watchValues(w, hit));
                sb.append(locationWithSource(frame, stop.where()));
            }
            case STEP -> sb.append(sameFunction ? lineOnly(frame, stop.where()) : locationWithSource(frame, stop.where()));
            case FINISH -> {
                sb.append(locationWithSource(frame, stop.where()));
                if (stop.returnValue() != null) {
                    sb.append("Value returned is $").append(values.record(stop.returnValue())).append(" = ")
                            .append(stop.returnValue()).append('\n');
                }
            }
            case SIGNAL -> {
                if (stop.breakpoint() > 0) {
                    sb.append('\n').append(threadHit(stop)).append("Catchpoint ").append(stop.breakpoint()).append(" (signal ")
                            .append(stop.detail()).append("), ").append(locationWithSource(frame, stop.where()));
                    break;
                }
                sb.append(stop.thread() > 0 ? "\nThread " + stop.thread() + " \"" + stop.threadName() + "\" received signal " : "\nProgram received signal ").append(signalText(stop.detail())).append(".\n");
                sb.append(locationWithSource(frame, stop.where()));
            }
            case START_OF_HISTORY, END_OF_HISTORY -> {
                String why = stop.detail() != null && !stop.detail().isBlank() ? stop.detail()
                        : "No more reverse-execution history.";
                sb.append('\n').append(why).append('\n');
                sb.append(locationWithSource(frame, stop.where()));
            }
            default -> sb.append(locationWithSource(frame, stop.where()));
        }
        lastFunction = where != null ? where.function() : null;
        haveLast = true;
        return sb.toString();
    }

    /** Forgets the last reported function, so that the next step report shows its frame line. */
    public void resetLocation() {
        haveLast = false;
    }

    /** "Continuing." — printed before continue and reverse-continue run. */
    public String continuing() {
        return "Continuing.\n";
    }

    /** What {@code continue N} says at breakpoint bp before running. */
    public String ignoring(int crossings, int bp) {
        return "Will ignore next " + crossings + " crossings of breakpoint " + bp + ".  Continuing.\n";
    }

    /** The header {@code finish} prints before running. */
    public String runTillExit(FrameInfo frame) {
        return "Run till exit from " + backtraceLine(frame) + "\n";
    }

    /** The header {@code reverse-finish} prints before running. */
    public String runBackToCall(FrameInfo frame) {
        return "Run back to call of " + backtraceLine(frame) + "\n";
    }

    /** "tally (i=3) at dbg_corrupt.c:13", with "0x... in " first when the pc is not a statement start. */
    public String frameLocation(FrameInfo frame) {
        SourceLocation w = frame.where();
        if (w.isSignalTrampoline()) return w.function();
        StringBuilder sb = new StringBuilder();
        if (!frame.pcIsExact() || !w.hasLine()) sb.append(address(w.pc())).append(" in ");
        sb.append(w.function() != null ? w.function() : "??").append(" (").append(joinArgs(frame.args())).append(')');
        if (w.hasLine()) {
            sb.append(" at ").append(w.displayFile()).append(':').append(w.line());
        } else {
            String lib = libraryOf.apply(w.pc());
            if (lib != null) sb.append(" from ").append(lib);
        }
        return sb.toString();
    }

    /** "#1  0x0000555555555204 in main () at dbg_corrupt.c:37" (no newline). */
    public String backtraceLine(FrameInfo frame) {
        String level = Integer.toString(frame.level());
        return "#" + level + " ".repeat(Math.max(1, 3 - level.length())) + frameLocation(frame);
    }

    /** {@code frame}, {@code up}, {@code down}: the backtrace line and the source line. */
    public String selectedFrame(FrameInfo frame) {
        return backtraceLine(frame) + "\n" + sourceLine(frame.where());
    }

    /**
     * "13\t    counter += i;" plus newline; "" when there is no line information. A file that cannot
     * be read is said as gdb says it: "FILE: No such file or directory." the first time in a row,
     * "in FILE" after that.
     */
    public String sourceLine(SourceLocation w) {
        if (w == null || !w.hasLine()) return "";
        String text = sources.line(w.file(), w.line());
        if (text != null) {
            lastMissing = null;
            return w.line() + "\t" + text + "\n";
        }
        return missingLine(w.line(), w.displayFile()) + "\n";
    }

    /** The last file (as shown) whose line could not be shown since one was (gdb's last_source_error). */
    private String lastMissing;

    private String missingLine(int line, String shown) {
        if (shown.equals(lastMissing)) return line + "\tin " + shown;
        lastMissing = shown;
        return line + "\t" + shown + ": No such file or directory.";
    }

    /** {@code list} showed source: the next missing file is said in full again. */
    void sourceShown() {
        lastMissing = null;
    }

    /** {@code list}'s "N\tin FILE" in gdb's words, which depend on what was said before (see sourceLine). */
    RuntimeException listFailure(RuntimeException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\tin (.+)").matcher(String.valueOf(e.getMessage()));
        if (!m.matches()) return e;
        return new io.jrrtui.util.JrrException(missingLine(Integer.parseInt(m.group(1)), m.group(2)));
    }

    /**
     * gdb's note before "Breakpoint N at": "Note: breakpoints 1 (disabled) and 2 also set at pc
     * 0x...." for each location of the new breakpoint that others (all, the list after adding it)
     * already have. Both then count a hit there.
     */
    public String breakpointCreated(BreakpointInfo created, List<BreakpointInfo> all) {
        return otherBreakpointsNote(created, all) + breakpointCreated(created);
    }

    String otherBreakpointsNote(BreakpointInfo created, List<BreakpointInfo> all) {
        if (!created.type().equals("breakpoint")) return "";
        StringBuilder sb = new StringBuilder();
        for (SourceLocation at : created.locations()) {
            List<BreakpointInfo> others = new ArrayList<>();
            for (BreakpointInfo b : all) {
                if (b.number() != created.number() && b.type().equals("breakpoint")
                        && b.locations().stream().anyMatch(l -> l.pc() == at.pc())) others.add(b);
            }
            if (others.isEmpty()) continue;
            sb.append(others.size() == 1 ? "Note: breakpoint " : "Note: breakpoints ");
            for (int i = 0; i < others.size(); i++) {
                int left = others.size() - 1 - i;
                sb.append(others.get(i).number()).append(others.get(i).enabled() ? "" : " (disabled)")
                        .append(left > 1 ? ", " : left == 1 ? " and " : " ");
            }
            sb.append("also set at pc 0x").append(Long.toHexString(at.pc())).append(".\n");
        }
        return sb.toString();
    }

    /** "Breakpoint 1 at 0x401136: file dbg_corrupt.c, line 13." and the watchpoint equivalents. */
    public String breakpointCreated(BreakpointInfo b) {
        if (!b.type().equals("breakpoint")) return watchTitle(b, null) + "\n";
        StringBuilder sb = new StringBuilder(b.temporary() ? "Temporary breakpoint " : "Breakpoint ").append(b.number());
        List<SourceLocation> locs = b.locations();
        if (locs.isEmpty()) return sb.append(" (").append(b.what()).append(") pending.\n").toString();
        SourceLocation first = locs.get(0);
        sb.append(" at 0x").append(Long.toHexString(first.pc()));
        if (locs.size() > 1) {
            if (first.hasLine()) sb.append(": ").append(first.displayFile()).append(':').append(first.line()).append('.');
            return sb.append(" (").append(locs.size()).append(" locations)\n").toString();
        }
        if (first.hasLine()) sb.append(": file ").append(first.displayFile()).append(", line ").append(first.line()).append('.');
        return sb.append('\n').toString();
    }

    /** {@code info breakpoints}. */
    public String breakpointTable(List<BreakpointInfo> bps) {
        return breakpointTable(bps, n -> List.of());
    }

    /** The table with each breakpoint's command list under it, indented as gdb shows it. */
    public String breakpointTable(List<BreakpointInfo> bps, java.util.function.IntFunction<List<String>> commandsOf) {
        if (bps.isEmpty()) return "No breakpoints or watchpoints.\n";
        int typeWidth = 14; // gdb widens the column for "read watchpoint"
        for (BreakpointInfo b : bps) typeWidth = Math.max(typeWidth, b.type().length());
        String row = "%-7s %-" + typeWidth + "s %-4s %-3s %-18s %s";
        StringBuilder sb = new StringBuilder(String.format(row, "Num", "Type", "Disp", "Enb", "Address", "What")).append('\n');
        for (BreakpointInfo b : bps) {
            boolean code = b.type().equals("breakpoint");
            String disp = b.temporary() ? "del" : "keep";
            String enb = b.enabled() ? "y" : "n";
            if (!code || b.locations().size() == 1) {
                String addr = code ? address(b.locations().get(0).pc()) : "";
                String what = code ? locationWhat(b.locations().get(0), b.what()) : b.what();
                sb.append(String.format(row, b.number(), b.type(), disp, enb, addr, what).stripTrailing());
            } else {
                sb.append(String.format(row, b.number(), b.type(), disp, enb,
                        b.locations().isEmpty() ? "<PENDING>" : "<MULTIPLE>", b.locations().isEmpty() ? b.what() : "")
                        .stripTrailing());
            }
            sb.append('\n');
            if (b.condition() != null && !b.condition().isBlank()) sb.append("\tstop only if ").append(b.condition()).append('\n');
            if (b.hitCount() > 0) {
                sb.append(b.type().equals("catchpoint") ? "\tcatchpoint already hit " : "\tbreakpoint already hit ").append(b.hitCount()).append(b.hitCount() == 1 ? " time\n" : " times\n");
            }
            if (b.ignoreCount() > 0) sb.append("\tignore next ").append(b.ignoreCount()).append(" hits\n");
            for (String line : commandsOf.apply(b.number())) sb.append("        ").append(line).append('\n');
            if (code && b.locations().size() > 1) {
                for (int i = 0; i < b.locations().size(); i++) {
                    SourceLocation l = b.locations().get(i);
                    sb.append(String.format(row, b.number() + "." + (i + 1), "", "", enb,
                            address(l.pc()), locationWhat(l, b.what())).stripTrailing()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The file name as shown: its last path component. */
    public static String displayFile(String file) {
        if (file == null) return "??";
        int slash = file.lastIndexOf('/');
        return slash >= 0 ? file.substring(slash + 1) : file;
    }

    /** A code address as gdb shows it in frames: 0x and 16 hex digits. */
    public static String address(long pc) {
        return String.format("0x%016x", pc);
    }

    static String joinArgs(List<Variable> args) {
        StringBuilder sb = new StringBuilder();
        for (Variable v : args) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(v.name()).append('=').append(v.value());
        }
        return sb.toString();
    }

    private String locationWhat(SourceLocation l, String typed) {
        if (l.hasLine()) {
            return (l.function() != null ? "in " + l.function() + " " : "") + "at " + l.displayFile() + ":" + l.line();
        }
        return l.function() != null ? "<" + l.function() + ">" : typed;
    }

    /** SRC_AND_LOC: the frame line, then the source line. */
    private String locationWithSource(FrameInfo frame, SourceLocation fallback) {
        FrameInfo f = frame != null ? frame : new FrameInfo(0, fallback, List.of(), true);
        if (f.where() == null) return "";
        return frameLocation(f) + "\n" + sourceLine(f.where());
    }

    /** SRC_LINE: the source line, with the address first when the pc is mid-statement. */
    private String lineOnly(FrameInfo frame, SourceLocation fallback) {
        SourceLocation w = frame != null ? frame.where() : fallback;
        boolean exact = frame == null || frame.pcIsExact();
        if (w == null) return "";
        if (!w.hasLine()) return locationWithSource(frame, fallback);
        return (exact ? "" : address(w.pc()) + "\t") + sourceLine(w);
    }

    private static String watchTitle(BreakpointInfo b, StopEvent stop) {
        String type = b != null ? b.type() : "hw watchpoint";
        String kind = switch (type) {
            case "read watchpoint" -> "Hardware read watchpoint ";
            case "acc watchpoint" -> "Hardware access (read/write) watchpoint ";
            default -> "Hardware watchpoint ";
        };
        int number = b != null ? b.number() : stop.breakpoint();
        String what = stop != null && stop.watch() != null ? stop.watch().expression() : b != null ? b.what() : "";
        return kind + number + ": " + what;
    }

    private static String watchValues(WatchChange w, BreakpointInfo b) {
        if (w == null) return "\n";
        boolean readOnly = b != null && b.type().equals("read watchpoint");
        if (readOnly || (b != null && b.type().equals("acc watchpoint") && java.util.Objects.equals(w.oldValue(), w.newValue()))) {
            return "\nValue = " + w.newValue() + "\n";
        }
        return "\nOld value = " + w.oldValue() + "\nNew value = " + w.newValue() + "\n";
    }

    /** gdb's "SIGSEGV, Segmentation fault" for a signal name (a core file's "Program terminated with signal ..."). */
    public static String signalDescription(String name) {
        return signalText(name);
    }

    private static String signalText(String detail) {
        if (detail == null || detail.isBlank()) return "SIGTRAP, Trace/breakpoint trap";
        Matcher m = SIGNAL.matcher(detail.strip());
        if (m.matches() && m.group(2) == null) {
            return m.group(1) + ", " + SIGNAL_TEXT.getOrDefault(m.group(1), "Unknown signal");
        }
        return detail.strip();
    }

    private static String exited(StopEvent stop) {
        String detail = stop.detail() == null ? "" : stop.detail().strip();
        if (detail.startsWith("[Inferior") || detail.startsWith("Program terminated")) return detail + "\n";
        Matcher sig = Pattern.compile("signal (SIG[A-Z0-9+]+)").matcher(detail);
        if (sig.find()) {
            return "\nProgram terminated with signal " + signalText(sig.group(1)) + ".\nThe program no longer exists.\n";
        }
        Matcher pid = PID.matcher(detail);
        String process = pid.find() ? "process " + pid.group(1) : "process 1";
        Matcher how = EXIT_PHRASE.matcher(detail);
        if (how.find()) return "[Inferior 1 (" + process + ") " + how.group() + "]\n"; // the session's words, code in octal
        int code = 0;
        if (stop.returnValue() != null && stop.returnValue().strip().matches("-?\\d{1,10}")) {
            code = (int) Long.parseLong(stop.returnValue().strip());
        }
        if (code == 0) return "[Inferior 1 (" + process + ") exited normally]\n";
        // gdb prints the exit code in octal, two digits at least
        return String.format("[Inferior 1 (%s) exited with code %02o]\n", process, code & 0xff);
    }
}
