package io.jrrtui.elf;

/** One entry of .symtab or .dynsym. */
public record ElfSymbol(String name, long value, long size, int type, int binding, int sectionIndex,
                        boolean dynamic) {
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int STT_FILE = 4;
    public static final int STT_TLS = 6;
    public static final int STT_GNU_IFUNC = 10;
    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;
    public static final int SHN_UNDEF = 0;

    public boolean isFunction() { return type == STT_FUNC || type == STT_GNU_IFUNC; }
    public boolean isObject() { return type == STT_OBJECT || type == STT_TLS; }
    public boolean isDefined() { return sectionIndex != SHN_UNDEF; }

    /** Whether {@code addr} lies inside this symbol (a zero-sized symbol covers just its address). */
    public boolean covers(long addr) {
        return size == 0 ? addr == value : Long.compareUnsigned(addr - value, size) < 0;
    }
}
