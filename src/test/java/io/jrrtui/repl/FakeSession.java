package io.jrrtui.repl;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.CheckpointInfo;
import io.jrrtui.api.DebugSession;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.SourceLocation;
import io.jrrtui.api.StopEvent;
import io.jrrtui.api.Variable;
import io.jrrtui.util.JrrException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written DebugSession for testing the command line without a recording: motion calls
 * return queued stops (and move the frames to where they say), data comes from maps, and every
 * call is logged.
 */
final class FakeSession implements DebugSession {
    static final String SOURCE = Path.of(System.getProperty("jrrtui.projectDir", "."), "test-binaries", "dbg_corrupt.c")
            .toAbsolutePath().toString();
    static final SourceLocation TALLY_13 = new SourceLocation(0x401136, "tally", SOURCE, 13);
    static final SourceLocation MAIN_37 = new SourceLocation(0x4011f0, "main", SOURCE, 37);
    static final SourceLocation SCRIBBLE_18 = new SourceLocation(0x401150, "scribble", SOURCE, 18);
    static final SourceLocation REPORT_29 = new SourceLocation(0x4011a0, "report", SOURCE, 29);

    final List<String> calls = new ArrayList<>();
    final Deque<StopEvent> stops = new ArrayDeque<>();
    final Map<String, String> values = new HashMap<>();
    final Map<Integer, List<Variable>> locals = new HashMap<>();
    List<FrameInfo> frames = new ArrayList<>();
    int selected;
    /** The address the current line starts at (for the mid-statement rule). */
    long lineStart = -1;
    /** How far into its line a queued stop's pc is (0: at the start). */
    long lineStartDelta;
    private final List<BreakpointInfo> bps = new ArrayList<>();
    private final List<CheckpointInfo> cps = new ArrayList<>();
    private int nextNumber = 1;
    private StopEvent status;
    private long event = 1;

    FakeSession() {
        at(TALLY_13, List.of(new Variable("i", "3")));
        status = new StopEvent(StopEvent.Reason.START, TALLY_13, 1, 0, null, null, null, false);
        values.put("counter", "435");
        values.put("i", "3");
    }

    /** Puts frame 0 at where (with args) and main's frame above it. */
    void at(SourceLocation where, List<Variable> args) {
        frames = new ArrayList<>();
        frames.add(new FrameInfo(0, where, args, true));
        if (!where.function().equals("main")) frames.add(new FrameInfo(1, MAIN_37, List.of(), false));
        selected = 0;
        lineStart = where.pc() - lineStartDelta;
    }

    /** Queues a stop; when the motion returns it, frame 0 moves to its location. */
    StopEvent queue(StopEvent.Reason reason, SourceLocation where, int bp) {
        StopEvent s = new StopEvent(reason, where, ++event, bp, null, null, null, false);
        stops.add(s);
        return s;
    }

    void queue(StopEvent s) {
        stops.add(s);
    }

    private StopEvent move(String call) {
        calls.add(call);
        if (stops.isEmpty()) throw new JrrException("fake: no stop queued for " + call);
        status = stops.poll();
        if (status.where() != null && status.where().function() != null) {
            at(status.where(), status.where().function().equals("tally") ? List.of(new Variable("i", "3")) : List.of());
        }
        return status;
    }

    @Override
    public StopEvent status() {
        return status;
    }

    @Override
    public long currentEvent() {
        return status.event();
    }

    @Override
    public long eventCount() {
        return 500;
    }

    @Override
    public BreakpointInfo addBreakpoint(String location, String condition, boolean temporary) {
        calls.add("break " + location + (condition != null ? " if " + condition : ""));
        SourceLocation l = switch (location) {
            case "tally", "dbg_corrupt.c:13", "13" -> TALLY_13;
            case "report" -> REPORT_29;
            case "" -> frames.get(selected).where();
            default -> {
                if (location.startsWith("*")) yield new SourceLocation(Long.decode(location.substring(1)), null, null, 0);
                throw new JrrException("Function \"" + location + "\" not defined.");
            }
        };
        BreakpointInfo b = new BreakpointInfo(nextNumber++, "breakpoint", true, temporary, location, List.of(l), condition, 0);
        bps.add(b);
        return b;
    }

    @Override
    public BreakpointInfo addWatchpoint(String expression, WatchKind kind, boolean location) {
        if (!values.containsKey(expression)) throw new JrrException("No symbol \"" + expression + "\" in current context.");
        String type = switch (kind) {
            case WRITE -> "hw watchpoint";
            case READ -> "read watchpoint";
            case ACCESS -> "acc watchpoint";
        };
        BreakpointInfo b = new BreakpointInfo(nextNumber++, type, true, false, location ? "-location " + expression : expression,
                List.of(), null, 0);
        bps.add(b);
        return b;
    }

    /** Replaces a breakpoint's row (to set hit counts, conditions...). */
    void replace(BreakpointInfo b) {
        bps.replaceAll(x -> x.number() == b.number() ? b : x);
    }

    @Override
    public void deleteBreakpoints(List<Integer> numbers) {
        calls.add("delete " + numbers);
        if (numbers.isEmpty()) bps.clear();
        for (int n : numbers) if (!bps.removeIf(b -> b.number() == n)) throw new JrrException("No breakpoint number " + n + ".");
    }

    @Override
    public void setEnabled(List<Integer> numbers, boolean enabled) {
        calls.add((enabled ? "enable " : "disable ") + numbers);
        bps.replaceAll(b -> numbers.isEmpty() || numbers.contains(b.number())
                ? new BreakpointInfo(b.number(), b.type(), enabled, b.temporary(), b.what(), b.locations(), b.condition(), b.hitCount())
                : b);
    }

    @Override
    public List<BreakpointInfo> breakpoints() {
        return List.copyOf(bps);
    }

    @Override public StopEvent cont() { return move("cont"); }
    @Override public StopEvent next() { return move("next"); }
    @Override public StopEvent step() { return move("step"); }
    @Override public StopEvent stepi() { return move("stepi"); }
    @Override public StopEvent nexti() { return move("nexti"); }
    @Override public StopEvent finish() { return move("finish"); }
    @Override public StopEvent until(String location) { return move("until " + location); }
    @Override public StopEvent advance(String location) { return move("advance " + location); }
    @Override public StopEvent reverseContinue() { return move("reverse-continue"); }
    @Override public StopEvent reverseNext() { return move("reverse-next"); }
    @Override public StopEvent reverseStep() { return move("reverse-step"); }
    @Override public StopEvent reverseStepi() { return move("reverse-stepi"); }
    @Override public StopEvent reverseNexti() { return move("reverse-nexti"); }
    @Override public StopEvent reverseFinish() { return move("reverse-finish"); }
    @Override public StopEvent gotoEvent(long e) { return move("goto " + e); }
    @Override public StopEvent last(String expression) { return move("last " + expression); }

    @Override
    public CheckpointInfo checkpoint() {
        CheckpointInfo cp = new CheckpointInfo(cps.size() + 1, status.event(), frames.get(0).where());
        cps.add(cp);
        return cp;
    }

    @Override
    public List<CheckpointInfo> checkpoints() {
        return List.copyOf(cps);
    }

    @Override
    public StopEvent restart(int checkpoint) {
        if (checkpoint < 1 || checkpoint > cps.size()) throw new JrrException("Invalid checkpoint number " + checkpoint + ".");
        return move("restart " + checkpoint);
    }

    @Override
    public String print(String expression, String format) {
        calls.add("print " + expression + (format != null ? " /" + format : ""));
        String v = values.get(expression);
        if (v == null && expression.matches("\\(\\d+\\)")) v = expression.replaceAll("[()]", "");
        if (v == null && expression.matches("\\(\\d+\\) \\+ \\d+")) {
            String[] p = expression.replaceAll("[()]", "").split(" \\+ ");
            v = Long.toString(Long.parseLong(p[0]) + Long.parseLong(p[1]));
        }
        if (v == null) throw new JrrException("No symbol \"" + expression + "\" in current context.");
        return "x".equals(format) ? "0x" + Long.toHexString(Long.parseLong(v)) : v;
    }

    @Override
    public String ptype(String expression) {
        if (!values.containsKey(expression) && !expression.matches("\\(\\d+\\)")) {
            throw new JrrException("No symbol \"" + expression + "\" in current context.");
        }
        return "type = int";
    }

    @Override
    public List<String> examine(String format, String address) {
        calls.add("x/" + format + " " + address);
        long a = Long.decode(address.equals("&counter") ? "0x404028" : address);
        int count = format.matches("\\d+.*") ? Integer.parseInt(format.replaceAll("\\D.*", "")) : 1;
        List<String> out = new ArrayList<>();
        StringBuilder line = null;
        for (int i = 0; i < count; i++) {
            if (i % 4 == 0) {
                if (line != null) out.add(line.toString());
                line = new StringBuilder(String.format("0x%x:", a + 4L * i));
            }
            line.append("\t0x000001b3");
        }
        if (line != null) out.add(line.toString());
        return out;
    }

    @Override
    public List<FrameInfo> backtrace(int limit) {
        return limit <= 0 || limit >= frames.size() ? List.copyOf(frames) : frames.subList(0, limit);
    }

    @Override
    public List<Variable> locals(int frameLevel) {
        return locals.getOrDefault(frameLevel, List.of());
    }

    @Override
    public List<Variable> args(int frameLevel) {
        return frames.get(frameLevel).args();
    }

    @Override
    public FrameInfo selectFrame(int level) {
        if (level < 0) throw new JrrException("Bottom (innermost) frame selected; you cannot go down.");
        if (level >= frames.size()) throw new JrrException("Initial frame selected; you cannot go up.");
        selected = level;
        return frames.get(level);
    }

    /** One thread, as a single-threaded recording has: LWP 4242 named after the program. */
    @Override
    public List<io.jrrtui.api.ThreadInfo> threads() {
        if (status.reason() == StopEvent.Reason.EXITED) return List.of();
        return List.of(new io.jrrtui.api.ThreadInfo(1, 4242, "dbg_corrupt", true, frames.get(selected), false));
    }

    @Override
    public io.jrrtui.api.ThreadInfo selectThread(int number) {
        if (number != 1 || status.reason() == StopEvent.Reason.EXITED) throw new JrrException("Unknown thread " + number + ".");
        return threads().get(0);
    }

    @Override
    public FrameInfo selectedFrame() {
        if (status.reason() == StopEvent.Reason.EXITED) throw new JrrException("The program is not being run.");
        return frames.get(selected);
    }

    @Override
    public List<Variable> registers() {
        return List.of(new Variable("rax", "0x1c                28"), new Variable("rip", "0x401136            0x401136 <tally+4>"));
    }

    @Override
    public List<String> frameDescription() {
        return List.of("Stack level 0, frame at 0x7ffe0010:", " rip = 0x401136 in tally (dbg_corrupt.c:13); saved rip = 0x4011f0");
    }

    @Override
    public List<Variable> sharedLibraries() {
        return List.of(new Variable("/lib/x86_64-linux-gnu/libc.so.6", "0x00007ffff7dc5700 0x00007ffff7f5793d Yes (*)"));
    }

    @Override
    public String lineInfo(String location) {
        SourceLocation w = frames.get(location != null && location.startsWith("*") ? 0 : selected).where();
        return String.format("Line %d of \"dbg_corrupt.c\" starts at address 0x%x <%s> and ends at 0x%x.", w.line(),
                lineStart, w.function(), lineStart + 12);
    }

    @Override
    public List<String> list(String location) {
        calls.add("list " + location);
        return List.of("12\tstatic void tally(int i) {", "13\t    counter += i;            /* TALLY: the honest write */");
    }

    @Override
    public List<String> signals() {
        return List.of();
    }

    @Override
    public List<String> completeSymbol(String prefix) {
        return List.of("counter", "dbg_corrupt.c:", "report", "rounds_done").stream().filter(s -> s.startsWith(prefix)).toList();
    }

    @Override
    public void close() {}
}
