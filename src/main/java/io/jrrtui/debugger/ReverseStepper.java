package io.jrrtui.debugger;

import io.jrrtui.api.StopEvent;
import io.jrrtui.eval.Value;
import io.jrrtui.symbols.FunctionInfo;
import io.jrrtui.symbols.SourceLine;
import io.jrrtui.timeline.Hit;
import io.jrrtui.timeline.ReverseResult;
import io.jrrtui.timeline.Timeline;
import io.jrrtui.util.JrrException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Backward execution as gdb builds it on rr's primitives: reverse-continue, and reverse
 * step/next/finish/stepi/nexti made of reverse-continue to temporary breakpoints (statement starts,
 * function entries) with frame checks, plus reverse-stepi.
 */
final class ReverseStepper {
    private static final String NO_HISTORY = "No more reverse-execution history.";
    private final Debugger d;

    ReverseStepper(Debugger d) {
        this.d = d;
    }

    private Timeline timeline() {
        return d.timeline();
    }

    private StopEvent startOfHistory() {
        // a followed child process's history begins where it appears, not at the program's start
        if (d.focus() != null && d.history().currentEvent() < d.focus().event()) timeline().goToEvent(d.focus().event());
        return d.stop(StopEvent.Reason.START_OF_HISTORY, 0, null, null, NO_HISTORY, true);
    }

    /** Where a search that found nothing stopped: the start, or the exec that loaded this program. */
    private StopEvent noHit(ReverseResult rr) {
        if (!rr.reachedBoundary()) return startOfHistory();
        return d.stop(StopEvent.Reason.START_OF_HISTORY, 0, null, null, "Reached the exec that started this program (event " + rr.execBoundary()
                + "): reverse stepping and watchpoints do not go back into the program before it; use reverse-continue with a breakpoint there, or goto.", true);
    }

    private StopEvent stepped() {
        return d.stop(StopEvent.Reason.STEP, 0, null, null, null, true);
    }

    StopEvent cont() {
        for (int guard = 0; guard < 1000; guard++) {
            ReverseResult rr = d.reverseTo(Set.of(), null);
            if (rr.hit() == null) return noHit(rr);
            StopEvent s = report(rr.hit());
            if (s != null) return s;
        }
        throw new JrrException("reverse-continue: too many unchanged watchpoint writes");
    }

    /** The stop for a hit reached backwards; null for a write that did not change the value (keep going). */
    private StopEvent report(Hit h) {
        d.moved();
        if (h.kind() == Hit.Kind.WATCHPOINT) {
            UserBreakpoint w = d.watchBySlot(h.slot());
            if (w == null) return stepped();
            String after = d.readWatch(w);
            timeline().reverseStepi(h.writerPc()); // to the writing instruction, before it ran
            d.moved();
            String before = d.readWatch(w);
            if (w.watchKind == io.jrrtui.api.DebugSession.WatchKind.WRITE && before.equals(after)) return null;
            w.hits++;
            return d.stop(StopEvent.Reason.WATCHPOINT, w.number, new io.jrrtui.api.WatchChange(w.what, before, after), null, null, true);
        }
        UserBreakpoint b = d.breakpointHitHere(h.address());
        return b == null ? stepped() : d.breakpointStop(b, true);
    }

    StopEvent instruction(boolean overCalls) {
        if (d.target().exited()) throw new JrrException("reverse-stepi from the end: use reverse-continue or goto");
        long startCfa = d.ctx().cfa0();
        if (!timeline().reverseStepi()) return startOfHistory();
        d.moved();
        if (overCalls && d.ctx().cfa0() < startCfa) {
            StopEvent s = toCallSite();
            if (s != null) return s;
        }
        return stepped();
    }

    StopEvent finish() {
        if (d.target().exited()) throw new JrrException("The program is not being run.");
        StopEvent s = toCallSite();
        return s != null ? s : stepped();
    }

    private Optional<FunctionInfo> functionAt(long pc) {
        LoadedModule m = d.image().moduleAt(pc);
        return m == null ? Optional.empty() : m.symbols().functionContaining(pc);
    }

    /** Back to the call instruction that entered the current function; null when there, else the stop met first. */
    private StopEvent toCallSite() {
        long pc = d.target().registers().rip();
        long cfa = d.ctx().cfa0();
        StopContext c = d.ctx();
        long call = c.frames().size() > 1 ? callBefore(c.frame(1).pc()) : 0;
        if (call != 0) return toCall(call, cfa);
        FunctionInfo fn = functionAt(pc).orElseThrow(() -> new JrrException("Cannot find bounds of current function"));
        long entry = fn.entryPc();
        if (pc != entry) {
            ReverseResult rr = d.reverseTo(Set.of(entry), h -> h.address() == entry && h.mark().regs().rsp() + 8 == cfa);
            if (rr.hit() == null) return noHit(rr);
            if (!(rr.hit().kind() == Hit.Kind.BREAKPOINT && rr.hit().address() == entry && rr.hit().mark().regs().rsp() + 8 == cfa)) {
                return report(rr.hit());
            }
        }
        if (!timeline().reverseStepi()) return startOfHistory();
        d.moved();
        return null;
    }

    /** reverse-next (into = false) and reverse-step (into = true). */
    StopEvent line(boolean into) {
        if (d.target().exited()) throw new JrrException("The program is not being run.");
        long pc = d.target().registers().rip();
        Optional<FunctionInfo> fn = functionAt(pc);
        if (fn.isEmpty() || d.image().symbols().lineAt(pc).isEmpty()) {
            StopEvent s = toCallSite();
            return s != null ? s : toRowStart();
        }
        long cfa = d.ctx().cfa0();
        if (into) {
            StopEvent callee = intoReturnedCallee(pc, cfa);
            if (callee != null) return callee;
        }
        long entry = fn.get().entryPc();
        Set<Long> stops = statementStarts(into ? null : fn.get());
        stops.add(entry);
        ReverseResult rr = d.reverseTo(stops, h -> {
            long hereCfa = d.ctx().cfa0();
            if (h.address() == entry) return hereCfa == cfa;
            return into ? hereCfa <= cfa : hereCfa == cfa;
        });
        if (rr.hit() == null) return noHit(rr);
        Hit h = rr.hit();
        d.moved();
        if (h.kind() == Hit.Kind.BREAKPOINT && h.address() == entry && d.ctx().cfa0() == cfa) {
            // back at this function's entry: the previous line is the caller's call (past any PLT stub)
            long call = d.ctx().frames().size() > 1 ? callBefore(d.ctx().frame(1).pc()) : 0;
            if (call != 0) {
                StopEvent s = toCall(call, cfa);
                if (s != null) return s;
            } else {
                if (!timeline().reverseStepi()) return startOfHistory();
                d.moved();
            }
            return toRowStart();
        }
        if (!stops.contains(h.address()) || h.kind() == Hit.Kind.WATCHPOINT) return report(h);
        UserBreakpoint b = d.breakpointHitHere(h.address());
        return b == null ? stepped() : d.stop(StopEvent.Reason.BREAKPOINT, b.number, null, null, null, true);
    }

    /**
     * reverse-step standing just after a call: the callee ran last, so a callee with line
     * information in any module (a shared library's too, whose lines are not armed as stops) is
     * entered at the start of the row holding its return; null when there is none (the step then
     * goes on in this function, as over a callee without lines).
     */
    private StopEvent intoReturnedCallee(long pc, long cfa) {
        if (!afterCall(pc)) return null;
        io.jrrtui.timeline.Mark here = timeline().now();
        if (!timeline().reverseStepi()) return null;
        d.moved();
        long now = d.target().registers().rip();
        if (d.ctx().cfa0() < cfa && d.image().symbols().lineAt(now).isPresent()) return toRowStart();
        timeline().goTo(here);
        d.moved();
        return null;
    }

    /** Whether the instruction before pc is a call (pc is a return address). */
    private boolean afterCall(long pc) {
        return callBefore(pc) != 0;
    }

    /** The address of the call instruction that returns to ret, or 0 when the bytes before ret are no call. */
    private long callBefore(long ret) {
        for (int len : new int[] {5, 2, 3, 6, 7}) { // call rel32; call *reg; call *disp8(reg); call *rip-rel / disp32 forms
            try {
                byte[] b = d.target().readMemory(ret - len, len);
                var insn = DECODER.decode(b, 0, ret - len);
                if (insn.length() == len && insn.kind().isCall()) return ret - len;
            } catch (RuntimeException e) {
                // unreadable or not an instruction: try the next length
            }
        }
        return 0;
    }

    /**
     * Back to the call instruction (at call) that made the frame whose CFA is cfa: before it ran,
     * rsp is that CFA. Going straight there (rather than to the callee's entry and one instruction
     * back) passes over a PLT stub and the lazy binder, as gdb's reverse-finish does. Null when
     * there, else the stop met first.
     */
    private StopEvent toCall(long call, long cfa) {
        ReverseResult rr = d.reverseTo(Set.of(call), h -> h.address() == call && h.mark().regs().rsp() == cfa);
        if (rr.hit() == null) return noHit(rr);
        d.moved();
        if (!(rr.hit().kind() == Hit.Kind.BREAKPOINT && rr.hit().address() == call && rr.hit().mark().regs().rsp() == cfa)) {
            return report(rr.hit());
        }
        return null;
    }

    private static final io.jrrtui.arch.x86.X86Decoder DECODER = new io.jrrtui.arch.x86.X86Decoder();

    /**
     * From a call instruction reached backwards to the start of the line-table row holding it, in
     * the same frame: gdb stops a reverse step at the start of the calling line, not mid-line.
     */
    private StopEvent toRowStart() {
        long pc = d.target().registers().rip();
        Optional<SourceLine> row = d.image().symbols().lineAt(pc);
        if (row.isEmpty() || row.get().startPc() == pc) return stepped();
        long rowStart = row.get().startPc();
        long cfa = d.ctx().cfa0();
        ReverseResult rr = d.reverseTo(Set.of(rowStart), h -> h.address() == rowStart && d.ctx().cfa0() == cfa);
        if (rr.hit() == null) return noHit(rr);
        Hit h = rr.hit();
        d.moved();
        if (h.kind() == Hit.Kind.BREAKPOINT && h.address() == rowStart && d.ctx().cfa0() == cfa) {
            UserBreakpoint b = d.breakpointHitHere(rowStart);
            return b == null ? stepped() : d.stop(StopEvent.Reason.BREAKPOINT, b.number, null, null, null, true);
        }
        return report(h);
    }

    /** Statement-start addresses in fn, or in every function with line information when fn is null. */
    private Set<Long> statementStarts(FunctionInfo fn) {
        Set<Long> out = new HashSet<>();
        LoadedModule m = fn == null ? d.image().main() : d.image().moduleAt(fn.entryPc());
        for (String file : m.symbols().sourceFiles()) {
            for (SourceLine l : m.symbols().lineEntries(file)) {
                if (!l.isStmt()) continue;
                if (fn == null ? m.symbols().functionContaining(l.startPc()).isPresent() : fn.contains(l.startPc())) out.add(l.startPc());
            }
        }
        return out;
    }

    /** last EXPR: back to the most recent write that changed EXPR's value. */
    StopEvent last(String expression) {
        if (d.target().exited()) throw new JrrException("The program is not being run.");
        Value v = d.inspector().evaluate(d.ctx(), expression);
        if (v.address().isEmpty()) throw new JrrException("Cannot watch constant value `" + expression + "'.");
        int len = (int) v.type().size();
        long addr = v.address().getAsLong();
        UserBreakpoint probe = UserBreakpoint.watch(0, expression, io.jrrtui.api.DebugSession.WatchKind.WRITE, addr, len, v.type());
        int slot = timeline().addWatchpoint(addr, len, false);
        try {
            for (int guard = 0; guard < 1000; guard++) {
                ReverseResult rr = timeline().reverseTo(Set.of(), h -> h.kind() == Hit.Kind.WATCHPOINT && h.slot() == slot, false, d.imageExec());
                if (rr.hit() == null) return noHit(rr);
                d.moved();
                String after = d.readWatch(probe);
                timeline().reverseStepi(rr.hit().writerPc());
                d.moved();
                String before = d.readWatch(probe);
                if (!before.equals(after)) {
                    return d.stop(StopEvent.Reason.WATCHPOINT, 0, new io.jrrtui.api.WatchChange(expression, before, after), null, null, true);
                }
            }
            throw new JrrException("last: no change of " + expression + " found");
        } finally {
            timeline().removeWatchpoint(slot);
        }
    }
}
