package io.jrrtui.debugger;

import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.SourceLocation;
import io.jrrtui.api.Variable;
import io.jrrtui.arch.Registers;
import io.jrrtui.eval.Evaluator;
import io.jrrtui.eval.FrameScope;
import io.jrrtui.eval.ScopeContext;
import io.jrrtui.eval.Type;
import io.jrrtui.eval.TypeNames;
import io.jrrtui.eval.Value;
import io.jrrtui.eval.ValueFormatter;
import io.jrrtui.symbols.AddressInfo;
import io.jrrtui.symbols.SourceLine;
import io.jrrtui.unwind.Frame;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the stopped program for people: locations, backtraces, variables, expressions, registers,
 * in gdb's formats. Works on one {@link StopContext}.
 */
final class Inspector {
    private final ProgramImage image;
    private final ValueFormatter formatter;
    private final Map<String, Value> convenience;
    /** Runs the program's functions for call expressions (the target's copy; see Target.callFunction). */
    private final io.jrrtui.eval.ProgramCalls caller;

    Inspector(ProgramImage image, Map<String, Value> convenience,
            java.util.function.Function<io.jrrtui.arch.FunctionCall, io.jrrtui.arch.FunctionCall.Returned> runner) {
        this.image = image;
        this.caller = new io.jrrtui.eval.ProgramCalls() {
            @Override
            public io.jrrtui.arch.FunctionCall.Returned call(io.jrrtui.arch.FunctionCall call) {
                return runner.apply(call);
            }

            @Override
            public java.util.OptionalLong functionElsewhere(String name) {
                return libraryFunction(name);
            }
        };
        this.formatter = new ValueFormatter(a -> image.symbols().symbolize(a)).withStatics(this::dataSymbol);
        this.convenience = convenience;
    }

    /**
     * A function named name in a loaded module's ELF symbols (the program's own DWARF functions are
     * found by the scope first). An indirect function is refused: its symbol is the resolver, and
     * calling it would answer with an address, not the function's result.
     */
    private java.util.OptionalLong libraryFunction(String name) {
        for (LoadedModule m : image.modules()) {
            for (io.jrrtui.elf.ElfSymbol s : m.symbols().elf().symbols()) {
                if (!s.name().equals(name) || !s.isDefined() || s.value() == 0) continue;
                if (s.type() == io.jrrtui.elf.ElfSymbol.STT_GNU_IFUNC) {
                    throw new JrrException("Cannot call " + name + "(): it is an indirect function (the implementation is chosen at "
                            + "load time), which jrrtui does not resolve.");
                }
                if (s.type() == io.jrrtui.elf.ElfSymbol.STT_FUNC) return java.util.OptionalLong.of(s.value() + m.symbols().bias());
            }
        }
        return java.util.OptionalLong.empty();
    }

    /** The address of a data symbol (a C++ static member's mangled name) in the loaded modules. */
    private java.util.OptionalLong dataSymbol(String name) {
        for (LoadedModule m : image.modules()) {
            for (io.jrrtui.elf.ElfSymbol s : m.symbols().elf().symbols()) {
                if (s.type() == io.jrrtui.elf.ElfSymbol.STT_OBJECT && s.isDefined() && s.name().equals(name)) {
                    return java.util.OptionalLong.of(s.value() + m.symbols().bias());
                }
            }
        }
        return java.util.OptionalLong.empty();
    }

    SourceLocation location(long pc, boolean exact) {
        long lookup = exact ? pc : pc - 1;
        Optional<AddressInfo> info = image.symbols().lookup(lookup);
        if (info.isEmpty()) {
            // no DWARF function here: an ELF symbol (from the file or its debug file) still names it
            String name = image.symbols().symbolize(lookup).map(s -> s.replaceAll("\\+\\d+$", "")).orElse(null);
            return new SourceLocation(pc, name, null, 0);
        }
        AddressInfo a = info.get();
        String fn = a.innermostFunction();
        if (!a.inlineChain().isEmpty() && a.inlineChain().get(0).file() != null) {
            var f = a.inlineChain().get(0);
            // the row's symtab names the innermost function's file when it is that row's file
            String shown = a.line().filter(l -> l.file().equals(f.file())).map(SourceLine::displayName).orElse(null);
            return new SourceLocation(pc, fn, f.file(), f.line(), shown);
        }
        return a.line().map(l -> new SourceLocation(pc, fn, l.file(), l.line(), l.displayName())).orElse(new SourceLocation(pc, fn, null, 0));
    }

    FrameInfo frameInfo(StopContext ctx, int level) {
        Frame f = ctx.frame(level);
        if (f.signalTrampoline()) {
            // the kernel's frame for a signal: gdb's "<signal handler called>", no function or arguments
            return new FrameInfo(level, new SourceLocation(f.pc(), SourceLocation.SIGNAL_HANDLER_CALLED, null, 0), List.of(), true);
        }
        return new FrameInfo(level, location(f.pc(), f.pcIsExact()), frameArgs(ctx, level), f.pcIsExact());
    }

    /**
     * A frame's arguments as gdb shows them in frame lines (its default "print frame-arguments
     * scalars"): a structure, union, class or array — also through a reference — is "...", or the
     * summary of its pretty printer ("std::vector of length 3, capacity 3 = {...}", a string whole).
     */
    private List<Variable> frameArgs(StopContext ctx, int level) {
        Optional<FrameScope> scope = ctx.scope(level);
        if (scope.isEmpty() || scope.get().function().isEmpty()) return List.of();
        List<Variable> out = new ArrayList<>();
        for (io.jrrtui.eval.Variable v : scope.get().args()) {
            String text;
            try {
                Value val = scope.get().value(v);
                Value object = val.type().strip() instanceof Type.Reference ? val.dereferenced() : val;
                Type.Kind k = object.type().strip().kind();
                boolean aggregate = k == Type.Kind.STRUCT || k == Type.Kind.UNION || k == Type.Kind.CLASS || k == Type.Kind.ARRAY;
                text = aggregate ? summary(formatter.formatListed(object)) : formatter.formatListed(val);
            } catch (JrrException e) {
                text = "<error: " + e.getMessage() + ">";
            }
            out.add(new Variable(v.name(), text));
        }
        return out;
    }

    /** A printed aggregate as a frame line shows it: its printer's heading with {...} for the children, else "...". */
    private static String summary(String full) {
        if (full.startsWith("{") || full.startsWith("<")) return "...";
        int children = full.indexOf(" = {");
        return children < 0 ? full : full.substring(0, children) + " = {...}";
    }

    List<FrameInfo> backtrace(StopContext ctx, int limit) {
        List<FrameInfo> out = new ArrayList<>();
        int n = Math.min(ctx.frames().size(), limit <= 0 ? Integer.MAX_VALUE : limit);
        for (int i = 0; i < n; i++) out.add(frameInfo(ctx, i));
        return out;
    }

    List<Variable> args(StopContext ctx, int level) {
        Optional<FrameScope> scope = ctx.scope(level);
        if (scope.isEmpty() || scope.get().function().isEmpty()) return List.of();
        return split(scope.get().describe(scope.get().args(), formatter));
    }

    List<Variable> locals(StopContext ctx, int level) {
        Optional<FrameScope> scope = ctx.scope(level);
        if (scope.isEmpty() || scope.get().function().isEmpty()) return List.of();
        return split(scope.get().describe(scope.get().locals(), formatter));
    }

    private static List<Variable> split(List<String> lines) {
        List<Variable> out = new ArrayList<>();
        for (String l : lines) {
            int eq = l.indexOf(" = ");
            out.add(eq < 0 ? new Variable(l, "") : new Variable(l.substring(0, eq), l.substring(eq + 3)));
        }
        return out;
    }

    /**
     * The calls of one evaluation in ctx: this inspector's, with the names the scope's module
     * (null: none) does not know looked up in the other modules as gdb does.
     */
    private io.jrrtui.eval.ProgramCalls calls(StopContext ctx, io.jrrtui.symbols.ModuleSymbols module) {
        return new io.jrrtui.eval.ProgramCalls() {
            @Override
            public io.jrrtui.arch.FunctionCall.Returned call(io.jrrtui.arch.FunctionCall call) {
                return caller.call(call);
            }

            @Override
            public java.util.OptionalLong functionElsewhere(String name) {
                return caller.functionElsewhere(name);
            }

            @Override
            public Optional<Value> elsewhere(String name, io.jrrtui.eval.TargetAccess target) {
                return otherModules(ctx, module, name, target);
            }
        };
    }

    /**
     * name in another module, as gdb finds it: a global or function of its debug information, else
     * its ELF symbol — a function typed by the debug information of the function starting there
     * (printf is __printf's alias in libc) or without a type, a data symbol refused as gdb does.
     */
    private Optional<Value> otherModules(StopContext ctx, io.jrrtui.symbols.ModuleSymbols module, String name,
            io.jrrtui.eval.TargetAccess target) {
        List<LoadedModule> modules = ctx.otherModules(module);
        for (LoadedModule m : modules) {
            Optional<FrameScope> other = ctx.scopeIn(m, ctx.selected());
            Optional<Value> v = other.flatMap(o -> new ScopeContext(o, convenience).variable(name));
            if (v.isPresent()) return v;
        }
        for (LoadedModule m : image.modules()) {
            for (io.jrrtui.elf.ElfSymbol s : m.symbols().elf().symbols()) {
                if (!s.name().equals(name) || !s.isDefined() || s.value() == 0) continue;
                long addr = s.value() + m.symbols().bias();
                if (s.type() == io.jrrtui.elf.ElfSymbol.STT_OBJECT) {
                    throw new JrrException("'" + name + "' has unknown type; cast it to its declared type");
                }
                // an indirect function's symbol is its resolver: left out, as for calls
                if (s.type() != io.jrrtui.elf.ElfSymbol.STT_FUNC) continue;
                Optional<FrameScope> scope = ctx.scopeIn(m, ctx.selected());
                Optional<io.jrrtui.symbols.FunctionInfo> f = m.symbols().functionContaining(addr)
                        .filter(fi -> fi.entryPc() == addr && fi.die().isPresent());
                if (scope.isPresent() && f.isPresent()) return Optional.of(Value.inMemory(scope.get().types().of(f.get().die().get()), addr, target));
                return Optional.of(Value.functionWithoutDebugInfo(addr, target));
            }
        }
        return Optional.empty();
    }

    /** Registers, literals, convenience variables and other modules' symbols: a frame with no debug information anywhere. */
    private io.jrrtui.eval.EvalContext bare(StopContext ctx) {
        io.jrrtui.eval.TargetAccess access = ctx.access(ctx.selected());
        return new io.jrrtui.eval.EvalContext() {
            @Override public Optional<Value> variable(String name) { return Optional.empty(); }
            @Override public Optional<Type> type(String name) { return Optional.empty(); }
            @Override public io.jrrtui.eval.TargetAccess target() { return access; }
            @Override public Map<String, Value> convenience() { return convenience; }
            @Override public Optional<Value> elsewhere(String name) { return otherModules(ctx, null, name, access); }
        };
    }

    /** The selected frame's context: its scope, the program's with no debug information there, else the bare one. */
    private io.jrrtui.eval.EvalContext context(StopContext ctx) {
        Optional<FrameScope> scope = ctx.scope(ctx.selected());
        if (scope.isEmpty()) scope = ctx.programScope(ctx.selected());
        return scope.<io.jrrtui.eval.EvalContext>map(s -> new ScopeContext(s, convenience, calls(ctx, s.module()))).orElseGet(() -> bare(ctx));
    }

    Value evaluate(StopContext ctx, String expression) {
        Optional<FrameScope> scope = ctx.scope(ctx.selected());
        if (scope.isEmpty()) scope = ctx.programScope(ctx.selected());
        if (scope.isEmpty()) return new Evaluator(bare(ctx)).evaluate(expression);
        FrameScope s = scope.get();
        try {
            return new Evaluator(new ScopeContext(s, convenience, calls(ctx, s.module()))).evaluate(expression);
        } catch (JrrException e) {
            // stopped in a library with its own debug info: the program's globals are still visible
            Optional<FrameScope> program = ctx.programScope(ctx.selected());
            // (a call of the program's function from a library frame finds its symbol only there: no return type)
            boolean notHere = e.getMessage().startsWith("No symbol") || e.getMessage().contains("has unknown return type");
            if (!notHere || program.isEmpty() || program.get().module() == s.module()) throw e;
            return new Evaluator(new ScopeContext(program.get(), convenience, caller)).evaluate(expression);
        }
    }

    String print(StopContext ctx, String expression, String format) {
        Value v = evaluate(ctx, expression);
        if (printObject) {
            Value d = io.jrrtui.eval.DynamicTypes.of(v, n -> context(ctx).type(n), a -> image.symbols().symbolize(a));
            // a polymorphic object is prefixed with its type, as gdb's value_full_object printing does
            if (format == null || format.isEmpty()) {
                String shown = formatter.format(d);
                return io.jrrtui.eval.DynamicTypes.isPolymorphicObject(d) ? "(" + d.type().name() + ") " + shown : shown;
            }
            v = d;
        }
        if (format == null || format.isEmpty()) return formatter.format(v);
        // aggregates take the format member by member, as gdb's print/x {...} does
        return v.type().strip().isScalar() ? Formats.format(v, format.charAt(0), formatter) : formatter.format(v, format.charAt(0));
    }

    /** print once the program has exited: literals and convenience variables; registers and the program's names are gone. */
    String printWithoutProcess(String expression, String format) {
        io.jrrtui.eval.TargetAccess none = new io.jrrtui.eval.TargetAccess() {
            @Override public byte[] readMemory(long addr, int len) { throw new JrrException(String.format("Cannot access memory at address 0x%x", addr)); }
            @Override public long register(int dwarfRegNo) { throw new JrrException("No registers."); }
            @Override public long cfa() { throw new JrrException("No registers."); }
            @Override public long pc() { throw new JrrException("No registers."); }
        };
        io.jrrtui.eval.EvalContext gone = new io.jrrtui.eval.EvalContext() {
            @Override public Optional<Value> variable(String name) { throw new JrrException("The program is not being run."); }
            @Override public Optional<Type> type(String name) { return Optional.empty(); }
            @Override public io.jrrtui.eval.TargetAccess target() { return none; }
            @Override public Map<String, Value> convenience() { return convenience; }
        };
        Value v = new Evaluator(gone).evaluate(expression);
        if (format == null || format.isEmpty()) return formatter.format(v);
        return v.type().strip().isScalar() ? Formats.format(v, format.charAt(0), formatter) : formatter.format(v, format.charAt(0));
    }

    String ptype(StopContext ctx, String expression) {
        Type t = new Evaluator(context(ctx)).typeOf(expression);
        return "type = " + realType(ctx, expression, t) + TypeNames.ptype(t);
    }

    String whatis(StopContext ctx, String expression) {
        String name = new Evaluator(context(ctx)).whatis(expression);
        return "type = " + (printObject ? realType(ctx, expression, new Evaluator(context(ctx)).typeOf(expression)) : "") + name;
    }

    /** gdb's set print object (see {@link io.jrrtui.eval.DynamicTypes}). */
    private boolean printObject;

    void setPrintObject(boolean on) {
        printObject = on;
    }

    /**
     * "/* real type = Rect * *&#47;\n" before ptype/whatis of a pointer or reference to a polymorphic
     * object whose vtable names another type, with print object on; else "". An expression with a
     * call is not evaluated for it (ptype never runs calls).
     */
    private String realType(StopContext ctx, String expression, Type t) {
        Type s = t.strip();
        if (!printObject || !(s instanceof Type.Pointer || s instanceof Type.Reference) || expression.matches(".*[\\w)]\\s*\\(.*")) return "";
        try {
            Value v = evaluate(ctx, expression);
            Value d = io.jrrtui.eval.DynamicTypes.of(v, n -> context(ctx).type(n), a -> image.symbols().symbolize(a));
            return d.type().name().equals(v.type().name()) ? "" : "/* real type = " + d.type().name() + " */\n";
        } catch (JrrException e) {
            return "";
        }
    }

    String formatValue(Value v) {
        return formatter.format(v);
    }

    List<Variable> registers(Registers r) {
        List<Variable> out = new ArrayList<>();
        String[] order = {"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13",
            "r14", "r15", "rip", "eflags", "cs", "ss", "ds", "es", "fs", "gs", "fs_base", "gs_base"};
        for (String name : order) {
            long v = r.get(Registers.indexOf(name));
            String natural;
            if (name.equals("rip")) {
                natural = String.format("0x%x", v) + image.symbols().symbolize(v).map(s -> " <" + s + ">").orElse("");
            } else if (name.equals("eflags")) {
                natural = Formats.eflags(v);
            } else if (name.equals("rbp") || name.equals("rsp")) {
                natural = String.format("0x%x", v);
            } else {
                natural = Long.toString(v);
            }
            out.add(new Variable(name, String.format("0x%-16x  %s", v, natural)));
        }
        return out;
    }

    String lineInfo(long pc) {
        Optional<SourceLine> l = image.symbols().lineAt(pc);
        if (l.isEmpty()) {
            return String.format("No line number information available for address 0x%x%s", pc,
                    image.symbols().symbolize(pc).map(s -> " <" + s + ">").orElse(""));
        }
        SourceLine s = l.get();
        return String.format("Line %d of \"%s\" starts at address 0x%x%s and ends at 0x%x%s.", s.line(), s.baseName(),
                s.startPc(), sym(s.startPc()), s.endPc(), sym(s.endPc()));
    }

    private String sym(long a) {
        return image.symbols().symbolize(a).map(x -> " <" + x + ">").orElse("");
    }

    List<String> frameDescription(StopContext ctx) {
        int level = ctx.selected();
        Frame f = ctx.frame(level);
        List<String> out = new ArrayList<>();
        String at = f.cfa().isPresent() ? String.format("0x%x", f.cfa().getAsLong()) : "<unknown>";
        out.add("Stack level " + level + ", frame at " + at + ":");
        SourceLocation loc = location(f.pc(), f.pcIsExact());
        String where = loc.function() == null ? "??" : loc.function();
        if (loc.hasLine()) where += " (" + baseName(loc.file()) + ":" + loc.line() + ")";
        String saved = level + 1 < ctx.frames().size() ? String.format("; saved rip = 0x%x", ctx.frame(level + 1).pc()) : "";
        out.add(String.format(" rip = 0x%x in %s%s", f.pc(), where, saved));
        // gdb's links, on one line; main's caller is not shown (gdb's backtrace past-main off)
        List<String> links = new ArrayList<>();
        if (!"main".equals(loc.function()) && level + 1 < ctx.frames().size() && ctx.frame(level + 1).cfa().isPresent()) {
            links.add(String.format("called by frame at 0x%x", ctx.frame(level + 1).cfa().getAsLong()));
        }
        if (level > 0 && ctx.frame(level - 1).cfa().isPresent()) {
            links.add(String.format("caller of frame at 0x%x", ctx.frame(level - 1).cfa().getAsLong()));
        }
        if (!links.isEmpty()) out.add(" " + String.join(", ", links));
        List<Variable> args = frameArgs(ctx, level);
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < args.size(); i++) a.append(i > 0 ? ", " : "").append(args.get(i).name()).append('=').append(args.get(i).value());
        out.addAll(FrameFacts.describe(image, f, a.toString()));
        return out;
    }

    static String baseName(String file) {
        if (file == null) return null;
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }
}
