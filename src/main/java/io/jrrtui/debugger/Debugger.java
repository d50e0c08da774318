package io.jrrtui.debugger;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.CheckpointInfo;
import io.jrrtui.api.DebugSession;
import io.jrrtui.api.MappingInfo;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.SourceLocation;
import io.jrrtui.api.StopEvent;
import io.jrrtui.api.Variable;
import io.jrrtui.api.WatchChange;
import io.jrrtui.eval.GlobalVariables;
import io.jrrtui.eval.TypeFactory;
import io.jrrtui.eval.Value;
import io.jrrtui.symbols.BreakpointLocation;
import io.jrrtui.symbols.FunctionInfo;
import io.jrrtui.symbols.SourceLine;
import io.jrrtui.target.Checkpoint;
import io.jrrtui.target.EventHistory;
import io.jrrtui.target.InterruptedOperation;
import io.jrrtui.target.StopReason;
import io.jrrtui.target.Target;
import io.jrrtui.timeline.Hit;
import io.jrrtui.timeline.ReverseResult;
import io.jrrtui.timeline.Timeline;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The debugger over one {@link Target} that replays a recording ({@link EventHistory}) and can go
 * back in time ({@link io.jrrtui.target.Checkpointing}). Open with {@link #over}: it stops at event
 * {@code startEvent} (1 = the program's first instruction) and serves the {@link DebugSession}
 * commands, forward and backward.
 */
public final class Debugger implements DebugSession {
    private final Target target;
    private final EventHistory history;
    private final Timeline timeline;
    /** The program's code as loaded now: replaced when the process execs another program (see {@link #followLayout}). */
    private ProgramImage image;
    private String imageKey;
    /** The libraries' ELF headers, to tell which recorded mapping the process holds (see {@link LibraryPlacement}). */
    private final LoadedHeaders headers;
    /** Every file's symbols read so far, shared by the images this session makes (see ProgramImage). */
    private final Map<java.nio.file.Path, io.jrrtui.symbols.ModuleSymbols> parsedFiles = new HashMap<>();
    private TypeFactory types = new TypeFactory();
    private Map<String, GlobalVariables> globals = new HashMap<>();
    private final Map<String, Value> convenience = new HashMap<>();
    private Inspector inspector;
    private final List<UserBreakpoint> breakpoints = new ArrayList<>();
    private final List<Checkpoint> userCheckpoints = new ArrayList<>();
    private final SourceLister lister;
    private final SourcePaths sources;
    /** gdb's handle table: which recorded signals stop a forward move. */
    private final SignalHandling handling = new SignalHandling();
    /** Signals the running move passed over and says ("handle SIG nostop print"), by name. */
    private final List<String> passedSignals = new ArrayList<>();
    /** Where the recording meets the catchpoints; null without a recording. */
    private final Catchpoints catches;
    /** The catch stop the program stands at (set by the stop, dropped by the next move), else null. */
    private Catchpoints.Stopped catchHere;
    /** catchHere as the running command found it (still standing there), else null. */
    private Catchpoints.Stopped catchStart;
    private int nextNumber = 1;
    private StopContext ctx;
    private StopEvent last;
    final LineStepper stepper;
    final ReverseStepper reverse;

    /** The followed process (-p/-f), or null: its history starts where it appears. */
    private final Focus focus;

    Focus focus() {
        return focus;
    }

    private Debugger(Target target, Focus focus) {
        this.focus = focus;
        this.target = target;
        // a target without a recorded history (a core file) is inspected where it is: nothing moves
        this.timeline = target.history().isPresent() ? new Timeline(target) : null;
        this.history = timeline == null ? null : timeline.history();
        if (focus != null) {
            // follow a child process: from the moment it exists (forked, or exec'd the named program)
            history.focus(focus.tid());
            timeline.goToEvent(focus.event());
            if (!history.focused()) throw new JrrException("process " + focus.tid() + " does not exist at event " + focus.event());
        }
        this.headers = new LoadedHeaders(p -> history == null ? java.nio.file.Path.of(p) : history.trace().localCopy(p));
        this.image = new ProgramImage(target, history == null ? null : history.trace(), imageTime(), recordedMappings(), headers, parsedFiles);
        this.imageKey = image.layoutKey();
        this.catches = history == null ? null : new Catchpoints(history.trace());
        this.inspector = new Inspector(image, convenience, target::callFunction);
        this.sources = new SourcePaths(image::localCopy);
        this.lister = new SourceLister(sources);
        this.stepper = new LineStepper(this);
        this.reverse = new ReverseStepper(this);
    }

    /** The process to follow ({@code replay -p/-f}): a recorded tid and the event from which it exists. */
    public record Focus(int tid, long event) {}

    /**
     * The debugger over target (standing just after event 1), stopped after event startEvent,
     * following focus (null: the program's first process). Owns target: closes it when it cannot
     * start, and when closed.
     */
    public static Debugger over(Target target, long startEvent, Focus focus) {
        try {
            Debugger d = new Debugger(target, focus);
            if (startEvent > Math.max(1, focus == null ? 1 : focus.event())) d.timeline.goToEvent(startEvent);
            d.last = d.stop(StopEvent.Reason.START, 0, null, null, null, false);
            return d;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    // ---- shared state for the steppers ---------------------------------------------------------

    Target target() {
        return target;
    }

    EventHistory history() {
        return history;
    }

    Timeline timeline() {
        return timeline;
    }

    ProgramImage image() {
        return image;
    }

    Inspector inspector() {
        return inspector;
    }

    TypeFactory types() {
        return types;
    }

    StopContext ctx() {
        if (ctx == null) ctx = new StopContext(target, image, types, globals);
        return ctx;
    }

    /** The event the image describes: now in a replay; a target without a recording has one layout. */
    private long imageTime() {
        return history == null ? Long.MAX_VALUE : history.currentEvent();
    }

    /**
     * A new image when the process's layout is not the image's: it exec'd another program (a
     * wrapper script that runs the real one), or went back to before such an exec, so the code at
     * an address is another library's. Without this a stop was named after the first program's
     * symbols. Checking costs a look at the process's map per stop; rebuilding happens only at such
     * a change.
     */
    private void followLayout() {
        if (history == null || target.exited()) return;
        String key;
        try {
            key = ProgramImage.layoutKeyOf(target, recordedMappings(), imageTime(), headers);
        } catch (JrrException e) {
            return; // the executable is not mapped (mid-exec): keep the image
        }
        if (key.equals(imageKey)) return;
        image = new ProgramImage(target, history.trace(), imageTime(), recordedMappings(), headers, parsedFiles);
        imageKey = key;
        types = new TypeFactory();
        globals = new HashMap<>();
        inspector = new Inspector(image, convenience, target::callFunction);
        ctx = null;
        placeAgainInThisImage();
    }

    /**
     * After the image changed (an exec, or going back before one): breakpoints set by function or
     * FILE:LINE are placed again in this program, as gdb re-sets them after an exec; one the
     * program lacks stays pending (no location) until an image has it. Addresses (*ADDR), bare line
     * numbers and catchpoints keep their places.
     */
    private void placeAgainInThisImage() {
        for (UserBreakpoint b : breakpoints) {
            if (!placedByName(b)) continue;
            placeInTime(b);
            List<SourceLocation> now;
            try {
                now = resolve(b.what);
            } catch (JrrException e) {
                now = List.of();
            }
            if (samePlaces(now, b.locations)) continue;
            if (b.enabled) for (SourceLocation l : b.locations) if (!otherUses(b, l.pc())) removeCodeStop(l.pc());
            b.locations = now;
            if (b.enabled) for (SourceLocation l : now) addCodeStop(l.pc());
        }
    }

    private static boolean placedByName(UserBreakpoint b) {
        return !b.isWatch() && b.catchSpec == null && placedByName(b.what);
    }

    /** A location by function or FILE:LINE (not *ADDR, not a bare line number, not empty). */
    private static boolean placedByName(String location) {
        String w = location == null ? "" : location.strip();
        return !w.isEmpty() && !w.startsWith("*") && !w.matches("[+-]?\\d+");
    }

    private static boolean samePlaces(List<SourceLocation> a, List<SourceLocation> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i).pc() != b.get(i).pc()) return false;
        return true;
    }

    /** Sets the events between which b's locations (this image's) are valid: the image's exec to the next. */
    private void placeInTime(UserBreakpoint b) {
        long now = history.currentEvent();
        b.placedFrom = 0;
        b.placedUntil = Long.MAX_VALUE;
        for (long e : ourExecs()) {
            if (e <= now) b.placedFrom = e;
            else if (e < b.placedUntil) b.placedUntil = e;
        }
    }

    /** Whether the debugged process exec's another program after the current event. */
    private boolean execAhead() {
        long now = history == null ? 0 : history.currentEvent();
        for (long e : ourExecs()) if (e > now) return true;
        return false;
    }

    /** The events at which the debugged process exec'd another program (after its first). */
    private List<Long> ourExecs() {
        if (history == null) return List.of();
        if (execEvents == null) execEvents = history.trace().laterExecs();
        java.util.Set<Integer> ours = new java.util.HashSet<>();
        if (!target.exited()) for (var t : target.threads()) ours.add(t.recordedTid());
        List<Long> out = new ArrayList<>();
        for (io.jrrtui.trace.ExecEvent e : execEvents) if (ours.contains(e.tid())) out.add(e.number());
        return out;
    }

    /** The recording's exec events after the first, read when first needed. */
    private List<io.jrrtui.trace.ExecEvent> execEvents;

    /** The program moved: everything derived from the old state is stale. */
    void moved() {
        ctx = null;
    }

    StopEvent stop(StopEvent.Reason reason, int number, WatchChange change, String returnValue, String detail, boolean rev) {
        moved();
        followLayout();
        SourceLocation where = target.exited() ? new SourceLocation(0, null, null, 0) : inspector.location(target.registers().rip(), true);
        refreshWatchValues();
        if (!rev && timeline != null) timeline.noteForwardStop();
        int thread = 0;
        String threadName = null;
        if (!target.exited() && target.threadCount() > 1) {
            var t = target.selectedThread();
            thread = t.number();
            threadName = threadNames.getOrDefault(t.number(), t.name());
        }
        last = new StopEvent(reason, where, currentEvent(), number, change, returnValue, detail, rev, thread, threadName);
        noteSiginfo(reason);
        return last;
    }

    /** $_siginfo: at a signal stop the siginfo_t the recording kept for it, else unset (the evaluator says why). */
    private void noteSiginfo(StopEvent.Reason reason) {
        convenience.remove("_siginfo");
        if (reason != StopEvent.Reason.SIGNAL || history == null || history.currentEvent() < 1) return;
        try (io.jrrtui.trace.TraceReader.EventCursor c = history.trace().eventsAfter(history.currentEvent() - 1)) {
            if (c.next() instanceof io.jrrtui.trace.SignalEvent s && s.siginfo() != null && s.siginfo().length >= 128) {
                convenience.put("_siginfo", Value.ofBytes(io.jrrtui.eval.SiginfoType.SIGINFO, java.util.Arrays.copyOf(s.siginfo(), 128)));
            }
        }
    }

    StopEvent exitedEvent(boolean rev) {
        String how = target.exited() ? exitDescription() : "";
        // gdb's $_exitcode: the status of a normal exit
        if (target.exited() && history != null && !history.trace().info().endReason().startsWith("killed by ")) {
            convenience.put("_exitcode", Value.ofInt(history.trace().info().exitStatus()));
        }
        return stop(StopEvent.Reason.EXITED, 0, null, null, how, rev);
    }

    /** gdb's words for the end, with the recorded pid: "process 42 exited normally". */
    private String exitDescription() {
        var info = history.trace().info();
        String reason = info.endReason();
        if (reason.startsWith("killed by ")) return "process " + info.pid() + " killed by signal " + reason.substring(10);
        int status = info.exitStatus();
        return "process " + info.pid() + (status == 0 ? " exited normally" : String.format(" exited with code %02o", status));
    }

    // ---- breakpoints ------------------------------------------------------------------------

    @Override
    public BreakpointInfo addBreakpoint(String location, String condition, boolean temporary) {
        List<SourceLocation> locs;
        try {
            locs = resolve(location);
        } catch (JrrException e) {
            // gdb's "pending on future load": a program this process exec's later may have it
            if (!placedByName(location) || !execAhead()) throw e;
            locs = List.of();
        }
        UserBreakpoint bp = UserBreakpoint.code(nextNumber++, location, locs, emptyToNull(condition), temporary);
        if (execEvents != null && placedByName(bp)) placeInTime(bp); // the recording has execs: this image's events only
        breakpoints.add(bp);
        for (SourceLocation l : locs) addCodeStop(l.pc());
        return bp.info();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** FILE:LINE, LINE, FUNC or *ADDR to code addresses. */
    List<SourceLocation> resolve(String location) {
        String loc = location == null ? "" : location.trim();
        if (loc.isEmpty()) {
            if (target.exited()) throw new JrrException("The program is not being run.");
            long pc = ctx().frame(ctx().selected()).pc();
            return List.of(inspector.location(pc, true));
        }
        if (loc.startsWith("*")) return List.of(inspector.location(codeAddress(loc.substring(1).strip()), true));
        String defaultFile = target.exited() ? null : inspector.location(ctx().frame(ctx().selected()).lookupPc(), true).file();
        if (defaultFile == null) defaultFile = mainLocation().map(SourceLocation::file).orElse(null);
        List<BreakpointLocation> found;
        try {
            found = PreloadRedirects.apply(image.symbols().breakpointAddresses(loc, defaultFile), image);
        } catch (JrrException e) {
            // a bare line number is a line of the current file, which gdb does not name
            if (loc.matches("\\d+") && String.valueOf(e.getMessage()).startsWith("No line ")) {
                throw new JrrException("No line " + loc + " in the current file.");
            }
            throw e;
        }
        if (found.isEmpty()) {
            if (loc.matches("\\d+") || loc.contains(":")) throw new JrrException("No line " + loc.replaceAll(".*:", "") + " in "
                    + (loc.contains(":") ? "file \"" + loc.substring(0, loc.lastIndexOf(':')) + "\"" : "the current file") + ".");
            throw new JrrException("Function \"" + loc + "\" not defined.");
        }
        List<SourceLocation> out = new ArrayList<>();
        for (BreakpointLocation b : found) out.add(new SourceLocation(b.address(), b.function(), b.file(), b.line(), b.displayFile()));
        return out;
    }

    private static final java.util.regex.Pattern FUNCTION_OFFSET = java.util.regex.Pattern.compile("(.+?)\\s*([+-])\\s*(0[xX][0-9a-fA-F]+|\\d+)");

    /**
     * The address *EXPR names: a function designator is the function's address (not its first
     * byte), FUNC+N is N bytes into it as in gdb; anything else is evaluated as an integer.
     */
    private long codeAddress(String expr) {
        java.util.regex.Matcher m = FUNCTION_OFFSET.matcher(expr);
        if (m.matches()) {
            OptionalLong base = functionAddress(m.group(1).strip());
            if (base.isPresent()) {
                long off = m.group(3).toLowerCase().startsWith("0x") ? Long.parseLong(m.group(3).substring(2), 16) : Long.parseLong(m.group(3));
                return m.group(2).equals("+") ? base.getAsLong() + off : base.getAsLong() - off;
            }
        }
        return functionAddress(expr).orElseGet(() -> inspector.evaluate(ctx(), expr).asLong());
    }

    private OptionalLong functionAddress(String expr) {
        if (target.exited()) return OptionalLong.empty();
        Value v;
        try {
            v = inspector.evaluate(ctx(), expr);
        } catch (JrrException e) {
            return OptionalLong.empty();
        }
        return v.type().strip().kind() == io.jrrtui.eval.Type.Kind.FUNCTION ? v.address() : OptionalLong.empty();
    }

    @Override
    public BreakpointInfo addCatchpoint(String kind, List<String> args) {
        CatchSpec.Kind k = switch (kind) {
            case "syscall" -> CatchSpec.Kind.SYSCALL;
            case "signal" -> CatchSpec.Kind.SIGNAL;
            case "throw" -> CatchSpec.Kind.THROW;
            case "catch" -> CatchSpec.Kind.CATCH;
            case "rethrow" -> CatchSpec.Kind.RETHROW;
            default -> throw new JrrException("catch " + kind + " is not supported: jrrtui has catch syscall, signal, throw, catch "
                    + "and rethrow.");
        };
        if (history == null) throw new JrrException("Catchpoints need a recording to move through; a core file does not move.");
        if (k == CatchSpec.Kind.THROW || k == CatchSpec.Kind.CATCH || k == CatchSpec.Kind.RETHROW) return addExceptionCatchpoint(k);
        CatchSpec spec = CatchSpec.parse(k, args);
        long buffered = catches.bufferedMatches(spec);
        if (buffered > 0) {
            throw new JrrException("Cannot catch " + (args.isEmpty() ? "every syscall" : String.join(", ", args)) + " in this recording: "
                    + buffered + " such call" + (buffered == 1 ? " was" : "s were") + " made through jrrtui's in-process syscall "
                    + "buffer, which keeps them inside the program, so the replay cannot stop at them. Record with "
                    + "\"jrrtui record -n\" (no syscall buffer) to catch every one.");
        }
        UserBreakpoint bp = UserBreakpoint.catchpoint(nextNumber++, spec, List.of());
        breakpoints.add(bp);
        return bp.info();
    }

    /** catch throw|catch|rethrow: a code stop at the C++ runtime's function (gdb uses its probe inside it). */
    private BreakpointInfo addExceptionCatchpoint(CatchSpec.Kind k) {
        CatchSpec spec = CatchSpec.exception(k);
        List<SourceLocation> locs;
        try {
            locs = resolve(spec.runtimeFunction());
        } catch (JrrException e) {
            throw new JrrException("catch " + k.name().toLowerCase(java.util.Locale.ROOT) + ": the program has no "
                    + spec.runtimeFunction() + " (it does not use C++ exceptions, or its C++ runtime is not in the recording).");
        }
        UserBreakpoint bp = UserBreakpoint.catchpoint(nextNumber++, spec, locs);
        breakpoints.add(bp);
        for (SourceLocation l : locs) addCodeStop(l.pc());
        return bp.info();
    }

    /** The stop report of a breakpoint (or exception catchpoint) hit. */
    StopEvent breakpointStop(UserBreakpoint b, boolean rev) {
        return stop(StopEvent.Reason.BREAKPOINT, b.number, null, null, b.catchSpec != null ? b.catchSpec.hitText() : null, rev);
    }

    @Override
    public String catchpointCreated(int number) {
        UserBreakpoint b = find(number);
        return b.catchSpec == null ? "" : b.catchSpec.created();
    }

    @Override
    public BreakpointInfo addWatchpoint(String expression, WatchKind kind, boolean location) {
        requireRunning();
        Value v = inspector.evaluate(ctx(), expression);
        if (v.address().isEmpty()) throw new JrrException("Cannot watch constant value `" + expression + "'.");
        long len = v.type().size();
        if (len != 1 && len != 2 && len != 4 && len != 8) {
            throw new JrrException("Expression cannot be implemented with read/access watchpoint (" + len + " bytes; hardware watchpoints cover 1, 2, 4 or 8).");
        }
        long addr = v.address().getAsLong();
        String what = location ? "-location " + expression : expression;
        UserBreakpoint w = UserBreakpoint.watch(nextNumber++, what, kind, addr, (int) len, v.type());
        if (!location) {
            w.expression = expression;
            limitToFrame(w);
        }
        arm(w);
        w.lastValue = readWatch(w);
        breakpoints.add(w);
        return w.info();
    }

    /** A watch naming a local of the selected frame ends with that frame: note its CFA and return address. */
    private void limitToFrame(UserBreakpoint w) {
        StopContext c = ctx();
        int level = c.selected();
        if (level + 1 >= c.frames().size()) return;
        Set<String> frameNames = new HashSet<>();
        for (Variable v : locals(level)) frameNames.add(v.name());
        for (Variable v : args(level)) frameNames.add(v.name());
        if (WatchedExpression.names(w.expression).stream().noneMatch(frameNames::contains)) return;
        OptionalLong cfa = c.frame(level).cfa();
        if (cfa.isEmpty()) return;
        w.scopeCfa = cfa.getAsLong();
        w.scopeReturn = c.frame(level + 1).pc();
    }

    /** Arms a watch's slots: the watched memory, the pointers a re-evaluated watch goes through, its scope's end. */
    private void arm(UserBreakpoint w) {
        w.slot = addDataStop(w.watchAddr, w.watchLen, w.watchKind != WatchKind.WRITE);
        w.dependencies.clear();
        if (w.reevaluated()) {
            for (String dep : WatchedExpression.dereferencedPrefixes(w.expression)) {
                try {
                    Value dv = inspector.evaluate(ctx(), dep);
                    long dl = dv.type().size();
                    if (dv.address().isEmpty() || dl != 1 && dl != 2 && dl != 4 && dl != 8) continue;
                    long da = dv.address().getAsLong();
                    w.dependencies.add(new UserBreakpoint.Dependency(dep, da, (int) dl, addDataStop(da, (int) dl, false)));
                } catch (JrrException e) {
                    // not an lvalue in memory (a register variable, a constant): nothing to follow
                }
            }
        }
        if (w.scopeCfa != 0) addCodeStop(w.scopeReturn);
    }

    /**
     * A re-evaluated watch whose expression now designates other memory (a pointer on the way
     * changed) moves its slots there, as gdb re-evaluates {@code watch ptr->val}.
     */
    private void follow(UserBreakpoint w) {
        if (!w.enabled || !w.reevaluated() || target.exited()) return;
        long now;
        try {
            Value v = inspector.evaluate(ctx(), w.expression);
            if (v.address().isEmpty()) return;
            now = v.address().getAsLong();
        } catch (JrrException e) {
            return; // a null pointer on the way: keep watching where it was
        }
        boolean depsMoved = false;
        for (UserBreakpoint.Dependency dep : w.dependencies) {
            try {
                depsMoved |= inspector.evaluate(ctx(), dep.expression()).address().orElse(dep.addr()) != dep.addr();
            } catch (JrrException e) {
                // unchanged
            }
        }
        if (now == w.watchAddr && !depsMoved) return;
        disarmWatch(w);
        w.watchAddr = now;
        arm(w);
    }

    String readWatch(UserBreakpoint w) {
        try {
            if (w.reevaluated()) return inspector.formatValue(inspector.evaluate(ctx(), w.expression));
            return inspector.formatValue(Value.inMemory(w.watchType, w.watchAddr, ctx().access(0)));
        } catch (JrrException e) {
            return "<unreadable>";
        }
    }

    private void refreshWatchValues() {
        if (target.exited()) return;
        for (UserBreakpoint b : breakpoints) {
            if (!b.isWatch()) continue;
            follow(b);
            b.lastValue = readWatch(b);
        }
    }

    /** A stop at the return address of a local's watch whose frame is gone: gdb deletes the watch there. */
    private StopEvent watchScopeLeft(long pc) {
        for (UserBreakpoint w : new ArrayList<>(breakpoints)) {
            if (!w.isWatch() || !w.enabled || w.scopeCfa == 0 || w.scopeReturn != pc) continue;
            if (Long.compareUnsigned(target.registers().rsp(), w.scopeCfa) < 0) continue; // a deeper instance returning
            deleteBreakpoints(List.of(w.number));
            return stop(StopEvent.Reason.WATCHPOINT, 0, null, null, "Watchpoint " + w.number
                    + " deleted because the program has left the block in\nwhich its expression is valid.", false);
        }
        return null;
    }

    @Override
    public void deleteBreakpoints(List<Integer> numbers) {
        List<UserBreakpoint> doomed = new ArrayList<>();
        if (numbers.isEmpty()) doomed.addAll(breakpoints);
        for (int n : numbers) doomed.add(find(n));
        for (UserBreakpoint b : doomed) {
            disarm(b);
            breakpoints.remove(b);
        }
    }

    private UserBreakpoint find(int n) {
        for (UserBreakpoint b : breakpoints) if (b.number == n) return b;
        throw new JrrException("No breakpoint number " + n + ".");
    }

    private void disarm(UserBreakpoint b) {
        if (!b.enabled) return;
        if (b.isWatch()) {
            disarmWatch(b);
        } else {
            for (SourceLocation l : b.locations) if (!otherUses(b, l.pc())) removeCodeStop(l.pc());
        }
    }

    private void disarmWatch(UserBreakpoint w) {
        removeDataStop(w.slot);
        w.slot = -1;
        for (UserBreakpoint.Dependency dep : w.dependencies) removeDataStop(dep.slot());
        w.dependencies.clear();
        if (w.scopeCfa != 0 && !otherUses(w, w.scopeReturn)) removeCodeStop(w.scopeReturn);
    }

    private boolean otherUses(UserBreakpoint except, long pc) {
        for (UserBreakpoint b : breakpoints) {
            if (b == except || !b.enabled) continue;
            if (b.isWatch() ? b.scopeCfa != 0 && b.scopeReturn == pc : b.locations.stream().anyMatch(l -> l.pc() == pc)) return true;
        }
        return false;
    }

    @Override
    public void setEnabled(List<Integer> numbers, boolean enabled) {
        List<UserBreakpoint> targets = new ArrayList<>();
        if (numbers.isEmpty()) targets.addAll(breakpoints);
        for (int n : numbers) targets.add(find(n));
        for (UserBreakpoint b : targets) {
            if (b.enabled == enabled) continue;
            if (!enabled) {
                disarm(b);
                b.enabled = false;
            } else {
                b.enabled = true;
                if (b.isWatch()) arm(b);
                else for (SourceLocation l : b.locations) addCodeStop(l.pc());
            }
        }
    }

    @Override
    public List<BreakpointInfo> breakpoints() {
        List<BreakpointInfo> out = new ArrayList<>();
        for (UserBreakpoint b : breakpoints) out.add(b.info());
        return out;
    }

    /**
     * The first enabled user breakpoint at pc whose condition holds now, or null. As gdb does, every
     * breakpoint at pc whose condition holds counts the hit (and uses up an ignore count), not only
     * the one the stop is reported for; a temporary one that stops here is deleted.
     */
    UserBreakpoint breakpointHitHere(long pc) {
        UserBreakpoint first = null;
        for (UserBreakpoint b : new ArrayList<>(breakpoints)) {
            if (!b.enabled || b.isWatch()) continue;
            boolean at = false;
            for (SourceLocation l : b.locations) at |= l.pc() == pc;
            if (!at || !conditionHolds(b)) continue;
            b.hits++;
            if (b.ignoreCount > 0) {
                b.ignoreCount--;
                continue;
            }
            if (b.temporary) deleteBreakpoints(List.of(b.number));
            if (first == null) first = b;
        }
        return first;
    }

    private boolean conditionHolds(UserBreakpoint b) {
        if (b.condition == null) return true;
        moved();
        try {
            return inspector.evaluate(ctx(), b.condition).asLong() != 0;
        } catch (JrrException e) {
            return true; // gdb stops when a condition cannot be evaluated
        }
    }

    @Override
    public void setCondition(int number, String condition) {
        UserBreakpoint b = find(number);
        b.condition = emptyToNull(condition);
        if (b.condition == null) return;
        if (b.isWatch()) return;
        try {
            if (!target.exited()) inspector.evaluate(ctx(), b.condition); // a typo is said now, as gdb does
        } catch (JrrException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("A syntax error")) {
                b.condition = null;
                throw e;
            }
            // a name not in scope here may well be in scope at the breakpoint
        }
    }

    @Override
    public void setIgnoreCount(int number, int count) {
        find(number).ignoreCount = Math.max(0, count);
    }

    UserBreakpoint watchBySlot(int slot) {
        for (UserBreakpoint b : breakpoints) if (b.isWatch() && b.usesSlot(slot)) return b;
        return null;
    }

    /** Whether a hit found while re-executing counts as a stop for reverse execution. */
    boolean acceptHit(Hit h, Predicate<Hit> extra, Set<Long> extraStops) {
        if (h.kind() == Hit.Kind.WATCHPOINT) {
            UserBreakpoint w = watchBySlot(h.slot());
            return w != null && w.enabled || extra != null && extra.test(h);
        }
        if (extraStops.contains(h.address()) && extra != null && extra.test(h)) return true;
        for (UserBreakpoint b : breakpoints) {
            if (!b.enabled || b.isWatch()) continue;
            // the address in another program (before or after an exec) is not this breakpoint's place
            if (h.mark() != null && (h.mark().event() < b.placedFrom || h.mark().event() >= b.placedUntil)) continue;
            for (SourceLocation l : b.locations) if (l.pc() == h.address() && conditionHolds(b)) return true;
        }
        return false;
    }

    /**
     * Handles a stop of a forward run: a user breakpoint or changed watchpoint makes a StopEvent,
     * anything else (a temporary stop, an unchanged watch value) returns null to keep going.
     */
    StopEvent userStop(StopReason r) {
        moved();
        switch (r.kind()) {
            case EXITED -> {
                return exitedEvent(false);
            }
            case BREAKPOINT -> {
                StopEvent left = watchScopeLeft(r.address());
                if (left != null) return left;
                UserBreakpoint b = breakpointHitHere(r.address());
                return b == null ? null : breakpointStop(b, false);
            }
            case SIGNAL -> {
                return handledSignal(r.slot());
            }
            case END_OF_TRACE -> {
                return endOfTrace(r.detail());
            }
            case EVENT -> {
                if (r.afterExec()) followLayout(); // the new program's image, breakpoints placed in it
                return null;
            }
            case WATCHPOINT -> {
                UserBreakpoint w = watchBySlot(r.slot());
                if (w == null || !w.enabled) return null;
                follow(w);
                String now = readWatch(w);
                if (w.watchKind == WatchKind.WRITE && Objects.equals(now, w.lastValue)) return null;
                WatchChange change = new WatchChange(w.what, w.lastValue, now);
                w.hits++;
                return stop(StopEvent.Reason.WATCHPOINT, w.number, change, null, null, false);
            }
            default -> {
                return null;
            }
        }
    }

    // ---- forward ------------------------------------------------------------------------------

    /**
     * Runs a command that moves the program. If it is interrupted (Ctrl-C), the program is wherever
     * the replay got to: everything derived from the old position is dropped before the error goes up.
     */
    private StopEvent moving(java.util.function.Supplier<StopEvent> command) {
        travel();
        notesFrom = history.currentEvent();
        notesTo = -1;
        notesProcess = new java.util.HashSet<>();
        notesLeader = 0;
        int first = Integer.MAX_VALUE;
        for (io.jrrtui.target.ThreadState t : target.exited() ? List.<io.jrrtui.target.ThreadState>of() : target.threads()) {
            notesProcess.add(t.recordedTid());
            if (t.number() < first) {
                first = t.number();
                notesLeader = t.recordedTid();
            }
            if (t.selected()) threadNotes.know(t.recordedTid(), pthreadOfSelectedThread());
        }
        catchStart = catchHere != null && catchHere.at(history.currentEvent(), target.exited() ? 0 : target.registers().rip()) ? catchHere : null;
        catchHere = null;
        passedSignals.clear();
        try {
            StopEvent stop = command.get();
            notesTo = history.currentEvent();
            return stop;
        } catch (InterruptedOperation e) {
            moved();
            last = stop(StopEvent.Reason.EVENT, 0, null, null, e.getMessage(), false);
            throw e;
        }
    }

    /** gdb's thread notes of forward moves (see {@link ThreadNotes}); the last move's events and the process before it. */
    private final ThreadNotes threadNotes = new ThreadNotes();
    private long notesFrom;
    private long notesTo = -1;
    private java.util.Set<Integer> notesProcess = java.util.Set.of();
    private int notesLeader;

    @Override
    public List<String> threadNotes() {
        if (history == null || notesTo <= notesFrom) return List.of();
        long to = notesTo;
        notesTo = -1;
        // only with glibc does gdb name threads by their pthread_t (libthread_db)
        if (pthreadOfSelectedThread() == 0 && !target.exited()) return List.of();
        return threadNotes.between(history.trace(), notesFrom, to, notesProcess, notesLeader);
    }

    // Breakpoints and watchpoints go to the timeline, which re-arms them in every process it restores;
    // without one (a core file) to the target itself, which keeps them as gdb does on a core.
    private void addCodeStop(long pc) {
        if (timeline != null) timeline.addBreakpoint(pc);
        else target.addBreakpoint(pc);
    }

    private void removeCodeStop(long pc) {
        if (timeline != null) timeline.removeBreakpoint(pc);
        else target.removeBreakpoint(pc);
    }

    private int addDataStop(long addr, int len, boolean reads) {
        return timeline != null ? timeline.addWatchpoint(addr, len, reads) : target.addWatchpoint(addr, len, reads);
    }

    private void removeDataStop(int slot) {
        if (timeline != null) timeline.removeWatchpoint(slot);
        else target.removeWatchpoint(slot);
    }

    /** The timeline, for commands that move the program: a target without a history (a core file) cannot move. */
    private Timeline travel() {
        if (timeline == null) throw new JrrException("The program is not being run.");
        return timeline;
    }

    private void requireRunning() {
        requireRunning("The program is not being run.");
    }

    /** As requireRunning, with gdb's words for what is missing once the program has exited ("No stack."). */
    private void requireRunning(String gone) {
        target.clearInterrupt(); // a Ctrl-C from before this command is not for it
        if (target.exited()) throw new JrrException(gone);
    }

    /** Forward moves need recorded events ahead: at the end of a cut-short recording there are none. */
    private void requireFuture() {
        requireRunning();
        if (history.atTraceEnd()) throw new JrrException(capitalised(history.cont(Long.MAX_VALUE, false).detail()) + ".");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The replay reached the last recorded event; the program's threads stay there to be inspected. */
    StopEvent endOfTrace(String how) {
        return stop(StopEvent.Reason.END_OF_HISTORY, 0, null, null, capitalised(how) + ".", false);
    }

    // ---- threads ------------------------------------------------------------------------------

    /** Names given with {@code thread name}, by thread number. */
    private final Map<Integer, String> threadNames = new HashMap<>();

    @Override
    public List<io.jrrtui.api.ThreadInfo> threads() {
        requireRunning("No threads.");
        var selected = target.selectedThread();
        StopContext selectedContext = ctx(); // kept, so listing threads leaves the selected frame alone
        List<io.jrrtui.api.ThreadInfo> out = new ArrayList<>();
        try {
            for (var t : target.threads()) {
                target.selectThread(t.number());
                FrameInfo frame = innermostFrameOfSelectedThread();
                out.add(new io.jrrtui.api.ThreadInfo(t.number(), t.recordedTid(), threadNames.getOrDefault(t.number(), t.name()),
                        t.number() == selected.number(), frame, t.inSyscall(), pthreadOfSelectedThread()));
            }
        } finally {
            target.selectThread(selected.number());
            ctx = selectedContext;
        }
        return out;
    }

    @Override
    public io.jrrtui.api.ThreadInfo selectedThreadId() {
        if (target.exited()) return null;
        var t = target.selectedThread();
        return new io.jrrtui.api.ThreadInfo(t.number(), t.recordedTid(), threadNames.getOrDefault(t.number(), t.name()), true, null,
                t.inSyscall(), pthreadOfSelectedThread());
    }

    @Override
    public io.jrrtui.api.ThreadInfo selectThread(int number) {
        requireRunning();
        var t = target.selectThread(number);
        FrameInfo frame = innermostFrameOfSelectedThread();
        last = new StopEvent(last.reason(), frame == null ? last.where() : frame.where(), last.event(), last.breakpoint(),
                last.watch(), last.returnValue(), last.detail(), last.reverse(), t.number(), threadNames.getOrDefault(t.number(), t.name()));
        return new io.jrrtui.api.ThreadInfo(t.number(), t.recordedTid(), threadNames.getOrDefault(t.number(), t.name()), true, frame, t.inSyscall(),
                pthreadOfSelectedThread());
    }

    /**
     * The selected thread's pthread_t as gdb's libthread_db reads it: with glibc, the thread
     * pointer (fs_base) is the thread's struct pthread. 0 without glibc, before libc set it up, or
     * for a core file.
     */
    private long pthreadOfSelectedThread() {
        // a replay's (gdb on a core file of these programs names threads by LWP alone)
        boolean glibc = image.modules().stream().anyMatch(m -> m.path().endsWith("/libc.so.6"));
        if (!glibc || history == null) return 0;
        try {
            return target.registers().get(io.jrrtui.arch.Registers.indexOf("fs_base"));
        } catch (JrrException e) {
            return 0;
        }
    }

    /** After a thread switch: forgets the old thread's state and gives the new one's frame 0, or null. */
    private FrameInfo innermostFrameOfSelectedThread() {
        moved();
        try {
            return inspector.frameInfo(ctx(), 0);
        } catch (JrrException e) {
            return null; // a thread that cannot be unwound is listed without a frame
        }
    }

    @Override
    public void nameThread(String name) {
        requireRunning();
        int n = target.selectedThread().number();
        if (name == null || name.isBlank()) threadNames.remove(n);
        else threadNames.put(n, name.strip());
    }

    @Override
    public StopEvent cont() {
        return moving(() -> {
            requireFuture();
            return runToUserStop();
        });
    }

    /** Runs forward until a stop the user sees (a breakpoint whose condition holds, a watch, a signal, the end). */
    StopEvent runToUserStop() {
        boolean byName = breakpoints.stream().anyMatch(b -> b.enabled && placedByName(b));
        timeline.stopAfterExec(byName);
        try {
            return runToUserStopAcrossExecs();
        } finally {
            timeline.stopAfterExec(false);
        }
    }

    private StopEvent runToUserStopAcrossExecs() {
        long key = catchKey();
        while (true) {
            Catchpoints.Place next = catches.next(breakpoints, handling.wantedQuietSignals(), key);
            if (next == null) {
                StopEvent s = userStop(timeline.continueForward());
                if (s != null) return s;
                continue;
            }
            // a call stop is reached from the end of the interval before its event, a return or signal stop at its event
            long until = next.phase() == Catchpoints.Phase.CALL ? next.event() - 1 : next.event();
            StopReason r = history.currentEvent() >= until ? null : timeline.continueForward(until);
            boolean reached = history.currentEvent() >= until && (r == null || r.kind() == StopReason.Kind.EVENT
                    || r.kind() == StopReason.Kind.SIGNAL && next.phase() == Catchpoints.Phase.SIGNAL);
            if (reached && next.phase() == Catchpoints.Phase.CALL) {
                r = toSyscallInstruction(next, true);
                reached = r.kind() == StopReason.Kind.BREAKPOINT && r.address() == next.pc() && history.currentEvent() == until;
                if (!reached && history.currentEvent() >= next.event()) {
                    key = next.key(); // the instruction was not met (never expected): its return stop comes next
                    continue;
                }
            }
            if (reached) {
                StopEvent s = catchStop(next, false);
                if (s != null) return s;
                key = next.key();
                continue;
            }
            StopEvent s = userStop(r);
            if (s != null) return s;
            key = Math.max(key, Catchpoints.inside(history.currentEvent()));
        }
    }

    /**
     * From the end of the interval before a syscall event, runs to its syscall instruction (a
     * temporary code stop there): honouring the user's stops on the way when forward, passing over
     * them when going to the place from behind.
     */
    private StopReason toSyscallInstruction(Catchpoints.Place p, boolean honourStops) {
        boolean own = !timeline.breakpoints().contains(p.pc());
        if (own) timeline.addBreakpoint(p.pc());
        try {
            while (true) {
                StopReason r = timeline.continueForward(p.event());
                boolean there = r.kind() == StopReason.Kind.BREAKPOINT && r.address() == p.pc();
                if (there || honourStops || history.currentEvent() >= p.event() || r.kind() == StopReason.Kind.EXITED
                        || r.kind() == StopReason.Kind.END_OF_TRACE) return r;
            }
        } finally {
            if (own) timeline.removeBreakpoint(p.pc());
        }
    }

    /** A forward move met a recorded signal: a stop, or (handle nostop) said or passed over in silence. */
    private StopEvent handledSignal(int sig) {
        String name = io.jrrtui.arch.Signals.name(sig);
        if (handling.stops(sig)) return stop(StopEvent.Reason.SIGNAL, 0, null, null, name, false);
        if (handling.prints(sig)) passedSignals.add(name);
        return null;
    }

    @Override
    public List<String> passedSignals() {
        return List.copyOf(passedSignals);
    }

    @Override
    public List<io.jrrtui.api.SignalDisposition> signalHandling(List<String> signals) {
        if (signals.isEmpty()) return handling.rows();
        List<io.jrrtui.api.SignalDisposition> out = new ArrayList<>();
        for (String w : signals) out.add(handling.row(SignalHandling.number(w)));
        return out;
    }

    @Override
    public List<io.jrrtui.api.SignalDisposition> handleSignals(List<String> signals, Boolean stop, Boolean print) {
        List<io.jrrtui.api.SignalDisposition> out = new ArrayList<>();
        for (String w : signals) {
            int sig = SignalHandling.number(w);
            handling.set(sig, stop, print);
            out.add(handling.row(sig));
        }
        return out;
    }

    /** The position's key on the catchpoints' event line. */
    private long catchKey() {
        return catchStart != null ? catchStart.place().key() : Catchpoints.inside(history.currentEvent());
    }

    /**
     * The stop at a catch place, the program just after its event: a "call to" stop goes back over
     * the syscall instruction, to before the call ran. Null when the event's thread is not in the
     * debugged process (another process of the recording): the run goes on.
     */
    private StopEvent catchStop(Catchpoints.Place p, boolean rev) {
        if (!target.selectRecordedThread(p.tid())) return null;
        moved();
        if (p.breakpoint() == 0) return handledSignal(p.number()); // a signal handle asks for
        UserBreakpoint b = find(p.breakpoint());
        b.hits++;
        String what = io.jrrtui.arch.Syscalls.name(p.number());
        StopEvent s = switch (p.phase()) {
            case CALL -> stop(StopEvent.Reason.BREAKPOINT, b.number, null, null, "call to syscall " + what, rev);
            case RETURN -> stop(StopEvent.Reason.BREAKPOINT, b.number, null, null, "returned from syscall " + what, rev);
            case SIGNAL -> stop(StopEvent.Reason.SIGNAL, b.number, null, null, io.jrrtui.arch.Signals.name(p.number()), rev);
        };
        catchHere = new Catchpoints.Stopped(p, history.currentEvent(), target.registers().rip());
        return s;
    }

    /**
     * reverse-continue with catchpoints: the latest of the previous catch place and the previous
     * breakpoint or watchpoint stop. A stop found in interval c is later than a place of key K when
     * its own key (3c+1) is larger.
     */
    private StopEvent reverseToCatch(Catchpoints.Place prev) {
        boolean others = breakpoints.stream().anyMatch(b -> b.enabled && b.catchSpec == null);
        if (others) {
            StopEvent s = reverse.cont();
            if (s.reason() != StopEvent.Reason.START_OF_HISTORY && Catchpoints.inside(history.currentEvent()) > prev.key()) return s;
        }
        if (prev.phase() == Catchpoints.Phase.CALL) {
            timeline.goToEvent(prev.event() - 1);
            StopReason r = toSyscallInstruction(prev, false);
            if (r.kind() != StopReason.Kind.BREAKPOINT || r.address() != prev.pc()) {
                // not met (never expected): say where the replay is rather than a wrong place
                return stop(StopEvent.Reason.EVENT, 0, null, null, null, true);
            }
        } else {
            timeline.goToEvent(prev.event());
        }
        StopEvent s = catchStop(prev, true);
        return s != null ? s : reverse.cont();
    }

    @Override
    public StopEvent next() {
        return moving(() -> {
            requireFuture();
            return stepper.line(false);
        });
    }

    @Override
    public StopEvent step() {
        return moving(() -> {
            requireFuture();
            return stepper.line(true);
        });
    }

    @Override
    public StopEvent stepi() {
        return moving(() -> {
            requireFuture();
            return stepper.instruction(false);
        });
    }

    @Override
    public StopEvent nexti() {
        return moving(() -> {
            requireFuture();
            return stepper.instruction(true);
        });
    }

    @Override
    public StopEvent finish() {
        return moving(() -> {
            requireFuture();
            return stepper.finish();
        });
    }

    @Override
    public StopEvent until(String location) {
        return moving(() -> {
            requireFuture();
            return location == null || location.isBlank() ? stepper.until() : stepper.runToLocation(resolve(location), true, true);
        });
    }

    @Override
    public StopEvent advance(String location) {
        return moving(() -> {
            requireFuture();
            if (location == null || location.isBlank()) throw new JrrException("Argument required (a location).");
            return stepper.runToLocation(resolve(location), true, false);
        });
    }

    // ---- backward ----------------------------------------------------------------------------

    @Override
    public StopEvent reverseContinue() {
        return moving(() -> {
            Catchpoints.Place prev = catches.previous(breakpoints, catchKey());
            return prev == null ? reverse.cont() : reverseToCatch(prev);
        });
    }

    @Override
    public StopEvent reverseNext() {
        return moving(() -> {
            return reverse.line(false);
        });
    }

    @Override
    public StopEvent reverseStep() {
        return moving(() -> {
            return reverse.line(true);
        });
    }

    @Override
    public StopEvent reverseStepi() {
        return moving(() -> {
            return reverse.instruction(false);
        });
    }

    @Override
    public StopEvent reverseNexti() {
        return moving(() -> {
            return reverse.instruction(true);
        });
    }

    @Override
    public StopEvent reverseFinish() {
        return moving(() -> {
            return reverse.finish();
        });
    }

    @Override
    public StopEvent last(String expression) {
        return moving(() -> {
            return reverse.last(expression);
        });
    }

    /**
     * Reverse-continues to the last accepted hit (user stops plus extraStops filtered by extra).
     * A search never runs back past the exec that loaded the program now running with its
     * breakpoints armed: their addresses are this program's, and an int3 written there would
     * corrupt the program before it (the replay then diverged). With nothing found since that exec,
     * a plain reverse-continue goes on into the program before it, its breakpoints placed again by
     * name there (as going forward over the exec places them in the new one). Searches with
     * temporary stops (reverse-step, -next, -finish: addresses in this program) and watchpoints
     * (an address in this program's memory) stop at the exec, saying so.
     */
    ReverseResult reverseTo(Set<Long> extraStops, Predicate<Hit> extra) {
        Set<Long> stops = new HashSet<>(extraStops);
        long bound = Long.MAX_VALUE;
        while (true) {
            long exec = Math.min(imageExec(), bound);
            ReverseResult r = timeline.reverseTo(stops, h -> {
                moved();
                return acceptHit(h, extra, stops);
            }, true, exec);
            if (!r.reachedBoundary() || !extraStops.isEmpty() || watching()) return r;
            // just before the exec, in the program before it (the event before an exec may be its
            // call's entry, which the replay does not stop between: then one more back)
            for (long before = exec - 1; before >= 1; before--) {
                timeline.goToEvent(before);
                if (history.currentEvent() < exec) break;
            }
            moved();
            followLayout();
            bound = exec - 1; // each round searches further back
        }
    }

    /** Whether an enabled watchpoint is set (its address belongs to the program now running). */
    private boolean watching() {
        for (UserBreakpoint b : breakpoints) if (b.isWatch() && b.enabled) return true;
        return false;
    }

    /**
     * The exec event that loaded the program now running (0: the recording's first program). Kept
     * from the last look while the process is alive: once it has exited, the image that stands is
     * the one it ended in.
     */
    long imageExec() {
        if (history == null) return 0;
        if (!target.exited()) {
            long now = history.currentEvent();
            long exec = 0;
            for (long e : ourExecs()) if (e <= now && e > exec) exec = e;
            lastImageExec = exec;
        }
        return lastImageExec;
    }

    private long lastImageExec;

    // ---- time ---------------------------------------------------------------------------------

    @Override
    public long currentEvent() {
        return history == null ? 0 : history.currentEvent();
    }

    @Override
    public boolean canMove() {
        return timeline != null;
    }

    @Override
    public long eventCount() {
        return history == null ? 0 : history.eventCount();
    }

    @Override
    public StopEvent gotoEvent(long event) {
        return moving(() -> {
            timeline.goToEvent(event);
            return stop(StopEvent.Reason.EVENT, 0, null, null, null, false);
        });
    }

    @Override
    public CheckpointInfo checkpoint() {
        requireRunning();
        userCheckpoints.add(travel().userCheckpoint());
        List<CheckpointInfo> all = checkpoints();
        return all.get(all.size() - 1);
    }

    private final Map<Checkpoint, SourceLocation> checkpointWhere = new HashMap<>();

    @Override
    public List<CheckpointInfo> checkpoints() {
        List<CheckpointInfo> out = new ArrayList<>();
        for (int i = 0; i < userCheckpoints.size(); i++) {
            Checkpoint cp = userCheckpoints.get(i);
            if (cp == null) continue; // deleted: numbers are not reused, as gdb's
            SourceLocation where = checkpointWhere.computeIfAbsent(cp, c -> last.where());
            out.add(new CheckpointInfo(i + 1, cp.event(), where));
        }
        return out;
    }

    @Override
    public StopEvent restart(int checkpoint) {
        travel().restore(userCheckpoint(checkpoint));
        return stop(StopEvent.Reason.EVENT, 0, null, null, "Switched to checkpoint " + checkpoint + ".", false);
    }

    @Override
    public void deleteCheckpoint(int checkpoint) {
        Checkpoint cp = userCheckpoint(checkpoint);
        userCheckpoints.set(checkpoint - 1, null);
        checkpointWhere.remove(cp);
        travel().discardUserCheckpoint(cp);
    }

    private Checkpoint userCheckpoint(int number) {
        Checkpoint cp = number < 1 || number > userCheckpoints.size() ? null : userCheckpoints.get(number - 1);
        if (cp == null) throw new JrrException("Invalid checkpoint number " + number + ".");
        return cp;
    }

    // ---- inspection ---------------------------------------------------------------------------

    @Override
    public StopEvent status() {
        return last;
    }

    @Override
    public void setPrintObject(boolean on) {
        inspector.setPrintObject(on);
    }

    @Override
    public String print(String expression, String format) {
        target.clearInterrupt();
        // once the program has exited, what needs no process still evaluates ($_exitcode, 1 + 2)
        if (target.exited()) return inspector.printWithoutProcess(expression, format);
        return inspector.print(ctx(), expression, format);
    }

    private SymbolListing symbolListing() {
        LoadedModule m = image.main();
        GlobalVariables g = m.symbols().hasDwarf()
                ? globals.computeIfAbsent(m.path(), k -> new GlobalVariables(m.symbols().dwarf().orElseThrow())) : null;
        return new SymbolListing(image, types, g,
                history == null ? target.currentExecutable().toString() : history.trace().info().exePath());
    }

    @Override
    public List<String> symbolSearch(String kind, String regex) {
        return symbolListing().search(kind, regex);
    }

    @Override
    public String symbolInfo(String addressExpression) {
        requireRunning();
        return symbolListing().symbol(addressOf(addressExpression), addressExpression.strip());
    }

    @Override
    public String addressInfo(String name) {
        requireRunning();
        String n = name.strip();
        Value v;
        try {
            v = inspector.evaluate(ctx(), n);
        } catch (JrrException e) {
            throw new JrrException("No symbol \"" + n + "\" in current context.");
        }
        if (v.type().strip().kind() == io.jrrtui.eval.Type.Kind.FUNCTION) {
            return "Symbol \"" + n + "\" is a function at address 0x" + Long.toHexString(v.address().orElse(0)) + ".";
        }
        // a variable with debug information: where its DWARF location says it is, in gdb's words
        var scope = ctx().scope(ctx().selected());
        var known = scope.flatMap(sc -> sc.lookup(n).map(x -> SymbolScopes.describe(x.die(), sc.module().bias(), false)));
        if (known.isPresent()) return "Symbol \"" + n + "\" is " + known.get() + ".";
        if (v.address().isEmpty()) return "Symbol \"" + n + "\" is a variable with no address (a register or a constant).";
        return "Symbol \"" + n + "\" is static storage at address 0x" + Long.toHexString(v.address().getAsLong()) + ".";
    }

    @Override
    public List<String> scopeInfo(String location) {
        if (location == null || location.isBlank()) throw new JrrException("requires an argument (function, line or *addr) to define a scope");
        return new SymbolScopes(image, types).scope(location.strip(), resolve(location).get(0).pc());
    }

    @Override
    public List<String> sourceInfo() {
        if (target.exited()) throw new JrrException("No current source file.");
        return symbolListing().source(ctx().frame(ctx().selected()).lookupPc(), lister);
    }

    @Override
    public String whatis(String expression) {
        requireRunning();
        return inspector.whatis(ctx(), expression);
    }

    @Override
    public String ptype(String expression) {
        requireRunning();
        return inspector.ptype(ctx(), expression);
    }

    @Override
    public List<String> examine(String format, String addressExpression) {
        requireRunning(addressExpression != null && addressExpression.contains("$") ? "No registers." : "The program is not being run.");
        return new Examiner(image, target::readMemory).at(target.registers().rip())
                .examine(format, inspector.evaluate(ctx(), addressExpression));
    }

    @Override
    public List<FrameInfo> backtrace(int limit) {
        requireRunning("No stack.");
        return inspector.backtrace(ctx(), limit);
    }

    @Override
    public List<Variable> locals(int frameLevel) {
        requireRunning("No frame selected.");
        return inspector.locals(ctx(), frameLevel);
    }

    @Override
    public List<Variable> args(int frameLevel) {
        requireRunning("No frame selected.");
        return inspector.args(ctx(), frameLevel);
    }

    @Override
    public FrameInfo selectFrame(int level) {
        requireRunning("No stack.");
        if (level < 0) throw new JrrException("Bottom (innermost) frame selected; you cannot go down.");
        if (level >= ctx().frames().size()) throw new JrrException("No frame at level " + level + ".");
        ctx().select(level);
        return inspector.frameInfo(ctx(), level);
    }

    @Override
    public FrameInfo selectedFrame() {
        requireRunning("No stack.");
        return inspector.frameInfo(ctx(), ctx().selected());
    }

    @Override
    public List<Variable> registers() {
        requireRunning("The program has no registers now.");
        return inspector.registers(target.registers());
    }

    @Override
    public List<String> frameDescription() {
        requireRunning("No stack.");
        return inspector.frameDescription(ctx());
    }

    @Override
    public String endingSignal() {
        int sig = target.endingSignal();
        return sig == 0 ? null : io.jrrtui.arch.Signals.name(sig);
    }

    /** The recording's mapping events, read once for the image and info proc mappings (empty without a recording). */
    private List<io.jrrtui.trace.Mapping> recordedMappings;

    private List<io.jrrtui.trace.Mapping> recordedMappings() {
        if (recordedMappings == null) recordedMappings = history == null ? List.of() : history.trace().mappings();
        return recordedMappings;
    }

    @Override
    public List<MappingInfo> mappings() {
        requireRunning();
        return ProgramMappings.of(target.memoryMap(), recordedMappings(), currentEvent());
    }

    @Override
    public List<Variable> sharedLibraries() {
        List<Variable> out = new ArrayList<>();
        // as gdb: the libraries loaded now, not those the recording loads later or unloaded before
        java.util.Set<String> loaded = new java.util.HashSet<>();
        LibraryPlacement.of(target.memoryMap(), recordedMappings(), imageTime(), image.main().path(), m -> headers.holds(target, m))
                .forEach((path, p) -> { if (p.loadedNow()) loaded.add(path); });
        for (LoadedModule m : image.modules()) {
            if (m == image.main() || (history != null && !target.exited() && !loaded.contains(m.path()))) continue;
            out.add(new Variable(m.path(), String.format("0x%016x 0x%016x %s", m.start(), m.end(),
                    m.symbols().hasDwarf() ? "Yes" : "Yes (*)")));
        }
        for (ProgramImage.MissingModule m : image.missing()) {
            out.add(new Variable(m.path(), String.format("0x%016x %-18s No (%s)", m.start(), "-", m.why())));
        }
        return out;
    }

    @Override
    public String sourcePath(String file) {
        return file == null ? null : sources.locate(file).toString();
    }

    @Override
    public List<String> sourceDirectories() {
        return sources.directories();
    }

    @Override
    public void setSourceDirectories(List<String> directories) {
        sources.setDirectories(directories);
        lister.forgetSources();
    }

    @Override
    public java.util.Map<String, String> substitutePaths() {
        return sources.substitutions();
    }

    @Override
    public void setSubstitutePaths(java.util.Map<String, String> rules) {
        sources.setSubstitutions(rules);
        lister.forgetSources();
    }

    @Override
    public List<String> notices() {
        return image.missing().stream().map(ProgramImage.MissingModule::describe).toList();
    }

    @Override
    public String lineInfo(String location) {
        if (location == null || location.isBlank()) {
            requireRunning();
            return inspector.lineInfo(ctx().frame(ctx().selected()).lookupPc());
        }
        long pc;
        try {
            pc = resolve(location).get(0).pc();
        } catch (JrrException e) {
            // a line past the file's code: gdb's words for info line
            if (!location.strip().matches("(.*:)?\\d+") || !String.valueOf(e.getMessage()).startsWith("No line ")) throw e;
            String file = location.contains(":") ? location.strip().substring(0, location.strip().lastIndexOf(':'))
                    : target.exited() ? mainLocation().map(SourceLocation::displayFile).orElse("??")
                    : inspector.location(ctx().frame(ctx().selected()).lookupPc(), true).displayFile();
            throw new JrrException("Line number " + location.strip().replaceAll(".*:", "") + " is out of range for \"" + file + "\".");
        }
        if (!location.contains(":") && !location.strip().matches("\\d+|\\*.*")) {
            // info line FUNCTION describes the line of the function's entry, before its prologue
            LoadedModule m = image.moduleAt(pc);
            if (m != null) pc = m.symbols().functionContaining(pc).map(FunctionInfo::entryPc).orElse(pc);
        } else if (location.strip().matches("(.*:)?\\d+")) {
            // a line where a function begins: gdb describes its first row (the entry), where a breakpoint
            // would go past the prologue
            int line = Integer.parseInt(location.strip().replaceAll(".*:", ""));
            LoadedModule m = image.moduleAt(pc);
            Optional<FunctionInfo> f = m == null ? Optional.empty() : m.symbols().functionContaining(pc);
            if (f.isPresent() && image.symbols().lineAt(f.get().entryPc()).map(l -> l.line() == line).orElse(false)) pc = f.get().entryPc();
        }
        return inspector.lineInfo(pc);
    }

    /**
     * gdb's default source position before any stop with source (at _start, in a library without
     * lines): main's line, so `break 31` and `list` work from the first prompt as they do in gdb.
     */
    private Optional<SourceLocation> mainLocation() {
        try {
            List<BreakpointLocation> main = image.symbols().breakpointAddresses("main", null);
            if (main.isEmpty() || main.get(0).file() == null) return Optional.empty();
            SourceLocation at = inspector.location(main.get(0).address(), true);
            return at.hasLine() ? Optional.of(at) : Optional.empty();
        } catch (JrrException e) {
            return Optional.empty(); // no main with line information: nothing to default to
        }
    }

    @Override
    public List<String> list(String location) {
        if (location == null || location.isBlank()) {
            SourceLocation here = target.exited() ? null : inspector.location(ctx().frame(ctx().selected()).lookupPc(), true);
            if (here == null || !here.hasLine()) here = mainLocation().orElse(here);
            return lister.list(here);
        }
        String loc = location.strip();
        if (loc.equals("-")) return lister.before();
        int comma = loc.indexOf(',');
        if (comma >= 0) {
            // list FIRST,LAST (either may be a linespec; LAST a bare number counts in FIRST's file, +N after FIRST)
            String a = loc.substring(0, comma).strip(), b = loc.substring(comma + 1).strip();
            if (a.isEmpty()) {
                SourceLocation end = resolveLine(b);
                return lister.range(end, end.line() - 9, end.line());
            }
            if (a.matches("\\d+")) beyondTheFile(Integer.parseInt(a));
            SourceLocation start = resolveLine(a);
            int last = b.isEmpty() ? 0 : b.matches("\\d+") ? Integer.parseInt(b)
                    : b.matches("\\+\\s*\\d+") ? start.line() + Integer.parseInt(b.substring(1).strip()) : resolveLine(b).line();
            return lister.range(start, start.line(), last);
        }
        if (loc.matches("\\d+")) beyondTheFile(Math.max(1, Integer.parseInt(loc) - 5));
        // a function: centred on the line of its entry, as gdb (not past the prologue, where a breakpoint goes)
        if (!loc.matches("\\d+|.*:\\d+|\\*.*")) return lister.listAt(resolveLine(loc));
        return lister.listAt(resolve(location).get(0));
    }

    /** gdb's refusal of a list starting past the end of the current file: "Line number X out of range; F has N lines." */
    private void beyondTheFile(int first) {
        SourceLocation here = target.exited() ? null : inspector.location(ctx().frame(ctx().selected()).lookupPc(), true);
        if (here == null || !here.hasLine()) here = mainLocation().orElse(null);
        if (here == null) return;
        List<String> text = lister.lines(here.file());
        if (text != null && first > text.size()) {
            throw new JrrException("Line number " + first + " out of range; " + here.displayFile() + " has " + text.size() + " lines.");
        }
    }

    /** A linespec's source line: a bare number is a line of the current file, not an address. */
    private SourceLocation resolveLine(String spec) {
        List<BreakpointLocation> found = image.symbols().breakpointAddresses(spec, target.exited() ? null
                : inspector.location(ctx().frame(ctx().selected()).lookupPc(), true).file());
        BreakpointLocation b = found.get(0);
        // the line asked for, not the line after it that has code; a function's is its entry's (before the prologue)
        int line = spec.matches("\\d+") ? Integer.parseInt(spec) : spec.matches(".*:\\d+") ? Integer.parseInt(spec.replaceAll(".*:", ""))
                : entryLine(b.address()).orElse(b.line());
        return new SourceLocation(b.address(), b.function(), b.file(), line, b.displayFile());
    }

    /** The line of the entry of the function holding pc, when it has one. */
    private Optional<Integer> entryLine(long pc) {
        LoadedModule m = image.moduleAt(pc);
        return (m == null ? Optional.<FunctionInfo>empty() : m.symbols().functionContaining(pc))
                .flatMap(f -> image.symbols().lineAt(f.entryPc())).map(SourceLine::line);
    }

    @Override
    public List<String> signals() {
        return history == null ? List.of() : new SignalSummary(history.trace()).rows();
    }

    private TraceEvents traceEvents;

    private TraceEvents traceEvents() {
        if (traceEvents == null) traceEvents = new TraceEvents(history.trace());
        return traceEvents;
    }

    @Override
    public List<io.jrrtui.api.EventSummary> events(long first, long last) {
        return history == null ? List.of() : traceEvents().range(first, last);
    }

    @Override
    public List<io.jrrtui.api.OutputChunk> output(long upTo) {
        return history == null ? List.of() : traceEvents().upTo(upTo);
    }

    @Override
    public List<io.jrrtui.api.DisassemblyLine> disassemble(long address, int count) {
        return new Disassembler(image, target::readMemory).lines(address, count);
    }

    @Override
    public List<io.jrrtui.api.DisassemblyLine> disassembleRange(long start, long end) {
        requireRunning();
        return new Disassembler(image, target::readMemory).between(start, end);
    }

    @Override
    public io.jrrtui.api.CodeRange functionAround(String addressExpression) {
        requireRunning();
        // a caller's frame: the call instruction's function (its pc may be just past the function's end)
        long addr = addressExpression == null ? ctx().frame(ctx().selected()).lookupPc() : addressOf(addressExpression);
        LoadedModule m = image.moduleAt(addr);
        var range = m == null ? java.util.Optional.<io.jrrtui.symbols.ModuleSymbols.NamedRange>empty() : m.symbols().functionBounds(addr);
        if (range.isEmpty()) throw new JrrException("No function contains specified address.");
        return new io.jrrtui.api.CodeRange(range.get().name(), range.get().low(), range.get().high());
    }

    @Override
    public long addressOf(String expression) {
        requireRunning();
        Value v = inspector.evaluate(ctx(), expression);
        var k = v.type().strip().kind();
        return k == io.jrrtui.eval.Type.Kind.ARRAY || k == io.jrrtui.eval.Type.Kind.FUNCTION ? v.address().orElse(0) : v.asLong();
    }

    @Override
    public long pc() {
        return target.exited() ? 0 : ctx().frame(ctx().selected()).pc();
    }

    @Override
    public long[] generalRegisters() {
        requireRunning();
        return target.registers().raw();
    }

    @Override
    public byte[] floatingPointRegisters() {
        requireRunning();
        return target.floatingPointRegisters();
    }

    @Override
    public int xsaveOffset(int component) {
        return target.xsaveOffset(component);
    }

    @Override
    public byte[] readMemory(long address, int length) {
        requireRunning();
        return target.readMemory(address, length);
    }

    @Override
    public int processId() {
        if (target.exited()) return 0;
        return target.threads().stream().min(java.util.Comparator.comparingInt(io.jrrtui.target.ThreadState::number))
                .map(io.jrrtui.target.ThreadState::recordedTid).orElse(0);
    }

    @Override
    public String programPath() {
        String exe = executablePath();
        if (history == null || exe == null) return exe;
        // the recording's copy of the program it started with: the path the program was run as
        boolean first = java.nio.file.Path.of(exe).equals(history.trace().executable().toAbsolutePath());
        return first ? history.trace().info().exePath() : exe;
    }

    @Override
    public String executablePath() {
        return target.exited() && history != null ? history.trace().executable().toAbsolutePath().toString() : target.currentExecutable().toString();
    }

    @Override
    public byte[] auxiliaryVector() {
        return target.auxiliaryVector();
    }

    @Override
    public List<String> completeSymbol(String prefix) {
        Set<String> out = new java.util.TreeSet<>();
        for (var f : image.symbols().functions()) if (f.name().startsWith(prefix)) out.add(f.name());
        for (LoadedModule m : image.modules()) {
            if (!m.symbols().hasDwarf()) continue;
            for (String g : globals.computeIfAbsent(m.path(), k -> new GlobalVariables(m.symbols().dwarf().orElseThrow())).names()) {
                if (g.startsWith(prefix)) out.add(g);
            }
            for (String f : m.symbols().sourceFiles()) {
                String base = Inspector.baseName(f);
                if (base.startsWith(prefix)) out.add(base + ":");
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public void interrupt() {
        target.interrupt();
    }

    /** The replay's event counter, read without the tracer thread: it may lag, which a progress display tolerates. */
    @Override
    public long progressEvent() {
        return history == null ? -1 : history.currentEvent();
    }

    @Override
    public void close() {
        if (timeline != null) timeline.close();
        else target.close();
    }
}
