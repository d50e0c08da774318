package io.jrrtui.dwarf;

import java.nio.ByteBuffer;

/**
 * One attribute's raw value as read from .debug_info. {@code value} holds the integer for constant,
 * flag, address, index, reference (already made section-relative) and section-offset forms; {@code
 * block} holds the bytes of block/exprloc/data16 forms; {@code string} holds DW_FORM_string.
 * Indexed forms (strx, addrx, rnglistx, loclistx) are resolved by {@link Die}.
 */
public record AttrValue(int at, int form, long value, ByteBuffer block, String string) {
    public boolean isBlock() { return block != null; }

    public boolean isReference() {
        return form == Dw.FORM_ref1 || form == Dw.FORM_ref2 || form == Dw.FORM_ref4 || form == Dw.FORM_ref8
                || form == Dw.FORM_ref_udata || form == Dw.FORM_ref_addr || form == Dw.FORM_ref_sig8;
    }

    /** Constant-class forms (data1..8, sdata, udata, implicit_const). */
    public boolean isConstant() {
        return form == Dw.FORM_data1 || form == Dw.FORM_data2 || form == Dw.FORM_data4 || form == Dw.FORM_data8
                || form == Dw.FORM_sdata || form == Dw.FORM_udata || form == Dw.FORM_implicit_const;
    }

    public boolean isSecOffset() {
        return form == Dw.FORM_sec_offset;
    }

    /** Whether a location attribute is a single expression (not a location list). */
    public boolean isExprloc() {
        return form == Dw.FORM_exprloc || form == Dw.FORM_block1 || form == Dw.FORM_block2
                || form == Dw.FORM_block4 || form == Dw.FORM_block;
    }

    public ByteBuffer blockView() {
        return block.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }
}
