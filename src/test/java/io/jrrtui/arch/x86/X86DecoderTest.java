package io.jrrtui.arch.x86;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hand-written byte sequences for each encoding family, with the text objdump 2.40 prints for them
 * (decoded at address 0; branch targets and rip-relative comments refer to that address).
 */
class X86DecoderTest {
    private final X86Decoder decoder = new X86Decoder();

    /** {hex bytes, expected AT&T text}; "(bad)" means INVALID of length 1. */
    private static final String[][] CASES = {
            {"4889e5", "mov    %rsp,%rbp"},
            {"55", "push   %rbp"},
            {"c3", "ret"},
            {"f3c3", "repz ret"},
            {"f20f1efa", "repnz nop %edx"},
            {"f30f1efa", "endbr64"},
            {"6690", "xchg   %ax,%ax"},
            {"662e0f1f840000000000", "cs nopw 0x0(%rax,%rax,1)"},
            {"66662e0f1f840000000000", "data16 cs nopw 0x0(%rax,%rax,1)"},
            {"f0480fb111", "lock cmpxchg %rdx,(%rcx)"},
            {"f048ff00", "lock incq (%rax)"},
            {"f3a4", "rep movsb %ds:(%rsi),%es:(%rdi)"},
            {"f348ab", "rep stos %rax,%es:(%rdi)"},
            {"f3a6", "repz cmpsb %es:(%rdi),%ds:(%rsi)"},
            {"f2ae", "repnz scas %es:(%rdi),%al"},
            {"26a5", "movsl  %ds:(%rsi),%es:(%rdi)"},
            {"64488b042528000000", "mov    %fs:0x28,%rax"},
            {"65448b242510000000", "mov    %gs:0x10,%r12d"},
            {"4c8b0cc510000000", "mov    0x10(,%rax,8),%r9"},
            {"8b04c5f0ffffff", "mov    -0x10(,%rax,8),%eax"},
            {"8b0425f0ffffff", "mov    0xfffffffffffffff0,%eax"},
            {"488d3d00010000", "lea    0x100(%rip),%rdi        # 107"},
            {"8b05f0ffffff", "mov    -0x10(%rip),%eax        # fffffffffffffff6"},
            {"4d8b5c7516", "mov    0x16(%r13,%rsi,2),%r11"},
            {"4e8b5c3d00", "mov    0x0(%rbp,%r15,1),%r11"},
            {"418b04e4", "mov    (%r12,%riz,8),%eax"},
            {"8d742600", "lea    0x0(%rsi,%riz,1),%esi"},
            {"8b0464", "mov    (%rsp,%riz,2),%eax"},
            {"678b00", "mov    (%eax),%eax"},
            {"66c7003412", "movw   $0x1234,(%rax)"},
            {"c6440df801", "movb   $0x1,-0x8(%rbp,%rcx,1)"},
            {"48b88877665544332211", "movabs $0x1122334455667788,%rax"},
            {"0fbec0", "movsbl %al,%eax"},
            {"480fb716", "movzwq (%rsi),%rdx"},
            {"4863d8", "movslq %eax,%rbx"},
            {"4898", "cltq"},
            {"4899", "cqto"},
            {"98", "cwtl"},
            {"99", "cltd"},
            {"6698", "cbtw"},
            {"4990", "xchg   %rax,%r8"},
            {"4190", "xchg   %eax,%r8d"},
            {"d3e0", "shl    %cl,%eax"},
            {"49d3e0", "shl    %cl,%r8"},
            {"41c0f903", "sar    $0x3,%r9b"},
            {"d1c0", "rol    %eax"},
            {"480fa4c304", "shld   $0x4,%rax,%rbx"},
            {"486bd812", "imul   $0x12,%rax,%rbx"},
            {"690a45230100", "imul   $0x12345,(%rdx),%ecx"},
            {"0fba2003", "btl    $0x3,(%rax)"},
            {"480fab03", "bts    %rax,(%rbx)"},
            {"410f95c2", "setne  %r10b"},
            {"480f43d1", "cmovae %rcx,%rdx"},
            {"f3480fb8d8", "popcnt %rax,%rbx"},
            {"f30fbdd1", "lzcnt  %ecx,%edx"},
            {"f3480fbc30", "tzcnt  (%rax),%rsi"},
            {"0f31", "rdtsc"},
            {"0f01f9", "rdtscp"},
            {"0fa2", "cpuid"},
            {"0f05", "syscall"},
            {"0f01d0", "xgetbv"},
            {"0fc7f0", "rdrand %eax"},
            {"480fc7f9", "rdseed %rcx"},
            {"0fae27", "xsave  (%rdi)"},
            {"480fae27", "xsave64 (%rdi)"},
            {"0faee8", "lfence"},
            {"cc", "int3"},
            {"f4", "hlt"},
            {"0f0b", "ud2"},
            {"cd80", "int    $0x80"},
            {"c7f800000000", "xbegin 6"},
            {"0f01d5", "xend"},
            {"c6f803", "xabort $0x3"},
            {"0f01d6", "xtest"},
            {"ffd0", "call   *%rax"},
            {"ff5310", "call   *0x10(%rbx)"},
            {"3effe2", "notrack jmp *%rdx"},
            {"f2ffe1", "bnd jmp *%rcx"},
            {"e800000000", "call   5"},
            {"e9fbffffff", "jmp    0"},
            {"ebfe", "jmp    0"},
            {"7405", "je     7"},
            {"0f8400010000", "je     106"},
            {"e3fe", "jrcxz  0"},
            {"e2fe", "loop   0"},
            {"0f01ef", "wrpkru"},
            {"0f01ee", "rdpkru"},
            {"f3480faec0", "rdfsbase %rax"},
            {"f30faed3", "wrfsbase %ebx"},
            {"d9c3", "fld    %st(3)"},
            {"db28", "fldt   (%rax)"},
            {"dd5c2408", "fstpl  0x8(%rsp)"},
            {"df2a", "fildll (%rdx)"},
            {"df3a", "fistpll (%rdx)"},
            {"dec2", "faddp  %st,%st(2)"},
            {"dee9", "fsubrp %st,%st(1)"},
            {"dcfa", "fdivr  %st,%st(2)"},
            {"d9c9", "fxch   %st(1)"},
            {"dfe9", "fucomip %st(1),%st"},
            {"dac2", "fcmovb %st(2),%st"},
            {"d93f", "fnstcw (%rdi)"},
            {"9bd93f", "fstcw  (%rdi)"},
            {"dfe0", "fnstsw %ax"},
            {"9bdfe0", "fstsw  %ax"},
            {"d9ee", "fldz"},
            {"d9e8", "fld1"},
            {"d9fb", "fsincos"},
            {"dbe3", "fninit"},
            {"0f6fd1", "movq   %mm1,%mm2"},
            {"0ffc18", "paddb  (%rax),%mm3"},
            {"0f73d504", "psrlq  $0x4,%mm5"},
            {"0f77", "emms"},
            {"0f28d1", "movaps %xmm1,%xmm2"},
            {"440f1008", "movups (%rax),%xmm9"},
            {"0f58d1", "addps  %xmm1,%xmm2"},
            {"f2440f597808", "mulsd  0x8(%rax),%xmm15"},
            {"f2480f2ac8", "cvtsi2sd %rax,%xmm1"},
            {"f30f2a10", "cvtsi2ssl (%rax),%xmm2"},
            {"f24c0f2cc3", "cvttsd2si %xmm3,%r8"},
            {"0fc2d101", "cmpltps %xmm1,%xmm2"},
            {"f20fc2e304", "cmpneqsd %xmm3,%xmm4"},
            {"0fc6d11b", "shufps $0x1b,%xmm1,%xmm2"},
            {"660f3800d1", "pshufb %xmm1,%xmm2"},
            {"660f3a0fe305", "palignr $0x5,%xmm3,%xmm4"},
            {"660f383008", "pmovzxbw (%rax),%xmm1"},
            {"660f3a63061a", "pcmpistri $0x1a,(%rsi),%xmm0"},
            {"660f3a60d140", "pcmpestrm $0x40,%xmm1,%xmm2"},
            {"f2480f38f1d8", "crc32  %rax,%rbx"},
            {"f20f38f0d1", "crc32  %cl,%edx"},
            {"66480f3a22d801", "pinsrq $0x1,%rax,%xmm3"},
            {"660f3a16e102", "pextrd $0x2,%xmm4,%ecx"},
            {"660f3817d1", "ptest  %xmm1,%xmm2"},
            {"660f3814d1", "blendvps %xmm0,%xmm1,%xmm2"},
            {"660f38dcd1", "aesenc %xmm1,%xmm2"},
            {"660f38df18", "aesdeclast (%rax),%xmm3"},
            {"660f3adfec01", "aeskeygenassist $0x1,%xmm4,%xmm5"},
            {"660f3a44d111", "pclmulhqhqdq %xmm1,%xmm2"},
            {"660f3a44e301", "pclmulhqlqdq %xmm3,%xmm4"},
            {"0f38cbd1", "sha256rnds2 %xmm0,%xmm1,%xmm2"},
            {"0f3acce302", "sha1rnds4 $0x2,%xmm3,%xmm4"},
            {"0f38c9f5", "sha1msg1 %xmm5,%xmm6"},
            {"480fc303", "movnti %rax,(%rbx)"},
            {"660fe708", "movntdq %xmm1,(%rax)"},
            {"0f1808", "prefetcht0 (%rax)"},
            {"0f184640", "prefetchnta 0x40(%rsi)"},
            {"c5fe6f08", "vmovdqu (%rax),%ymm1"},
            {"c5fd7f542420", "vmovdqa %ymm2,0x20(%rsp)"},
            {"c5ed57d9", "vxorpd %ymm1,%ymm2,%ymm3"},
            {"c441305715", "(bad)"},
            {"c5eb58d9", "vaddsd %xmm1,%xmm2,%xmm3"},
            {"c5ea10d9", "vmovss %xmm1,%xmm2,%xmm3"},
            {"c4e27d78c8", "vpbroadcastb %xmm0,%ymm1"},
            {"c4e3fd00d14e", "vpermq $0x4e,%ymm1,%ymm2"},
            {"c4e36d46d921", "vperm2i128 $0x21,%ymm1,%ymm2,%ymm3"},
            {"c4e36d38d901", "vinserti128 $0x1,%xmm1,%ymm2,%ymm3"},
            {"c4e37d39e501", "vextracti128 $0x1,%ymm4,%xmm5"},
            {"c4e3654cdc40", "vpblendvb %ymm4,%ymm4,%ymm3,%ymm3"},
            {"c4e2751488", "(bad)"},
            {"c4e2fd98d9", "vfmadd132pd %ymm1,%ymm0,%ymm3"},
            {"c4e2ed990b", "vfmadd132sd (%rbx),%xmm2,%xmm1"},
            {"c4e26d900488", "vpgatherdd %ymm2,(%rax,%ymm1,4),%ymm0"},
            {"c4e2f5b8d1", "vfmadd231pd %ymm1,%ymm1,%ymm2"},
            {"c5ec5cd9", "vsubps %ymm1,%ymm2,%ymm3"},
            {"c4e2f0f2c8", "andn   %rax,%rcx,%rcx"},
            {"c4e260f7cb", "bextr  %ebx,%ebx,%ecx"},
            {"c4e2f0f3c8", "blsr   %rax,%rcx"},
            {"c4e2e0f5c8", "bzhi   %rbx,%rax,%rcx"},
            {"c4e2f3f5c8", "pdep   %rax,%rcx,%rcx"},
            {"c4e262f5c8", "pext   %eax,%ebx,%ecx"},
            {"c4e2f3f6c8", "mulx   %rax,%rcx,%rcx"},
            {"c4e3fbf0d805", "rorx   $0x5,%rax,%rbx"},
            {"c4e2f9f7cb", "shlx   %rax,%rbx,%rcx"},
            {"c4e262f70b", "sarx   %ebx,(%rbx),%ecx"},
            {"c5f8ae10", "vldmxcsr (%rax)"},
            {"c5f877", "vzeroupper"},
            {"c5fc77", "vzeroall"},
            {"c5fd5a08", "vcvtpd2psy (%rax),%xmm1"},
            {"c5f9e6c1", "vcvttpd2dq %xmm1,%xmm0"},
            {"62e1fe486f4601", "vmovdqu64 0x40(%rsi),%zmm16"},
            {"62f17f497f4ffe", "vmovdqu8 %zmm1,-0x80(%rdi){%k1}"},
            {"62f16d4afed9", "vpaddd %zmm1,%zmm2,%zmm3{%k2}"},
            {"62f174485810", "vaddps (%rax),%zmm1,%zmm2"},
            {"62f1f54b584801", "vaddpd 0x40(%rax),%zmm1,%zmm1{%k3}"},
            {"62f16c7858d9", "vaddps {rz-sae},%zmm1,%zmm2,%zmm3"},
            {"62f16d4874c9", "vpcmpeqb %zmm1,%zmm2,%k1"},
            {"62f36d293ed901", "vpcmpltub %ymm1,%ymm2,%k3{%k1}"},
            {"6292164026c5", "vptestnmb %zmm29,%zmm29,%k0"},
            {"62e37548255701de", "vpternlogd $0xde,0x40(%rdi),%zmm1,%zmm18"},
            {"62a1d540efd4", "vpxorq %zmm20,%zmm21,%zmm18"},
            {"62f27d487ced", "vpbroadcastd %ebp,%zmm5"},
            {"62620d203bb800010000", "vpminud 0x100(%rax),%ymm30,%ymm31"},
            {"62f27d498b08", "vpcompressd %zmm1,(%rax){%k1}"},
            {"c4e1f893c1", "(bad)"},
            {"c5fb92d0", "kmovd  %eax,%k2"},
            {"c4e1f998ca", "kortestd %k2,%k1"},
            {"c5f54bd9", "kunpckbw %k1,%k1,%k3"},
            {"c4e1f446c9", "kxnorq %k1,%k1,%k1"},
            {"62f27d49900c8d01", "(bad)"},
            {"62b2fd4aa01cd8", "vpscatterdq %zmm3,(%rax,%ymm11,8){%k2}"},
            {"62f1fe48e6d1", "vcvtqq2pd %zmm1,%zmm2"},
            {"62f1fd18c2c100", "vcmpeqpd {sae},%zmm1,%zmm0,%k0"},
            {"62f37d4839d301", "vextracti32x4 $0x1,%zmm2,%xmm3"},
            {"62e1fd087ec1", "vmovq  %xmm16,%rcx"},
            {"62e17d086ec8", "vmovd  %eax,%xmm17"},
            {"62f26d487dd9", "vpermt2b %zmm1,%zmm2,%zmm3"},
            {"8fe878c2ec0e", "vprotd $0xe,%xmm4,%xmm5"},
            {"8fe9f890c1", "vprotb %xmm1,%xmm0,%xmm0"},
            {"c4e3f96bc210", "vfmaddsd %xmm2,%xmm1,%xmm0,%xmm0"},
            {"c4e3f96ac210", "vfmaddss %xmm2,%xmm1,%xmm0,%xmm0"},
            {"0f0b0f", "ud2"},
            {"62", "(bad)"},
            {"c5", "(bad)"},
            {"0f", "(bad)"},
            {"ff", "(bad)"},
            {"06", "(bad)"},
            {"d7", "xlat   %ds:(%rbx)"},
    };

    private Instruction decode(String hex) {
        return decoder.decode(HexFormat.of().parseHex(hex), 0, 0);
    }

    @Test
    void everyFamilyMatchesObjdumpText() {
        List<String> failures = new ArrayList<>();
        for (String[] c : CASES) {
            Instruction ins = decode(c[0]);
            int expectedLength = c[1].equals("(bad)") ? 1 : c[0].length() / 2;
            if (c[0].equals("0f0b0f")) {
                expectedLength = 2; // ud2 followed by a stray byte
            }
            if (!ins.text().equals(c[1]) || ins.length() != expectedLength) {
                failures.add(c[0] + ": want [" + c[1] + "] len " + expectedLength + ", got [" + ins.text()
                        + "] len " + ins.length());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void intelSyntaxMatchesObjdumpMIntel() {
        String[][] intel = {
            {"4889e5", "mov    rbp,rsp"},
            {"64488b042528000000", "mov    rax,QWORD PTR fs:0x28"},
            {"8b04c5f0ffffff", "mov    eax,DWORD PTR [rax*8-0x10]"},
            {"8d742600", "lea    esi,[rsi+riz*1+0x0]"},
            {"488d05f0ffffff", "lea    rax,[rip+0xfffffffffffffff0]        # fffffffffffffff7"},
            {"66c7003412", "mov    WORD PTR [rax],0x1234"},
            {"0fb6c0", "movzx  eax,al"},
            {"4898", "cdqe"},
            {"d1e8", "shr    eax,1"},
            {"f348ab", "rep stos QWORD PTR es:[rdi],rax"},
            {"ff5310", "call   QWORD PTR [rbx+0x10]"},
            {"db28", "fld    TBYTE PTR [rax]"},
            {"dce1", "fsubr  st(1),st"},
            {"9bd93f", "fstcw  WORD PTR [rdi]"},
            {"f30f2a10", "cvtsi2ss xmm2,DWORD PTR [rax]"},
            {"c5fd5a08", "vcvtpd2ps xmm1,YMMWORD PTR [rax]"},
            {"c4e26d900488", "vpgatherdd ymm0,DWORD PTR [rax+ymm1*4],ymm2"},
            {"62f174585810", "vaddps zmm2,zmm1,DWORD BCST [rax]"},
            {"62f16d4afed9", "vpaddd zmm3{k2},zmm2,zmm1"},
            {"62f16c7858d9", "vaddps zmm3,zmm2,zmm1{rz-sae}"},
            {"62f1fd18c2c100", "vcmpeqpd k0,zmm0,zmm1{sae}"},
            {"06", "(bad)"},
        };
        List<String> failures = new ArrayList<>();
        for (String[] c : intel) {
            String got = decode(c[0]).intelText();
            if (!got.equals(c[1])) {
                failures.add(c[0] + ": want [" + c[1] + "] got [" + got + "]");
            }
        }
        assertEquals(List.of(), failures);
        assertEquals("call   401136 <foo>",
                decoder.decode(HexFormat.of().parseHex("e831000000"), 0, 0x401100).intelText(a -> "foo"));
    }

    @Test
    void classifiesControlFlow() {
        assertEquals(Kind.CALL, decode("e800000000").kind());
        assertEquals(Kind.CALL_INDIRECT, decode("ff5310").kind());
        assertEquals(Kind.RET, decode("c3").kind());
        assertEquals(Kind.RET, decode("f3c3").kind());
        assertEquals(Kind.JUMP, decode("ebfe").kind());
        assertEquals(Kind.JUMP_INDIRECT, decode("3effe2").kind());
        assertEquals(Kind.JUMP_CONDITIONAL, decode("0f8400010000").kind());
        assertEquals(Kind.JUMP_CONDITIONAL, decode("e2fe").kind());
        assertEquals(Kind.SYSCALL, decode("0f05").kind());
        assertEquals(Kind.INT3, decode("cc").kind());
        assertEquals(Kind.HLT, decode("f4").kind());
        assertEquals(Kind.INTERRUPT, decode("cd80").kind());
        assertEquals(Kind.SEQUENTIAL, decode("4889e5").kind());
        assertEquals(Kind.INVALID, decode("06").kind());
        assertTrue(decode("ff5310").kind().isCall());
        assertTrue(decode("7405").kind().isJump());
        assertFalse(decode("4889e5").kind().changesFlow());
    }

    @Test
    void directBranchTargetsAndSymbols() {
        byte[] call = HexFormat.of().parseHex("e831000000");
        Instruction ins = decoder.decode(call, 0, 0x401100);
        assertTrue(ins.hasBranchTarget());
        assertEquals(0x401136, ins.branchTarget());
        assertEquals("call   401136 <foo>", ins.text(a -> a == 0x401136 ? "foo" : null));
        assertEquals("call   401136", ins.text(a -> null));
        Instruction back = decoder.decode(HexFormat.of().parseHex("75f0"), 0, 0x1000);
        assertEquals(0x1000 + 2 - 0x10, back.branchTarget());
        assertEquals(0x401105, ins.nextAddress());
        assertFalse(decoder.decode(HexFormat.of().parseHex("ffd0"), 0, 0).hasBranchTarget());
    }

    @Test
    void ripRelativeOperandsResolve() {
        Instruction ins = decoder.decode(HexFormat.of().parseHex("488d3d00010000"), 0, 0x2000);
        assertTrue(ins.isRipRelative());
        assertEquals(0x2007 + 0x100, ins.memoryTarget());
        assertEquals("lea    0x100(%rip),%rdi        # 2107 <data+0x7>",
                ins.text(a -> a == 0x2107 ? "data+0x7" : null));
        assertFalse(decode("4889e5").isRipRelative());
        assertEquals(-1, decode("4889e5").memoryTarget());
    }

    @Test
    void recordHoldsBytesMnemonicAndOperands() {
        Instruction ins = decoder.decode(HexFormat.of().parseHex("90f0480fb111c3"), 1, 0x10);
        assertEquals(0x10, ins.address());
        assertEquals(5, ins.length());
        assertArrayEquals(HexFormat.of().parseHex("f0480fb111"), ins.bytes());
        assertEquals("lock cmpxchg", ins.mnemonic());
        assertEquals(List.of("%rdx", "(%rcx)"), ins.operands());
    }

    @Test
    void byteBufferVariantReadsAbsoluteOffsets() {
        ByteBuffer buf = ByteBuffer.wrap(HexFormat.of().parseHex("904889e5"));
        buf.position(3);
        Instruction ins = decoder.decode(buf, 1, 0x400001);
        assertEquals("mov    %rsp,%rbp", ins.text());
        assertEquals(3, buf.position());
        assertEquals(Kind.INVALID, decoder.decode(buf, 4, 0).kind());
    }

    @Test
    void truncatedAndOutOfRangeInputIsInvalidNotAnException() {
        byte[] code = HexFormat.of().parseHex("488b8400");
        Instruction ins = decoder.decode(code, 0, 0);
        assertEquals(Kind.INVALID, ins.kind());
        assertEquals("(bad)", ins.text());
        assertEquals(1, ins.length());
        assertEquals(Kind.INVALID, decoder.decode(code, 4, 0).kind());
        assertEquals(Kind.INVALID, decoder.decode(code, -1, 0).kind());
        assertEquals(Kind.INVALID, decoder.decode(new byte[0], 0, 0).kind());
        // 15 prefixes: longer than the architectural limit
        assertEquals(Kind.INVALID, decode("666666666666666666666666666666" + "90").kind());
    }

    @Test
    void randomBytesNeverThrowAndStayWithinLimits() {
        Random r = new Random(42);
        byte[] code = new byte[1 << 16];
        r.nextBytes(code);
        int off = 0;
        int n = 0;
        while (off < code.length) {
            Instruction ins = decoder.decode(code, off, off);
            assertTrue(ins.length() >= 1 && ins.length() <= X86Decoder.MAX_LENGTH, ins.toString());
            assertEquals(ins.length(), ins.bytes().length);
            ins.text(a -> "sym");
            off += ins.length();
            n++;
        }
        assertTrue(n > 10_000);
    }
}
