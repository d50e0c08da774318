package io.jrrtui.debugger;

import io.jrrtui.arch.x86.Instruction;
import io.jrrtui.arch.x86.Kind;
import io.jrrtui.arch.x86.X86Decoder;
import io.jrrtui.dwarf.AddressRange;
import io.jrrtui.elf.DebugFileLocator;
import io.jrrtui.elf.ElfFile;
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
    /** A function that could be traced; where its breakpoint goes is worked out only once chosen. */
    private record Candidate(String name, long entry, long end, LoadedModule module, Optional<FunctionInfo> dwarf) {
        CallTraceFunction chosen(int level) {
            Optional<FunctionInfo> d = dwarf;
            if (d.isEmpty() && module.symbols().hasDwarf()) {
                d = module.symbols().functionContaining(entry).filter(f -> f.entryPc() == entry);
            }
            return CallTraceFunction.of(name, entry, end, module, d, level);
        }
    }

    private final List<Candidate> all = new ArrayList<>();   // aliases included
    private final Map<Long, Candidate> byEntry = new HashMap<>();
    private final Map<String, Candidate> byName = new HashMap<>();
    private final Map<LoadedModule, CallTracePlt> plts = new HashMap<>();
    private final X86Decoder decoder = new X86Decoder();

    private CallTracePlan(CallTraceImage image, FrameAccess.MemorySource code) {
        this.image = image;
        this.code = code;
        for (LoadedModule m : image.modules()) collect(m);
    }

    /** The traced functions by breakpoint address. */
    static Map<Long, CallTraceFunction> resolve(CallTraceImage image, Pattern pattern, int calleeLevels, FrameAccess.MemorySource code) {
        CallTracePlan plan = new CallTracePlan(image, code);
        Map<Long, CallTraceFunction> chosen = new LinkedHashMap<>();
        Deque<CallTraceFunction> work = new ArrayDeque<>();
        for (Candidate c : plan.all) {
            if (!chosen.containsKey(c.entry()) && pattern.matcher(c.name()).find()) {
                CallTraceFunction f = c.chosen(0);
                chosen.put(f.entry(), f);
                work.add(f);
            }
        }
        if (chosen.isEmpty()) throw new JrrException("no function matches '" + pattern.pattern() + "'");
        while (!work.isEmpty()) {
            CallTraceFunction f = work.poll();
            if (f.level() >= calleeLevels) continue;
            for (Candidate callee : plan.callees(f)) {
                if (chosen.containsKey(callee.entry())) continue;
                CallTraceFunction c = callee.chosen(f.level() + 1);
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
        List<ElfSymbol> symbols = functionSymbols(m);
        // The program's DWARF names every function it has (C++ and Rust by their qualified names);
        // a library's DWARF (often a large separate debug file) is read only for the functions chosen.
        if (m == image.main() || symbols.isEmpty()) {
            for (FunctionInfo f : m.symbols().functions()) {
                long end = f.entryPc();
                for (AddressRange r : f.ranges()) if (r.contains(f.entryPc())) end = r.high();
                add(new Candidate(f.name(), f.entryPc(), end, m, Optional.of(f)));
            }
        }
        for (ElfSymbol s : symbols) {
            String name = io.jrrtui.demangle.Demangler.demangle(s.name()).orElse(s.name());
            add(new Candidate(name, s.value() + bias, s.value() + bias + s.size(), m, Optional.empty()));
        }
    }

    /** Defined functions of the module's symbol tables and of its separate debug file's. */
    private static List<ElfSymbol> functionSymbols(LoadedModule m) {
        List<ElfSymbol> out = new ArrayList<>();
        List<ElfFile> files = new ArrayList<>(List.of(m.symbols().elf()));
        try {
            DebugFileLocator.system().find(m.symbols().elf()).ifPresent(files::add);
        } catch (JrrException e) {
            // an unreadable debug file: the module's own symbols still serve
        }
        for (ElfFile f : files) {
            for (ElfSymbol s : f.symbols()) {
                // An IFUNC symbol's address is its resolver, not the implementation a call reaches.
                if (s.type() == ElfSymbol.STT_FUNC && s.isDefined() && s.value() != 0) out.add(s);
            }
        }
        return out;
    }

    private void add(Candidate f) {
        if (f.name().isEmpty()) return;
        Candidate first = byEntry.putIfAbsent(f.entry(), f);
        if (first != null && first.name().equals(f.name())) return; // the symbol of a DWARF function
        // an alias (another name at the same address) traces as the first one found, with its own name
        Candidate c = first == null ? f : new Candidate(f.name(), first.entry(), first.end(), first.module(), first.dwarf());
        all.add(c);
        byName.putIfAbsent(f.name(), c);
    }

    /** Functions f calls directly or jumps to outside its own code. */
    private List<Candidate> callees(CallTraceFunction f) {
        List<Candidate> out = new ArrayList<>();
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
            Candidate callee = byEntry.get(t);
            if (callee == null) callee = throughPlt(t);
            if (callee != null && !out.contains(callee)) out.add(callee);
        }
        return out;
    }

    /** The function a PLT stub at addr jumps to, by the name its GOT slot is relocated with. */
    private Candidate throughPlt(long addr) {
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
                Candidate f = byName.get(name);
                if (f != null && f.module() != m) return f;
                for (Candidate g : all) if (g.module() != m && g.name().equals(name)) return g;
                return null;
            }
            off += Math.max(1, insn.length());
        }
        return null;
    }
}
