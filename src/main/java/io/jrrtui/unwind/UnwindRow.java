package io.jrrtui.unwind;

import java.util.Collections;
import java.util.Map;

/**
 * The CFI row that applies at one pc: how to compute the CFA and each register of the caller. Registers
 * without an entry have no rule in the CFI (the unwinder treats callee-saved ones as "same value").
 *
 * @param pc the pc the row was computed for (module-relative, as in the ELF file)
 * @param functionStart start of the FDE's range
 * @param returnAddressRegister the column holding the return address (16 on x86-64)
 * @param signalFrame true for FDEs with the {@code S} augmentation (the pc is not a return address)
 */
public record UnwindRow(long pc, long functionStart, CfaRule cfa, Map<Integer, RegisterRule> rules,
        int returnAddressRegister, boolean signalFrame) {
    public UnwindRow {
        rules = Collections.unmodifiableMap(rules);
    }

    /** The rule for {@code register}, or null when the CFI says nothing about it. */
    public RegisterRule rule(int register) {
        return rules.get(register);
    }
}
