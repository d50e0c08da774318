package io.jrrtui.syscallbuf;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.TraceeMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The library across exec: it removes itself from the environment the program sees, so a program
 * that execs another would start it without buffering. At the execve entry of a process that has the
 * library, the recorder gives the kernel a copy of the environment array that names the library in
 * LD_PRELOAD (first, before the program's own entries) and points the call's envp at it.
 *
 * <p>The copy lives in the library's control page (after its fields, from CONTROL_FIELDS_END: a vfork
 * child writes it into the page it shares with its parent, whose library still reads those fields): that range is left out of
 * memory snapshots and differs between recording and replay anyway, so nothing the program can see
 * changes. Replay needs no counterpart: the new program's initial stack, environment included, is
 * restored from the recording. A failed execve gets its own envp back at the syscall's exit.
 */
public final class ExecPreload {
    private static final int SYS_EXECVE = 59, SYS_EXECVEAT = 322;
    /** Where the copy starts (the control fields take the page's first bytes) and must end. */
    private static final long SCRATCH = SyscallBufferLayout.CONTROL + SyscallBufferLayout.CONTROL_FIELDS_END, SCRATCH_END = SyscallBufferLayout.CONTROL + 4096;
    private static final int MAX_STRING = 64 * 1024, MAX_ENTRIES = 4096;
    private static final String KEY = "LD_PRELOAD=";

    private ExecPreload() {}

    /** The argument that holds envp, or -1 when nr is no exec call. */
    public static int envArg(long nr) {
        return nr == SYS_EXECVE ? 2 : nr == SYS_EXECVEAT ? 3 : -1;
    }

    /**
     * The registers to run the exec call with so the new program loads library, or null to leave the
     * call as it is (no library in this process, the environment names it already, or it is too
     * large for the scratch space — then the new program runs unbuffered, which is only slower).
     */
    public static Registers rewrite(TraceeMemory mem, Registers entry, String library) {
        int arg = envArg(entry.origRax());
        if (arg < 0 || SyscallBufferLayout.control(mem) == null) return null;
        long envp = entry.arg(arg);
        List<Long> pointers = new ArrayList<>();
        if (envp != 0) {
            for (long at = envp; ; at += 8) {
                if (pointers.size() > MAX_ENTRIES) return null;
                byte[] b = new byte[8];
                if (mem.readPartial(at, b) != 8) return null; // a bad envp: the kernel's EFAULT, untouched
                long p = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
                if (p == 0) break;
                pointers.add(p);
            }
        }
        int preloadAt = -1;
        String preload = KEY + library;
        for (int i = 0; i < pointers.size(); i++) {
            byte[] head = new byte[KEY.length()];
            if (mem.readPartial(pointers.get(i), head) != head.length) continue;
            if (!new String(head, StandardCharsets.ISO_8859_1).equals(KEY)) continue;
            String old = cString(mem, pointers.get(i));
            if (old == null) return null;
            if (old.contains(SyscallBufferLayout.LIBRARY)) return null;
            String rest = old.substring(KEY.length());
            if (!rest.isEmpty()) preload += ":" + rest;
            preloadAt = i;
            break;
        }
        if (preloadAt < 0) pointers.add(0, 0L); // a new entry, first
        byte[] text = (preload + "\0").getBytes(StandardCharsets.ISO_8859_1);
        long array = SCRATCH;
        long string = array + (pointers.size() + 1) * 8L;
        if (string + text.length > SCRATCH_END) return null;
        pointers.set(preloadAt < 0 ? 0 : preloadAt, string);
        ByteBuffer out = ByteBuffer.allocate((pointers.size() + 1) * 8 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long p : pointers) out.putLong(p);
        out.putLong(0);
        out.put(text);
        mem.write(array, out.array());
        return entry.withArg(arg, array);
    }

    /** The NUL-terminated string at addr (bytes kept as they are), or null when unreadable or huge. */
    private static String cString(TraceeMemory mem, long addr) {
        StringBuilder sb = new StringBuilder();
        byte[] chunk = new byte[256];
        while (sb.length() < MAX_STRING) {
            int n = mem.readPartial(addr + sb.length(), chunk);
            if (n <= 0) return null;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == 0) return sb.toString();
                sb.append((char) (chunk[i] & 0xff));
            }
        }
        return null;
    }
}
