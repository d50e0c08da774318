package io.jrrtui.record;

import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The initial stack at the exec stop: argc, argv, envp, auxv and the strings and AT_RANDOM bytes
 * above them. The recorder hides the vDSO (AT_SYSINFO_EHDR becomes AT_IGNORE, so libc makes
 * real, recordable time syscalls) and snapshots everything from rsp to the top of the stack.
 */
final class InitialStack {
    static final long AT_NULL = 0, AT_IGNORE = 1, AT_SYSINFO_EHDR = 33;

    private InitialStack() {}

    /** Patches auxv in the tracee and returns the stack bytes from rsp to the stack top. */
    static byte[] prepare(int pid, TraceeMemory mem, long rsp) {
        ProcMaps.Region stack = ProcMaps.find(pid, rsp);
        if (stack == null) throw new JrrException("no stack mapping at rsp 0x" + Long.toHexString(rsp));
        long len = stack.end() - rsp;
        if (len <= 0 || len > (64 << 20)) throw new JrrException("initial stack of " + len + " bytes is too large");
        byte[] bytes = mem.read(rsp, (int) len);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long argc = b.getLong(0);
        if (argc < 0 || argc > bytes.length / 8) throw new JrrException("unreadable initial stack (argc " + argc + ")");
        int pos = 8 + 8 * (int) argc + 8; // past argc, argv and argv's NULL
        while (pos + 8 <= bytes.length && b.getLong(pos) != 0) pos += 8; // envp
        pos += 8; // envp's NULL; auxv pairs follow
        while (pos + 16 <= bytes.length) {
            long type = b.getLong(pos);
            if (type == AT_NULL) break;
            if (type == AT_SYSINFO_EHDR) {
                b.putLong(pos, AT_IGNORE);
                mem.write(rsp + pos, bytes, pos, 8);
            }
            pos += 16;
        }
        return bytes;
    }
}
