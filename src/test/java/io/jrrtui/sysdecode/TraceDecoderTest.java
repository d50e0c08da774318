package io.jrrtui.sysdecode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.MemoryWrite;
import io.jrrtui.trace.SyscallEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the decoder learns from earlier (and, for fd paths, later) events of a recording. */
class TraceDecoderTest {
    private static final int TID = 100;
    private static final long LIB = 0x7ffff7f51000L;
    private final List<Event> events = new ArrayList<>();
    private final Map<Long, String> mapped = new HashMap<>();

    private void call(String name, long result, List<MemoryWrite> writes, long... args) {
        Registers r = new Registers(new long[Registers.COUNT]).with(Registers.ORIG_RAX, Syscalls.number(name));
        for (int i = 0; i < args.length; i++) r = r.withArg(i, args[i]);
        events.add(new SyscallEvent(events.size() + 1, TID, r, result, writes, 0, new byte[0]));
    }

    /** Both passes, as {@link TraceDecoder#forTrace} runs them; returns the second pass's lines. */
    private List<String> decodeAll() {
        Map<Long, String> learned = new HashMap<>();
        TraceDecoder ahead = new TraceDecoder(null, mapped, learned);
        events.forEach(ahead::describe);
        TraceDecoder d = new TraceDecoder(null, mapped, learned);
        List<String> out = new ArrayList<>();
        for (Event e : events) out.add(d.describe(e));
        return out;
    }

    @Test
    void stringsInReadOnlyMappingsAndFdPathsLearnedFromALaterMmap() {
        byte[] rodata = "/etc/ld.so.cache\0/opt/lib.so\0".getBytes(StandardCharsets.US_ASCII);
        call("openat", 3, List.of(), -100, 0x1234, 0x80000); // path in writable memory: unknown
        call("read", 4, List.of(new MemoryWrite(0x5000, new byte[] {0x7f, 'E', 'L', 'F'})), 3, 0x5000, 832);
        call("mmap", LIB, List.of(new MemoryWrite(LIB, rodata)), 0, 4096, 1, 2, 3, 0);
        mapped.put(3L, "/usr/lib/libc.so.6");
        call("close", 0, List.of(), 3);
        call("openat", 3, List.of(), -100, LIB, 0x80000);
        call("close", 0, List.of(), 3);
        call("munmap", 0, List.of(), LIB, 4096);
        call("access", -2, List.of(), LIB + 17, 4);
        List<String> out = decodeAll();
        assertEquals("openat(AT_FDCWD, 0x1234, O_RDONLY|O_CLOEXEC) = 3", out.get(0));
        assertEquals("read(3</usr/lib/libc.so.6>, \"\\177ELF\", 832) = 4", out.get(1));
        assertEquals("mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 3</usr/lib/libc.so.6>, 0) = 0x7ffff7f51000", out.get(2));
        assertEquals("close(3</usr/lib/libc.so.6>) = 0", out.get(3));
        assertEquals("openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3", out.get(4));
        assertEquals("close(3</etc/ld.so.cache>) = 0", out.get(5), "the name comes from the open, not the old fd 3");
        assertEquals("access(0x7ffff7f51011, R_OK) = -1 ENOENT (No such file or directory)", out.get(7),
                "after munmap the bytes are no longer known");
    }

    @Test
    void writableMappingsAreNeverTrustedAndDupCarriesTheName() {
        byte[] data = "/data\0".getBytes(StandardCharsets.US_ASCII);
        call("mmap", LIB, List.of(new MemoryWrite(LIB, data)), 0, 4096, 3, 2, 5, 0); // PROT_READ|PROT_WRITE
        call("access", 0, List.of(), LIB, 0);
        call("mmap", LIB, List.of(new MemoryWrite(LIB, data)), LIB, 4096, 1, 0x12, 5, 0);
        call("openat", 4, List.of(), -100, LIB, 0);
        call("dup2", 1, List.of(), 4, 1);
        call("write", 2, List.of(), 1, 0x9000, 2);
        call("mprotect", 0, List.of(), LIB, 4096, 3);
        call("access", 0, List.of(), LIB, 0);
        List<String> out = decodeAll();
        assertEquals("access(0x7ffff7f51000, F_OK) = 0", out.get(1));
        assertEquals("openat(AT_FDCWD, \"/data\", O_RDONLY) = 4", out.get(3));
        assertEquals("write(1</data>, 0x9000, 2) = 2", out.get(5));
        assertEquals("access(0x7ffff7f51000, F_OK) = 0", out.get(7), "made writable: no longer known");
    }
}
