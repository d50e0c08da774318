package io.jrrtui.arch.x86;

import java.util.ArrayList;
import java.util.List;

/**
 * The opcode maps as text lines {@code KEY NAME OPS [FLAGS]}.
 * <ul>
 * <li>KEY: optional {@code E} (EVEX table) or {@code V} (VEX table: entries that clash with legacy ones), optional mandatory prefix {@code 66:}/{@code f3:}/{@code f2:},
 * the opcode ({@code 8b}, {@code 0f10}, {@code 0f3800}, {@code 0f3a0f}), then optionally {@code /n}
 * (ModRM.reg or {@code *} for all, {@code m}/{@code r} suffix for memory-only/register-only) or {@code .xx} (exact ModRM).</li>
 * <li>NAME: mnemonic; {@code a|b} picks b when W is set.</li>
 * <li>OPS: comma-separated operand specs in Intel order (see {@link Operand}), or {@code -}; {@code a|b}
 * gives b when W is set.</li>
 * <li>FLAGS: S suffix, 6 default 64-bit, V VEX-only, N no VEX, 8 64-bit elements, R rounding, A sae,
 * l VEX.L=0 only, i ignore 66, o keep order, p/P compare predicate; kinds c C r j J k y 3 n h.</li>
 * </ul>
 */
final class OpcodeText {
    private OpcodeText() {
    }

    static final String[] CC = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"};
    private static final String[] ALU = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};
    private static final String[] SHIFT = {"rol", "ror", "rcl", "rcr", "shl", "shr", "shl", "sar"};

    static List<String> lines() {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String n = ALU[i];
            l.add(String.format("%02x %s Eb,Gb S", i * 8, n));
            l.add(String.format("%02x %s Ev,Gv S", i * 8 + 1, n));
            l.add(String.format("%02x %s Gb,Eb", i * 8 + 2, n));
            l.add(String.format("%02x %s Gv,Ev", i * 8 + 3, n));
            l.add(String.format("%02x %s AL,Ib", i * 8 + 4, n));
            l.add(String.format("%02x %s rAX,Iz", i * 8 + 5, n));
            l.add("80/" + i + " " + n + " Eb,Ib S");
            l.add("81/" + i + " " + n + " Ev,Iz S");
            l.add("83/" + i + " " + n + " Ev,Is S");
            {
                l.add(String.format("c0/%d %s Eb,Ib S", i, SHIFT[i]));
                l.add(String.format("c1/%d %s Ev,Ib S", i, SHIFT[i]));
                l.add(String.format("d0/%d %s Eb,1 S", i, SHIFT[i]));
                l.add(String.format("d1/%d %s Ev,1 S", i, SHIFT[i]));
                l.add(String.format("d2/%d %s Eb,%%cl S", i, SHIFT[i]));
                l.add(String.format("d3/%d %s Ev,%%cl S", i, SHIFT[i]));
            }
        }
        for (int i = 0; i < 16; i++) {
            l.add(String.format("%02x j%s Jb k6", 0x70 + i, CC[i]));
            l.add(String.format("0f%02x j%s Jz k6", 0x80 + i, CC[i]));
            l.add(String.format("0f%02x set%s Eb", 0x90 + i, CC[i]));
            l.add(String.format("0f%02x cmov%s Gv,Ev", 0x40 + i, CC[i]));
        }
        for (int i = 0; i < 8; i++) {
            l.add(String.format("%02x push Zv 6", 0x50 + i));
            l.add(String.format("%02x pop Zv 6", 0x58 + i));
            l.add(String.format("%02x mov Zb,Ib", 0xb0 + i));
            l.add(String.format("%02x mov Zv,Iv", 0xb8 + i));
            l.add(String.format("0f%02x bswap Zv", 0xc8 + i));
            if (i > 0) {
                l.add(String.format("%02x xchg Zv,rAX", 0x90 + i));
            }
        }
        mmxSse(l);
        arithmetic(l);
        fma(l);
        for (String s : TEXT.split("\n")) {
            String t = s.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                l.add(t);
            }
        }
        return l;
    }

    /** SSE/AVX arithmetic in its four forms: ps (none), pd (66), ss (F3), sd (F2). */
    private static void arithmetic(List<String> l) {
        String[] ops = {"58 add R", "59 mul R", "5c sub R", "5d min A", "5e div R", "5f max A"};
        for (String o : ops) {
            String[] f = o.split(" ");
            String r = f[2];
            l.add("0f" + f[0] + " " + f[1] + "ps Vx,Hx,Wx " + r);
            l.add("66:0f" + f[0] + " " + f[1] + "pd Vx,Hx,Wx " + r + "8");
            l.add("f3:0f" + f[0] + " " + f[1] + "ss Vo,Ho,Wd " + r);
            l.add("f2:0f" + f[0] + " " + f[1] + "sd Vo,Ho,Wq " + r);
        }
    }

    /** FMA3: 0F38 96..BF, W picks single/double; odd low nibbles from 9 on are scalar. */
    private static void fma(List<String> l) {
        String[] kinds = {"fmaddsub", "fmsubadd", "fmadd", "fmadd", "fmsub", "fmsub", "fnmadd", "fnmadd",
            "fnmsub", "fnmsub"};
        String[] order = {"132", "213", "231"};
        for (int row = 0; row < 3; row++) {
            for (int col = 6; col < 16; col++) {
                String k = kinds[col - 6];
                boolean scalar = col >= 9 && (col & 1) == 1;
                String name = "v" + k + order[row];
                String ops = scalar ? "Vo,Ho,Wd|Vo,Ho,Wq" : "Vx,Hx,Wx";
                String names = scalar ? name + "ss|" + name + "sd" : name + "ps|" + name + "pd";
                l.add(String.format("66:0f38%02x %s %s VR", 0x90 + row * 16 + col, names, ops));
            }
        }
    }

    /** MMX instructions (no prefix, mm registers) that 66 turns into SSE2 (xmm, VEX-able). */
    private static void mmxSse(List<String> l) {
        String[] pairs = {
            "60 punpcklbw", "61 punpcklwd", "62 punpckldq", "63 packsswb", "64 pcmpgtb", "65 pcmpgtw",
            "66 pcmpgtd", "67 packuswb", "68 punpckhbw", "69 punpckhwd", "6a punpckhdq", "6b packssdw",
            "74 pcmpeqb", "75 pcmpeqw", "76 pcmpeqd", "d1 psrlw", "d2 psrld", "d3 psrlq", "d4 paddq",
            "d5 pmullw", "d8 psubusb", "d9 psubusw", "da pminub", "db pand", "dc paddusb", "dd paddusw",
            "de pmaxub", "df pandn", "e0 pavgb", "e1 psraw", "e2 psrad", "e3 pavgw", "e4 pmulhuw",
            "e5 pmulhw", "e8 psubsb", "e9 psubsw", "ea pminsw", "eb por", "ec paddsb", "ed paddsw",
            "ee pmaxsw", "ef pxor", "f1 psllw", "f2 pslld", "f3 psllq", "f4 pmuludq", "f5 pmaddwd",
            "f6 psadbw", "f8 psubb", "f9 psubw", "fa psubd", "fb psubq", "fc paddb", "fd paddw", "fe paddd",
            "3800 pshufb", "3801 phaddw", "3802 phaddd", "3803 phaddsw", "3804 pmaddubsw", "3805 phsubw",
            "3806 phsubd", "3807 phsubsw", "3808 psignb", "3809 psignw", "380a psignd", "380b pmulhrsw",
        };
        for (String p : pairs) {
            String[] f = p.split(" ");
            // the MMX low unpacks read only half a register from memory
            String q = f[0].matches("6[012]") ? "Qd" : "Qq";
            l.add("0f" + f[0] + " " + f[1] + " Pq," + q + " N");
            l.add("66:0f" + f[0] + " " + f[1] + " Vx,Hx,Wx");
        }
        for (String shift : new String[] {"d1 psrlw", "d2 psrld", "d3 psrlq", "e1 psraw", "e2 psrad",
            "f1 psllw", "f2 pslld", "f3 psllq"}) {
            String[] f = shift.split(" ");
            l.add("66:0f" + f[0] + " " + f[1] + " Vx,Hx,Wo"); // the count is always an xmm/m128
        }
        String[] unary = {"381c pabsb", "381d pabsw", "381e pabsd"};
        for (String p : unary) {
            String[] f = p.split(" ");
            l.add("0f" + f[0] + " " + f[1] + " Pq,Qq N");
            l.add("66:0f" + f[0] + " " + f[1] + " Vx,Wx");
        }
    }

    private static final String TEXT = """
        # ---- one-byte map
        63 movsxd|movslq Gv,Ed
        68 push Iz 6
        69 imul Gv,Ev,Iz
        6a push Is 6
        6b imul Gv,Ev,Is
        6c ins Yb,(%dx) S
        6d ins Yz,(%dx) S
        6e outs (%dx),Xb S
        6f outs (%dx),Xz S
        84 test Eb,Gb
        85 test Ev,Gv
        86 xchg Eb,Gb
        87 xchg Ev,Gv
        88 mov Eb,Gb
        89 mov Ev,Gv
        8a mov Gb,Eb
        8b mov Gv,Ev
        8c/*m mov Mw,Sw
        8c/*r mov Rv,Sw
        8d lea Gv,M
        8e/*m mov Sw,Mw
        8e/*r mov Sw,Rv
        8f/0 pop Ev 6
        9b fwait -
        9c pushf - 6
        9d popf - 6
        d7 xlat %ds:(%rbx)
        90 xchg Zv,rAX
        9e sahf -
        9f lahf -
        a0 movabs AL,Ob
        a1 movabs rAX,Ov
        a2 movabs Ob,AL
        a3 movabs Ov,rAX
        a4 movs Yb,Xb S
        a5 movs Yv,Xv S
        a6 cmps Xb,Yb S
        a7 cmps Xv,Yv S
        a8 test AL,Ib
        a9 test rAX,Iz
        aa stos Yb,AL
        ab stos Yv,rAX
        ac lods AL,Xb
        ad lods rAX,Xv
        ae scas AL,Yb
        af scas rAX,Yv
        c2 ret Iw r6
        c3 ret - r6
        c6/0 mov Eb,Ib S
        c6.f8 xabort Ib
        c7/0 mov Ev,Iz S
        c7.f8 xbegin Jz k6
        c8 enter Iw,Ib o6
        c9 leave - 6
        ca lret|lretq Iw r6
        cb lret|lretq - r6
        cc int3 - 3
        cd int Ib n
        cf iret|iretq - r6
        e0 loopne Jb k6
        e1 loope Jb k6
        e2 loop Jb k6
        e3 jrcxz Jb k6
        e4 in AL,Ib
        e5 in eAX,Ib
        e6 out Ib,AL
        e7 out Ib,eAX
        e8 call Jz c6
        e9 jmp Jz j6
        eb jmp Jb j6
        ec in AL,(%dx)
        ed in eAX,(%dx)
        ee out (%dx),AL
        ef out (%dx),eAX
        f1 int1 - n
        f4 hlt - h
        f5 cmc -
        f6/0 test Eb,Ib S
        f6/1 test Eb,Ib S
        f6/2 not Eb S
        f6/3 neg Eb S
        f6/4 mul Eb S
        f6/5 imul Eb S
        f6/6 div Eb S
        f6/7 idiv Eb S
        f7/0 test Ev,Iz S
        f7/1 test Ev,Iz S
        f7/2 not Ev S
        f7/3 neg Ev S
        f7/4 mul Ev S
        f7/5 imul Ev S
        f7/6 div Ev S
        f7/7 idiv Ev S
        f8 clc -
        f9 stc -
        fa cli -
        fb sti -
        fc cld -
        fd std -
        fe/0 inc Eb S
        fe/1 dec Eb S
        ff/0 inc Ev S
        ff/1 dec Ev S
        ff/2 call Ev C6
        ff/3m lcall Mp C6
        ff/4 jmp Ev J6
        ff/5m ljmp Mp J6
        ff/6 push Ev 6
        # ---- 0F map: system and integer
        0f00/0 sldt Ev
        0f00/1 str Ev
        0f00/2 lldt Ew
        0f00/3 ltr Ew
        0f00/4 verr Ew
        0f00/5 verw Ew
        0f01/0m sgdt M
        0f01/1m sidt M
        0f01/2m lgdt M
        0f01/3m lidt M
        0f01/4 smsw Ev
        0f01/6 lmsw Ew
        0f01/7m invlpg Mb
        0f01.c1 vmcall -
        0f01.c2 vmlaunch -
        0f01.c3 vmresume -
        0f01.c4 vmxoff -
        0f01.d8 vmrun -
        0f01.d9 vmmcall -
        0f01.da vmload -
        0f01.db vmsave -
        0f01.dc stgi -
        0f01.dd clgi -
        0f01.df invlpga -
        0f01.d4 vmfunc -
        0f01.fc clzero -
        f3:0f01.e8 setssbsy -
        f3:0f01/5m rstorssp Mq
        0f01.c8 monitor %rax,%ecx,%edx o
        0f01.c9 mwait %eax,%ecx o
        0f01.ca clac -
        0f01.cb stac -
        0f01.d0 xgetbv -
        0f01.d1 xsetbv -
        0f01.d5 xend -
        0f01.d6 xtest -
        0f01.e8 serialize -
        0f01.ee rdpkru -
        0f01.ef wrpkru -
        0f01.f8 swapgs -
        0f01.f9 rdtscp -
        0f02 lar Gv,Edw
        0f03 lsl Gv,Edw
        0f05 syscall - y
        0f06 clts -
        0f07 sysretl|sysretq - r
        0f08 invd -
        0f09 wbinvd -
        0f0b ud2 - n
        0f0d/*m prefetch Mb
        0f0d/1m prefetchw Mb
        0f0d/2m prefetchwt1 Mb
        0f18/* nop Ev S
        0f18/0m prefetchnta Mb
        0f18/1m prefetcht0 Mb
        0f18/2m prefetcht1 Mb
        0f18/3m prefetcht2 Mb
        0f19 nop Ev S
        0f1a nop Ev S
        0f1b nop Ev S
        0f1c nop Ev S
        0f1d nop Ev S
        0f1e nop Ev S
        0f1f nop Ev S
        f3:0f1e.fa endbr64 -
        f3:0f1e.fb endbr32 -
        f3:0f1e/1r rdsspd|rdsspq Ry
        f3:0f01.ea saveprevssp -
        f3:0fae/5r incsspd|incsspq Ry
        0f20 mov Rq,Cq
        0f21 mov Rq,Dq
        0f22 mov Cq,Rq
        0f23 mov Dq,Rq
        0f30 wrmsr -
        0f31 rdtsc -
        0f32 rdmsr -
        0f33 rdpmc -
        0f34 sysenter - y
        0f35 sysexitl|sysexitq - r
        0f37 getsec -
        98 cwtl|cltq -
        99 cltd|cqto -
        0fa0 push %fs 6
        0fa1 pop %fs 6
        0fa2 cpuid -
        0fa3 bt Ev,Gv
        0fa4 shld Ev,Gv,Ib
        0fa5 shld Ev,Gv,%cl
        0fa8 push %gs 6
        0fa9 pop %gs 6
        0fab bts Ev,Gv
        0fac shrd Ev,Gv,Ib
        0fad shrd Ev,Gv,%cl
        0fae/0m fxsave|fxsave64 M
        0fae/1m fxrstor|fxrstor64 M
        0fae/2m ldmxcsr Md
        0fae/3m stmxcsr Md
        0fae/4m xsave|xsave64 M
        0fae/5m xrstor|xrstor64 M
        0fae/6m xsaveopt|xsaveopt64 M
        0fae/7m clflush Mb
        0fae/5r lfence -
        0fae/6r mfence -
        0fae/7r sfence -
        66:0fae/6m clwb Mb
        66:0fae/7m clflushopt Mb
        f3:0fae/0r rdfsbase Ry
        f3:0fae/1r rdgsbase Ry
        f3:0fae/2r wrfsbase Ry
        f3:0fae/3r wrgsbase Ry
        0faf imul Gv,Ev
        0fb0 cmpxchg Eb,Gb
        0fb1 cmpxchg Ev,Gv
        0fb3 btr Ev,Gv
        0fb2 lss Gv,Mp
        0fb4 lfs Gv,Mp
        0fb5 lgs Gv,Mp
        0f78 vmread Eq,Gq
        0f79 vmwrite Gq,Eq
        0f0e femms -
        0f0f 3dnow Pq,Qq N
        0faa rsm -
        66:0f78 extrq Uo,Ib,Ib N
        f2:0f78 insertq Vo,Uo,Ib,Ib N
        66:0f79 extrq Vo,Uo N
        f2:0f79 insertq Vo,Uo N
        0fb6 movzb% Gv,Eb
        0fb7 movzw% Gv,Ew
        f3:0fb8 popcnt Gv,Ev
        0fb9 ud1 Gv,Ev n
        0fba/4 bt Ev,Ib S
        0fba/5 bts Ev,Ib S
        0fba/6 btr Ev,Ib S
        0fba/7 btc Ev,Ib S
        0fbb btc Ev,Gv
        0fbc bsf Gv,Ev
        f3:0fbc tzcnt Gv,Ev
        0fbd bsr Gv,Ev
        f3:0fbd lzcnt Gv,Ev
        0fbe movsb% Gv,Eb
        0fbf movsw% Gv,Ew
        0fc0 xadd Eb,Gb
        0fc1 xadd Ev,Gv
        0fc3 movnti My,Gy
        0fc7/1m cmpxchg8b|cmpxchg16b M
        0fc7/3m xrstors|xrstors64 M
        0fc7/4m xsavec|xsavec64 M
        0fc7/5m xsaves|xsaves64 M
        0fc7/6m vmptrld Mq
        0fc7/7m vmptrst Mq
        66:0fc7/6m vmclear Mq
        f3:0fc7/6m vmxon Mq
        66:0f3880 invept Gq,Mo
        66:0f3881 invvpid Gq,Mo
        66:0f3882 invpcid Gq,Mo
        0fc7/6r rdrand Rv
        0fc7/7r rdseed Rv
        f3:0fc7/7r rdpid Rq
        0fff ud0 Gv,Ev n
        # ---- 0F map: SSE
        0f10 movups Vx,Wx
        66:0f10 movupd Vx,Wx
        f3:0f10 movss Vo,Wd
        f2:0f10 movsd Vo,Wq
        0f11 movups Wx,Vx
        66:0f11 movupd Wx,Vx
        f3:0f11 movss Wd,Vo
        f2:0f11 movsd Wq,Vo
        0f12/*m movlps Vo,Ho,Mq l
        0f12/*r movhlps Vo,Ho,Uo l
        66:0f12 movlpd Vo,Ho,Mq l
        f3:0f12 movsldup Vx,Wx
        f2:0f12 movddup Vx,Wm
        0f13 movlps Mq,Vo l
        66:0f13 movlpd Mq,Vo l
        0f14 unpcklps Vx,Hx,Wx
        66:0f14 unpcklpd Vx,Hx,Wx 8
        0f15 unpckhps Vx,Hx,Wx
        66:0f15 unpckhpd Vx,Hx,Wx 8
        0f16/*m movhps Vo,Ho,Mq l
        0f16/*r movlhps Vo,Ho,Uo l
        66:0f16 movhpd Vo,Ho,Mq l
        f3:0f16 movshdup Vx,Wx
        0f17 movhps Mq,Vo l
        66:0f17 movhpd Mq,Vo l
        0f28 movaps Vx,Wx
        66:0f28 movapd Vx,Wx
        0f29 movaps Wx,Vx
        66:0f29 movapd Wx,Vx
        0f2a cvtpi2ps Vo,Qq N
        66:0f2a cvtpi2pd Vo,Qq N
        f3:0f2a cvtsi2ss~ Vo,Ho,Ey R
        f2:0f2a cvtsi2sd~ Vo,Ho,Ey R
        0f2b movntps Mx,Vx
        66:0f2b movntpd Mx,Vx
        0f2c cvttps2pi Pq,Wq N
        66:0f2c cvttpd2pi Pq,Wo N
        f3:0f2c cvttss2si Gy,Wd A
        f2:0f2c cvttsd2si Gy,Wq A
        0f2d cvtps2pi Pq,Wq N
        66:0f2d cvtpd2pi Pq,Wo N
        f3:0f2d cvtss2si Gy,Wd R
        f2:0f2d cvtsd2si Gy,Wq R
        0f2e ucomiss Vo,Wd A
        66:0f2e ucomisd Vo,Wq A
        0f2f comiss Vo,Wd A
        66:0f2f comisd Vo,Wq A
        0f50 movmskps Gy,Ux
        66:0f50 movmskpd Gy,Ux
        0f51 sqrtps Vx,Wx R
        66:0f51 sqrtpd Vx,Wx R8
        f3:0f51 sqrtss Vo,Ho,Wd R
        f2:0f51 sqrtsd Vo,Ho,Wq R
        0f52 rsqrtps Vx,Wx
        f3:0f52 rsqrtss Vo,Ho,Wd
        0f53 rcpps Vx,Wx
        f3:0f53 rcpss Vo,Ho,Wd
        0f54 andps Vx,Hx,Wx
        66:0f54 andpd Vx,Hx,Wx 8
        0f55 andnps Vx,Hx,Wx
        66:0f55 andnpd Vx,Hx,Wx 8
        0f56 orps Vx,Hx,Wx
        66:0f56 orpd Vx,Hx,Wx 8
        0f57 xorps Vx,Hx,Wx
        66:0f57 xorpd Vx,Hx,Wx 8
        0f5a cvtps2pd Vx,Wh A
        66:0f5a cvtpd2ps Vh,Wx R8
        f3:0f5a cvtss2sd Vo,Ho,Wd A
        f2:0f5a cvtsd2ss Vo,Ho,Wq R
        0f5b cvtdq2ps Vx,Wx R
        66:0f5b cvtps2dq Vx,Wx R
        f3:0f5b cvttps2dq Vx,Wx A
        66:0f6c punpcklqdq Vx,Hx,Wx 8
        66:0f6d punpckhqdq Vx,Hx,Wx 8
        0f6e movd|movq Pq,Ey N
        66:0f6e movd|movq Vo,Ey l
        0f6f movq Pq,Qq N
        66:0f6f movdqa Vx,Wx
        f3:0f6f movdqu Vx,Wx
        0f70 pshufw Pq,Qq,Ib N
        66:0f70 pshufd Vx,Wx,Ib
        f3:0f70 pshufhw Vx,Wx,Ib
        f2:0f70 pshuflw Vx,Wx,Ib
        0f71/2r psrlw Nq,Ib N
        0f71/4r psraw Nq,Ib N
        0f71/6r psllw Nq,Ib N
        66:0f71/2r psrlw Hx,Ux,Ib
        66:0f71/4r psraw Hx,Ux,Ib
        66:0f71/6r psllw Hx,Ux,Ib
        0f72/2r psrld Nq,Ib N
        0f72/4r psrad Nq,Ib N
        0f72/6r pslld Nq,Ib N
        66:0f72/2r psrld Hx,Ux,Ib
        66:0f72/4r psrad Hx,Ux,Ib
        66:0f72/6r pslld Hx,Ux,Ib
        0f73/2r psrlq Nq,Ib N
        0f73/6r psllq Nq,Ib N
        66:0f73/2r psrlq Hx,Ux,Ib
        66:0f73/3r psrldq Hx,Ux,Ib
        66:0f73/6r psllq Hx,Ux,Ib
        66:0f73/7r pslldq Hx,Ux,Ib
        0f77 emms - N
        0f7e movd|movq Ey,Pq N
        66:0f7e movd|movq Ey,Vo l
        f3:0f7e movq Vo,Wq l
        0f7f movq Qq,Pq N
        66:0f7f movdqa Wx,Vx
        f3:0f7f movdqu Wx,Vx
        66:0f7c haddpd Vx,Hx,Wx
        f2:0f7c haddps Vx,Hx,Wx
        66:0f7d hsubpd Vx,Hx,Wx
        f2:0f7d hsubps Vx,Hx,Wx
        0fc2 cmpps Vx,Hx,Wx,Ib pA
        66:0fc2 cmppd Vx,Hx,Wx,Ib p8A
        f3:0fc2 cmpss Vo,Ho,Wd,Ib pA
        f2:0fc2 cmpsd Vo,Ho,Wq,Ib pA
        0fc4 pinsrw Pq,Edw,Ib N
        66:0fc4 pinsrw Vo,Ho,Edw,Ib l
        0fc5 pextrw Gd,Nq,Ib N
        66:0fc5 pextrw Gd,Uo,Ib l
        0fc6 shufps Vx,Hx,Wx,Ib
        66:0fc6 shufpd Vx,Hx,Wx,Ib 8
        66:0fd0 addsubpd Vx,Hx,Wx
        f2:0fd0 addsubps Vx,Hx,Wx
        66:0fd6 movq Wq,Vo l
        f3:0fd6 movq2dq Vo,Nq N
        f2:0fd6 movdq2q Pq,Uo N
        0fd7 pmovmskb Gd,Nq N
        66:0fd7 pmovmskb Gy,Ux
        66:0fe6 cvttpd2dq Vh,Wx 8A
        f3:0fe6 cvtdq2pd Vx,Wh
        f2:0fe6 cvtpd2dq Vh,Wx R8
        0fe7 movntq Mq,Pq N
        66:0fe7 movntdq Mx,Vx
        f2:0ff0 lddqu Vx,M
        0ff7 maskmovq Pq,Nq N
        66:0ff7 maskmovdqu Vo,Uo l
        # ---- 0F38 map
        66:0f3810 pblendvb Vo,Wo,%xmm0 N
        66:0f3814 blendvps Vo,Wo,%xmm0 N
        66:0f3815 blendvpd Vo,Wo,%xmm0 N
        66:0f3817 ptest Vx,Wx
        66:0f3820 pmovsxbw Vx,Wh
        66:0f3821 pmovsxbd Vx,Wr
        66:0f3822 pmovsxbq Vx,We
        66:0f3823 pmovsxwd Vx,Wh
        66:0f3824 pmovsxwq Vx,Wr
        66:0f3825 pmovsxdq Vx,Wh
        66:0f3828 pmuldq Vx,Hx,Wx 8
        66:0f3829 pcmpeqq Vx,Hx,Wx 8
        66:0f382a movntdqa Vx,Mx
        66:0f382b packusdw Vx,Hx,Wx
        66:0f3830 pmovzxbw Vx,Wh
        66:0f3831 pmovzxbd Vx,Wr
        66:0f3832 pmovzxbq Vx,We
        66:0f3833 pmovzxwd Vx,Wh
        66:0f3834 pmovzxwq Vx,Wr
        66:0f3835 pmovzxdq Vx,Wh
        66:0f3837 pcmpgtq Vx,Hx,Wx 8
        66:0f3838 pminsb Vx,Hx,Wx
        66:0f3839 pminsd Vx,Hx,Wx
        66:0f383a pminuw Vx,Hx,Wx
        66:0f383b pminud Vx,Hx,Wx
        66:0f383c pmaxsb Vx,Hx,Wx
        66:0f383d pmaxsd Vx,Hx,Wx
        66:0f383e pmaxuw Vx,Hx,Wx
        66:0f383f pmaxud Vx,Hx,Wx
        66:0f3840 pmulld Vx,Hx,Wx
        66:0f3841 phminposuw Vo,Wo l
        0f38c8 sha1nexte Vo,Wo N
        0f38c9 sha1msg1 Vo,Wo N
        0f38ca sha1msg2 Vo,Wo N
        0f38cb sha256rnds2 Vo,Wo,%xmm0 N
        0f38cc sha256msg1 Vo,Wo N
        0f38cd sha256msg2 Vo,Wo N
        66:0f38db aesimc Vo,Wo l
        66:0f38dc aesenc Vx,Hx,Wx
        66:0f38dd aesenclast Vx,Hx,Wx
        66:0f38de aesdec Vx,Hx,Wx
        66:0f38df aesdeclast Vx,Hx,Wx
        0f38f0 movbe Gv,Mv
        0f38f1 movbe Mv,Gv
        66:0f38f0 movbe Gv,Mv
        66:0f38f1 movbe Mv,Gv
        f2:0f38f0 crc32^ Gy,Eb
        f2:0f38f1 crc32^ Gy,Ev
        66:0f38f6 adcx Gy,Ey
        0f38f6 wrssd|wrssq My,Gy
        66:0f38f5 wrussd|wrussq My,Gy
        0f38f9 movdiri My,Gy
        66:0f38f8 movdir64b Gv,M
        f3:0fae/4 ptwrite|ptwriteq Ey
        f3:0fae/6m clrssbsy Mq
        f3:0f38f6 adox Gy,Ey
        # VEX-only 0F38
        66:0f380c vpermilps Vx,Hx,Wx V
        66:0f380d vpermilpd Vx,Hx,Wx V8
        66:0f380e vtestps Vx,Wx V
        66:0f380f vtestpd Vx,Wx V
        66:0f3813 vcvtph2ps Vx,Wh VA
        66:0f3816 vpermps Vx,Hx,Wx V
        66:0f3818 vbroadcastss Vx,Wd V
        66:0f3819 vbroadcastsd Vx,Wq V
        66:0f381a vbroadcastf128 Vx,Mo V
        66:0f382c vmaskmovps Vx,Hx,Mx V
        66:0f382d vmaskmovpd Vx,Hx,Mx V
        66:0f382e vmaskmovps Mx,Hx,Vx V
        66:0f382f vmaskmovpd Mx,Hx,Vx V
        66:0f3836 vpermd Vx,Hx,Wx V
        66:0f3845 vpsrlvd|vpsrlvq Vx,Hx,Wx V
        66:0f3846 vpsravd Vx,Hx,Wx V
        66:0f3847 vpsllvd|vpsllvq Vx,Hx,Wx V
        66:0f3858 vpbroadcastd Vx,Wd V
        66:0f3890 vpgatherdd|vpgatherdq Vx,A,Hx V
        66:0f3891 vpgatherqd|vpgatherqq Vx,A,Hx V
        66:0f3892 vgatherdps|vgatherdpd Vx,A,Hx V
        66:0f3893 vgatherqps|vgatherqpd Vx,A,Hx V
        66:0f3859 vpbroadcastq Vx,Wq V
        66:0f385a vbroadcasti128 Vx,Mo V
        66:0f3878 vpbroadcastb Vx,Wb V
        66:0f3879 vpbroadcastw Vx,Ww V
        66:0f388c vpmaskmovd|vpmaskmovq Vx,Hx,Mx V
        66:0f388e vpmaskmovd|vpmaskmovq Mx,Hx,Vx V
        0f38f2 andn Gy,By,Ey V
        0f38f3/1 blsr By,Ey V
        0f38f3/2 blsmsk By,Ey V
        0f38f3/3 blsi By,Ey V
        0f38f5 bzhi Gy,Ey,By V
        f3:0f38f5 pext Gy,By,Ey V
        f2:0f38f5 pdep Gy,By,Ey V
        f2:0f38f6 mulx Gy,By,Ey V
        0f38f7 bextr Gy,Ey,By V
        66:0f38f7 shlx Gy,Ey,By V
        f3:0f38f7 sarx Gy,Ey,By V
        f2:0f38f7 shrx Gy,Ey,By V
        # ---- 0F3A map
        0f3a0f palignr Pq,Qq,Ib N
        66:0f3a0f palignr Vx,Hx,Wx,Ib
        66:0f3a08 roundps Vx,Wx,Ib
        66:0f3a09 roundpd Vx,Wx,Ib
        66:0f3a0a roundss Vo,Ho,Wd,Ib
        66:0f3a0b roundsd Vo,Ho,Wq,Ib
        66:0f3a0c blendps Vx,Hx,Wx,Ib
        66:0f3a0d blendpd Vx,Hx,Wx,Ib
        66:0f3a0e pblendw Vx,Hx,Wx,Ib
        66:0f3a14 pextrb Edb,Vo,Ib l
        66:0f3a15 pextrw Edw,Vo,Ib l
        66:0f3a16 pextrd|pextrq Ey,Vo,Ib l
        66:0f3a17 extractps Ed,Vo,Ib l
        66:0f3a20 pinsrb Vo,Ho,Edb,Ib l
        66:0f3a21 insertps Vo,Ho,Wd,Ib l
        66:0f3a22 pinsrd|pinsrq Vo,Ho,Ey,Ib l
        66:0f3a40 dpps Vx,Hx,Wx,Ib
        66:0f3a41 dppd Vo,Ho,Wo,Ib
        66:0f3a42 mpsadbw Vx,Hx,Wx,Ib
        66:0f3a44 pclmulqdq Vx,Hx,Wx,Ib
        66:0f3a60 pcmpestrm Vo,Wo,Ib
        66:0f3a61 pcmpestri Vo,Wo,Ib
        66:0f3a62 pcmpistrm Vo,Wo,Ib
        66:0f3a63 pcmpistri Vo,Wo,Ib
        0f3acc sha1rnds4 Vo,Wo,Ib N
        66:0f3adf aeskeygenassist Vo,Wo,Ib
        66:0f3a00 vpermq Vx,Wx,Ib V8
        66:0f3a01 vpermpd Vx,Wx,Ib V8
        66:0f3a02 vpblendd Vx,Hx,Wx,Ib V
        66:0f3a04 vpermilps Vx,Wx,Ib V
        66:0f3a05 vpermilpd Vx,Wx,Ib V8
        66:0f3a06 vperm2f128 Vx,Hx,Wx,Ib V
        66:0f3a18 vinsertf128 Vx,Hx,Wo,Ib V
        66:0f3a19 vextractf128 Wo,Vx,Ib V
        66:0f3a1d vcvtps2ph Wh,Vx,Ib VA
        66:0f3a38 vinserti128 Vx,Hx,Wo,Ib V
        66:0f3a39 vextracti128 Wo,Vx,Ib V
        66:0f3a46 vperm2i128 Vx,Hx,Wx,Ib V
        66:0f3a4a vblendvps Vx,Hx,Wx,Lx V
        66:0f3a4b vblendvpd Vx,Hx,Wx,Lx V
        66:0f3a4c vpblendvb Vx,Hx,Wx,Lx V
        f2:0f3af0 rorx Gy,Ey,Ib V
        V0fae/2m vldmxcsr Md V
        V0fae/3m vstmxcsr Md V
        66:0f3a30 kshiftrb|kshiftrw KG,KR,Ib V
        66:0f3a31 kshiftrd|kshiftrq KG,KR,Ib V
        66:0f3a32 kshiftlb|kshiftlw KG,KR,Ib V
        66:0f3a33 kshiftld|kshiftlq KG,KR,Ib V
        # ---- AMD FMA4 (is4 operand; W swaps the last two)
        66:0f3a5c vfmaddsubps Vx,Hx,Wx,Lx VF
        66:0f3a5d vfmaddsubpd Vx,Hx,Wx,Lx VF
        66:0f3a5e vfmsubaddps Vx,Hx,Wx,Lx VF
        66:0f3a5f vfmsubaddpd Vx,Hx,Wx,Lx VF
        66:0f3a68 vfmaddps Vx,Hx,Wx,Lx VF
        66:0f3a69 vfmaddpd Vx,Hx,Wx,Lx VF
        66:0f3a6a vfmaddss Vo,Ho,Wd,Lo VF
        66:0f3a6b vfmaddsd Vo,Ho,Wq,Lo VF
        66:0f3a6c vfmsubps Vx,Hx,Wx,Lx VF
        66:0f3a6d vfmsubpd Vx,Hx,Wx,Lx VF
        66:0f3a6e vfmsubss Vo,Ho,Wd,Lo VF
        66:0f3a6f vfmsubsd Vo,Ho,Wq,Lo VF
        66:0f3a78 vfnmaddps Vx,Hx,Wx,Lx VF
        66:0f3a79 vfnmaddpd Vx,Hx,Wx,Lx VF
        66:0f3a7a vfnmaddss Vo,Ho,Wd,Lo VF
        66:0f3a7b vfnmaddsd Vo,Ho,Wq,Lo VF
        66:0f3a7c vfnmsubps Vx,Hx,Wx,Lx VF
        66:0f3a7d vfnmsubpd Vx,Hx,Wx,Lx VF
        66:0f3a7e vfnmsubss Vo,Ho,Wd,Lo VF
        66:0f3a7f vfnmsubsd Vo,Ho,Wq,Lo VF
        # ---- AMD XOP
        x08a2 vpcmov Vx,Hx,Wx,Lx VF
        x08a3 vpperm Vo,Ho,Wo,Lo VF
        x08c0 vprotb Vo,Wo,Ib V
        x08c1 vprotw Vo,Wo,Ib V
        x08c2 vprotd Vo,Wo,Ib V
        x08c3 vprotq Vo,Wo,Ib V
        x08cc vpcomb Vo,Ho,Wo,Ib Vp
        x08cd vpcomw Vo,Ho,Wo,Ib Vp
        x08ce vpcomd Vo,Ho,Wo,Ib Vp
        x08cf vpcomq Vo,Ho,Wo,Ib Vp
        x08ec vpcomub Vo,Ho,Wo,Ib Vp
        x08ed vpcomuw Vo,Ho,Wo,Ib Vp
        x08ee vpcomud Vo,Ho,Wo,Ib Vp
        x08ef vpcomuq Vo,Ho,Wo,Ib Vp
        x0885 vpmacssww Vo,Ho,Wo,Lo V
        x0886 vpmacsswd Vo,Ho,Wo,Lo V
        x0887 vpmacssdql Vo,Ho,Wo,Lo V
        x088e vpmacssdd Vo,Ho,Wo,Lo V
        x088f vpmacssdqh Vo,Ho,Wo,Lo V
        x0895 vpmacsww Vo,Ho,Wo,Lo V
        x0896 vpmacswd Vo,Ho,Wo,Lo V
        x0897 vpmacsdql Vo,Ho,Wo,Lo V
        x089e vpmacsdd Vo,Ho,Wo,Lo V
        x089f vpmacsdqh Vo,Ho,Wo,Lo V
        x08a6 vpmadcsswd Vo,Ho,Wo,Lo V
        x08b6 vpmadcswd Vo,Ho,Wo,Lo V
        x0980 vfrczps Vx,Wx V
        x0981 vfrczpd Vx,Wx V
        x0982 vfrczss Vo,Wd V
        x0983 vfrczsd Vo,Wq V
        x0990 vprotb Vo,Wo,Ho VF
        x0991 vprotw Vo,Wo,Ho VF
        x0992 vprotd Vo,Wo,Ho VF
        x0993 vprotq Vo,Wo,Ho VF
        x0994 vpshlb Vo,Wo,Ho VF
        x0995 vpshlw Vo,Wo,Ho VF
        x0996 vpshld Vo,Wo,Ho VF
        x0997 vpshlq Vo,Wo,Ho VF
        x0998 vpshab Vo,Wo,Ho VF
        x0999 vpshaw Vo,Wo,Ho VF
        x099a vpshad Vo,Wo,Ho VF
        x099b vpshaq Vo,Wo,Ho VF
        x09c1 vphaddbw Vo,Wo V
        x09c2 vphaddbd Vo,Wo V
        x09c3 vphaddbq Vo,Wo V
        x09c6 vphaddwd Vo,Wo V
        x09c7 vphaddwq Vo,Wo V
        x09cb vphadddq Vo,Wo V
        x09d1 vphaddubw Vo,Wo V
        x09d2 vphaddubd Vo,Wo V
        x09d3 vphaddubq Vo,Wo V
        x09d6 vphadduwd Vo,Wo V
        x09d7 vphadduwq Vo,Wo V
        x09db vphaddudq Vo,Wo V
        x09e1 vphsubbw Vo,Wo V
        x09e2 vphsubwd Vo,Wo V
        x09e3 vphsubdq Vo,Wo V
        x0a10 bextr Gy,Ey,Id V
        # ---- VEX opmask instructions (names completed by the decoder from pp and W)
        V0f90 kmov KG,KE V
        V66:0f90 kmov KG,KE V
        V0f91 kmov Mq,KG V
        V66:0f91 kmov Mq,KG V
        V0f92 kmov KG,Ry V
        V66:0f92 kmov KG,Ry V
        Vf2:0f92 kmov KG,Ry V
        V0f93 kmov Gy,KR V
        V66:0f93 kmov Gy,KR V
        Vf2:0f93 kmov Gy,KR V
        V0f98 kortest KG,KR V
        V66:0f98 kortest KG,KR V
        V0f99 ktest KG,KR V
        V66:0f99 ktest KG,KR V
        V0f41 kand KG,KH,KR V
        V66:0f41 kand KG,KH,KR V
        V0f42 kandn KG,KH,KR V
        V66:0f42 kandn KG,KH,KR V
        V0f44 knot KG,KR V
        V66:0f44 knot KG,KR V
        V0f45 kor KG,KH,KR V
        V66:0f45 kor KG,KH,KR V
        V0f46 kxnor KG,KH,KR V
        V66:0f46 kxnor KG,KH,KR V
        V0f47 kxor KG,KH,KR V
        V66:0f47 kxor KG,KH,KR V
        V0f4a kadd KG,KH,KR V
        V66:0f4a kadd KG,KH,KR V
        V0f4b kunpck KG,KH,KR V
        V66:0f4b kunpck KG,KH,KR V
        # ---- FMA (VEX 66 0F38, W selects ps/pd or ss/sd)
        # ---- EVEX entries that differ from VEX
        Ef3:0f6f vmovdqu32|vmovdqu64 Vx,Wx
        Ef2:0f6f vmovdqu8|vmovdqu16 Vx,Wx
        E66:0f6f vmovdqa32|vmovdqa64 Vx,Wx
        Ef3:0f7f vmovdqu32|vmovdqu64 Wx,Vx
        Ef2:0f7f vmovdqu8|vmovdqu16 Wx,Vx
        E66:0f7f vmovdqa32|vmovdqa64 Wx,Vx
        E66:0fdb vpandd|vpandq Vx,Hx,Wx
        E66:0fdf vpandnd|vpandnq Vx,Hx,Wx
        E66:0feb vpord|vporq Vx,Hx,Wx
        E66:0fef vpxord|vpxorq Vx,Hx,Wx
        E66:0f64 vpcmpgtb KG,Hx,Wx
        E66:0f65 vpcmpgtw KG,Hx,Wx
        E66:0f66 vpcmpgtd KG,Hx,Wx
        E66:0f74 vpcmpeqb KG,Hx,Wx
        E66:0f75 vpcmpeqw KG,Hx,Wx
        E66:0f76 vpcmpeqd KG,Hx,Wx
        E66:0f3829 vpcmpeqq KG,Hx,Wx 8
        E66:0f3837 vpcmpgtq KG,Hx,Wx 8
        E66:0f3826 vptestmb|vptestmw KG,Hx,Wx
        Ef3:0f3826 vptestnmb|vptestnmw KG,Hx,Wx
        E66:0f3827 vptestmd|vptestmq KG,Hx,Wx
        Ef3:0f3827 vptestnmd|vptestnmq KG,Hx,Wx
        E66:0f3a3e vpcmpub|vpcmpuw KG,Hx,Wx,Ib P
        E66:0f3a3f vpcmpb|vpcmpw KG,Hx,Wx,Ib P
        E66:0f3a1e vpcmpud|vpcmpuq KG,Hx,Wx,Ib P
        E66:0f3a1f vpcmpd|vpcmpq KG,Hx,Wx,Ib P
        E66:0f3a25 vpternlogd|vpternlogq Vx,Hx,Wx,Ib
        E66:0f387a vpbroadcastb Vx,Rd V
        E66:0f387b vpbroadcastw Vx,Rd V
        E66:0f387c vpbroadcastd|vpbroadcastq Vx,Ry V
        E66:0f3864 vpblendmd|vpblendmq Vx,Hx,Wx
        E66:0f3866 vpblendmb|vpblendmw Vx,Hx,Wx
        E66:0f383b vpminud|vpminuq Vx,Hx,Wx
        E66:0f3839 vpminsd|vpminsq Vx,Hx,Wx
        E66:0f383f vpmaxud|vpmaxuq Vx,Hx,Wx
        E66:0f383d vpmaxsd|vpmaxsq Vx,Hx,Wx
        E66:0f388d vpermb|vpermw Vx,Hx,Wx
        E66:0f3836 vpermd|vpermq Vx,Hx,Wx
        E66:0f3a00 vpermq Vx,Wx,Ib V8
        E66:0f3875 vpermi2b|vpermi2w Vx,Hx,Wx
        E66:0f3876 vpermi2d|vpermi2q Vx,Hx,Wx
        E66:0f387d vpermt2b|vpermt2w Vx,Hx,Wx
        E66:0f387e vpermt2d|vpermt2q Vx,Hx,Wx
        E66:0f3863 vpcompressb|vpcompressw Wx,Vx
        E66:0f388b vpcompressd|vpcompressq Wx,Vx
        E66:0f3862 vpexpandb|vpexpandw Vx,Wx
        E66:0f3889 vpexpandd|vpexpandq Vx,Wx
        E66:0f3a3b vextracti32x8|vextracti64x4 Wh,Vx,Ib
        E66:0f3a39 vextracti32x4|vextracti64x2 Wo,Vx,Ib
        E66:0f3a3a vinserti32x8|vinserti64x4 Vx,Hx,Wh,Ib
        E66:0f3a38 vinserti32x4|vinserti64x2 Vx,Hx,Wo,Ib
        E66:0f3a1b vextractf32x8|vextractf64x4 Wh,Vx,Ib
        E66:0f3a19 vextractf32x4|vextractf64x2 Wo,Vx,Ib
        E66:0f3a1a vinsertf32x8|vinsertf64x4 Vx,Hx,Wh,Ib
        E66:0f3a18 vinsertf32x4|vinsertf64x2 Vx,Hx,Wo,Ib
        Ef3:0f3830 vpmovwb Wh,Vx
        Ef3:0f3831 vpmovdb Wr,Vx
        Ef3:0f3833 vpmovdw Wh,Vx
        Ef3:0f3835 vpmovqd Wh,Vx
        E66:0f3a42 vdbpsadbw Vx,Hx,Wx,Ib
        E66:0f3a43 vshufi32x4|vshufi64x2 Vx,Hx,Wx,Ib
        E66:0f3a23 vshuff32x4|vshuff64x2 Vx,Hx,Wx,Ib
        E66:0f3a03 valignd|valignq Vx,Hx,Wx,Ib
        E66:0f3878 vpbroadcastb Vx,Wb V
        E66:0f3879 vpbroadcastw Vx,Ww V
        E66:0f3858 vpbroadcastd Vx,Wd V
        E66:0f3859 vbroadcasti32x2|vpbroadcastq Vx,Wq V
        E66:0f385a vbroadcasti32x4|vbroadcasti64x2 Vx,Mo V
        E66:0f385b vbroadcasti32x8|vbroadcasti64x4 Vx,Mh V
        E66:0f3818 vbroadcastss Vx,Wd V
        E66:0f3819 vbroadcastf32x2|vbroadcastsd Vx,Wq V
        E66:0f381a vbroadcastf32x4|vbroadcastf64x2 Vx,Mo V
        E66:0f381b vbroadcastf32x8|vbroadcastf64x4 Vx,Mh V
        Ef3:0f3828 vpmovm2b|vpmovm2w Vx,KR V
        Ef3:0f3838 vpmovm2d|vpmovm2q Vx,KR V
        Ef3:0f3829 vpmovb2m|vpmovw2m KG,Ux V
        Ef3:0f3839 vpmovd2m|vpmovq2m KG,Ux V
        E66:0f3804 vpmaddubsw Vx,Hx,Wx
        E66:0f384d vrcp14ss|vrcp14sd Vo,Ho,Wd V
        E66:0f38c4 vpconflictd|vpconflictq Vx,Wx V
        E66:0f3844 vplzcntd|vplzcntq Vx,Wx V
        E66:0f3855 vpopcntd|vpopcntq Vx,Wx V
        E66:0f3854 vpopcntb|vpopcntw Vx,Wx V
        E66:0f3810 vpsrlvw Vx,Hx,Wx V
        E66:0f3811 vpsravw Vx,Hx,Wx V
        E66:0f3812 vpsllvw Vx,Hx,Wx V
        Ef3:0f3810 vpmovuswb Wh,Vx V
        E66:0f38b4 vpmadd52luq Vx,Hx,Wx
        E66:0f38b5 vpmadd52huq Vx,Hx,Wx
        E66:0f72/0 vprord|vprorq Hx,Wx,Ib
        E66:0f72/1 vprold|vprolq Hx,Wx,Ib
        E66:0f72/2 vpsrld Hx,Wx,Ib
        E66:0f72/4 vpsrad|vpsraq Hx,Wx,Ib
        E66:0f72/6 vpslld Hx,Wx,Ib
        E66:0f3890 vpgatherdd|vpgatherdq Vx,A V
        E66:0f3891 vpgatherqd|vpgatherqq Vx,A V
        E66:0f3892 vgatherdps|vgatherdpd Vx,A V
        E66:0f3893 vgatherqps|vgatherqpd Vx,A V
        Ef3:0fe6 vcvtdq2pd|vcvtqq2pd Vx,Wh|Vx,Wx
        E66:0f7b vcvtps2qq|vcvtpd2qq Vx,Wh|Vx,Wx R
        E66:0f79 vcvtps2uqq|vcvtpd2uqq Vx,Wh|Vx,Wx R
        E66:0f7a vcvttps2qq|vcvttpd2qq Vx,Wh|Vx,Wx A
        E66:0f78 vcvttps2uqq|vcvttpd2uqq Vx,Wh|Vx,Wx A
        Ef3:0f7a vcvtudq2pd|vcvtuqq2pd Vx,Wh|Vx,Wx
        E0f5b vcvtdq2ps|vcvtqq2ps Vx,Wx|Vh,Wx R
        E0f79 vcvtps2udq|vcvtpd2udq Vx,Wx|Vh,Wx R
        E0f78 vcvttps2udq|vcvttpd2udq Vx,Wx|Vh,Wx A
        E66:0f38a0 vpscatterdd|vpscatterdq A,Vx V
        E66:0f38a1 vpscatterqd|vpscatterqq A,Vx V
        E66:0f38a2 vscatterdps|vscatterdpd A,Vx V
        E66:0f38a3 vscatterqps|vscatterqpd A,Vx V
        E66:0f3850 vpdpbusd Vx,Hx,Wx V
        E66:0f3851 vpdpbusds Vx,Hx,Wx V
        E66:0f3852 vpdpwssd Vx,Hx,Wx V
        E66:0f3853 vpdpwssds Vx,Hx,Wx V
        E0fc2 vcmpps KG,Hx,Wx,Ib pA
        E66:0fc2 vcmppd KG,Hx,Wx,Ib p8A
        Ef3:0fc2 vcmpss KG,Ho,Wd,Ib pA
        Ef2:0fc2 vcmpsd KG,Ho,Wq,Ib pA
        66:0f38e0 cmpoxadd My,Gy,By V
        66:0f38e1 cmpnoxadd My,Gy,By V
        66:0f38e2 cmpbxadd My,Gy,By V
        66:0f38e3 cmpnbxadd My,Gy,By V
        66:0f38e4 cmpzxadd My,Gy,By V
        66:0f38e5 cmpnzxadd My,Gy,By V
        66:0f38e6 cmpbexadd My,Gy,By V
        66:0f38e7 cmpnbexadd My,Gy,By V
        66:0f38e8 cmpsxadd My,Gy,By V
        66:0f38e9 cmpnsxadd My,Gy,By V
        66:0f38ea cmppxadd My,Gy,By V
        66:0f38eb cmpnpxadd My,Gy,By V
        66:0f38ec cmplxadd My,Gy,By V
        66:0f38ed cmpnlxadd My,Gy,By V
        66:0f38ee cmplexadd My,Gy,By V
        66:0f38ef cmpnlexadd My,Gy,By V
        66:0f3850 {vex}_vpdpbusd Vx,Hx,Wx V
        66:0f3851 {vex}_vpdpbusds Vx,Hx,Wx V
        66:0f3852 {vex}_vpdpwssd Vx,Hx,Wx V
        66:0f3853 {vex}_vpdpwssds Vx,Hx,Wx V
        f2:0f3850 vpdpbssd Vx,Hx,Wx V
        f2:0f3851 vpdpbssds Vx,Hx,Wx V
        f3:0f3850 vpdpbsud Vx,Hx,Wx V
        f3:0f3851 vpdpbsuds Vx,Hx,Wx V
        0f3850 vpdpbuud Vx,Hx,Wx V
        0f3851 vpdpbuuds Vx,Hx,Wx V
        66:0f38b4 {vex}_vpmadd52luq Vx,Hx,Wx V
        66:0f38b5 {vex}_vpmadd52huq Vx,Hx,Wx V
        66:0f38cf gf2p8mulb Vx,Hx,Wx
        66:0f3ace gf2p8affineqb Vx,Hx,Wx,Ib
        66:0f3acf gf2p8affineinvqb Vx,Hx,Wx,Ib
        E66:0f3810 vpsrlvw Vx,Hx,Wx
        Ef3:0f3811 vpmovusdb Wr,Vx
        E66:0f3811 vpsravw Vx,Hx,Wx
        Ef3:0f3812 vpmovusqb We,Vx
        E66:0f3812 vpsllvw Vx,Hx,Wx
        Ef3:0f3813 vpmovusdw Wh,Vx
        Ef3:0f3814 vpmovusqw Wr,Vx
        E66:0f3814 vprorvd|vprorvq Vx,Hx,Wx
        Ef3:0f3815 vpmovusqd Wh,Vx
        E66:0f3815 vprolvd|vprolvq Vx,Hx,Wx
        E66:0f3816 vpermps|vpermpd Vx,Hx,Wx
        E66:0f381f vpabsq Vx,Wx
        Ef3:0f3820 vpmovswb Wh,Vx
        Ef3:0f3821 vpmovsdb Wr,Vx
        Ef3:0f3822 vpmovsqb We,Vx
        Ef3:0f3823 vpmovsdw Wh,Vx
        Ef3:0f3824 vpmovsqw Wr,Vx
        Ef3:0f3825 vpmovsqd Wh,Vx
        Ef3:0f382a vpbroadcastmb2q Vx,KR
        E66:0f382c vscalefps|vscalefpd Vx,Hx,Wx R
        E66:0f382d vscalefss|vscalefsd Vo,Ho,Wd|Vo,Ho,Wq R
        Ef3:0f3832 vpmovqb We,Vx
        Ef3:0f3834 vpmovqw Wr,Vx
        Ef3:0f383a vpbroadcastmw2d Vx,KR
        E66:0f3840 vpmulld|vpmullq Vx,Hx,Wx
        E66:0f3842 vgetexpps|vgetexppd Vx,Wx A
        E66:0f3843 vgetexpss|vgetexpsd Vo,Ho,Wd|Vo,Ho,Wq A
        E66:0f3845 vpsrlvd|vpsrlvq Vx,Hx,Wx
        E66:0f3846 vpsravd|vpsravq Vx,Hx,Wx
        E66:0f3847 vpsllvd|vpsllvq Vx,Hx,Wx
        E66:0f384c vrcp14ps|vrcp14pd Vx,Wx
        E66:0f384d vrcp14ss|vrcp14sd Vo,Ho,Wd|Vo,Ho,Wq
        E66:0f384e vrsqrt14ps|vrsqrt14pd Vx,Wx
        E66:0f384f vrsqrt14ss|vrsqrt14sd Vo,Ho,Wd|Vo,Ho,Wq
        Ef2:0f3850 vpdpbssd Vx,Hx,Wx
        Ef2:0f3851 vpdpbssds Vx,Hx,Wx
        Ef3:0f3850 vpdpbsud Vx,Hx,Wx
        Ef3:0f3851 vpdpbsuds Vx,Hx,Wx
        E0f3850 vpdpbuud Vx,Hx,Wx
        E0f3851 vpdpbuuds Vx,Hx,Wx
        E66:0f3865 vblendmps|vblendmpd Vx,Hx,Wx
        E66:0f3870 vpshldvw Vx,Hx,Wx
        E66:0f3871 vpshldvd|vpshldvq Vx,Hx,Wx
        E66:0f3872 vpshrdvw Vx,Hx,Wx
        E66:0f3873 vpshrdvd|vpshrdvq Vx,Hx,Wx
        E66:0f3877 vpermi2ps|vpermi2pd Vx,Hx,Wx
        E66:0f387f vpermt2ps|vpermt2pd Vx,Hx,Wx
        E66:0f3883 vpmultishiftqb Vx,Hx,Wx
        E66:0f3888 vexpandps|vexpandpd Vx,Wx
        E66:0f388a vcompressps|vcompresspd Wx,Vx
        E66:0f388f vpshufbitqmb KG,Hx,Wx
        E66:0f38c8 vexp2ps|vexp2pd Vx,Wx A
        E66:0f38ca vrcp28ps|vrcp28pd Vx,Wx A
        E66:0f38cb vrcp28ss|vrcp28sd Vo,Ho,Wd|Vo,Ho,Wq A
        E66:0f38cc vrsqrt28ps|vrsqrt28pd Vx,Wx A
        E66:0f38cd vrsqrt28ss|vrsqrt28sd Vo,Ho,Wd|Vo,Ho,Wq A
        E66:0f38cf vgf2p8mulb Vx,Hx,Wx
        E66:0f3a08 vrndscaleps Vx,Wx,Ib A
        E66:0f3a09 vrndscalepd Vx,Wx,Ib A
        E66:0f3a0a vrndscaless Vo,Ho,Wd,Ib A
        E66:0f3a0b vrndscalesd Vo,Ho,Wq,Ib A
        E66:0f3a26 vgetmantps|vgetmantpd Vx,Wx,Ib A
        E66:0f3a27 vgetmantss|vgetmantsd Vo,Ho,Wd,Ib|Vo,Ho,Wq,Ib A
        E66:0f3a50 vrangeps|vrangepd Vx,Hx,Wx,Ib A
        E66:0f3a51 vrangess|vrangesd Vo,Ho,Wd,Ib|Vo,Ho,Wq,Ib A
        E66:0f3a54 vfixupimmps|vfixupimmpd Vx,Hx,Wx,Ib A
        E66:0f3a55 vfixupimmss|vfixupimmsd Vo,Ho,Wd,Ib|Vo,Ho,Wq,Ib A
        E66:0f3a56 vreduceps|vreducepd Vx,Wx,Ib A
        E66:0f3a57 vreducess|vreducesd Vo,Ho,Wd,Ib|Vo,Ho,Wq,Ib A
        E66:0f3a66 vfpclassps|vfpclasspd KG,Wx,Ib
        E66:0f3a67 vfpclassss|vfpclasssd KG,Wd,Ib|KG,Wq,Ib
        E66:0f3ace vgf2p8affineqb Vx,Hx,Wx,Ib
        E66:0f3acf vgf2p8affineinvqb Vx,Hx,Wx,Ib
        E66:0fe2 vpsrad|vpsraq Vx,Hx,Wo
        E66:0f71/2 vpsrlw Hx,Wx,Ib
        E66:0f71/4 vpsraw Hx,Wx,Ib
        E66:0f71/6 vpsllw Hx,Wx,Ib
        E66:0f73/2 vpsrlq Hx,Wx,Ib
        E66:0f73/3 vpsrldq Hx,Wx,Ib
        E66:0f73/6 vpsllq Hx,Wx,Ib
        E66:0f73/7 vpslldq Hx,Wx,Ib
        Ef3:0f2a vcvtsi2ss~ Vo,Ho,Ey R
        Ef2:0f2a vcvtsi2sd~ Vo,Ho,Ey R
        Ef3:0f7b vcvtusi2ss~ Vo,Ho,Ey R
        Ef2:0f7b vcvtusi2sd~ Vo,Ho,Ey R
        Ef3:0f78 vcvttss2usi Gy,Wd A
        Ef2:0f78 vcvttsd2usi Gy,Wq A
        Ef3:0f79 vcvtss2usi Gy,Wd R
        Ef2:0f79 vcvtsd2usi Gy,Wq R
        E66:0f3a70 vpshldw Vx,Hx,Wx,Ib V
        E66:0f3a71 vpshldd|vpshldq Vx,Hx,Wx,Ib V
        E66:0f3a72 vpshrdw Vx,Hx,Wx,Ib V
        E66:0f3a73 vpshrdd|vpshrdq Vx,Hx,Wx,Ib V
        """;
}
