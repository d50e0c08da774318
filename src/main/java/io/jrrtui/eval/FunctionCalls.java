package io.jrrtui.eval;

import io.jrrtui.arch.FunctionCall;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A call expression ({@code f(3)}, {@code fp(x, 2.5)}, {@code (int) puts("hi")}) as the SysV x86-64
 * ABI wants it: the arguments converted to the prototype's parameter types (or promoted, as C does,
 * without one) and classed into integer and SSE registers; the result read back from rax or xmm0 as
 * the return type says. What the ABI would pass or return in memory (structures, long double) and
 * variadic arguments other than integers and pointers are refused before anything runs.
 */
final class FunctionCalls {
    /**
     * The return type given to a function without debug information: gdb refuses to guess it, and
     * so do we, by identity (a real {@code int} never is this object).
     */
    static final Type.Base UNKNOWN_RETURN = new Type.Base("int", 4, Type.Base.Encoding.SIGNED);

    /** What is kept of the memory a returned pointer points to (a string, a structure). */
    static final int READ_BACK = 4096;

    private FunctionCalls() {}

    /** The function to call: a function itself or a pointer to one, with its address. */
    record Callee(String name, long address, Type.Function type) {}

    static Callee callee(String name, Value f) {
        Type t = f.dereferenced().type().strip();
        if (t instanceof Type.Function fn && f.address().isPresent()) return new Callee(name, f.address().getAsLong(), fn);
        if (t instanceof Type.Pointer p && p.target().strip() instanceof Type.Function fn) return new Callee(name, f.asLong(), fn);
        throw new JrrException("Cannot perform a function call on a value that is not a function (" + t.name() + ").");
    }

    /** The machine-level call, or a refusal that says why; returnType is the one the result will have. */
    static FunctionCall plan(Callee c, List<Value> args, Type returnType) {
        checkReturnType(c.name(), returnType);
        Type.Function fn = c.type();
        List<Type> params = fn.params();
        if (fn.prototyped() && args.size() < params.size()) throw new JrrException("Too few arguments in function call.");
        // more arguments than parameters: gdb passes them all, and so do we
        List<FunctionCall.IntegerArg> ints = new ArrayList<>();
        List<Long> sse = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Value a = args.get(i).dereferenced();
            boolean declared = fn.prototyped() && i < params.size();
            Type to = declared ? params.get(i).strip() : promoted(a.type().strip());
            if (to instanceof Type.Base b && b.isFloat()) {
                if (!declared && fn.varargs()) throw new JrrException("Cannot pass " + a.type().name() + " to the variadic part of " + c.name()
                        + "(): jrrtui passes only integers and pointers there.");
                if (b.size() > 8) throw new JrrException("Cannot pass a long double argument: the ABI passes it in memory, which jrrtui does not set up.");
                double d = a.asDouble();
                sse.add(b.size() == 4 ? Float.floatToRawIntBits((float) d) & 0xffffffffL : Double.doubleToRawLongBits(d));
            } else if (to instanceof Type.Struct || to instanceof Type.Array && declared) {
                throw new JrrException("Cannot pass a " + to.name() + " by value: jrrtui passes integers, pointers and floating-point values only.");
            } else {
                ints.add(integerArg(a, to));
            }
        }
        if (ints.size() > FunctionCall.INTEGER_REGISTERS || sse.size() > FunctionCall.SSE_REGISTERS) {
            throw new JrrException("Cannot call " + c.name() + "() with arguments on the stack: jrrtui passes up to six integer and eight "
                    + "floating-point arguments, in registers.");
        }
        return new FunctionCall(c.name(), c.address(), ints, sse, returnType.strip() instanceof Type.Pointer ? READ_BACK : 0);
    }

    /** Refuses, before the call, a return type the ABI returns in memory or that is unknown. */
    private static void checkReturnType(String name, Type returnType) {
        if (returnType == UNKNOWN_RETURN) throw new JrrException("'" + name + "' has unknown return type; cast the call to its declared return type");
        Type r = returnType.strip();
        if (r instanceof Type.Base b && b.isFloat() && b.size() > 8) {
            throw new JrrException("Cannot call " + name + "(): it returns a long double (in x87 st0), which jrrtui does not read back.");
        }
        if (r instanceof Type.Struct || r instanceof Type.Array) {
            throw new JrrException("Cannot call " + name + "(): it returns a " + r.name() + ", and jrrtui reads back only integers, "
                    + "pointers and floating-point values.");
        }
    }

    /** C's default promotions for an argument without a declared parameter: float to double, small integers to int. */
    private static Type promoted(Type t) {
        if (t instanceof Type.Base b && b.isFloat()) return b.size() < 8 ? Literals.DOUBLE : b;
        if ((t instanceof Type.Base || t instanceof Type.Enum) && t.size() < 4) return Literals.INT;
        return t;
    }

    private static FunctionCall.IntegerArg integerArg(Value a, Type to) {
        Type from = a.type().strip();
        if (from instanceof Type.Array) {
            if (a.address().isPresent()) return FunctionCall.IntegerArg.of(a.address().getAsLong());
            // a literal that lives nowhere in the program ("abc"): the callee gets a copy of it
            return new FunctionCall.IntegerArg(0, a.bytes().clone());
        }
        if (from instanceof Type.Function) return FunctionCall.IntegerArg.of(a.address().orElse(0));
        if (from instanceof Type.Struct) throw new JrrException("Cannot pass a " + from.name() + " by value: jrrtui passes integers, "
                + "pointers and floating-point values only.");
        long v = from instanceof Type.Base b && b.isFloat() ? (long) a.asDouble() : a.asLong();
        int size = (int) Math.max(1, Math.min(8, to.size()));
        if (size < 8) {
            int shift = 64 - 8 * size;
            v = Value.isSigned(to) ? (v << shift) >> shift : (v << shift) >>> shift;
        }
        if (to instanceof Type.Base b && b.isBool()) v = v != 0 ? 1 : 0;
        return FunctionCall.IntegerArg.of(v);
    }

    /**
     * The returned value as the return type says (void for void). A pointer reads what it points to
     * as the call left it (r.pointee()), then the program's memory: the copy the call ran in is gone.
     */
    static Value result(Type returnType, FunctionCall.Returned r, TargetAccess program) {
        Type t = returnType.strip();
        if (t instanceof Type.Void) return Value.ofBytes(returnType, new byte[0]);
        if (t instanceof Type.Base b && b.isFloat()) return Value.ofBytes(returnType, Arrays.copyOf(r.xmm0(), (int) b.size()));
        byte[] raw = Arrays.copyOf(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(r.rax()).array(),
                (int) Math.max(1, Math.min(8, t.size())));
        if (t instanceof Type.Pointer && program != null && r.pointee() != null && r.pointee().length > 0) {
            return Value.at(returnType, new Location.Implicit(raw), new AfterCall(program, r.rax(), r.pointee()));
        }
        return Value.ofBytes(returnType, raw);
    }

    /** The program's memory with the bytes a returned pointer points to as the call left them. */
    private record AfterCall(TargetAccess program, long at, byte[] kept) implements TargetAccess {
        @Override
        public byte[] readMemory(long addr, int len) {
            if (addr >= at && addr + len <= at + kept.length) return Arrays.copyOfRange(kept, (int) (addr - at), (int) (addr - at) + len);
            if (addr + len <= at || addr >= at + kept.length) return program.readMemory(addr, len);
            byte[] out = new byte[len];
            for (int i = 0; i < len; i++) {
                long a = addr + i;
                out[i] = a >= at && a < at + kept.length ? kept[(int) (a - at)] : program.readMemory(a, 1)[0];
            }
            return out;
        }

        @Override public long register(int dwarfRegNo) { return program.register(dwarfRegNo); }
        @Override public long cfa() { return program.cfa(); }
        @Override public long pc() { return program.pc(); }
    }

    /** What a call would give, without running it (ptype/whatis of a call, as gdb's "avoid side effects"). */
    static Value unrun(Type returnType) {
        Type t = returnType.strip();
        return Value.ofBytes(returnType, new byte[t instanceof Type.Void ? 0 : (int) Math.max(0, t.size())]);
    }
}
