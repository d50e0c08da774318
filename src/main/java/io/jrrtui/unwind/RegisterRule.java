package io.jrrtui.unwind;

import java.nio.ByteBuffer;

/** How to recover a caller's register from the callee frame (DWARF 5, section 6.4.1). */
public sealed interface RegisterRule {
    /** The register's value is lost (e.g. the return address of the outermost frame). */
    record Undefined() implements RegisterRule {
    }

    /** The caller's value is the callee's value. */
    record SameValue() implements RegisterRule {
    }

    /** Saved in memory at CFA + offset. */
    record Offset(long offset) implements RegisterRule {
    }

    /** The value is CFA + offset itself. */
    record ValOffset(long offset) implements RegisterRule {
    }

    /** Saved in another register of the callee. */
    record InRegister(int register) implements RegisterRule {
    }

    /** Saved in memory at the address the expression computes (the CFA is pushed first). */
    record Expression(ByteBuffer expression) implements RegisterRule {
    }

    /** The value is what the expression computes (the CFA is pushed first). */
    record ValExpression(ByteBuffer expression) implements RegisterRule {
    }

    RegisterRule UNDEFINED = new Undefined();
    RegisterRule SAME_VALUE = new SameValue();
}
