package io.jrrtui.gdbserver;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.DebugSession.WatchKind;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The breakpoints and watchpoints gdb inserted with {@code Z0}-{@code Z4}, each made a session
 * breakpoint ({@code break *ADDR}) or location watchpoint ({@code watch -l *(TYPE *) ADDR}); the
 * session decides when they fire. gdb removes and reinserts them around every stop.
 */
final class InsertedPoints {
    /** What gdb asked for: its Z type, address and length (the key for z). */
    private record Request(int type, long address, int length) {}

    private final DebugSession session;
    private final Map<Request, List<Integer>> numbers = new HashMap<>();
    /** Session breakpoint number to the request it serves (for the stop reply). */
    private final Map<Integer, Request> byNumber = new HashMap<>();

    InsertedPoints(DebugSession session) {
        this.session = session;
    }

    void insert(int type, long address, int length) {
        Request r = new Request(type, address, length);
        if (numbers.containsKey(r)) return; // gdb may repeat an insertion; Z is idempotent
        List<Integer> made = new ArrayList<>();
        try {
            if (type <= 1) {
                made.add(session.addBreakpoint("*0x" + Long.toHexString(address), null, false).number());
            } else {
                WatchKind kind = type == 2 ? WatchKind.WRITE : type == 3 ? WatchKind.READ : WatchKind.ACCESS;
                // the session watches 1, 2, 4 or 8 aligned bytes at a time: a longer range is several
                for (long a = address; a < address + length; ) {
                    int size = chunk(a, address + length - a);
                    made.add(session.addWatchpoint("*(" + TYPES[Integer.numberOfTrailingZeros(size)] + " *) 0x" + Long.toHexString(a), kind, true).number());
                    a += size;
                }
            }
        } catch (JrrException e) {
            if (!made.isEmpty()) session.deleteBreakpoints(made);
            throw e;
        }
        numbers.put(r, made);
        for (int n : made) byNumber.put(n, r);
    }

    private static final String[] TYPES = {"unsigned char", "unsigned short", "unsigned int", "unsigned long"};

    /** The largest of 8, 4, 2, 1 that a is aligned to and that fits in remaining. */
    private static int chunk(long a, long remaining) {
        for (int size = 8; size > 1; size /= 2) if (a % size == 0 && remaining >= size) return size;
        return 1;
    }

    /** Removes the insertion; false when there was none. */
    boolean remove(int type, long address, int length) {
        List<Integer> made = numbers.remove(new Request(type, address, length));
        if (made == null) return false;
        session.deleteBreakpoints(made);
        for (int n : made) byNumber.remove(n);
        return true;
    }

    /** Everything this client inserted goes when it disconnects. */
    void clear() {
        List<Integer> all = new ArrayList<>(byNumber.keySet());
        numbers.clear();
        byNumber.clear();
        if (!all.isEmpty()) session.deleteBreakpoints(all);
    }

    /** The stop-reply reason for session breakpoint number ("swbreak:;", "watch:ADDR;"), or "". */
    String stopReason(int number) {
        Request r = byNumber.get(number);
        if (r == null) return "";
        return switch (r.type()) {
            case 0 -> "swbreak:;";
            case 1 -> "hwbreak:;";
            case 2 -> "watch:" + Long.toHexString(r.address()) + ";";
            case 3 -> "rwatch:" + Long.toHexString(r.address()) + ";";
            default -> "awatch:" + Long.toHexString(r.address()) + ";";
        };
    }
}
