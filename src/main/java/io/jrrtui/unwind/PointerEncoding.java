package io.jrrtui.unwind;

/**
 * DW_EH_PE pointer encodings used by {@code .eh_frame} and {@code .eh_frame_hdr}: a value format in the
 * low nibble, an application (pc-relative, data-relative...) in bits 4-6, and 0x80 for indirect.
 */
final class PointerEncoding {
    static final int OMIT = 0xff;
    static final int ABSPTR = 0x00;
    static final int PCREL = 0x10;
    static final int TEXTREL = 0x20;
    static final int DATAREL = 0x30;
    static final int FUNCREL = 0x40;
    static final int ALIGNED = 0x50;
    static final int INDIRECT = 0x80;

    /** Base addresses an encoded pointer may be relative to; unknown ones are 0. */
    record Bases(long sectionVaddr, long textBase, long dataBase, long funcBase) {
        Bases withFunc(long func) {
            return new Bases(sectionVaddr, textBase, dataBase, func);
        }
    }

    private PointerEncoding() {
    }

    /**
     * Reads a pointer with encoding {@code enc} at the cursor. An indirect pointer is returned as the
     * address of the slot holding it (no memory here); callers needing the target dereference it.
     */
    static long read(CfiCursor c, int enc, Bases bases) {
        if (enc == OMIT) {
            return 0;
        }
        long fieldVaddr = bases.sectionVaddr() + c.position();
        if ((enc & 0x70) == ALIGNED) {
            int misalign = (int) (fieldVaddr & 7);
            if (misalign != 0) {
                c.skip(8 - misalign);
            }
        }
        long value = readValue(c, enc & 0x0f);
        switch (enc & 0x70) {
            case ABSPTR:
            case ALIGNED:
                break;
            case PCREL:
                value += fieldVaddr;
                break;
            case TEXTREL:
                value += bases.textBase();
                break;
            case DATAREL:
                value += bases.dataBase();
                break;
            case FUNCREL:
                value += bases.funcBase();
                break;
            default:
                throw c.malformed("unknown pointer application 0x" + Integer.toHexString(enc));
        }
        return value;
    }

    /** Reads just the value format of {@code enc} (as FDE address ranges are encoded). */
    static long readValue(CfiCursor c, int format) {
        return switch (format) {
            case 0x00, 0x04, 0x0c -> c.u64();
            case 0x01 -> c.uleb();
            case 0x02 -> c.u16();
            case 0x03 -> c.u32();
            case 0x09 -> c.sleb();
            case 0x0a -> c.s16();
            case 0x0b -> c.s32();
            default -> throw c.malformed("unknown pointer format 0x" + Integer.toHexString(format));
        };
    }
}
