package io.jrrtui.debugger;

import io.jrrtui.arch.Registers;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExitEvent;
import io.jrrtui.trace.SyscallEntryEvent;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * gdb's notes of the threads a forward move made and ended, read from the recording's events of
 * the move: "[New Thread 0x... (LWP n)]" at each clone that made a thread of the followed process
 * (a new thread has its own thread pointer; a forked child shares its parent's), "[Thread 0x...
 * (LWP n) exited]" for each of its threads but the first that exited, in the recording's order.
 * The thread pointer is the thread's fs_base in its first recorded registers (glibc's struct
 * pthread, what libthread_db reports). gdb's own order of an exit and a clone close together
 * depends on which wait status it reaps first; the recording's order is what happened.
 */
final class ThreadNotes {
    /** Events read past the move's end to find a new thread's first registers. */
    private static final int LOOK_AHEAD = 10_000;
    /** Moves longer than this are not read again for notes (the replay already took long). */
    static final long MAX_EVENTS = 2_000_000;

    private final Map<Integer, Long> pthreads = new HashMap<>();

    /** Remembers a thread's pointer seen at a stop (for the exit note of a thread made before). */
    void know(int tid, long pthread) {
        if (pthread != 0) pthreads.put(tid, pthread);
    }

    /** The notes of events (from, to]; process the tids of the followed process before the move, leader its first thread. */
    List<String> between(TraceReader trace, long from, long to, Set<Integer> process, int leader) {
        if (to <= from || to - from > MAX_EVENTS) return List.of();
        Set<Integer> mine = new HashSet<>(process);
        Map<Integer, Long> parentFs = new HashMap<>(); // new tid -> its parent's fs_base at the clone
        List<Object> notes = new ArrayList<>(); // in event order: a new thread's tid (named at the end), or an exit's text
        Set<Integer> unnamed = new HashSet<>();
        try (TraceReader.EventCursor c = trace.eventsAfter(from)) {
            Event e;
            while ((e = c.next()) != null) {
                boolean inMove = e.number() <= to;
                if (!inMove && (unnamed.isEmpty() || e.number() > to + LOOK_AHEAD)) break;
                Registers regs = e instanceof SyscallEvent s ? s.regs() : e instanceof SyscallEntryEvent s ? s.regs() : null;
                if (regs != null && unnamed.remove(e.tid())) {
                    long fs = regs.get(Registers.FS_BASE);
                    if (fs != parentFs.get(e.tid())) pthreads.put(e.tid(), fs);
                    else mine.remove(e.tid()); // a forked child: its own process, not a thread
                } else if (regs != null && mine.contains(e.tid()) && !pthreads.containsKey(e.tid()) && !parentFs.containsKey(e.tid())) {
                    pthreads.put(e.tid(), regs.get(Registers.FS_BASE));
                }
                if (!inMove) continue;
                if (e instanceof SyscallEvent s && mine.contains(s.tid()) && (s.syscall() == 56 || s.syscall() == 435) && s.result() > 0) {
                    int child = (int) s.result();
                    mine.add(child);
                    parentFs.put(child, s.regs().get(Registers.FS_BASE));
                    unnamed.add(child);
                    notes.add(child);
                } else if (e instanceof ExitEvent x && mine.contains(x.tid()) && x.tid() != leader) {
                    notes.add(note(x.tid(), " exited]"));
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Object n : notes) {
            if (n instanceof String text) out.add(text);
            else if (mine.contains((Integer) n)) out.add("[New " + note((Integer) n, "]").substring(1));
        }
        return out;
    }

    private String note(int tid, String end) {
        Long p = pthreads.get(tid);
        return (p != null ? String.format("[Thread 0x%x (LWP %d)", p, tid) : "[LWP " + tid) + end;
    }
}
