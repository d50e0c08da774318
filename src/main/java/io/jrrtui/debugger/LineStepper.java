package io.jrrtui.debugger;

import io.jrrtui.api.SourceLocation;
import io.jrrtui.api.StopEvent;
import io.jrrtui.arch.Registers;
import io.jrrtui.eval.Type;
import io.jrrtui.eval.Value;
import io.jrrtui.symbols.FunctionInfo;
import io.jrrtui.symbols.SourceLine;
import io.jrrtui.target.StopReason;
import io.jrrtui.target.Target;
import io.jrrtui.unwind.Frame;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Forward stepping by source line and by instruction, finish, until and advance. Lines are stepped
 * with single steps (one trap each) inside the current function; calls are run at native speed to
 * their return address with a temporary breakpoint.
 */
final class LineStepper {
    private static final int MAX_STEPS = 500_000;
    /** Where xmm0 sits in user_fpregs_struct. */
    private static final int XMM0_OFFSET = 160;
    private final Debugger d;

    LineStepper(Debugger d) {
        this.d = d;
    }

    private Target target() {
        return d.target();
    }

    long readU64(long addr) {
        return ByteBuffer.wrap(target().readMemory(addr, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Whether the step from before to now executed a call (return address pushed, rip moved). */
    boolean enteredCall(Registers before, Registers now) {
        if (now.rsp() != before.rsp() - 8) return false;
        long ret;
        try {
            ret = readU64(now.rsp());
        } catch (JrrException e) {
            return false;
        }
        return ret > before.rip() && ret <= before.rip() + 16 && now.rip() != ret;
    }

    /** stepi / nexti. */
    StopEvent instruction(boolean overCalls) {
        Registers before = target().registers();
        StopReason r = target().stepInstruction();
        d.moved();
        if (r.kind() == StopReason.Kind.EXITED) return d.exitedEvent(false);
        if (r.kind() == StopReason.Kind.END_OF_TRACE) return d.endOfTrace(r.detail());
        StopEvent user = r.kind() == StopReason.Kind.WATCHPOINT ? d.userStop(r) : null;
        if (user != null) return user;
        Registers now = target().registers();
        if (overCalls && enteredCall(before, now)) {
            StopEvent s = runTo(readU64(now.rsp()), () -> target().registers().rsp() == now.rsp() + 8);
            if (s != null) return s;
        }
        return d.stop(StopEvent.Reason.STEP, 0, null, null, null, false);
    }

    /** next (into = false) and step (into = true). */
    StopEvent line(boolean into) {
        Registers start = target().registers();
        Optional<SourceLine> line = d.image().symbols().lineAt(start.rip());
        if (line.isEmpty()) {
            String fn = d.image().symbols().symbolize(start.rip()).orElse("??");
            // the outermost function (_start) never returns: gdb runs on until something stops it
            if (d.ctx().frames().size() <= 1) return d.runToUserStop();
            return finishFrom(0, "Single stepping until exit from function " + fn + ",\nwhich has no line number information.");
        }
        long lo = line.get().startPc();
        long hi = line.get().endPc();
        long startCfa = d.ctx().cfa0();
        int startDepth = inlineDepth(start.rip());
        Registers before = start;
        for (int i = 0; i < MAX_STEPS; i++) {
            StopReason r = target().stepInstruction();
            d.moved();
            if (r.kind() == StopReason.Kind.EXITED) return d.exitedEvent(false);
            if (r.kind() == StopReason.Kind.END_OF_TRACE) return d.endOfTrace(r.detail());
        if (r.kind() == StopReason.Kind.END_OF_TRACE) return d.endOfTrace(r.detail());
            if (r.kind() == StopReason.Kind.WATCHPOINT) {
                StopEvent s = d.userStop(r);
                if (s != null) return s;
            }
            Registers now = target().registers();
            long pc = now.rip();
            if (enteredCall(before, now)) {
                if (into && hasLines(pc)) return stepIntoFunction(pc, now.rsp());
                Registers callee = now;
                if (into && inPlt(pc)) {
                    // a library's function through its PLT stub (and the lazy binder the first time): gdb steps
                    // into it when it has line information
                    Registers landed = throughTrampoline(callee.rsp());
                    if (landed != null && hasLines(landed.rip())) return stepIntoFunction(landed.rip(), landed.rsp());
                }
                StopEvent s = runTo(readU64(now.rsp()), () -> target().registers().rsp() == callee.rsp() + 8);
                if (s != null) return s;
                now = target().registers();
                pc = now.rip();
            }
            if (pc >= lo && pc < hi) {
                before = now;
                continue;
            }
            if (now.rsp() >= startCfa) {
                // returned to the caller: at the start of a line-table row that is a stop (gdb's "start of a
                // different line"); in the middle of one gdb steps on through it, now in the caller's frame
                Optional<SourceLine> back = d.image().symbols().lineAt(pc);
                if (back.isEmpty() || back.get().line() == 0 || (pc == back.get().startPc() && isStatementStart(pc))) {
                    return d.stop(StopEvent.Reason.STEP, 0, null, null, null, false);
                }
                lo = back.get().startPc();
                hi = back.get().endPc();
                line = back;
                startCfa = d.ctx().cfa0();
                before = now;
                continue;
            }
            if (isStatementStart(pc)) {
                StopEvent bp = breakpointAt(pc);
                if (bp != null) return bp;
                if (!into && d.ctx().cfa0() == startCfa && inlineDepth(pc) > startDepth && !atInlinedCallStart(pc)) {
                    // the body of a function inlined into the line: next steps over it as over a call
                    before = now;
                    continue;
                }
                Optional<SourceLine> here = d.image().symbols().lineAt(pc);
                if (here.isPresent() && here.get().line() == line.get().line() && here.get().file().equals(line.get().file())
                        && d.ctx().cfa0() == startCfa) {
                    // another line-table row of the same line (a loop's condition, a second statement):
                    // gdb keeps going until the line changes
                    lo = here.get().startPc();
                    hi = here.get().endPc();
                    before = now;
                    continue;
                }
                return d.stop(StopEvent.Reason.STEP, 0, null, null, null, false);
            }
            before = now;
        }
        throw new JrrException("stepping gave up after " + MAX_STEPS + " instructions without reaching a new line");
    }

    private StopEvent breakpointAt(long pc) {
        if (!target().breakpointAddresses().contains(pc)) return null;
        UserBreakpoint b = d.breakpointHitHere(pc);
        return b == null ? null : d.stop(StopEvent.Reason.BREAKPOINT, b.number, null, null, null, false);
    }

    private boolean isStatementStart(long pc) {
        LoadedModule m = d.image().moduleAt(pc);
        return m != null && m.symbols().isStatementStart(pc);
    }

    private Optional<FunctionInfo> functionAt(long pc) {
        LoadedModule m = d.image().moduleAt(pc);
        return m == null ? Optional.empty() : m.symbols().functionContaining(pc);
    }

    /** Whether pc is in a PLT section of its module (a call through it reaches a library's function). */
    private boolean inPlt(long pc) {
        LoadedModule m = d.image().moduleAt(pc);
        if (m == null) return false;
        long a = pc - m.symbols().bias();
        for (io.jrrtui.elf.ElfSection sec : m.symbols().elf().sections()) {
            if (sec.name().startsWith(".plt") && a >= sec.addr() && a < sec.addr() + sec.size()) return true;
        }
        return false;
    }

    /**
     * Single-steps from a PLT stub entered by a call (rsp calleeRsp) through the stubs and the
     * dynamic linker's lazy binder to the first instruction at the call's depth outside the PLT:
     * the function called. Null when something else stopped the steps (they are then lost, as
     * only the binder runs here) or they go on too long.
     */
    private Registers throughTrampoline(long calleeRsp) {
        for (int i = 0; i < 200_000; i++) {
            StopReason r = target().stepInstruction();
            d.moved();
            if (r.kind() != StopReason.Kind.STEP) return null;
            Registers now = target().registers();
            if (now.rsp() > calleeRsp) return null;
            // the binder leaves by an indirect jump at the call's depth: the function's first instruction
            if (now.rsp() == calleeRsp && !inPlt(now.rip()) && isEntry(now.rip())) return now;
        }
        return null;
    }

    private boolean atInlinedCallStart(long pc) {
        LoadedModule m = d.image().moduleAt(pc);
        return m != null && m.symbols().atInlinedCallStart(pc);
    }

    /** How many inlined calls deep pc is in its function (0 outside any). */
    private int inlineDepth(long pc) {
        return d.image().symbols().lookup(pc).map(a -> (int) a.inlineChain().stream().filter(f -> f.inlined()).count()).orElse(0);
    }

    /** Whether pc is where a function (an ELF symbol) starts. */
    private boolean isEntry(long pc) {
        return d.image().symbols().symbolize(pc).map(n -> !n.matches(".*\\+\\d+")).orElse(false);
    }

    private boolean hasLines(long pc) {
        return d.image().symbols().lineAt(pc).isPresent();
    }

    /** step into a function with line info: run to the end of its prologue. */
    private StopEvent stepIntoFunction(long entry, long entryRsp) {
        LoadedModule m = d.image().moduleAt(entry);
        Optional<FunctionInfo> fn = m == null ? Optional.empty() : m.symbols().functionContaining(entry);
        long body = fn.map(f -> m.symbols().afterPrologue(f)).orElse(entry);
        if (body != entry) {
            StopEvent s = runTo(body, () -> d.ctx().cfa0() == entryRsp + 8);
            if (s != null) return s;
        }
        return d.stop(StopEvent.Reason.STEP, 0, null, null, null, false);
    }

    /**
     * Runs forward until pc == addr and arrived says it is the right instance; returns null when
     * there, or the stop that came first (a user breakpoint, a watchpoint, the end).
     */
    StopEvent runTo(long addr, BooleanSupplier arrived) {
        boolean temporary = !target().breakpointAddresses().contains(addr);
        if (temporary) target().addBreakpoint(addr);
        try {
            while (true) {
                StopReason r = d.timeline().continueSelectedThread();
                d.moved();
                if (r.kind() == StopReason.Kind.BREAKPOINT && r.address() == addr && arrived.getAsBoolean()) {
                    if (!temporary) {
                        StopEvent s = d.userStop(r);
                        if (s != null) return s;
                    }
                    return null;
                }
                StopEvent s = d.userStop(r);
                if (s != null) return s;
            }
        } finally {
            if (temporary) target().removeBreakpoint(addr);
        }
    }

    StopEvent finish() {
        return finishFrom(d.ctx().selected(), null);
    }

    private StopEvent finishFrom(int level, String detail) {
        StopContext c = d.ctx();
        if (level + 1 >= c.frames().size()) throw new JrrException("\"finish\" not meaningful in the outermost frame.");
        Frame f = c.frame(level);
        long ret = c.frame(level + 1).pc();
        long cfa = f.cfa().orElseThrow(() -> new JrrException("cannot finish: the frame's address is unknown"));
        Optional<Type> returnType = c.scope(level).flatMap(s -> s.function())
                .flatMap(fn -> fn.die()).flatMap(die -> die.type()).map(t -> d.types().of(t));
        StopEvent s = runTo(ret, () -> target().registers().rsp() == cfa);
        if (s != null) return s;
        String value = null;
        if (returnType.isPresent() && returnType.get().strip() instanceof Type.Base b && b.isFloat() && b.size() <= 8) {
            // the SysV ABI returns float and double in xmm0
            byte[] xmm0 = java.util.Arrays.copyOfRange(target().floatingPointRegisters(), XMM0_OFFSET, XMM0_OFFSET + (int) b.size());
            value = d.inspector().formatValue(Value.at(returnType.get(), new io.jrrtui.eval.Location.Implicit(xmm0), d.ctx().access(0)));
        } else if (returnType.isPresent() && returnType.get().strip().isScalar()) {
            long rax = target().registers().rax();
            value = d.inspector().formatValue(Value.ofLong(returnType.get(), rax));
        }
        return d.stop(StopEvent.Reason.FINISH, 0, null, value, detail, false);
    }

    /** until without argument: like next, but never stops at a line before the current one in this frame. */
    StopEvent until() {
        SourceLocation here = d.inspector().location(target().registers().rip(), true);
        long cfa = d.ctx().cfa0();
        while (true) {
            StopEvent s = line(false);
            if (s.reason() != StopEvent.Reason.STEP) return s;
            if (d.ctx().cfa0() != cfa || !s.where().hasLine() || here.line() == 0 || s.where().line() > here.line()
                    || !s.where().file().equals(here.file())) {
                return s;
            }
        }
    }

    /**
     * until LOCATION / advance LOCATION: run to the location, or until the current frame returns.
     * until (thisFrameOnly) stops at a location inside the current function only in this frame, as
     * gdb does, so a recursive call passing there does not stop it.
     */
    StopEvent runToLocation(List<SourceLocation> targets, boolean stopOnReturn, boolean thisFrameOnly) {
        StopContext c = d.ctx();
        Optional<FunctionInfo> current = functionAt(target().registers().rip());
        long returnAddr = c.frames().size() > 1 ? c.frame(1).pc() : 0;
        long cfa = c.cfa0();
        List<Long> temps = new java.util.ArrayList<>();
        for (SourceLocation t : targets) if (!target().breakpointAddresses().contains(t.pc())) temps.add(t.pc());
        boolean retTemp = stopOnReturn && returnAddr != 0 && !target().breakpointAddresses().contains(returnAddr);
        for (long a : temps) target().addBreakpoint(a);
        if (retTemp) target().addBreakpoint(returnAddr);
        try {
            while (true) {
                StopReason r = d.timeline().continueSelectedThread();
                d.moved();
                if (r.kind() == StopReason.Kind.BREAKPOINT) {
                    boolean atTarget = targets.stream().anyMatch(t -> t.pc() == r.address())
                            && (!thisFrameOnly || current.isEmpty() || !current.get().contains(r.address()) || d.ctx().cfa0() == cfa);
                    boolean returned = stopOnReturn && r.address() == returnAddr && target().registers().rsp() > cfa - 8;
                    if (atTarget || returned) {
                        StopEvent user = d.userStop(r);
                        return user != null ? user : d.stop(StopEvent.Reason.STEP, 0, null, null, null, false);
                    }
                }
                StopEvent s = d.userStop(r);
                if (s != null) return s;
            }
        } finally {
            for (long a : temps) target().removeBreakpoint(a);
            if (retTemp) target().removeBreakpoint(returnAddr);
        }
    }
}
