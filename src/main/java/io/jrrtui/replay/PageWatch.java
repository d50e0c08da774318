package io.jrrtui.replay;

import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.SyscallInjector;
import io.jrrtui.sys.WaitStatus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Watchpoints by page protection. The x86 debug registers do nothing on some hypervisors (checked
 * on these VMs: neither our watchpoints nor gdb's fire), so the pages holding watched bytes are made
 * read-only (inaccessible for read/access watches) with an injected {@code mprotect}. A write to such
 * a page faults: the page is opened, the one instruction is single-stepped, the page closed again,
 * and a watched value that changed (or, for access watches, a fault inside the watched bytes) is a
 * hit, reported just after the instruction as a hardware trap would be. Every thread of the
 * process traps, since protection belongs to the address space. Replay writes recorded syscall
 * results through /proc/PID/mem, which protection does not stop.
 *
 * <p>Costs one fault and one step per access to a watched page (a few tens of µs here); calls the
 * program makes for real on a watched page would fail, so the protection is lifted around
 * checkpoints and re-applied after any replayed call that changes mappings.
 */
final class PageWatch {
    private static final int SYS_MPROTECT = 10;
    private static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;
    private static final int SEGV_ACCERR = 2;
    private static final long PAGE = 4096;

    /** A watched range: what to compare, whether any access counts. */
    record Range(int slot, long addr, int len, boolean access) {}

    private final Map<Integer, Range> ranges = new HashMap<>();
    /** Pages we protected in the live process → the protection they had. */
    private final TreeMap<Long, Integer> protectedPages = new TreeMap<>();

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    void set(int slot, long addr, int len, boolean access) {
        ranges.put(slot, new Range(slot, addr, len, access));
    }

    void clear(int slot) {
        ranges.remove(slot);
    }

    /** Protects every watched page of the process that pid belongs to (pid must be stopped). */
    void apply(int pid, io.jrrtui.sys.TraceeMemory mem) {
        Map<Long, Boolean> want = new TreeMap<>(); // page → access (no read either)
        for (Range r : ranges.values()) {
            for (long p = r.addr() & -PAGE; p < r.addr() + r.len(); p += PAGE) want.merge(p, r.access(), Boolean::logicalOr);
        }
        // pages no longer watched get their protection back
        for (Long p : List.copyOf(protectedPages.keySet())) {
            if (!want.containsKey(p)) mprotect(pid, mem, p, protectedPages.remove(p));
        }
        List<ProcMaps.Region> maps = ProcMaps.read(pid);
        for (Map.Entry<Long, Boolean> e : want.entrySet()) {
            long page = e.getKey();
            ProcMaps.Region r = regionOf(maps, page);
            if (r == null) continue; // not mapped yet: applied again after the calls that map it
            int now = prot(r.perms());
            Integer saved = protectedPages.get(page);
            // the page's own protection: what we saved, unless what it has now is not one of ours
            // (then the program changed it since, by a replayed mprotect or mmap)
            int own = saved != null && (now == (saved & ~PROT_WRITE) || now == 0) ? saved : now;
            int restricted = e.getValue() ? 0 : own & ~PROT_WRITE;
            if (own == restricted) { // read-only (or inaccessible) of its own: nothing to watch for
                protectedPages.remove(page);
                continue;
            }
            protectedPages.put(page, own);
            if (now != restricted) mprotect(pid, mem, page, restricted);
        }
    }

    /** Gives every protected page its own protection back (before a checkpoint is forked). */
    void lift(int pid, io.jrrtui.sys.TraceeMemory mem) {
        for (Map.Entry<Long, Integer> e : protectedPages.entrySet()) mprotect(pid, mem, e.getKey(), e.getValue());
        protectedPages.clear();
    }

    /** The live process was replaced (a restored checkpoint is clean): nothing is protected in it. */
    void forgetLive() {
        protectedPages.clear();
    }

    /**
     * A SIGSEGV stop of task tid: when it is a fault on one of our pages, completes the instruction
     * and returns the slot of a watch it hit (-1: a write elsewhere on the page, keep going);
     * returns -2 when the fault is not ours.
     */
    int onFault(int tid, io.jrrtui.sys.TraceeMemory mem, byte[] siginfo) {
        if (siginfo == null || siginfo.length < 24) return -2;
        ByteBuffer b = ByteBuffer.wrap(siginfo).order(ByteOrder.LITTLE_ENDIAN);
        int code = b.getInt(8);
        long addr = b.getLong(16);
        long page = addr & -PAGE;
        if (code != SEGV_ACCERR || !protectedPages.containsKey(page)) return -2;
        Map<Integer, byte[]> before = new HashMap<>();
        for (Range r : ranges.values()) before.put(r.slot(), mem.read(r.addr(), r.len()));
        // one instruction may touch two of our pages (a string move, an access across a page end):
        // open each page it faults on until it completes, then close them all again
        List<Long> opened = new java.util.ArrayList<>();
        long faultPage = page;
        while (true) {
            mprotectHere(tid, mem, faultPage, protectedPages.get(faultPage));
            opened.add(faultPage);
            Ptrace.resume(Ptrace.PTRACE_SYSEMU_SINGLESTEP, tid, 0); // the fault is not delivered
            WaitStatus ws = Ptrace.waitFor(tid);
            if (ws.exited() || ws.signaled()) return -1;
            if (!ws.stopped() || ws.stopSig() != 11 || opened.size() > 4) break;
            ByteBuffer again = ByteBuffer.wrap(Ptrace.getSigInfo(tid)).order(ByteOrder.LITTLE_ENDIAN);
            faultPage = again.getLong(16) & -PAGE;
            if (again.getInt(8) != SEGV_ACCERR || !protectedPages.containsKey(faultPage) || opened.contains(faultPage)) {
                break; // a fault of the program's own: the next resume delivers it again
            }
        }
        for (long p : opened) mprotectHere(tid, mem, p, restrictionOf(p));
        for (Range r : ranges.values()) {
            boolean changed = !Arrays.equals(before.get(r.slot()), mem.read(r.addr(), r.len()));
            // a fault on a write-only-protected page is a write: report it even when it wrote the
            // value already there (a debug register would have); on a PROT_NONE page it may be a read
            boolean touched = (r.access() || restrictionOf(page) != 0) && addr >= r.addr() && addr < r.addr() + r.len();
            if (changed || touched) return r.slot();
        }
        return -1;
    }

    /** The protection we keep page p at: inaccessible when an access watch covers it, else read-only. */
    private int restrictionOf(long p) {
        boolean access = false;
        for (Range r : ranges.values()) {
            if (p >= (r.addr() & -PAGE) && p <= ((r.addr() + r.len() - 1) & -PAGE)) access |= r.access();
        }
        return access ? 0 : protectedPages.get(p) & ~PROT_WRITE;
    }

    private static void mprotect(int pid, io.jrrtui.sys.TraceeMemory mem, long page, int prot) {
        checked(SyscallInjector.inject(pid, mem, SYS_MPROTECT, page, PAGE, prot), page);
    }

    /**
     * mprotect from a fault's stop or the step after it: the task is in user mode there, so one
     * single-step runs the call (apply and lift may find a task at a syscall stop: they use
     * {@link #mprotect}).
     */
    private static void mprotectHere(int tid, io.jrrtui.sys.TraceeMemory mem, long page, int prot) {
        checked(SyscallInjector.injectByStep(tid, mem, SYS_MPROTECT, page, PAGE, prot), page);
    }

    private static void checked(long result, long page) {
        if (result < 0 && result > -4096) throw new io.jrrtui.util.JrrException(String.format("cannot protect page 0x%x for a watchpoint (errno %d)", page, -result));
    }

    private static ProcMaps.Region regionOf(List<ProcMaps.Region> maps, long addr) {
        for (ProcMaps.Region r : maps) if (addr >= r.start() && addr < r.end()) return r;
        return null;
    }

    private static int prot(String perms) {
        int p = 0;
        if (perms.charAt(0) == 'r') p |= PROT_READ;
        if (perms.charAt(1) == 'w') p |= PROT_WRITE;
        if (perms.charAt(2) == 'x') p |= PROT_EXEC;
        return p;
    }
}
