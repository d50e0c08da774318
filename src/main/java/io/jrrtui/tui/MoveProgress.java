package io.jrrtui.tui;

/**
 * How far a running move in time has got, and a guess of how long it still takes, from the event
 * the replay has reached sampled now and then. A replay only runs forwards: a jump back restores a
 * checkpoint and runs forward from it, and a reverse search re-runs the stretch up to where it
 * started; so progress is measured from the first event seen after the latest restore (a drop in
 * the event number starts a new run) towards the goal. The goal is exact for a jump to an event;
 * for other moves it is a bound (the end of the recording, or where a reverse move started), so
 * the estimate reads "at most". A first sample at or after where the move started counts the run
 * from that start (no restore happened, or none that went further back). GUI thread only.
 */
final class MoveProgress {
    private final long goal;
    private final boolean exact;
    private final long origin;
    private final long originNanos;
    private long base = -1;
    private long baseNanos;
    private long last = -1;
    private long lastNanos;

    private MoveProgress(long goal, boolean exact, long origin, long originNanos) {
        this.goal = goal;
        this.exact = exact;
        this.origin = origin;
        this.originNanos = originNanos;
    }

    /** A jump from event origin (at time nanos) to event goal. */
    static MoveProgress to(long goal, long origin, long nanos) {
        return new MoveProgress(goal, true, origin, nanos);
    }

    /** A move from event origin (at time nanos) that stops somewhere before bound (or at it). */
    static MoveProgress atMost(long bound, long origin, long nanos) {
        return new MoveProgress(bound, false, origin, nanos);
    }

    /** Takes in the event the move has reached at time nanos (-1 or 0 when the session cannot say). */
    void sample(long event, long nanos) {
        if (event < 1) return;
        if (base < 0 && event >= origin && origin >= 1) {
            base = origin;
            baseNanos = originNanos;
        } else if (base < 0 || event < last) {
            base = event;
            baseNanos = nanos;
        }
        last = event;
        lastNanos = nanos;
    }

    /** "event 3120/5000 62% ~2s left", or "event 3120 of at most 20000 <=4s left"; empty before any sample. */
    String text() {
        if (last < 0) return "";
        long done = last - base, span = goal - base;
        String where = exact ? "event " + last + "/" + goal : "event " + last + " of at most " + goal;
        double seconds = (lastNanos - baseNanos) / 1e9;
        if (done <= 0 || span <= 0 || seconds <= 0 || last >= goal) return where;
        long left = Math.round((goal - last) / (done / seconds));
        String estimate = left < 1 ? "<1s" : left + "s";
        // a bound is no goal: a percentage of it would promise more than is known
        return exact ? where + " " + Math.min(99, 100 * done / span) + "% ~" + estimate + " left" : where + " <=" + estimate + " left";
    }
}
