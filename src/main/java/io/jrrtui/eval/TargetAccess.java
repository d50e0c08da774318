package io.jrrtui.eval;

/**
 * How evaluation reads the program: memory, the registers of the selected frame (DWARF numbering),
 * that frame's canonical frame address and pc. Implementations may throw
 * {@link io.jrrtui.util.JrrException} for unreadable memory or unknown registers.
 */
public interface TargetAccess {
    byte[] readMemory(long addr, int len);

    long register(int dwarfRegNo);

    long cfa();

    long pc();

    /**
     * The calling frame (its registers, CFA and return-address pc), used to recover values passed
     * in registers at function entry (DW_OP_entry_value); empty when unknown.
     */
    default java.util.Optional<TargetAccess> caller() {
        return java.util.Optional.empty();
    }
}
