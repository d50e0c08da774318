package io.jrrtui.unwind;

import java.nio.ByteBuffer;

/** How to compute the canonical frame address: register + offset, or a DWARF expression. */
public sealed interface CfaRule {
    record RegisterOffset(int register, long offset) implements CfaRule {
    }

    record Expression(ByteBuffer expression) implements CfaRule {
    }
}
