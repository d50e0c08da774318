package io.jrrtui.unwind;

import static io.jrrtui.unwind.CfiBytes.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSection;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Each DW_CFA instruction on crafted CIE/FDE bytes, both section kinds, and malformed input. */
class CfiInstructionsTest {
    private static final long FN = 0x1000;
    /** The usual x86-64 CIE: CFA = rsp+8, ra at CFA-8. */
    private static final byte[] CIE = b(0x0c, 7, 8, 0x90, 1);

    private static UnwindRow row(byte[] fde, long pc) {
        CallFrameInfo cfi = CallFrameInfo.fromSections(CfiBytes.ehFrame(CIE, FN, 0x100, fde), CfiBytes.VADDR,
                null, 0, null);
        return cfi.rowAt(pc).orElseThrow();
    }

    private static CfaRule.RegisterOffset cfa(UnwindRow r) {
        return assertInstanceOf(CfaRule.RegisterOffset.class, r.cfa());
    }

    @Test
    void cieInitialRowAndRange() {
        UnwindRow r = row(b(), FN);
        assertEquals(new CfaRule.RegisterOffset(7, 8), r.cfa());
        assertEquals(new RegisterRule.Offset(-8), r.rule(16));
        assertEquals(16, r.returnAddressRegister());
        CallFrameInfo cfi = CallFrameInfo.fromSections(CfiBytes.ehFrame(CIE, FN, 0x100, b()), CfiBytes.VADDR,
                null, 0, null);
        assertTrue(cfi.rowAt(FN - 1).isEmpty());
        assertTrue(cfi.rowAt(FN + 0x100).isEmpty());
        assertTrue(cfi.rowAt(FN + 0xff).isPresent());
    }

    @Test
    void advanceLocVariantsAndSetLoc() {
        // advance_loc 1; def_cfa_offset 16; advance_loc1 3; def_cfa_offset 24; advance_loc2 0x10;
        // def_cfa_offset 32; advance_loc4 0x20; def_cfa_offset 40
        byte[] fde = b(0x41, 0x0e, 16, 0x02, 3, 0x0e, 24, 0x03, 0x10, 0, 0x0e, 32, 0x04, 0x20, 0, 0, 0, 0x0e, 40);
        assertEquals(8, cfa(row(fde, FN)).offset());
        assertEquals(16, cfa(row(fde, FN + 1)).offset());
        assertEquals(16, cfa(row(fde, FN + 3)).offset());
        assertEquals(24, cfa(row(fde, FN + 4)).offset());
        assertEquals(32, cfa(row(fde, FN + 0x14)).offset());
        assertEquals(40, cfa(row(fde, FN + 0x34)).offset());
        // debug_frame: DW_CFA_set_loc takes a plain 8-byte address
        byte[] setLoc = b(0x01, 0x08, 0x10, 0, 0, 0, 0, 0, 0, 0x0e, 48);
        CallFrameInfo dbg = CallFrameInfo.fromSections(null, 0, null, 0,
                CfiBytes.debugFrame(1, CIE, FN, 0x100, setLoc));
        assertEquals(8, cfa(dbg.rowAt(FN + 7).orElseThrow()).offset());
        assertEquals(48, cfa(dbg.rowAt(FN + 8).orElseThrow()).offset());
    }

    @Test
    void offsetRulesAllForms() {
        // offset rbx 2 (-16); offset_extended r12 3; offset_extended_sf r13 -4 (*-8 = 32);
        // GNU_negative_offset_extended r14 1 (+8); val_offset r15 2; val_offset_sf rbp -1
        byte[] fde = b(0x83, 2, 0x05, 12, 3, 0x11, 13, 0x7c, 0x2f, 14, 1, 0x14, 15, 2, 0x15, 6, 0x7f);
        UnwindRow r = row(fde, FN);
        assertEquals(new RegisterRule.Offset(-16), r.rule(3));
        assertEquals(new RegisterRule.Offset(-24), r.rule(12));
        assertEquals(new RegisterRule.Offset(32), r.rule(13));
        assertEquals(new RegisterRule.Offset(8), r.rule(14));
        assertEquals(new RegisterRule.ValOffset(-16), r.rule(15));
        assertEquals(new RegisterRule.ValOffset(8), r.rule(6));
    }

    @Test
    void undefinedSameValueRegisterAndRestore() {
        // offset rbx; undefined rip; same_value rbp; register r12 in rax; advance 1; restore rbx;
        // restore_extended rip (back to the CIE's c-8)
        byte[] fde = b(0x83, 2, 0x07, 16, 0x08, 6, 0x09, 12, 0, 0x41, 0xc3, 0x06, 16);
        UnwindRow before = row(fde, FN);
        assertEquals(RegisterRule.UNDEFINED, before.rule(16));
        assertEquals(RegisterRule.SAME_VALUE, before.rule(6));
        assertEquals(new RegisterRule.InRegister(0), before.rule(12));
        UnwindRow after = row(fde, FN + 1);
        assertEquals(null, after.rule(3)); // the CIE says nothing about rbx
        assertEquals(new RegisterRule.Offset(-8), after.rule(16));
    }

    @Test
    void rememberAndRestoreState() {
        // def_cfa_offset 16; offset rbp; remember; advance 1; def_cfa rsp 8; undefined rbp;
        // advance 1; restore_state
        byte[] fde = b(0x0e, 16, 0x86, 2, 0x0a, 0x41, 0x0c, 7, 8, 0x07, 6, 0x41, 0x0b);
        assertEquals(8, cfa(row(fde, FN + 1)).offset());
        assertEquals(RegisterRule.UNDEFINED, row(fde, FN + 1).rule(6));
        assertEquals(16, cfa(row(fde, FN + 2)).offset());
        assertEquals(new RegisterRule.Offset(-16), row(fde, FN + 2).rule(6));
        assertThrows(JrrException.class, () -> row(b(0x0b), FN));
    }

    @Test
    void defCfaForms() {
        // def_cfa_register rbp (offset stays 8); advance; def_cfa_sf rbp 2 (*-8 = -16); advance;
        // def_cfa_offset_sf -3 (= 24)
        byte[] fde = b(0x0d, 6, 0x41, 0x12, 6, 2, 0x41, 0x13, 0x7d);
        assertEquals(new CfaRule.RegisterOffset(6, 8), row(fde, FN).cfa());
        assertEquals(new CfaRule.RegisterOffset(6, -16), row(fde, FN + 1).cfa());
        assertEquals(new CfaRule.RegisterOffset(6, 24), row(fde, FN + 2).cfa());
    }

    @Test
    void expressionsAndArgsSize() {
        // GNU_args_size 16; def_cfa_expression [breg7 8]; expression rbx [breg7 0];
        // val_expression rbp [lit5]
        byte[] fde = b(0x2e, 16, 0x0f, 2, 0x77, 8, 0x10, 3, 2, 0x77, 0, 0x16, 6, 1, 0x35);
        UnwindRow r = row(fde, FN);
        assertInstanceOf(CfaRule.Expression.class, r.cfa());
        assertInstanceOf(RegisterRule.Expression.class, r.rule(3));
        assertInstanceOf(RegisterRule.ValExpression.class, r.rule(6));
        // def_cfa_offset after an expression has no register to keep
        assertThrows(JrrException.class, () -> row(b(0x0f, 1, 0x30, 0x0e, 8), FN));
    }

    @Test
    void debugFrameCieVersions134() {
        byte[] fde = b(0x41, 0x0e, 16, 0x86, 2);
        for (int v : new int[] {1, 3, 4}) {
            CallFrameInfo cfi = CallFrameInfo.fromSections(null, 0, null, 0, CfiBytes.debugFrame(v, CIE, FN, 0x10, fde));
            UnwindRow r = cfi.rowAt(FN + 1).orElseThrow();
            assertEquals(new CfaRule.RegisterOffset(7, 16), r.cfa(), "version " + v);
            assertEquals(new RegisterRule.Offset(-16), r.rule(6), "version " + v);
        }
        // an FDE whose CIE has an unknown version gives no CFI for its range (and hides no other FDE)
        assertTrue(CallFrameInfo.fromSections(null, 0, null, 0, CfiBytes.debugFrame(2, CIE, FN, 0x10, fde))
                .rowAt(FN).isEmpty());
    }

    @Test
    void unknownInstructionIsAClearError() {
        JrrException e = assertThrows(JrrException.class, () -> row(b(0x3f), FN));
        assertTrue(e.getMessage().contains("unknown CFA instruction 0x3f"), e.getMessage());
    }

    @Test
    void randomCorruptionOnlyEverGivesJrrException() {
        ByteBuffer good = CfiBytes.ehFrame(CIE, FN, 0x100, b(0x41, 0x0e, 16, 0x86, 2, 0x0a, 0x41, 0x0b));
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[good.remaining()];
            good.duplicate().get(bytes);
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
            }
            try {
                CallFrameInfo cfi = CallFrameInfo.fromSections(ByteBuffer.wrap(bytes), CfiBytes.VADDR, null, 0, null);
                cfi.rowAt(FN + r.nextInt(0x120));
                cfi.rowAt(FN);
            } catch (JrrException expected) {
                // fine: a clear error; anything else fails the test
            }
        }
    }

    @Test
    void ehFrameHdrSearchAgreesWithFullScan() {
        Path libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        Assumptions.assumeTrue(Files.exists(libc), "no libc.so.6 here");
        ElfFile elf = ElfFile.open(libc);
        ElfSection eh = elf.section(".eh_frame").orElseThrow();
        ElfSection text = elf.section(".text").orElseThrow();
        CallFrameInfo withHdr = CallFrameInfo.of(elf);
        CallFrameInfo scan = CallFrameInfo.fromSections(eh.data(), eh.addr(), null, 0, null);
        Random r = new Random(1);
        int found = 0;
        for (int i = 0; i < 2000; i++) {
            long pc = text.addr() + (long) (r.nextDouble() * text.size());
            Optional<UnwindRow> a = withHdr.rowAt(pc);
            assertEquals(scan.rowAt(pc).map(UnwindRow::cfa), a.map(UnwindRow::cfa), "pc 0x" + Long.toHexString(pc));
            found += a.isPresent() ? 1 : 0;
        }
        assertTrue(found > 1500, "most of libc's text has CFI: " + found);
    }
}
