package io.jrrtui.debugger;

import io.jrrtui.symbols.AddressInfo;
import io.jrrtui.target.Target;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.unwind.Frame;
import io.jrrtui.util.JrrException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Function call tracing ({@code jrrtui trace}): breakpoints at the traced functions only, and a
 * temporary breakpoint at the return address of each active call; the program runs natively in
 * between, never single-stepped. Calls and returns are paired per thread by the frame address
 * (CFA): a return counts when, at the return address, the stack pointer equals the call's CFA and
 * the word below it still holds the return address (a ret left it; a catch block or longjmp that
 * jumps there did not), which keeps recursion straight. A call whose frame the stack pointer or a
 * newer call's frame has passed was left another way (longjmp, an exception) and is reported as
 * unwound at that stop; a newer call in the same frame with the same return address is a tail
 * call, and both return together. Calls still active at the end are reported too.
 */
public final class CallTracer {
    /**
     * What to trace: a pattern over demangled names, callers printed per call line, and how many
     * levels of callees of the matched functions to trace too (Delve's --follow-calls N is N-1 here).
     */
    public record Options(Pattern pattern, int stackFrames, int calleeLevels) {}

    /** A traced call that has not returned yet. */
    private record ActiveCall(CallTraceFunction function, long cfa, long returnAddress, int depth, int level) {}

    private static final String UNWOUND = "unwound without returning (longjmp or exception)";
    private final CallTraceTarget target;
    /** The program itself: its thread runs the whole trace (one hand-over, not one per stop). */
    private final Target program;
    private final Function<CallTraceTarget, CallTraceImage> loader;
    private final Options options;
    private final Consumer<CallTraceLine> out;
    private final Map<Integer, Deque<ActiveCall>> active = new HashMap<>();
    private final Map<Long, Integer> returnSites = new HashMap<>();
    private Map<Long, CallTraceFunction> functions = Map.of();
    private CallTraceImage image;
    private CallTraceValues values;

    private CallTracer(Target program, CallTraceTarget target, Function<CallTraceTarget, CallTraceImage> loader, Options options,
            Consumer<CallTraceLine> out) {
        this.program = program;
        this.target = target;
        this.loader = loader;
        this.options = options;
        this.out = out;
    }

    /**
     * Traces target from where it stands (a replay at event 1, a live program at its exec) to its
     * end. A replay's image comes from its trace, whose mapping stream names the libraries before
     * they are mapped, so one image serves; a live program's is read from its mappings when asked.
     */
    public static CallTracer over(Target target, Options options, Consumer<CallTraceLine> out) {
        Optional<TraceReader> trace = target.history().map(h -> h.trace());
        Function<CallTraceTarget, CallTraceImage> loader;
        if (trace.isPresent()) {
            CallTraceImage[] image = new CallTraceImage[1];
            loader = t -> {
                if (image[0] == null) image[0] = CallTraceImage.of(new ProgramImage(target, trace.get(), target.history().get().currentEvent()));
                return image[0];
            };
        } else {
            loader = t -> CallTraceImage.load(t.executable(), t.modules());
        }
        return new CallTracer(target, CallTraceTarget.of(target), loader, options, out);
    }

    /**
     * Runs the program to its end, reporting every traced call and return to the consumer.
     * Throws JrrException when nothing matches the pattern.
     */
    public void run() {
        program.exclusive(() -> {
            runHere();
            return null;
        });
    }

    private void runHere() {
        image = loader.apply(target);
        // Shared libraries are mapped (and relocated) once the executable's entry point is reached;
        // functions they run before it, from the loader or their constructors, are not traced.
        long entry = image.entryPoint();
        target.addBreakpoint(entry);
        if (target.resume() != entry) throw new JrrException("the program ended before reaching its entry point");
        target.removeBreakpoint(entry);
        image = loader.apply(target);
        values = new CallTraceValues(image);
        functions = CallTracePlan.resolve(image, options.pattern(), options.calleeLevels(), target::readMemory);
        for (long stop : functions.keySet()) target.addBreakpoint(stop);
        String why = "did not return before the trace stopped";
        try {
            long at = functions.containsKey(entry) ? entry : target.resume();
            while (at != CallTraceTarget.ENDED) {
                onBreakpoint(at);
                at = target.resume();
            }
            why = "did not return before the program ended";
        } finally {
            // every call is accounted for, even when the replay stops early (divergence, a cut trace)
            for (Map.Entry<Integer, Deque<ActiveCall>> e : active.entrySet()) {
                while (!e.getValue().isEmpty()) out.accept(line(CallTraceLine.Kind.UNWOUND, e.getKey(), e.getValue().pop(), why, ""));
            }
        }
    }

    private void onBreakpoint(long addr) {
        CallTraceFrames frames = new CallTraceFrames(target, image, target.registers());
        int tid = target.tid();
        Deque<ActiveCall> stack = active.computeIfAbsent(tid, k -> new ArrayDeque<>());
        long rsp = frames.registers().rsp();
        boolean returned = false;
        // A ret leaves the return address just below the stack pointer; code that jumps to the
        // return address after an exception was caught (or a longjmp) finds something else there.
        boolean byRet = returnSites.containsKey(addr) && frames.readU64(rsp - 8).orElse(-1) == addr;
        while (!stack.isEmpty() && Long.compareUnsigned(stack.peek().cfa(), rsp) <= 0) {
            ActiveCall c = stack.pop();
            if (byRet && c.returnAddress() == addr && c.cfa() == rsp) {
                // Several calls ending at once share one frame: the outer ones tail-called the inner.
                end(tid, c, CallTraceLine.Kind.RETURN, values.returnValue(c.function(), frames), returned ? "tail call" : "");
                returned = true;
            } else {
                end(tid, c, CallTraceLine.Kind.UNWOUND, UNWOUND, "");
            }
        }
        CallTraceFunction f = functions.get(addr);
        if (f != null) onCall(f, tid, stack, frames);
    }

    private void onCall(CallTraceFunction f, int tid, Deque<ActiveCall> stack, CallTraceFrames frames) {
        long cfa;
        if (f.atEntry()) {
            cfa = frames.registers().rsp() + 8;
        } else {
            List<Frame> fs = frames.frames(1);
            cfa = fs.isEmpty() || fs.get(0).cfa().isEmpty() ? frames.registers().get(io.jrrtui.arch.Registers.RBP) + 16 : fs.get(0).cfa().getAsLong();
        }
        long ret = frames.readU64(cfa - 8).orElse(0);
        // Frames below the new one are gone; one in the same place with another return address was
        // replaced (longjmp back into its caller, then a new call). The same return address there
        // means the active call jumped here (a tail call) and is still running.
        while (!stack.isEmpty() && (Long.compareUnsigned(stack.peek().cfa(), cfa) < 0
                || stack.peek().cfa() == cfa && stack.peek().returnAddress() != ret)) {
            end(tid, stack.pop(), CallTraceLine.Kind.UNWOUND, UNWOUND, "");
        }
        int level = 0;
        if (f.level() > 0) {
            // A function reached through --follow-calls counts only inside a traced call, within the depth.
            if (stack.isEmpty() || stack.peek().level() + 1 > options.calleeLevels()) return;
            level = stack.peek().level() + 1;
        }
        ActiveCall call = new ActiveCall(f, cfa, ret, stack.size(), level);
        List<String> callers = options.stackFrames() > 0 ? callers(frames) : List.of();
        out.accept(new CallTraceLine(CallTraceLine.Kind.CALL, tid, target.event(), call.depth(), f.name(),
                values.args(f, frames), f.dwarf().isEmpty(), "", "", callers));
        if (ret == 0 || image.moduleAt(ret) == null) return; // the outermost frame: it never returns
        stack.push(call);
        if (returnSites.merge(ret, 1, Integer::sum) == 1 && !functions.containsKey(ret)) target.addBreakpoint(ret);
    }

    private void end(int tid, ActiveCall c, CallTraceLine.Kind kind, String value, String note) {
        releaseReturnSite(c.returnAddress());
        out.accept(line(kind, tid, c, value, note));
    }

    private void releaseReturnSite(long ret) {
        Integer n = returnSites.get(ret);
        if (n == null) return;
        if (n > 1) {
            returnSites.put(ret, n - 1);
        } else {
            returnSites.remove(ret);
            if (!functions.containsKey(ret)) target.removeBreakpoint(ret);
        }
    }

    private List<String> callers(CallTraceFrames frames) {
        List<Frame> fs = frames.frames(options.stackFrames() + 1);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i < fs.size() && i <= options.stackFrames(); i++) {
            Frame fr = fs.get(i);
            Optional<AddressInfo> info = image.symbols().lookup(fr.lookupPc());
            StringBuilder sb = new StringBuilder(String.format("#%d 0x%016x in %s", i, fr.pc(), info.map(AddressInfo::innermostFunction).orElse("??")));
            info.flatMap(AddressInfo::line).ifPresent(l -> sb.append(" at ").append(l.baseName()).append(':').append(l.line()));
            lines.add(sb.toString());
        }
        return lines;
    }

    private CallTraceLine line(CallTraceLine.Kind kind, int tid, ActiveCall c, String value, String note) {
        return new CallTraceLine(kind, tid, target.event(), c.depth(), c.function().name(), List.of(), false, value, note, List.of());
    }
}
