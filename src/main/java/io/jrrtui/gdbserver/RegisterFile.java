package io.jrrtui.gdbserver;

import io.jrrtui.arch.Registers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The registers gdb is told about (target.xml) and their values in that order: the x86-64 core
 * (general, segment and x87 registers), SSE (xmm0-15, mxcsr), orig_rax, fs_base/gs_base and, where
 * the machine has it, AVX (the upper halves ymm0h-ymm15h; gdb composes $ymm0.. itself).
 * Values come from the general register file ({@code user_regs_struct}) and the FXSAVE image;
 * without the latter the x87/SSE registers are sent as unavailable ("xx").
 */
final class RegisterFile {
    /** Where a register's value comes from. */
    private enum Source { GENERAL, FXSAVE, FTAG, YMM_HIGH }

    /** One register: its target.xml line and how to read its bytes. */
    private record Reg(String name, int bits, String type, String group, Source source, int offset) {}

    private static final List<Reg> CORE = new ArrayList<>();
    private static final List<Reg> SSE = new ArrayList<>();
    private static final List<Reg> LINUX = new ArrayList<>();
    private static final List<Reg> SEGMENTS = new ArrayList<>();
    private static final List<Reg> AVX = new ArrayList<>();
    /** Without AVX, and with it (its upper halves last). */
    private static final List<Reg> BASE = new ArrayList<>();
    private static final List<Reg> WITH_AVX = new ArrayList<>();
    /** XSAVE: xstate_bv in the header, the YMM_Hi128 component; ptrace puts XCR0 in FXSAVE's software bytes. */
    private static final int XSTATE_BV = 512, YMM_HIGH = 576, XCR0 = 464;

    static {
        String[] gp = {"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
        for (String n : gp) {
            String type = n.equals("rbp") || n.equals("rsp") ? "data_ptr" : "int64";
            CORE.add(new Reg(n, 64, type, "general", Source.GENERAL, Registers.indexOf(n)));
        }
        CORE.add(new Reg("rip", 64, "code_ptr", "general", Source.GENERAL, Registers.RIP));
        CORE.add(new Reg("eflags", 32, "i386_eflags", "general", Source.GENERAL, Registers.EFLAGS));
        for (String n : new String[] {"cs", "ss", "ds", "es", "fs", "gs"}) {
            CORE.add(new Reg(n, 32, "int32", "general", Source.GENERAL, Registers.indexOf(n)));
        }
        for (int i = 0; i < 8; i++) CORE.add(new Reg("st" + i, 80, "i387_ext", "float", Source.FXSAVE, 32 + 16 * i));
        // FXSAVE64: fcw@0 fsw@2 abridged ftw@4 fop@6 fip@8 (fiseg = its bits 32..47) fdp@16 (foseg likewise)
        CORE.add(new Reg("fctrl", 32, "int", "float", Source.FXSAVE, 0 | 2 << 16));
        CORE.add(new Reg("fstat", 32, "int", "float", Source.FXSAVE, 2 | 2 << 16));
        CORE.add(new Reg("ftag", 32, "int", "float", Source.FTAG, 4));
        CORE.add(new Reg("fiseg", 32, "int", "float", Source.FXSAVE, 12 | 2 << 16));
        CORE.add(new Reg("fioff", 32, "int", "float", Source.FXSAVE, 8 | 4 << 16));
        CORE.add(new Reg("foseg", 32, "int", "float", Source.FXSAVE, 20 | 2 << 16));
        CORE.add(new Reg("fooff", 32, "int", "float", Source.FXSAVE, 16 | 4 << 16));
        CORE.add(new Reg("fop", 32, "int", "float", Source.FXSAVE, 6 | 2 << 16));
        for (int i = 0; i < 16; i++) SSE.add(new Reg("xmm" + i, 128, "vec128", "vector", Source.FXSAVE, 160 + 16 * i));
        SSE.add(new Reg("mxcsr", 32, "i386_mxcsr", "vector", Source.FXSAVE, 24 | 4 << 16));
        LINUX.add(new Reg("orig_rax", 64, "int", "system", Source.GENERAL, Registers.ORIG_RAX));
        SEGMENTS.add(new Reg("fs_base", 64, "int", "system", Source.GENERAL, Registers.FS_BASE));
        SEGMENTS.add(new Reg("gs_base", 64, "int", "system", Source.GENERAL, Registers.GS_BASE));
        for (int i = 0; i < 16; i++) AVX.add(new Reg("ymm" + i + "h", 128, "uint128", "raw", Source.YMM_HIGH, YMM_HIGH + 16 * i));
        BASE.addAll(CORE);
        BASE.addAll(SSE);
        BASE.addAll(LINUX);
        BASE.addAll(SEGMENTS);
        WITH_AVX.addAll(BASE);
        WITH_AVX.addAll(AVX);
    }

    private final List<Reg> all;
    private final long[] general;
    private final ByteBuffer fxsave;

    /**
     * general in user_regs_struct order; xsave the FXSAVE/XSAVE image or null; avx whether the
     * description given to gdb has the AVX feature.
     */
    RegisterFile(long[] general, byte[] xsave, boolean avx) {
        this.all = avx ? WITH_AVX : BASE;
        this.general = general;
        this.fxsave = xsave == null || xsave.length < 512 ? null : ByteBuffer.wrap(xsave).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Whether the XSAVE image (as PTRACE_GETREGSET gives it) says XCR0 enables AVX state. */
    static boolean hasAvx(byte[] xsave) {
        if (xsave == null || xsave.length < YMM_HIGH + 256) return false;
        return (ByteBuffer.wrap(xsave).order(ByteOrder.LITTLE_ENDIAN).getLong(XCR0) & 4) != 0;
    }

    boolean isOrigRax(int n) {
        return all.get(n).name().equals("orig_rax");
    }

    int count() {
        return all.size();
    }

    /** The 'g' packet: every register in target.xml order. */
    String all() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < all.size(); i++) sb.append(one(i));
        return sb.toString();
    }

    /** Register n as hex bytes, or "xx.." when its value is unknown. */
    String one(int n) {
        Reg r = all.get(n);
        int size = r.bits() / 8;
        switch (r.source()) {
            case YMM_HIGH -> {
                if (fxsave == null || fxsave.capacity() < r.offset() + size) return "xx".repeat(size);
                // a component whose xstate_bv bit is clear is in its initial state: zeros
                if ((fxsave.getLong(XSTATE_BV) & 4) == 0) return "00".repeat(size);
                return Hex.bytes(fxsave.array(), r.offset(), size);
            }
            case GENERAL -> {
                return Hex.littleEndian(general[r.offset()], size);
            }
            case FTAG -> {
                return fxsave == null ? "xx".repeat(size) : Hex.littleEndian(io.jrrtui.arch.X87.fullTagWord(fxsave), size);
            }
            default -> {
                if (fxsave == null) return "xx".repeat(size);
                int offset = r.offset() & 0xffff, width = r.offset() >>> 16;
                if (width == 0) return Hex.bytes(fxsave.array(), offset, size);
                long v = width == 2 ? fxsave.getShort(offset) & 0xffff : fxsave.getInt(offset) & 0xffffffffL;
                if (r.name().equals("fop")) v &= 0x7ff;
                return Hex.littleEndian(v, size);
            }
        }
    }

    /** target.xml: gdb builds its x86-64 register set from these feature names. */
    static String targetXml(boolean avx) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target version=\"1.0\">\n");
        sb.append("<architecture>i386:x86-64</architecture>\n<osabi>GNU/Linux</osabi>\n");
        sb.append("<feature name=\"org.gnu.gdb.i386.core\">\n");
        sb.append(EFLAGS_TYPE);
        int regnum = 0;
        regnum = regs(sb, CORE, regnum);
        sb.append("</feature>\n<feature name=\"org.gnu.gdb.i386.sse\">\n").append(SSE_TYPES);
        regnum = regs(sb, SSE, regnum);
        sb.append("</feature>\n<feature name=\"org.gnu.gdb.i386.linux\">\n");
        regnum = regs(sb, LINUX, regnum);
        sb.append("</feature>\n<feature name=\"org.gnu.gdb.i386.segments\">\n");
        regnum = regs(sb, SEGMENTS, regnum);
        sb.append("</feature>\n");
        if (avx) {
            sb.append("<feature name=\"org.gnu.gdb.i386.avx\">\n");
            regs(sb, AVX, regnum);
            sb.append("</feature>\n");
        }
        sb.append("</target>\n");
        return sb.toString();
    }

    private static int regs(StringBuilder sb, List<Reg> regs, int regnum) {
        for (Reg r : regs) {
            sb.append(String.format("  <reg name=\"%s\" bitsize=\"%d\" type=\"%s\" group=\"%s\" regnum=\"%d\"/>%n",
                    r.name(), r.bits(), r.type(), r.group(), regnum++));
        }
        return regnum;
    }

    private static final String EFLAGS_TYPE = flags("i386_eflags", "CF:0 :1 PF:2 AF:4 ZF:6 SF:7 TF:8 IF:9 DF:10 OF:11 NT:14 RF:16 VM:17 AC:18 VIF:19 VIP:20 ID:21");

    private static final String SSE_TYPES = """
              <vector id="v4f" type="ieee_single" count="4"/>
              <vector id="v2d" type="ieee_double" count="2"/>
              <vector id="v16i8" type="int8" count="16"/>
              <vector id="v8i16" type="int16" count="8"/>
              <vector id="v4i32" type="int32" count="4"/>
              <vector id="v2i64" type="int64" count="2"/>
              <union id="vec128">
                <field name="v4_float" type="v4f"/>
                <field name="v2_double" type="v2d"/>
                <field name="v16_int8" type="v16i8"/>
                <field name="v8_int16" type="v8i16"/>
                <field name="v4_int32" type="v4i32"/>
                <field name="v2_int64" type="v2i64"/>
                <field name="uint128" type="uint128"/>
              </union>
            """ + flags("i386_mxcsr", "IE:0 DE:1 ZE:2 OE:3 UE:4 PE:5 DAZ:6 IM:7 DM:8 ZM:9 OM:10 UM:11 PM:12 FZ:15");

    /** A flags type from "NAME:BIT ..." (an empty name is a reserved bit). */
    private static String flags(String id, String fields) {
        StringBuilder sb = new StringBuilder("  <flags id=\"" + id + "\" size=\"4\">\n");
        for (String f : fields.split(" ")) {
            String[] nb = f.split(":");
            sb.append(String.format("    <field name=\"%s\" start=\"%s\" end=\"%s\"/>%n", nb[0], nb[1], nb[1]));
        }
        return sb.append("  </flags>\n").toString();
    }
}
