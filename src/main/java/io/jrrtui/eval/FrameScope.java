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

    /** Locals as gdb's {@code info locals} lists them: innermost block first, declaration order. */
    public List<Variable> locals() {
        List<Variable> out = new ArrayList<>();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Die b = blocks.get(i);
            for (Die c : b.children()) {
                if (c.tag() != Dw.TAG_variable) continue;
                Optional<String> n = c.nameInherited();
                // gdb's info locals skips constants (DW_AT_const_value) as not being locals
                if (n.isEmpty() || c.rawInherited(Dw.AT_const_value).isPresent()) continue;
                boolean isStatic = c.raw(Dw.AT_location).map(v -> v.isExprloc() && firstOp(v) == 0x03).orElse(false);
                out.add(new Variable(n.get(), c, isStatic ? Variable.Kind.STATIC_LOCAL : Variable.Kind.LOCAL));
            }
            if (b.tag() == Dw.TAG_subprogram || b.tag() == Dw.TAG_inlined_subroutine) break;
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
            }
        }
        if (globals == null) return Optional.empty();
        io.jrrtui.dwarf.Unit unit = blocks.isEmpty() ? null : blocks.get(0).unit();
        return globals.lookup(name, unit).map(d -> new Variable(name, d, Variable.Kind.GLOBAL));
    }

    /** The value of a variable in this frame. */
    public Value value(Variable v) {
        Die d = v.die();
        Type t = types.of(d.typeInherited());
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
        long x = d.signed(Dw.AT_const_value).orElse(cv.value());
        return Value.ofLong(t, x);
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
