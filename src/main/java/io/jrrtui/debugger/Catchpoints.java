package io.jrrtui.debugger;

import io.jrrtui.trace.BufferedCallsEvent;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.SignalEvent;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the recording meets the enabled catchpoints. A replay knows every syscall and signal in
 * advance, so the places are read from the trace once (and again when the catchpoints change) and
 * moves in either direction look up the next or previous one.
 *
 * <p>Places are ordered by a key on the event line: event k's "call to" stop (the thread at the
 * syscall instruction, before it ran) is 3k-1, the end of the interval before k; its "returned
 * from" stop and a signal stop (the signal about to be delivered) are 3k, just after k; any other
 * position inside interval c is 3c+1.
 */
final class Catchpoints {
    enum Phase { CALL, RETURN, SIGNAL }

    /**
     * One place a catchpoint stops: its number, the event, which stop, the thread, the syscall or
     * signal number, and for a call the address of the syscall instruction.
     */
    record Place(int breakpoint, long event, Phase phase, int tid, int number, long pc) {
        long key() {
            return phase == Phase.CALL ? 3 * event - 1 : 3 * event;
        }
    }

    /** A catch stop the program was left at: the place, and the event count and pc it stood at. */
    record Stopped(Place place, long event, long pc) {
        boolean at(long currentEvent, long rip) {
            return currentEvent == event && rip == pc;
        }
    }

    /** The key of a position inside interval c that is not a catch stop. */
    static long inside(long event) {
        return 3 * event + 1;
    }

    private final TraceReader trace;
    private String cachedFor = "";
    private List<Place> places = List.of();

    Catchpoints(TraceReader trace) {
        this.trace = trace;
    }

    /**
     * The first place after key, or null. quiet: signals the replay passes over by itself that
     * {@code handle} wants stopped at or said; their places have breakpoint 0.
     */
    Place next(List<UserBreakpoint> bps, List<Integer> quiet, long key) {
        for (Place p : places(bps, quiet)) if (p.key() > key) return p;
        return null;
    }

    /** The last place before key, or null (catchpoints only: reverse moves do not stop at signals). */
    Place previous(List<UserBreakpoint> bps, long key) {
        Place found = null;
        for (Place p : places(bps, List.of())) {
            if (p.breakpoint() == 0) continue;
            if (p.key() >= key) break;
            found = p;
        }
        return found;
    }

    private List<Place> places(List<UserBreakpoint> bps, List<Integer> quiet) {
        List<UserBreakpoint> enabled = new ArrayList<>();
        StringBuilder sig = new StringBuilder();
        for (UserBreakpoint b : bps) {
            if (b.catchSpec == null || !b.enabled) continue;
            enabled.add(b);
            sig.append(b.number).append(',');
        }
        sig.append(quiet);
        if (enabled.isEmpty() && quiet.isEmpty()) return List.of();
        if (sig.toString().equals(cachedFor)) return places;
        List<Place> out = new ArrayList<>();
        // with several threads a syscall's entry is an event of its own, before its result: the call
        // stop belongs there (the thread runs its syscall instruction in the interval before the entry)
        java.util.Map<Integer, Long> entered = new java.util.HashMap<>();
        try (TraceReader.EventCursor c = trace.events()) {
            Event e;
            while ((e = c.next()) != null) {
                if (e instanceof io.jrrtui.trace.SyscallEntryEvent en) {
                    entered.put(en.tid(), en.number());
                    continue;
                }
                Long entry = e instanceof SyscallEvent sc ? entered.remove(sc.tid()) : null;
                int before = out.size();
                for (UserBreakpoint b : enabled) {
                    if (!b.catchSpec.matches(e)) continue;
                    if (e instanceof SyscallEvent s) {
                        // registers at a syscall's entry stop: rip is past the 2-byte syscall instruction
                        out.add(new Place(b.number, entry != null ? entry : s.number(), Phase.CALL, s.tid(), (int) s.syscall(),
                                s.regs().rip() - 2));
                        out.add(new Place(b.number, s.number(), Phase.RETURN, s.tid(), (int) s.syscall(), 0));
                    } else if (e instanceof SignalEvent s) {
                        out.add(new Place(b.number, s.number(), Phase.SIGNAL, s.tid(), s.signo(), 0));
                    }
                    break; // the lowest-numbered catchpoint reports it, as in gdb
                }
                if (out.size() == before && e instanceof SignalEvent s && quiet.contains(s.signo())) {
                    out.add(new Place(0, s.number(), Phase.SIGNAL, s.tid(), s.signo(), 0));
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(Place::key));
        places = out;
        cachedFor = sig.toString();
        return places;
    }

    /**
     * How many of the recording's syscalls spec names were made through the in-process syscall
     * buffer: those are not events of their own, and the replay cannot stop at them.
     */
    long bufferedMatches(CatchSpec spec) {
        if (spec.kind() != CatchSpec.Kind.SYSCALL) return 0;
        long n = 0;
        try (TraceReader.EventCursor c = trace.events()) {
            Event e;
            while ((e = c.next()) != null) {
                if (!(e instanceof BufferedCallsEvent b)) continue;
                for (BufferedCallsEvent.Call call : b.calls()) if (spec.catches(call.nr())) n++;
            }
        }
        return n;
    }
}
