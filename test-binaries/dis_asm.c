/* Disassembler fixture: instruction forms that compilers rarely emit for the differential test
 * against objdump (X86DecoderObjdumpTest). The asm is never executed: main only prints. */
#include <stdio.h>

/* File-scope (basic) asm: no operand substitution, so registers are written with a single %. */
__asm__(
        ".text\n"
        ".globl dis_forms\n"
        ".type dis_forms, @function\n"
        "dis_forms:\n"

        /* legacy prefixes, REX, SIB without base, rip-relative */
        "lock addl $1, (%rax)\n"
        "lock cmpxchg %rcx, 8(%rdx)\n"
        "rep movsb\n rep stosq\n repz cmpsb\n repnz scasb\n"
        "movw $0x1234, (%rax)\n movb $1, -8(%rbp,%rcx,4)\n"
        "mov 0x10(,%rax,8), %r9\n mov %fs:0x28, %rax\n mov %gs:0x10, %r12d\n"
        "lea 0x100(%rip), %r15\n mov -0x20(%r13,%r14,2), %r11w\n"
        "movabs $0x1122334455667788, %r10\n movsbl %al, %ecx\n movzwq (%rsi), %rdx\n movslq %eax, %rbx\n"
        "cltq\n cqto\n cwtl\n cltd\n xchg %r8, %rax\n bswap %r9d\n"
        "shl %cl, %r8\n sar $3, %r9b\n rol %eax\n shld $4, %rax, %rbx\n"
        "imul $0x12, %rax, %rbx\n imul $0x12345, (%rcx), %edx\n"
        "btl $3, (%rax)\n btsq %rax, (%rbx)\n setne %r10b\n cmovae %rcx, %rdx\n"
        "popcnt %rax, %rbx\n lzcnt %ecx, %edx\n tzcnt (%rax), %rsi\n"
        "endbr64\n rdtsc\n rdtscp\n cpuid\n syscall\n xgetbv\n rdrand %eax\n rdseed %rcx\n"
        "xsave (%rdi)\n xsave64 (%rdi)\n xrstor (%rdi)\n xsavec (%rdi)\n xsaveopt (%rdi)\n"
        "pause\n lfence\n mfence\n sfence\n int3\n hlt\n ud2\n int $0x80\n"
        "nop\n nopw 0x0(%rax,%rax,1)\n .byte 0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0, 0, 0, 0, 0\n"
        "xbegin 1f\n xend\n xabort $3\n xtest\n1:\n"
        "call *%rax\n call *0x10(%rbx)\n notrack jmp *%rdx\n\n"
        "wrpkru\n rdpkru\n rdfsbase %rax\n wrgsbase %rbx\n"
        /* x87 */
        "fld %st(3)\n fldt (%rax)\n fstpl 8(%rsp)\n fildll (%rdx)\n fistpll (%rdx)\n"
        "faddp %st, %st(2)\n fsubrp %st, %st(1)\n fdiv %st(2), %st\n fxch %st(1)\n"
        "fucomip %st(1), %st\n fcmovne %st(2), %st\n fnstcw (%rax)\n fstcw (%rax)\n fnstsw %ax\n"
        "fldz\n fld1\n fchs\n fabs\n fsqrt\n fsincos\n fninit\n"
        /* MMX, SSE1-4.2, AES, PCLMUL, SHA */
        "movq %mm1, %mm2\n paddb (%rax), %mm3\n psrlq $4, %mm5\n emms\n"
        "movaps %xmm1, %xmm2\n movups (%rax), %xmm9\n addps %xmm1, %xmm2\n mulsd 8(%rax), %xmm15\n"
        "cvtsi2sd %rax, %xmm1\n cvtsi2ssl (%rax), %xmm2\n cvttsd2si %xmm3, %r8\n"
        "cmpltps %xmm1, %xmm2\n cmpneqsd %xmm3, %xmm4\n shufps $0x1b, %xmm1, %xmm2\n"
        "pshufb %xmm1, %xmm2\n palignr $5, %xmm3, %xmm4\n pmovzxbw (%rax), %xmm1\n"
        "pcmpistri $0x1a, (%rsi), %xmm0\n pcmpestrm $0x40, %xmm1, %xmm2\n crc32q %rax, %rbx\n crc32b %cl, %edx\n"
        "pinsrq $1, %rax, %xmm3\n pextrd $2, %xmm4, %ecx\n ptest %xmm1, %xmm2\n blendvps %xmm0, %xmm1, %xmm2\n"
        "aesenc %xmm1, %xmm2\n aesdeclast (%rax), %xmm3\n aeskeygenassist $1, %xmm4, %xmm5\n"
        "pclmulqdq $0x11, %xmm1, %xmm2\n pclmulqdq $0x01, %xmm3, %xmm4\n"
        "sha256rnds2 %xmm0, %xmm1, %xmm2\n sha1rnds4 $2, %xmm3, %xmm4\n sha1msg1 %xmm5, %xmm6\n"
        "movnti %rax, (%rbx)\n movntdq %xmm1, (%rax)\n prefetcht0 (%rax)\n prefetchnta 64(%rsi)\n"
        /* VEX: AVX, AVX2, FMA, BMI1/2 */
        "vmovdqu (%rax), %ymm1\n vmovdqa %ymm2, 0x20(%rsp)\n vpaddd %ymm1, %ymm2, %ymm3\n"
        "vxorps %xmm8, %xmm9, %xmm10\n vaddsd %xmm1, %xmm2, %xmm3\n vmovss %xmm1, %xmm2, %xmm3\n"
        "vpbroadcastb %xmm0, %ymm1\n vpermq $0x4e, %ymm1, %ymm2\n vperm2i128 $0x21, %ymm1, %ymm2, %ymm3\n"
        "vinserti128 $1, %xmm1, %ymm2, %ymm3\n vextracti128 $1, %ymm4, %xmm5\n vpblendvb %ymm1, %ymm2, %ymm3, %ymm4\n"
        "vpgatherdd %ymm2, (%rax,%ymm1,4), %ymm0\n vgatherqps %xmm2, 8(%rax,%ymm1,8), %xmm0\n"
        "vfmadd231pd %ymm1, %ymm2, %ymm3\n vfnmsub132ss (%rax), %xmm1, %xmm2\n"
        "vcmpltps %ymm1, %ymm2, %ymm3\n vcvtpd2psy (%rax), %xmm1\n vzeroupper\n vzeroall\n"
        "andn %rax, %rbx, %rcx\n bextr %eax, %ebx, %ecx\n blsr %rax, %rbx\n bzhi %rax, %rbx, %rcx\n"
        "pdep %rax, %rbx, %rcx\n pext %eax, %ebx, %ecx\n mulx %rax, %rbx, %rcx\n rorx $5, %rax, %rbx\n"
        "shlx %rax, %rbx, %rcx\n sarx %eax, (%rbx), %ecx\n vldmxcsr (%rax)\n"
        /* EVEX: AVX-512 masking, zeroing, broadcast, rounding, disp8*N */
        "vmovdqu64 0x40(%rsi), %zmm16\n vmovdqu8 %zmm1, -0x80(%rdi){%k1}\n"
        "vpaddd %zmm1, %zmm2, %zmm3{%k2}{z}\n vaddps (%rax){1to16}, %zmm1, %zmm2\n"
        "vaddpd 0x8(%rax){1to8}, %zmm1, %zmm2{%k3}\n vaddps {rz-sae}, %zmm1, %zmm2, %zmm3\n"
        "vpcmpeqb %zmm1, %zmm2, %k1\n vpcmpub $1, %ymm1, %ymm2, %k3{%k1}\n vptestnmb %zmm29, %zmm29, %k0\n"
        "vpternlogd $0xde, 0x40(%rdi), %zmm17, %zmm18\n vpxorq %zmm20, %zmm21, %zmm22\n"
        "vpbroadcastd %esi, %zmm5\n vpminud 0x100(%rax), %ymm30, %ymm31\n vpcompressd %zmm1, (%rax){%k1}\n"
        "kmovq %k1, %rax\n kmovd %eax, %k2\n kortestd %k1, %k2\n kunpckbw %k1, %k2, %k3\n kxnorq %k1, %k1, %k1\n"
        "vpgatherdd 0x40(%rax,%zmm1,4), %zmm0{%k1}\n vpscatterqq %zmm2, (%rax,%zmm3,8){%k2}\n"
        "vcvtqq2pd %zmm1, %zmm2\n vcmpeqpd {sae}, %zmm1, %zmm0, %k0\n vextracti32x4 $1, %zmm2, %xmm3\n"
        "vmovq %xmm16, %rcx\n vmovd %eax, %xmm17\n vpermt2b %zmm1, %zmm2, %zmm3\n"
        "ret\n"
        ".size dis_forms, .-dis_forms\n");

int main(void)
{
    puts("dis_asm: decoder fixture (the asm above is never executed)");
    return 0;
}
