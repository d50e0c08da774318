package io.jrrtui.arch;

import java.util.List;

/**
 * A call of a function of the program as the SysV x86-64 ABI passes it, worked out by the
 * expression evaluator and run by a target: the integer-class arguments in the order of rdi, rsi,
 * rdx, rcx, r8, r9 and the SSE-class ones (raw low 64 bits) in xmm0..xmm7. An integer argument
 * with {@code pointee} bytes is a pointer to a copy of those bytes the target places in the
 * callee's memory (a string literal such as {@code f("abc")}); its {@code bits} are then unused.
 * The number of SSE arguments goes to al, as a variadic callee expects. {@code readBack}: how many
 * bytes to keep from the memory a returned pointer points to, read in the callee's process after the
 * call (its string or structure may be new, or changed by the call); 0 for other results.
 */
public record FunctionCall(String name, long address, List<IntegerArg> integerArgs, List<Long> sseArgs, int readBack) {
    /** At most six integer-class and eight SSE-class arguments go in registers; more is refused. */
    public static final int INTEGER_REGISTERS = 6, SSE_REGISTERS = 8;

    public FunctionCall {
        integerArgs = List.copyOf(integerArgs);
        sseArgs = List.copyOf(sseArgs);
    }

    /** One argument for rdi..r9: a value, or (pointee != null) the address of a copy of pointee. */
    public record IntegerArg(long bits, byte[] pointee) {
        public static IntegerArg of(long bits) {
            return new IntegerArg(bits, null);
        }
    }

    /**
     * What the callee left in the return registers (rax, rdx and xmm0's low 16 bytes) and up to
     * readBack bytes of memory at rax as the call left them (fewer where the mapping ends).
     */
    public record Returned(long rax, long rdx, byte[] xmm0, byte[] pointee) {}
}
