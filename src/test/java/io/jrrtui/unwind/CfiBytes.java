package io.jrrtui.unwind;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds small .eh_frame / .debug_frame sections (one CIE, one FDE) for unit tests. */
final class CfiBytes {
    static final long VADDR = 0x2000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private CfiBytes() {
    }

    static byte[] b(int... v) {
        byte[] r = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (byte) v[i];
        }
        return r;
    }

    private void u8(int v) {
        out.write(v);
    }

    private void u32(long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    private void u64(long v) {
        u32(v);
        u32(v >>> 32);
    }

    private void bytes(byte[] b) {
        out.write(b, 0, b.length);
    }

    private void pad(int entryStart) {
        while ((out.size() - entryStart) % 8 != 0) {
            u8(0); // DW_CFA_nop
        }
    }

    private void patchLength(int entryStart) {
        byte[] all = out.toByteArray();
        long len = all.length - entryStart - 4;
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt(entryStart, (int) len);
        out.reset();
        out.write(all, 0, all.length);
    }

    /** .eh_frame at {@link #VADDR}: CIE "zR" (pcrel|sdata4), code align 1, data align -8, ra 16. */
    static ByteBuffer ehFrame(byte[] cieInstr, long pcBegin, long pcLen, byte[] fdeInstr) {
        CfiBytes c = new CfiBytes();
        c.u32(0);
        c.u32(0); // CIE id
        c.u8(1);
        c.bytes(b('z', 'R', 0));
        c.u8(1); // code align
        c.u8(0x78); // data align -8
        c.u8(16); // return address column
        c.u8(1); // augmentation length
        c.u8(0x1b); // FDE encoding: pcrel | sdata4
        c.bytes(cieInstr);
        c.pad(0);
        c.patchLength(0);
        int fde = c.out.size();
        c.u32(0);
        c.u32(fde + 4); // back-pointer to the CIE at offset 0
        long field = VADDR + c.out.size();
        c.u32(pcBegin - field);
        c.u32(pcLen);
        c.u8(0); // augmentation data length
        c.bytes(fdeInstr);
        c.pad(fde);
        c.patchLength(fde);
        c.u32(0); // terminator
        return ByteBuffer.wrap(c.out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** .debug_frame with a CIE of {@code version} (1, 3 or 4). */
    static ByteBuffer debugFrame(int version, byte[] cieInstr, long pcBegin, long pcLen, byte[] fdeInstr) {
        CfiBytes c = new CfiBytes();
        c.u32(0);
        c.u32(0xffffffffL);
        c.u8(version);
        c.u8(0); // empty augmentation
        if (version == 4) {
            c.u8(8);
            c.u8(0);
        }
        c.u8(1);
        c.u8(0x78);
        c.u8(16); // ra column (one-byte ULEB for versions 3/4 as well)
        c.bytes(cieInstr);
        c.pad(0);
        c.patchLength(0);
        int fde = c.out.size();
        c.u32(0);
        c.u32(0); // CIE offset
        c.u64(pcBegin);
        c.u64(pcLen);
        c.bytes(fdeInstr);
        c.pad(fde);
        c.patchLength(fde);
        return ByteBuffer.wrap(c.out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    }
}
