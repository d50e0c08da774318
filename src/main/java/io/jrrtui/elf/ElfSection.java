package io.jrrtui.elf;

import java.nio.ByteBuffer;

/**
 * One section header with its name. {@link #data()} returns the contents, decompressed when the
 * section is SHF_COMPRESSED; {@link #size()} is the uncompressed size.
 */
public final class ElfSection {
    public static final int SHT_NOBITS = 8;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_DYNSYM = 11;
    public static final int SHT_NOTE = 7;
    public static final long SHF_ALLOC = 0x2;
    public static final long SHF_EXECINSTR = 0x4;
    public static final long SHF_COMPRESSED = 0x800;

    private final ElfFile file;
    private final int index;
    private final String name;
    private final int type;
    private final long flags;
    private final long addr;
    private final long offset;
    private final long fileSize;
    private final int link;
    private final int info;
    private final long entSize;
    private volatile ByteBuffer data;

    ElfSection(ElfFile file, int index, String name, int type, long flags, long addr, long offset,
               long fileSize, int link, int info, long entSize) {
        this.file = file;
        this.index = index;
        this.name = name;
        this.type = type;
        this.flags = flags;
        this.addr = addr;
        this.offset = offset;
        this.fileSize = fileSize;
        this.link = link;
        this.info = info;
        this.entSize = entSize;
    }

    public int index() { return index; }
    public String name() { return name; }
    public int type() { return type; }
    public long flags() { return flags; }
    public long addr() { return addr; }
    public long offset() { return offset; }
    public int link() { return link; }
    public int info() { return info; }
    public long entSize() { return entSize; }
    public boolean isCompressed() { return (flags & SHF_COMPRESSED) != 0; }
    public boolean isAlloc() { return (flags & SHF_ALLOC) != 0; }
    public boolean isExec() { return (flags & SHF_EXECINSTR) != 0; }
    /** Size in the file (compressed size for compressed sections; 0 for NOBITS). */
    public long fileSize() { return type == SHT_NOBITS ? 0 : fileSize; }

    /** Size of the contents as the program sees them (uncompressed; sh_size for NOBITS). */
    public long size() {
        if (isCompressed()) return data().limit();
        return fileSize;
    }

    public boolean contains(long address) {
        return isAlloc() && Long.compareUnsigned(address - addr, fileSize) < 0;
    }

    /** The contents as a little-endian read-only buffer positioned at 0. */
    public ByteBuffer data() {
        ByteBuffer d = data;
        if (d == null) {
            d = type == SHT_NOBITS ? ByteBuffer.allocate(0) : file.sectionBytes(this);
            data = d;
        }
        return d.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    public ByteReader reader() { return new ByteReader(data(), name); }

    @Override public String toString() {
        return String.format("[%d] %s addr=0x%x size=0x%x", index, name, addr, fileSize);
    }
}
