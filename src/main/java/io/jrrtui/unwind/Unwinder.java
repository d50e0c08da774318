package io.jrrtui.unwind;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Walks the stack of one thread: from a register set, through caller-supplied memory and module
 * lookup, to a list of {@link Frame}s. Each step tries, in order, the CFI of the module containing the
 * pc, the Linux x86-64 signal trampoline ({@code mov $15,%rax; syscall}), and frame pointers. The walk
 * stops at the outermost frame (return address undefined or zero), at memory it cannot read, when the
 * stack does not move towards its base, or after {@code maxFrames} frames; it never throws on bad stacks.
 */
public final class Unwinder {
    public static final int DEFAULT_MAX_FRAMES = 256;

    /** Offset of uc_mcontext.gregs in the ucontext the kernel puts on the stack (uc_flags, uc_link, uc_stack). */
    static final int UCONTEXT_GREGS_OFFSET = 40;
    /** Index in mcontext gregs of each DWARF register 0..16 (REG_RAX=13, REG_RDX=12...). */
    private static final int[] GREGS_INDEX = {13, 12, 14, 11, 9, 8, 10, 15, 0, 1, 2, 3, 4, 5, 6, 7, 16};
    /** {@code mov $0xf,%rax; syscall}: the body of __restore_rt. */
    private static final int[] SIGRETURN_BYTES = {0x48, 0xc7, 0xc0, 0x0f, 0x00, 0x00, 0x00, 0x0f, 0x05};

    private final MemoryReader memory;
    private final ModuleLookup modules;
    private final int maxFrames;

    public Unwinder(MemoryReader memory, ModuleLookup modules) {
        this(memory, modules, DEFAULT_MAX_FRAMES);
    }

    public Unwinder(MemoryReader memory, ModuleLookup modules, int maxFrames) {
        this.memory = memory;
        this.modules = modules;
        this.maxFrames = Math.max(1, maxFrames);
    }

    /** The caller of a frame: its registers and how they were found; null caller = outermost. */
    private record Step(OptionalLong cfa, Registers caller, Frame.How how, boolean callerPcExact,
            boolean trampoline) {
    }

    /** The backtrace starting at {@code registers} (which must include rip and rsp to go anywhere). */
    public List<Frame> unwind(Registers registers) {
        List<Frame> frames = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Registers regs = registers;
        Frame.How how = Frame.How.INNERMOST;
        boolean exact = true;
        while (frames.size() < maxFrames) {
            OptionalLong pc = regs.get(Registers.RIP);
            if (pc.isEmpty()) {
                break;
            }
            Step step = step(regs, exact);
            Optional<UnwindModule> module = modules.moduleAt(exact ? pc.getAsLong() : pc.getAsLong() - 1);
            frames.add(new Frame(frames.size(), pc.getAsLong(), exact, step.cfa(), regs, how, step.trampoline(),
                    module));
            if (step.caller() == null || !plausibleCaller(regs, step, seen)) {
                break;
            }
            regs = step.caller();
            how = step.how();
            exact = step.callerPcExact();
        }
        return frames;
    }

    /** Stops on a zero pc, a stack moving the wrong way (except across signal frames) or a repeat. */
    private static boolean plausibleCaller(Registers callee, Step step, Set<String> seen) {
        OptionalLong pc = step.caller().get(Registers.RIP);
        OptionalLong sp = step.caller().get(Registers.RSP);
        if (pc.isEmpty() || pc.getAsLong() == 0 || sp.isEmpty()) {
            return false;
        }
        OptionalLong calleeSp = callee.get(Registers.RSP);
        boolean crossesSignal = step.how() == Frame.How.SIGNAL_CONTEXT || step.callerPcExact();
        if (!crossesSignal && calleeSp.isPresent()
                && Long.compareUnsigned(sp.getAsLong(), calleeSp.getAsLong()) <= 0) {
            return false;
        }
        return seen.add(Long.toHexString(pc.getAsLong()) + "/" + Long.toHexString(sp.getAsLong()));
    }

    private Step step(Registers regs, boolean exact) {
        long pc = regs.get(Registers.RIP).getAsLong();
        long lookup = exact ? pc : pc - 1;
        Optional<UnwindRow> row = cfiRow(lookup);
        if (row.isPresent()) {
            try {
                return fromCfi(regs, row.get());
            } catch (UnwindFailure e) {
                return new Step(OptionalLong.empty(), null, Frame.How.CFI, false, row.get().signalFrame());
            }
        }
        if (isSigreturnTrampoline(pc)) {
            return fromSignalContext(regs);
        }
        return fromFramePointer(regs);
    }

    private Optional<UnwindRow> cfiRow(long lookup) {
        Optional<UnwindModule> m = modules.moduleAt(lookup);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        try {
            return m.get().cfi().rowAt(lookup - m.get().loadBias());
        } catch (JrrException e) {
            return Optional.empty(); // malformed CFI: fall back as if there were none
        }
    }

    private Step fromCfi(Registers regs, UnwindRow row) throws UnwindFailure {
        CfiExpression.Registers source = regs::get;
        long cfa;
        if (row.cfa() instanceof CfaRule.RegisterOffset ro) {
            OptionalLong base = regs.get(ro.register());
            if (base.isEmpty()) {
                throw new UnwindFailure("CFA register " + ro.register() + " unknown");
            }
            cfa = base.getAsLong() + ro.offset();
        } else {
            cfa = CfiExpression.evaluate(((CfaRule.Expression) row.cfa()).expression(), null, source, memory);
        }
        Registers caller = Registers.empty();
        for (int r = 0; r < Registers.COUNT; r++) {
            RegisterRule rule = row.rule(r == Registers.RIP ? row.returnAddressRegister() : r);
            OptionalLong v = recover(r, rule, regs, cfa, source);
            if (v.isPresent()) {
                caller = caller.with(r, v.getAsLong());
            }
        }
        if (row.rule(Registers.RSP) == null) {
            caller = caller.with(Registers.RSP, cfa); // the CFA is by definition the caller's sp
        }
        boolean outermost = caller.get(Registers.RIP).isEmpty();
        return new Step(OptionalLong.of(cfa), outermost ? null : caller, Frame.How.CFI, row.signalFrame(),
                row.signalFrame());
    }

    private OptionalLong recover(int reg, RegisterRule rule, Registers regs, long cfa, CfiExpression.Registers source)
            throws UnwindFailure {
        if (rule == null) {
            // no rule: the return address is lost, other registers keep their value (gdb does the same)
            return reg == Registers.RIP ? OptionalLong.empty() : regs.get(reg);
        }
        if (rule instanceof RegisterRule.Undefined) {
            return OptionalLong.empty();
        }
        if (rule instanceof RegisterRule.SameValue) {
            return regs.get(reg);
        }
        if (rule instanceof RegisterRule.Offset o) {
            return readOrFail(cfa + o.offset());
        }
        if (rule instanceof RegisterRule.ValOffset o) {
            return OptionalLong.of(cfa + o.offset());
        }
        if (rule instanceof RegisterRule.InRegister ir) {
            return regs.get(ir.register());
        }
        if (rule instanceof RegisterRule.Expression e) {
            return readOrFail(CfiExpression.evaluate(e.expression(), cfa, source, memory));
        }
        return OptionalLong.of(CfiExpression.evaluate(((RegisterRule.ValExpression) rule).expression(), cfa,
                source, memory));
    }

    private OptionalLong readOrFail(long addr) throws UnwindFailure {
        OptionalLong v = memory.readU64(addr);
        if (v.isEmpty()) {
            throw new UnwindFailure("cannot read saved register at 0x" + Long.toHexString(addr));
        }
        return v;
    }

    /** True when the code at {@code pc} is {@code mov $0xf,%rax; syscall} (rt_sigreturn). */
    boolean isSigreturnTrampoline(long pc) {
        OptionalLong lo = memory.readU64(pc);
        OptionalLong hi = memory.readU64(pc + 8);
        if (lo.isEmpty() || hi.isEmpty()) {
            return false;
        }
        for (int i = 0; i < SIGRETURN_BYTES.length; i++) {
            long word = i < 8 ? lo.getAsLong() : hi.getAsLong();
            int b = (int) (word >>> (8 * (i % 8))) & 0xff;
            if (b != SIGRETURN_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    /** At the trampoline, sp points at the ucontext of the rt_sigframe (the handler popped pretcode). */
    private Step fromSignalContext(Registers regs) {
        OptionalLong sp = regs.get(Registers.RSP);
        if (sp.isEmpty()) {
            return new Step(OptionalLong.empty(), null, Frame.How.SIGNAL_CONTEXT, true, true);
        }
        long gregs = sp.getAsLong() + UCONTEXT_GREGS_OFFSET;
        Registers caller = Registers.empty();
        for (int r = 0; r < Registers.COUNT; r++) {
            OptionalLong v = memory.readU64(gregs + 8L * GREGS_INDEX[r]);
            if (v.isEmpty()) {
                return new Step(OptionalLong.empty(), null, Frame.How.SIGNAL_CONTEXT, true, true);
            }
            caller = caller.with(r, v.getAsLong());
        }
        return new Step(OptionalLong.of(sp.getAsLong() + 8), caller, Frame.How.SIGNAL_CONTEXT, true, true);
    }

    /** The classic {@code push %rbp; mov %rsp,%rbp} chain: [rbp] = caller's rbp, [rbp+8] = return address. */
    private Step fromFramePointer(Registers regs) {
        OptionalLong bp = regs.get(Registers.RBP);
        OptionalLong sp = regs.get(Registers.RSP);
        if (bp.isEmpty() || bp.getAsLong() == 0 || (bp.getAsLong() & 7) != 0
                || (sp.isPresent() && Long.compareUnsigned(bp.getAsLong(), sp.getAsLong()) < 0)) {
            return new Step(OptionalLong.empty(), null, Frame.How.FRAME_POINTER, false, false);
        }
        long rbp = bp.getAsLong();
        OptionalLong savedBp = memory.readU64(rbp);
        OptionalLong ret = memory.readU64(rbp + 8);
        if (savedBp.isEmpty() || ret.isEmpty()) {
            return new Step(OptionalLong.empty(), null, Frame.How.FRAME_POINTER, false, false);
        }
        Registers caller = Registers.empty();
        for (int r : new int[] {Registers.RBX, 12, 13, 14, Registers.R15}) {
            OptionalLong v = regs.get(r); // callee-saved: assume the callee preserved them
            if (v.isPresent()) {
                caller = caller.with(r, v.getAsLong());
            }
        }
        caller = caller.with(Registers.RBP, savedBp.getAsLong()).with(Registers.RSP, rbp + 16)
                .with(Registers.RIP, ret.getAsLong());
        return new Step(OptionalLong.of(rbp + 16), caller, Frame.How.FRAME_POINTER, false, false);
    }
}
