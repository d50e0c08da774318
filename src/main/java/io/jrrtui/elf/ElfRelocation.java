package io.jrrtui.elf;

/** One RELA relocation: where it applies, its type and symbol index (into the linked symbol table). */
public record ElfRelocation(long offset, int type, int symbolIndex, long addend) {
    public static final int R_X86_64_GLOB_DAT = 6;
    public static final int R_X86_64_JUMP_SLOT = 7;
}
