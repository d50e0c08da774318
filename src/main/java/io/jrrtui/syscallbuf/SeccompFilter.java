package io.jrrtui.syscallbuf;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.SyscallInjector;
import io.jrrtui.sys.TraceeMemory;
import java.nio.ByteBuffer;

/**
 * The seccomp-bpf filter of syscall buffering: ALLOW for a syscall whose return address is the
 * library trampoline's (seccomp_data.instruction_pointer), TRACE (a PTRACE_EVENT_SECCOMP stop) for
 * every other one. Installed into the tracee at its exec stop by injected prctl(NO_NEW_PRIVS) and
 * seccomp(SET_MODE_FILTER) calls; it is inherited by threads, children and exec'd programs.
 */
public final class SeccompFilter {
    private static final int SYS_PRCTL = 157, SYS_SECCOMP = 317, PR_SET_NO_NEW_PRIVS = 38, SECCOMP_SET_MODE_FILTER = 1;
    private static final int LD_W_ABS = 0x20, JEQ_K = 0x15, RET_K = 0x06;
    private static final int AUDIT_ARCH_X86_64 = 0xc000003e;
    private static final int RET_ALLOW = 0x7fff0000, RET_TRACE = 0x7ff00000;

    private SeccompFilter() {}

    /** The filter program: 8 instructions of 8 bytes. */
    static byte[] program(long allowedIp) {
        ByteBuffer b = SyscallBufferLayout.le(64);
        insn(b, LD_W_ABS, 0, 0, 4); // arch
        insn(b, JEQ_K, 0, 5, AUDIT_ARCH_X86_64);
        insn(b, LD_W_ABS, 0, 0, 12); // instruction_pointer, high half
        insn(b, JEQ_K, 0, 3, (int) (allowedIp >>> 32));
        insn(b, LD_W_ABS, 0, 0, 8); // low half
        insn(b, JEQ_K, 0, 1, (int) allowedIp);
        insn(b, RET_K, 0, 0, RET_ALLOW);
        insn(b, RET_K, 0, 0, RET_TRACE);
        return b.array();
    }

    private static void insn(ByteBuffer b, int code, int jt, int jf, int k) {
        b.putShort((short) code).put((byte) jt).put((byte) jf).putInt(k);
    }

    /**
     * Installs the filter in the stopped tracee (at its exec stop). Returns null on success, else
     * why it could not (the recording then goes on with a stop for every syscall).
     */
    public static String install(int tid, TraceeMemory mem) {
        Registers regs = Ptrace.getRegs(tid);
        byte[] prog = program(SyscallBufferLayout.SYSCALL_RETURN);
        long at = (regs.rsp() - 1024 - 16 - prog.length) & ~15L; // below the red zone, put back afterwards
        byte[] saved = mem.read(at, 16 + prog.length);
        try {
            ByteBuffer fprog = SyscallBufferLayout.le(16).putShort((short) (prog.length / 8)).putShort((short) 0).putInt(0)
                    .putLong(at + 16);
            mem.write(at, fprog.array());
            mem.write(at + 16, prog);
            long r = SyscallInjector.inject(tid, mem, SYS_PRCTL, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
            if (r != 0) return "prctl(PR_SET_NO_NEW_PRIVS) failed (" + r + ")";
            r = SyscallInjector.inject(tid, mem, SYS_SECCOMP, SECCOMP_SET_MODE_FILTER, 0, at);
            return r == 0 ? null : "seccomp(SET_MODE_FILTER) failed (" + r + ")";
        } finally {
            mem.write(at, saved);
        }
    }
}
