package io.jrrtui.debugger;

import io.jrrtui.arch.Registers;
import io.jrrtui.dwarf.Die;
import io.jrrtui.eval.FrameScope;
import io.jrrtui.eval.Location;
import io.jrrtui.eval.Type;
import io.jrrtui.eval.TypeFactory;
import io.jrrtui.eval.Value;
import io.jrrtui.eval.ValueFormatter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Arguments and return values as the tracer prints them: from DWARF where the function has it
 * (gdb's print format), else the raw SysV integer argument registers and rax.
 */
final class CallTraceValues {
    private static final String[] ARG_REGS = {"rdi", "rsi", "rdx", "rcx", "r8", "r9"};
    private final TypeFactory types = new TypeFactory();
    private final ValueFormatter formatter;

    CallTraceValues(CallTraceImage image) {
        this.formatter = new ValueFormatter(a -> image.symbols().symbolize(a));
    }

    /** The arguments of f at a stop in its entry or after its prologue. */
    List<CallTraceLine.Arg> args(CallTraceFunction f, CallTraceFrames frames) {
        List<CallTraceLine.Arg> out = new ArrayList<>();
        if (f.dwarf().isEmpty()) {
            Registers r = frames.registers();
            for (String name : ARG_REGS) out.add(new CallTraceLine.Arg(name, String.format("0x%x", r.get(Registers.indexOf(name)))));
            return out;
        }
        FrameScope scope;
        try {
            scope = frames.scope(f, types);
        } catch (RuntimeException e) {
            return out; // no frame: print the call without arguments rather than fail the trace
        }
        List<String> described;
        try {
            described = scope.describe(scope.args(), formatter);
        } catch (RuntimeException e) {
            return List.of(new CallTraceLine.Arg("<error>", String.valueOf(e.getMessage())));
        }
        for (String line : described) {
            int eq = line.indexOf(" = ");
            out.add(eq < 0 ? new CallTraceLine.Arg(line, "") : new CallTraceLine.Arg(line.substring(0, eq), line.substring(eq + 3)));
        }
        return out;
    }

    /**
     * f's return value at its return address: rax for scalars and pointers, rax:rdx for small
     * integer aggregates, memory at rax for large ones (the SysV ABI); values in xmm registers are
     * not read (the tracer has no floating-point register access).
     */
    String returnValue(CallTraceFunction f, CallTraceFrames frames) {
        Registers r = frames.registers();
        if (f.dwarf().isEmpty()) return String.format("rax=0x%x", r.rax());
        Optional<Die> typeDie = f.dwarf().get().die().flatMap(Die::typeInherited);
        if (typeDie.isEmpty()) return "void";
        try {
            Type t = types.of(typeDie.get());
            Type s = t.strip();
            if (usesSse(s)) return "<in xmm0, not read>";
            if (s.size() > 16) return formatter.format(Value.inMemory(t, r.rax(), frames.access(0)));
            // rax, or rax:rdx for a small aggregate; the frame's memory stays reachable for what a pointer points to
            byte[] both = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(r.rax()).putLong(r.get(Registers.RDX)).array();
            byte[] bytes = Arrays.copyOf(both, (int) Math.max(1, Math.min(16, s.size())));
            return formatter.format(Value.at(t, new Location.Implicit(bytes), frames.access(0)));
        } catch (RuntimeException e) {
            // a value the formatter cannot show must not end the trace
            return "<error: " + e.getMessage() + ">";
        }
    }

    private static boolean usesSse(Type s) {
        if (s instanceof Type.Base b) return b.isFloat() || b.encoding() == Type.Base.Encoding.COMPLEX;
        if (s instanceof Type.Struct st) {
            for (Type.Member m : st.members()) if (usesSse(m.type().strip())) return true;
        }
        if (s instanceof Type.Array a) return usesSse(a.element().strip());
        return false;
    }
}
