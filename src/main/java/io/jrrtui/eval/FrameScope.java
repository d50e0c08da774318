package io.jrrtui.eval;

import io.jrrtui.dwarf.AttrValue;
import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.dwarf.LocationList;
import io.jrrtui.symbols.FunctionInfo;
import io.jrrtui.symbols.ModuleSymbols;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The variables visible in one frame: locals of the innermost block outwards, parameters, static
 * locals, then globals of the module. {@code lookupPc} is the pc used to find blocks (gdb uses pc-1
 * for caller frames so a call at the end of a block still counts as inside it); registers and CFA
 * come from {@code target}.
 */
public final class FrameScope {
    private final ModuleSymbols module;
    private final TypeFactory types;
    private final GlobalVariables globals;
    private final TargetAccess target;
    private final long lookupPc;
    private final Optional<FunctionInfo> function;
    private final List<Die> blocks;   // function first, innermost last

    public FrameScope(ModuleSymbols module, TypeFactory types, GlobalVariables globals, TargetAccess target, long lookupPc) {
        this.module = module;
        this.types = types;
        this.globals = globals;
        this.target = target;
        this.lookupPc = lookupPc;
        long a = lookupPc - module.bias();
        this.function = module.functionContaining(lookupPc).filter(f -> f.die().isPresent());
        this.blocks = function.flatMap(FunctionInfo::die).map(d -> ModuleSymbols.scopes(d, a)).orElse(List.of());
    }

    public Optional<FunctionInfo> function() { return function; }
    public TypeFactory types() { return types; }
    public TargetAccess target() { return target; }
    public ModuleSymbols module() { return module; }

    /** The innermost function's DIE (an inlined subroutine when the pc is inside one). */
    private Optional<Die> innermostFunction() {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            int t = blocks.get(i).tag();
            if (t == Dw.TAG_subprogram || t == Dw.TAG_inlined_subroutine) return Optional.of(blocks.get(i));
        }
        return Optional.empty();
    }

    /**
     * Locals as gdb's {@code info locals} lists them: innermost block first; a function's own
     * variables in declaration order, a nested block's in gdb's hash-table order.
     */
    public List<Variable> locals() {
        List<Variable> out = new ArrayList<>();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Die b = blocks.get(i);
            boolean functionBlock = b.tag() == Dw.TAG_subprogram || b.tag() == Dw.TAG_inlined_subroutine;
            List<Variable> mine = new ArrayList<>();
            for (Die c : b.children()) {
                if (c.tag() != Dw.TAG_variable) continue;
                Optional<String> n = c.nameInherited();
                // gdb's info locals skips constants (DW_AT_const_value) as not being locals
                if (n.isEmpty() || c.rawInherited(Dw.AT_const_value).isPresent()) continue;
                boolean isStatic = c.raw(Dw.AT_location).map(v -> v.isExprloc() && firstOp(v) == 0x03).orElse(false);
                mine.add(new Variable(n.get(), c, isStatic ? Variable.Kind.STATIC_LOCAL : Variable.Kind.LOCAL));
            }
            out.addAll(functionBlock ? mine : GdbBlockOrder.hashed(mine, GdbBlockOrder.symbolCount(b)));
            if (functionBlock) break;
        }
        return out;
    }

    private static int firstOp(AttrValue v) {
        ByteBuffer b = v.blockView();
        return b.hasRemaining() ? b.get(0) & 0xff : -1;
    }

    /** Parameters of the innermost function, in order. */
    public List<Variable> args() {
        List<Variable> out = new ArrayList<>();
        Optional<Die> fn = innermostFunction();
        if (fn.isEmpty()) return out;
        for (Die c : fn.get().children()) {
            if (c.tag() != Dw.TAG_formal_parameter) continue;
            out.add(new Variable(c.nameInherited().orElse("?"), c, Variable.Kind.PARAMETER));
        }
        return out;
    }

    /** A variable by name: locals (inner to outer), parameters, then globals. */
    public Optional<Variable> lookup(String name) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Die b = blocks.get(i);
            for (Die c : b.children()) {
                if ((c.tag() == Dw.TAG_variable || c.tag() == Dw.TAG_formal_parameter) && c.nameInherited().map(name::equals).orElse(false))
                    return Optional.of(new Variable(name, c, c.tag() == Dw.TAG_formal_parameter ? Variable.Kind.PARAMETER : Variable.Kind.LOCAL));
                // an enum declared inside the function: its constants are in scope there
                if (c.tag() == Dw.TAG_enumeration_type && !c.flag(Dw.AT_enum_class)) {
                    for (Die e : c.children()) {
                        if (e.tag() == Dw.TAG_enumerator && e.name().map(name::equals).orElse(false))
                            return Optional.of(new Variable(name, e, Variable.Kind.LOCAL));
                    }
                }
            }
        }
        if (globals == null) return Optional.empty();
        io.jrrtui.dwarf.Unit unit = blocks.isEmpty() ? null : blocks.get(0).unit();
        return globals.lookup(name, unit).map(d -> new Variable(name, d, Variable.Kind.GLOBAL));
    }

    /** A file-scope variable of the unit named file ({@code 'file.c'::name}). */
    public Optional<Variable> lookupInFile(String file, String name) {
        if (globals == null) return Optional.empty();
        return globals.lookupInFile(name, file).map(d -> new Variable(name, d, Variable.Kind.GLOBAL));
    }

    /** The value of a variable in this frame. */
    public Value value(Variable v) {
        Die d = v.die();
        // an enumerator is a constant of its enumeration's type
        Type t = d.tag() == Dw.TAG_enumerator ? types.of(d.parent()) : types.of(d.typeInherited());
        Optional<AttrValue> cv = d.rawInherited(Dw.AT_const_value);
        if (cv.isPresent()) return constValue(t, cv.get(), d);
        Optional<LocationList> loc = d.location(Dw.AT_location);
        if (loc.isEmpty()) return Value.at(t, new Location.OptimizedOut(), target);
        Optional<ByteBuffer> expr = loc.get().at(lookupPc - module.bias());
        if (expr.isEmpty()) return Value.at(t, new Location.OptimizedOut(), target);
        try {
            Location l = expression(d).evaluate(expr.get());
            return Value.at(t, l, target);
        } catch (DwarfExpression.OptimizedOutException e) {
            return Value.at(t, new Location.OptimizedOut(), target);
        }
    }

    private Value constValue(Type t, AttrValue cv, Die d) {
        if (cv.isBlock()) {
            ByteBuffer b = cv.blockView();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return Value.ofBytes(t, bytes);
        }
        // dataN is raw bits of the variable's type; ofLong keeps the type's width, asLong its sign
        return Value.ofLong(t, cv.value());
    }

    DwarfExpression expression(Die d) {
        return new DwarfExpression(target, this::frameBase, d.unit(), module.bias(), this::registerAtEntry);
    }

    /**
     * DW_OP_entry_value: the caller's call site for this frame's return address records what it
     * passed in {@code reg} (DW_AT_call_value), evaluated in the caller's frame.
     */
    long registerAtEntry(int reg) {
        TargetAccess callerTarget = target.caller().orElseThrow(DwarfExpression.OptimizedOutException::new);
        long ret = callerTarget.pc();
        if (!module.containsAddress(ret)) throw new DwarfExpression.OptimizedOutException();
        FrameScope caller = new FrameScope(module, types, globals, callerTarget, ret - 1);
        Die fn = caller.blocks.isEmpty() ? null : caller.blocks.get(0);
        if (fn == null) throw new DwarfExpression.OptimizedOutException();
        Die site = findCallSite(fn, ret - module.bias(), 0);
        if (site == null) throw new DwarfExpression.OptimizedOutException();
        for (Die p : site.children()) {
            if (p.tag() != Dw.TAG_call_site_parameter && p.tag() != Dw.TAG_GNU_call_site_parameter) continue;
            Optional<AttrValue> loc = p.raw(Dw.AT_location);
            if (loc.isEmpty() || !loc.get().isExprloc()) continue;
            ByteBuffer b = loc.get().blockView();
            int op = b.remaining() >= 1 ? b.get(0) & 0xff : -1;
            if (!(op == 0x50 + reg && b.remaining() == 1)) continue;
            Optional<AttrValue> val = p.raw(Dw.AT_call_value).or(() -> p.raw(Dw.AT_GNU_call_site_value));
            if (val.isEmpty() || !val.get().isExprloc()) continue;
            return caller.expression(p).evaluateToValue(val.get().blockView());
        }
        throw new DwarfExpression.OptimizedOutException();
    }

    private static Die findCallSite(Die scope, long returnPc, int depth) {
        if (depth > 32) return null;
        for (Die c : scope.children()) {
            if (c.tag() == Dw.TAG_call_site || c.tag() == Dw.TAG_GNU_call_site) {
                Optional<Long> at = c.raw(Dw.AT_call_return_pc).map(v -> v.value()).or(() -> c.lowPc());
                if (at.isPresent() && at.get() == returnPc) return c;
            } else if (c.tag() == Dw.TAG_lexical_block || c.tag() == Dw.TAG_inlined_subroutine) {
                Die d = findCallSite(c, returnPc, depth + 1);
                if (d != null) return d;
            }
        }
        return null;
    }

    /** DW_AT_frame_base of the enclosing concrete function. */
    long frameBase() {
        Die fn = blocks.isEmpty() ? null : blocks.get(0);
        if (fn == null) throw new JrrException("no frame base outside a function");
        Optional<LocationList> fb = fn.location(Dw.AT_frame_base);
        if (fb.isEmpty()) throw new JrrException("function has no frame base");
        ByteBuffer e = fb.get().at(lookupPc - module.bias()).orElseThrow(DwarfExpression.OptimizedOutException::new);
        return new DwarfExpression(target, () -> { throw new JrrException("recursive frame base"); }, fn.unit(), module.bias()).evaluateToValue(e);
    }

    /**
     * The argument list of a backtrace line as gdb prints it with {@code print frame-arguments
     * scalars}: {@code r=0x555555558100 <g_rec>, k=3}; structures, unions, arrays and references to
     * them show as {@code ...}.
     */
    public String frameArguments(ValueFormatter fmt) {
        List<String> parts = new ArrayList<>();
        for (Variable v : args()) {
            try {
                Value val = value(v);
                Type t = val.type().strip();
                Type shown = t instanceof Type.Reference r ? r.target().strip() : t;
                if (shown instanceof Type.Struct || shown instanceof Type.Array) {
                    parts.add(v.name() + "=...");
                    continue;
                }
                String actual = fmt.format(val, false, 0);
                Optional<Value> entry = entryValue(v);
                // gdb's "print entry-values default": val=val@entry=5 when equal, val@entry=5 when lost
                if (entry.isPresent() && val.isOptimizedOut()) {
                    parts.add(v.name() + "@entry=" + fmt.format(entry.get(), false, 0));
                } else if (entry.isPresent() && java.util.Arrays.equals(entry.get().bytes(), val.bytes())) {
                    parts.add(v.name() + "=" + v.name() + "@entry=" + actual);
                } else {
                    parts.add(v.name() + "=" + actual);
                }
            } catch (JrrException e) {
                parts.add(v.name() + "=<error: " + e.getMessage() + ">");
            }
        }
        return String.join(", ", parts);
    }

    /**
     * A parameter's value on entry to the function: when its location at the function's first
     * instruction is a register, the caller's call site tells what was passed in it.
     */
    Optional<Value> entryValue(Variable v) {
        if (blocks.isEmpty() || innermostFunction().map(d -> d.tag() == Dw.TAG_inlined_subroutine).orElse(true)) return Optional.empty();
        try {
            long entry = function.map(FunctionInfo::entryPc).orElse(0L) - module.bias();
            Optional<LocationList> loc = v.die().location(Dw.AT_location);
            if (loc.isEmpty()) return Optional.empty();
            Optional<ByteBuffer> expr = loc.get().at(entry);
            if (expr.isEmpty() || expr.get().remaining() != 1) return Optional.empty();
            int op = expr.get().get(0) & 0xff;
            if (op < 0x50 || op > 0x6f) return Optional.empty();
            Type t = types.of(v.die().typeInherited());
            if (t.size() > 8 || t.size() == 0) return Optional.empty();
            return Optional.of(Value.ofLong(t, registerAtEntry(op - 0x50)));
        } catch (JrrException e) {
            return Optional.empty();
        }
    }

    /**
     * A gdb backtrace line: {@code #1  0x000055555555531b in fill_and_stop (r=..., k=3) at sym_types.c:101}.
     * The address is shown unless the frame's pc starts its line (as for a breakpoint stop in frame 0).
     */
    public String frameLine(int level, long pc, ValueFormatter fmt) {
        String fn = function.map(FunctionInfo::name).orElse("??");
        java.util.Optional<io.jrrtui.symbols.SourceLine> line = module.lineAt(lookupPc);
        if (blocks.size() > 1) {
            for (int i = blocks.size() - 1; i >= 1; i--) {
                if (blocks.get(i).tag() == Dw.TAG_inlined_subroutine) {
                    fn = blocks.get(i).nameInherited().orElse(fn);
                    break;
                }
            }
        }
        boolean showAddress = line.map(l -> l.startPc() != pc).orElse(true);
        StringBuilder sb = new StringBuilder("#").append(level).append("  ");
        if (showAddress) sb.append(String.format("0x%016x in ", pc));
        sb.append(fn).append(" (").append(frameArguments(fmt)).append(")");
        line.ifPresent(l -> sb.append(" at ").append(l.displayName()).append(':').append(l.line()));
        return sb.toString();
    }

    /** Formats {@code info locals} / {@code info args} lines ({@code name = value}). */
    public List<String> describe(List<Variable> vars, ValueFormatter fmt) {
        List<String> out = new ArrayList<>();
        for (Variable v : vars) {
            String text;
            try {
                text = fmt.format(value(v), false, 0);
            } catch (JrrException e) {
                text = "<error: " + e.getMessage() + ">";
            }
            out.add(v.name() + " = " + text);
        }
        return out;
    }
}
