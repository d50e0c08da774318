package io.jrrtui.sysdecode;

import io.jrrtui.arch.Syscalls;
import io.jrrtui.trace.BufferedCallsEvent;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExecEvent;
import io.jrrtui.trace.Mapping;
import io.jrrtui.trace.MemoryWrite;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceReader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a recording's events in order, keeping per process what earlier events tell: open fds and
 * the read-only mappings' bytes. Feed it every event from the first ({@link #describe}); each call is
 * described with the state before it, then the state is updated.
 *
 * <p>An fd's path comes from the string given to open when the recording holds it, or, better, from
 * a later mmap of that fd (the recorder noted the mapped file's path). {@link #forTrace} therefore
 * reads the trace once ahead to learn those paths, so {@code openat(...) = 3} and the read/fstat
 * calls before the mmap already name the file.
 */
public final class TraceDecoder {
    private static final long O_CLOEXEC = 02000000;

    /** One process's view: its fd table and its read-only mappings (threads share theirs). */
    private static final class Proc {
        final FdTable fds;
        final ReadOnlyImages images;

        Proc(FdTable fds, ReadOnlyImages images) {
            this.fds = fds;
            this.images = images;
        }
    }

    private final Map<Integer, Proc> procs = new HashMap<>();
    private final Map<Long, String> mappedPaths;
    /** Path of each open (by its event number), learned from a later mmap of the fd. */
    private final Map<Long, String> learned;
    /** Where the trace keeps its copies of executed programs (null: exec images unknown). */
    private final Path traceDir;
    private boolean sawExec;
    private List<String> lastCalls = List.of();

    TraceDecoder(Path traceDir, Map<Long, String> mappedPaths, Map<Long, String> learned) {
        this.traceDir = traceDir;
        this.mappedPaths = mappedPaths;
        this.learned = learned;
    }

    /** A decoder for trace, having read it once ahead to learn the files behind fds. */
    public static TraceDecoder forTrace(TraceReader trace) {
        Map<Long, String> mapped = new HashMap<>();
        for (Mapping m : trace.mappings()) {
            if (m.path() != null && !m.path().isEmpty()) mapped.put(m.event(), m.path());
        }
        Map<Long, String> learned = new HashMap<>();
        TraceDecoder ahead = new TraceDecoder(null, mapped, learned);
        try (TraceReader.EventCursor c = trace.events()) {
            Event e;
            while ((e = c.next()) != null) {
                try {
                    ahead.advance(e, false);
                } catch (RuntimeException unexpected) {
                    // learning is best effort: a damaged event teaches nothing
                }
            }
        }
        return new TraceDecoder(trace.dir(), mapped, learned);
    }

    /** The event's one-line description (syscalls in strace notation); updates the state. */
    public String describe(Event e) {
        try {
            return advance(e, true);
        } catch (RuntimeException unexpected) {
            // a damaged or unforeseen event: its raw description, never a failure of the whole dump
            lastCalls = List.of();
            return e.describe();
        }
    }

    /** The decoded calls of the last {@link BufferedCallsEvent} described (empty after other events). */
    public List<String> bufferedCalls() {
        return lastCalls;
    }

    private String advance(Event e, boolean text) {
        lastCalls = List.of();
        Proc p = procs.computeIfAbsent(e.tid(), t -> new Proc(new FdTable(), new ReadOnlyImages()));
        if (e instanceof SyscallEvent s) {
            long[] args = new long[6];
            for (int i = 0; i < 6; i++) args[i] = s.regs().arg(i);
            Call call = new Call((int) s.syscall(), args, s.result(), p.images, KnownMemory.of(s.writes()),
                    s.outputStream() != 0 ? s.output() : null);
            String d = text ? CallDecoder.decode(call, p.fds) : null;
            apply(s, call, p);
            return d;
        }
        if (e instanceof BufferedCallsEvent b) {
            List<String> calls = new ArrayList<>();
            for (BufferedCallsEvent.Call bc : b.calls()) {
                long[] a = bc.args();
                long[] args = {a[0], a[1], a[2], a[3], 0, 0};
                if (text) calls.add(CallDecoder.decode(new Call(bc.nr(), args, bc.result(), p.images, KnownMemory.NOTHING, null), p.fds));
            }
            lastCalls = calls;
        } else if (e instanceof ExecEvent x) {
            p.images.clear();
            p.fds.exec();
            ExecImages.load(x, traceDir, !sawExec, p.images);
            sawExec = true;
        }
        return text ? e.describe() : null;
    }

    private void apply(SyscallEvent s, Call c, Proc p) {
        String name = Syscalls.name(c.nr());
        long r = c.result();
        boolean ok = !c.failed();
        long event = s.number();
        switch (name) {
            case "open", "openat", "creat", "openat2" -> {
                if (!ok) return;
                int pathArg = name.equals("open") || name.equals("creat") ? 0 : 1;
                long flags = name.equals("open") ? c.arg(1) : name.equals("openat") ? c.arg(2) : 0;
                p.fds.open(r, event, pathOf(c, pathArg, event, p), name.equals("openat2") || (flags & O_CLOEXEC) != 0);
            }
            case "close" -> p.fds.close(c.arg(0));
            case "close_range" -> {
                if (ok) p.fds.closeRange(c.arg(0) & 0xffffffffL, c.arg(1) & 0xffffffffL);
            }
            case "dup" -> {
                if (ok) p.fds.dup(c.arg(0), r, false);
            }
            case "dup2", "dup3" -> {
                if (ok) p.fds.dup(c.arg(0), c.arg(1), name.equals("dup3") && (c.arg(2) & O_CLOEXEC) != 0);
            }
            case "fcntl" -> {
                long cmd = c.arg(1);
                if (ok && (cmd == 0 || cmd == 1030)) p.fds.dup(c.arg(0), r, cmd == 1030);
                if (ok && cmd == 2) p.fds.setCloexec(c.arg(0), (c.arg(2) & 1) != 0);
            }
            case "ioctl" -> {
                long req = c.arg(1) & 0xffffffffL;
                if (ok && (req == 0x5451 || req == 0x5450)) p.fds.setCloexec(c.arg(0), req == 0x5451);
            }
            case "pipe", "pipe2", "socketpair" -> {
                if (!ok) return;
                ByteBuffer b = c.out().exactly(c.arg(name.equals("socketpair") ? 3 : 0), 8);
                if (b != null) {
                    p.fds.open(b.getInt(0), event, null, true);
                    p.fds.open(b.getInt(4), event, null, true);
                }
            }
            case "socket", "accept", "accept4", "eventfd", "eventfd2", "epoll_create", "epoll_create1", "memfd_create",
                    "inotify_init", "inotify_init1", "signalfd", "signalfd4", "timerfd_create", "pidfd_open",
                    "pidfd_getfd", "userfaultfd", "fanotify_init", "perf_event_open", "open_by_handle_at", "open_tree",
                    "fsopen", "fsmount", "fspick", "bpf", "io_uring_setup", "memfd_secret", "landlock_create_ruleset" -> {
                if (ok && r >= 0 && r < Integer.MAX_VALUE) p.fds.open(r, event, null, true);
            }
            case "mmap" -> {
                if (!ok) return;
                p.images.forget(r, c.arg(1));
                boolean file = (c.arg(3) & Consts.MAP_ANONYMOUS) == 0;
                if (file) {
                    FdTable.Open o = p.fds.get(c.arg(4));
                    String path = mappedPaths.get(event);
                    if (o != null && path != null) learned.putIfAbsent(o.openedAt(), path);
                }
                boolean privateMap = (c.arg(3) & 3) == 2;
                if (file && privateMap && (c.arg(2) & Consts.PROT_WRITE) == 0) {
                    for (MemoryWrite w : s.writes()) {
                        if (w.addr() == r) p.images.add(r, w.data());
                    }
                }
            }
            case "munmap" -> p.images.forget(c.arg(0), c.arg(1));
            case "mprotect", "pkey_mprotect" -> {
                if ((c.arg(2) & Consts.PROT_WRITE) != 0) p.images.forget(c.arg(0), c.arg(1));
            }
            case "mremap" -> {
                p.images.forget(c.arg(0), c.arg(1));
                if (ok) p.images.forget(r, c.arg(2));
            }
            case "clone", "clone3", "fork", "vfork" -> {
                if (ok && r > 0) procs.put((int) r, child(name, c, s, p));
            }
            default -> {
            }
        }
    }

    /**
     * The new task's view. clone says what it shares; clone3's flags are in memory the recording does
     * not hold, so (as {@code jrrtui ps} does) a clone3 that wrote the parent's tid (pthread_create's
     * CLONE_PARENT_SETTID) is taken as a thread sharing the fd table, any other as a process.
     */
    private static Proc child(String name, Call c, SyscallEvent s, Proc parent) {
        boolean sharesFiles = name.equals("clone") ? (c.arg(0) & Consts.CLONE_FILES) != 0
                : name.equals("clone3") && !s.writes().isEmpty();
        boolean sharesMemory = name.equals("clone") ? (c.arg(0) & Consts.CLONE_VM) != 0 : sharesFiles;
        return new Proc(sharesFiles ? parent.fds : parent.fds.copy(), sharesMemory ? parent.images : parent.images.copy());
    }

    /** The file an open at event names: what a later mmap of it showed, else the path given when known. */
    private String pathOf(Call c, int pathArg, long event, Proc p) {
        String l = learned.get(event);
        if (l != null) return l;
        byte[] s = c.in().cString(c.arg(pathArg), 4096);
        if (s == null || s.length == 0) return null;
        String given = new String(s, java.nio.charset.StandardCharsets.UTF_8);
        if (given.startsWith("/") || pathArg == 0 || (int) c.arg(0) == Consts.AT_FDCWD) return given;
        FdTable.Open dir = p.fds.get(c.arg(0));
        return dir != null && dir.path() != null ? dir.path() + "/" + given : null;
    }
}
