package io.jrrtui.tui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Undo/redo of moves in time. Each remembered moment is its event and, for the most recent ones,
 * a checkpoint taken there: undo restores that checkpoint (the exact instruction, at once) instead
 * of replaying to the event (the event's boundary, after a replay from the nearest automatic
 * checkpoint: seconds on a long recording). Older moments keep only their event, so at most
 * {@link #CHECKPOINTS} checkpoint processes are alive; the ones given up wait in {@link #dropped}
 * until the worker deletes them. Moments are created on the GUI thread and get their checkpoint on
 * the worker thread.
 */
final class TimeHistory {
    static final int LIMIT = 1000;
    /** Moments that keep their checkpoint (each is a forked process of the program). */
    static final int CHECKPOINTS = 16;
    private final Deque<Moment> back = new ArrayDeque<>();
    private final Deque<Moment> forward = new ArrayDeque<>();
    private final List<Integer> dropped = new ArrayList<>();

    /** A point to come back to: its event and, once the worker took it, its checkpoint (0: none). */
    static final class Moment {
        final long event;
        private volatile int checkpoint;

        Moment(long event) {
            this.event = event;
        }

        int checkpoint() {
            return checkpoint;
        }

        /** Worker thread, before the move starts from here. */
        void checkpointTaken(int number) {
            checkpoint = number;
        }
    }

    /**
     * Remembers where we were before a move (the caller takes its checkpoint), or null before the
     * first event; a new move forgets the redo list.
     */
    Moment moved(long from) {
        if (from < 1) return null;
        Moment m = new Moment(from);
        back.push(m);
        while (back.size() > LIMIT) drop(back.removeLast());
        forward.forEach(this::drop);
        forward.clear();
        thin();
        return m;
    }

    /** The moment to go back to, remembering now (its checkpoint taken by the caller) for redo; or null. */
    Moment undo(Moment now) {
        if (back.isEmpty()) return null;
        forward.push(now);
        thin();
        return back.pop();
    }

    Moment redo(Moment now) {
        if (forward.isEmpty()) return null;
        back.push(now);
        thin();
        return forward.pop();
    }

    /** The moment the move left is reached again by other means: its checkpoint can go. */
    void arrivedAt(Moment m) {
        drop(m);
    }

    /** Checkpoints given up since the last call: the worker deletes them. */
    synchronized List<Integer> takeDropped() {
        List<Integer> out = new ArrayList<>(dropped);
        dropped.clear();
        return out;
    }

    /** Only the CHECKPOINTS moments nearest to now (one undo or redo step counting one) keep their checkpoint. */
    private void thin() {
        int kept = 0;
        Iterator<Moment> undos = back.iterator(), redos = forward.iterator();
        while (undos.hasNext() || redos.hasNext()) {
            for (Iterator<Moment> side : List.of(undos, redos)) {
                if (!side.hasNext()) continue;
                Moment m = side.next();
                if (m.checkpoint != 0 && ++kept > CHECKPOINTS) drop(m);
            }
        }
    }

    private synchronized void drop(Moment m) {
        int cp = m.checkpoint;
        if (cp == 0) return;
        m.checkpoint = 0;
        dropped.add(cp);
    }
}
