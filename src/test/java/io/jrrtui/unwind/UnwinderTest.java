package io.jrrtui.unwind;

import static io.jrrtui.unwind.CfiBytes.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The unwinder on synthetic stacks: CFI, signal frames, frame pointers and every way to stop. */
class UnwinderTest {
    /** Word-addressed fake memory: only the addresses put here are readable. */
    static final class FakeMemory implements MemoryReader {
        final Map<Long, Long> words = new HashMap<>();

        FakeMemory put(long addr, long value) {
            words.put(addr, value);
            return this;
        }

        @Override
        public OptionalLong readU64(long address) {
            Long v = words.get(address);
            return v == null ? OptionalLong.empty() : OptionalLong.of(v);
        }
    }

    private static final ModuleLookup NO_MODULES = pc -> Optional.empty();

    private static Registers regs(long rip, long rsp, long rbp) {
        return Registers.empty().with(Registers.RIP, rip).with(Registers.RSP, rsp).with(Registers.RBP, rbp)
                .with(Registers.RBX, 0xb0b);
    }

    @Test
    void framePointerChainEndsAtZeroRbp() {
        FakeMemory m = new FakeMemory()
                .put(0x7000, 0x7100).put(0x7008, 0x401234) // frame 0's rbp -> caller
                .put(0x7100, 0).put(0x7108, 0x405678); // the next frame has rbp 0: it is the outermost
        List<Frame> frames = new Unwinder(m, NO_MODULES).unwind(regs(0x400100, 0x6ff0, 0x7000));
        assertEquals(3, frames.size());
        assertEquals(0x405678, frames.get(2).pc());
        assertEquals(OptionalLong.empty(), frames.get(2).cfa());
        assertEquals(0x401234, frames.get(1).pc());
        assertEquals(Frame.How.FRAME_POINTER, frames.get(1).reachedBy());
        assertEquals(OptionalLong.of(0x7010), frames.get(0).cfa());
        assertEquals(OptionalLong.of(0x7100), frames.get(1).registers().get(Registers.RBP));
        assertEquals(OptionalLong.of(0xb0b), frames.get(1).registers().get(Registers.RBX));
        assertFalse(frames.get(1).pcIsExact());
        assertEquals(0x401233, frames.get(1).lookupPc());
    }

    @Test
    void selfReferencingFramePointerDoesNotLoop() {
        FakeMemory m = new FakeMemory().put(0x7000, 0x7000).put(0x7008, 0x401234);
        List<Frame> frames = new Unwinder(m, NO_MODULES).unwind(regs(0x400100, 0x6ff0, 0x7000));
        assertTrue(frames.size() <= 3, "stopped: " + frames.size());
    }

    @Test
    void depthIsBounded() {
        FakeMemory m = new FakeMemory();
        for (long bp = 0x10000; bp < 0x10000 + 0x20 * 1000; bp += 0x20) {
            m.put(bp, bp + 0x20).put(bp + 8, 0x400000 + bp);
        }
        assertEquals(50, new Unwinder(m, NO_MODULES, 50).unwind(regs(0x400100, 0xff00, 0x10000)).size());
    }

    @Test
    void unreadableStackStopsCleanly() {
        List<Frame> frames = new Unwinder(new FakeMemory(), NO_MODULES).unwind(regs(0x400100, 0x6ff0, 0x7000));
        assertEquals(1, frames.size());
        assertEquals(0, new Unwinder(new FakeMemory(), NO_MODULES).unwind(Registers.empty()).size());
    }

    /** A module whose only function is at 0x1000..0x1100 with the given FDE instructions. */
    private static ModuleLookup module(long bias, byte[] fde) {
        ByteBuffer eh = CfiBytes.ehFrame(b(0x0c, 7, 8, 0x90, 1), 0x1000, 0x100, fde);
        UnwindModule mod = new UnwindModule("m", bias, CallFrameInfo.fromSections(eh, CfiBytes.VADDR, null, 0, null));
        return new ModuleMap().add(bias + 0x1000, bias + 0x1100, mod);
    }

    @Test
    void cfiRecoversCalleeSavedRegistersAndUsesLoadBias() {
        long bias = 0x555500000000L;
        // at 0x1004: CFA = rsp+24, rbx saved at CFA-16, ra at CFA-8
        ModuleLookup mods = module(bias, b(0x44, 0x0e, 24, 0x83, 2));
        FakeMemory m = new FakeMemory().put(0x8000 + 24 - 16, 0x1111).put(0x8000 + 24 - 8, 0x7777);
        List<Frame> frames = new Unwinder(m, mods).unwind(regs(bias + 0x1004, 0x8000, 0x9999));
        assertEquals(2, frames.size()); // 0x7777 is in no module and its frame pointer chain is unreadable
        Frame caller = frames.get(1);
        assertEquals(0x7777, caller.pc());
        assertEquals(Frame.How.CFI, caller.reachedBy());
        assertEquals(OptionalLong.of(0x8018), frames.get(0).cfa());
        assertEquals(OptionalLong.of(0x8018), caller.registers().get(Registers.RSP));
        assertEquals(OptionalLong.of(0x1111), caller.registers().get(Registers.RBX));
        assertEquals(OptionalLong.of(0x9999), caller.registers().get(Registers.RBP)); // no rule: same value
        assertTrue(frames.get(0).module().isPresent());
    }

    @Test
    void undefinedReturnAddressIsTheOutermostFrame() {
        ModuleLookup mods = module(0, b(0x07, 16)); // DW_CFA_undefined rip, like _start
        List<Frame> frames = new Unwinder(new FakeMemory(), mods).unwind(regs(0x1000, 0x8000, 0));
        assertEquals(1, frames.size());
        assertEquals(OptionalLong.of(0x8008), frames.get(0).cfa());
    }

    @Test
    void pltStyleCfaExpression() {
        // CFA = rsp + 8 + ((rip & 15) >= 11 ? 8 : 0), as in .plt sections
        byte[] expr = b(0x77, 8, 0x80, 0, 0x3f, 0x1a, 0x3b, 0x2a, 0x33, 0x24, 0x22);
        byte[] fde = new byte[2 + expr.length];
        fde[0] = 0x0f;
        fde[1] = (byte) expr.length;
        System.arraycopy(expr, 0, fde, 2, expr.length);
        ModuleLookup mods = module(0, fde);
        FakeMemory m = new FakeMemory().put(0x8000, 0x4444).put(0x8008, 0x5555);
        assertEquals(0x4444, new Unwinder(m, mods).unwind(regs(0x1002, 0x8000, 0)).get(1).pc());
        assertEquals(0x5555, new Unwinder(m, mods).unwind(regs(0x100c, 0x8000, 0)).get(1).pc());
    }

    @Test
    void signalTrampolineWithoutCfiReadsTheSigcontext() {
        long tramp = 0x7f0000001000L;
        long uc = 0x9000;
        ByteBuffer code = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        code.put(b(0x48, 0xc7, 0xc0, 0x0f, 0, 0, 0, 0x0f, 0x05, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0x90));
        FakeMemory m = new FakeMemory().put(tramp, code.getLong(0)).put(tramp + 8, code.getLong(8));
        long[] gregs = new long[23];
        for (int i = 0; i < gregs.length; i++) {
            gregs[i] = 0x100 + i; // REG_R8 = 0x100 ... REG_RIP = 0x110
        }
        gregs[15] = 0xa000; // interrupted rsp
        for (int i = 0; i < gregs.length; i++) {
            m.put(uc + Unwinder.UCONTEXT_GREGS_OFFSET + 8L * i, gregs[i]);
        }
        // frame 0 is the handler's caller slot: rip at the trampoline, rsp at the ucontext
        List<Frame> frames = new Unwinder(m, NO_MODULES).unwind(regs(tramp, uc, 0).with(Registers.RBP, 0));
        assertTrue(frames.size() >= 2);
        assertTrue(frames.get(0).signalTrampoline());
        Frame interrupted = frames.get(1);
        assertEquals(Frame.How.SIGNAL_CONTEXT, interrupted.reachedBy());
        assertTrue(interrupted.pcIsExact());
        assertEquals(0x110, interrupted.pc());
        assertEquals(OptionalLong.of(0x10d), interrupted.registers().get(Registers.RAX)); // REG_RAX = 13
        assertEquals(OptionalLong.of(0x10b), interrupted.registers().get(Registers.RBX)); // REG_RBX = 11
        assertEquals(OptionalLong.of(0xa000), interrupted.registers().get(Registers.RSP));
        assertEquals(OptionalLong.of(0x100), interrupted.registers().get(Registers.R8));
    }

    @Test
    void garbageStacksThroughRealLibcCfiTerminateWithoutExceptions() {
        java.nio.file.Path libc = java.nio.file.Path.of("/lib/x86_64-linux-gnu/libc.so.6");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(libc), "no libc.so.6 here");
        io.jrrtui.elf.ElfFile elf = io.jrrtui.elf.ElfFile.open(libc);
        long bias = 0x7f0000000000L;
        io.jrrtui.elf.ElfSection text = elf.section(".text").orElseThrow();
        UnwindModule mod = UnwindModule.of("libc", elf, bias);
        ModuleMap mods = new ModuleMap().add(bias, bias + 0x200000, mod);
        java.util.Random r = new java.util.Random(3);
        int viaCfi = 0;
        // every word of memory is pseudo-random but stable; half of them point into libc's text
        MemoryReader garbage = addr -> {
            long h = (addr * 0x9E3779B97F4A7C15L) ^ (addr >>> 29);
            return OptionalLong.of((h & 1) == 0 ? bias + text.addr() + Math.floorMod(h, text.size()) : h);
        };
        for (int i = 0; i < 300; i++) {
            long pc = bias + text.addr() + (long) (r.nextDouble() * text.size());
            Registers start = Registers.empty();
            for (int reg = 0; reg < Registers.COUNT; reg++) {
                start = start.with(reg, r.nextLong());
            }
            start = start.with(Registers.RIP, pc).with(Registers.RSP, 0x7ffc00000000L + r.nextInt(1 << 20) * 8L);
            List<Frame> frames = new Unwinder(garbage, mods, 64).unwind(start);
            assertTrue(frames.size() >= 1 && frames.size() <= 64);
            viaCfi += (int) frames.stream().filter(f -> f.reachedBy() == Frame.How.CFI).count();
        }
        assertTrue(viaCfi > 300, "the garbage walks went through libc's CFI: " + viaCfi);
    }
}
