package io.jrrtui.debugger;

import io.jrrtui.arch.x86.Instruction;
import io.jrrtui.arch.x86.Kind;
import io.jrrtui.arch.x86.X86Decoder;
import io.jrrtui.dwarf.AddressRange;
import io.jrrtui.elf.ElfSymbol;
import io.jrrtui.symbols.FunctionInfo;
import io.jrrtui.util.JrrException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which functions the tracer stops in: every function of every module whose demangled name the
 * pattern finds (DWARF functions first, then symbol-table functions without debug info), and with
 * --follow-calls the functions they call directly (through the PLT too) or tail-jump to, found by
 * decoding their code, level by level.
 */
final class CallTracePlan {
    /** Code larger than this is not scanned for calls (a bound on what malformed symbols can make us read). */
    private static final long MAX_SCAN = 1 << 20;

    private final CallTraceImage image;
    private final FrameAccess.MemorySource code;
    private final List<CallTraceFunction> all = new ArrayList<>();   // aliases included
    private final Map<Long, CallTraceFunction> byEntry = new HashMap<>();
    private final Map<String, CallTraceFunction> byName = new HashMap<>();
    private final Map<LoadedModule, CallTracePlt> plts = new HashMap<>();
    private final X86Decoder decoder = new X86Decoder();

    private CallTracePlan(CallTraceImage image, FrameAccess.MemorySource code) {
        this.image = image;
        this.code = code;
        for (LoadedModule m : image.modules()) collect(m);
    }

    /** The traced functions by breakpoint address. */
    static Map<Long, CallTraceFunction> resolve(CallTraceImage image, Pattern pattern, int followDepth, FrameAccess.MemorySource code) {
        CallTracePlan plan = new CallTracePlan(image, code);
        Map<Long, CallTraceFunction> chosen = new LinkedHashMap<>();
        Deque<CallTraceFunction> work = new ArrayDeque<>();
        for (CallTraceFunction f : plan.all) {
            if (!chosen.containsKey(f.entry()) && pattern.matcher(f.name()).find()) {
                chosen.put(f.entry(), f);
                work.add(f);
            }
        }
        if (chosen.isEmpty()) throw new JrrException("no function matches '" + pattern.pattern() + "'");
        while (!work.isEmpty()) {
            CallTraceFunction f = work.poll();
            if (f.level() >= followDepth) continue;
            for (CallTraceFunction callee : plan.callees(f)) {
                if (chosen.containsKey(callee.entry())) continue;
                CallTraceFunction c = callee.atLevel(f.level() + 1);
                chosen.put(c.entry(), c);
                work.add(c);
            }
        }
        Map<Long, CallTraceFunction> byStop = new LinkedHashMap<>();
        for (CallTraceFunction f : chosen.values()) byStop.put(f.stop(), f);
        return byStop;
    }

    private void collect(LoadedModule m) {
        long bias = m.symbols().bias();
        for (FunctionInfo f : m.symbols().functions()) {
            long end = f.entryPc();
            for (AddressRange r : f.ranges()) if (r.contains(f.entryPc())) end = r.high();
            add(CallTraceFunction.of(f.name(), f.entryPc(), end, m, Optional.of(f), 0));
        }
        for (ElfSymbol s : m.symbols().elf().symbols()) {
            // An IFUNC symbol's address is its resolver, not the implementation a call reaches.
            if (s.type() != ElfSymbol.STT_FUNC || !s.isDefined() || s.value() == 0) continue;
            String name = io.jrrtui.demangle.Demangler.demangle(s.name()).orElse(s.name());
            add(CallTraceFunction.of(name, s.value() + bias, s.value() + bias + s.size(), m, Optional.empty(), 0));
        }
    }

    private void add(CallTraceFunction f) {
        if (f.name().isEmpty()) return;
        CallTraceFunction first = byEntry.putIfAbsent(f.entry(), f);
        if (first != null && first.name().equals(f.name())) return; // the symbol of a DWARF function
        all.add(first == null ? f : new CallTraceFunction(f.name(), first.entry(), first.end(), first.module(), first.dwarf(), first.stop(), 0));
        byName.putIfAbsent(f.name(), first == null ? f : byEntry.get(f.entry()));
    }

    /** Functions f calls directly or jumps to outside its own code. */
    private List<CallTraceFunction> callees(CallTraceFunction f) {
        List<CallTraceFunction> out = new ArrayList<>();
        long len = f.end() - f.entry();
        if (len <= 0 || len > MAX_SCAN) return out;
        byte[] bytes;
        try {
            bytes = code.read(f.entry(), (int) len);
        } catch (JrrException e) {
            return out;
        }
        int off = 0;
        while (off < bytes.length) {
            Instruction insn = decoder.decode(bytes, off, f.entry() + off);
            off += Math.max(1, insn.length());
            long t = insn.branchTarget();
            boolean call = insn.kind() == Kind.CALL;
            boolean tail = insn.kind() == Kind.JUMP && (t < f.entry() || t >= f.end());
            if (!call && !tail) continue;
            CallTraceFunction callee = byEntry.get(t);
            if (callee == null) callee = throughPlt(t);
            if (callee != null && !out.contains(callee)) out.add(callee);
        }
        return out;
    }

    /** The function a PLT stub at addr jumps to, by the name its GOT slot is relocated with. */
    private CallTraceFunction throughPlt(long addr) {
        LoadedModule m = image.moduleAt(addr);
        if (m == null) return null;
        CallTracePlt plt = plts.computeIfAbsent(m, CallTracePlt::new);
        byte[] stub;
        try {
            stub = code.read(addr, 16);
        } catch (JrrException e) {
            return null;
        }
        int off = 0;
        for (int i = 0; i < 3 && off < stub.length; i++) {
            Instruction insn = decoder.decode(stub, off, addr + off);
            if (insn.kind() == Kind.JUMP_INDIRECT && insn.isRipRelative()) {
                String name = plt.nameOfSlot(insn.memoryTarget());
                if (name == null) return null;
                CallTraceFunction f = byName.get(name);
                if (f != null && f.module() != m) return f;
                for (CallTraceFunction g : all) if (g.module() != m && g.name().equals(name)) return g;
                return null;
            }
            off += Math.max(1, insn.length());
        }
        return null;
    }
}
