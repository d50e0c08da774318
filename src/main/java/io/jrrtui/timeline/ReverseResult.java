package io.jrrtui.timeline;

/**
 * The outcome of a reverse operation: the hit it stopped at, or none when it ran back to the start
 * of the recording ("No more reverse-execution history" in gdb's words) or, for a search told not
 * to go back past an event (the exec that loaded the current program), to the end of that event
 * (execBoundary: its number; 0 otherwise).
 */
public record ReverseResult(Hit hit, long execBoundary) {
    public static ReverseResult at(Hit hit) {
        return new ReverseResult(hit, 0);
    }

    public static ReverseResult start() {
        return new ReverseResult(null, 0);
    }

    /** No hit after the end of event exec: the search stands there. */
    public static ReverseResult boundary(long exec) {
        return new ReverseResult(null, exec);
    }

    public boolean reachedStart() {
        return hit == null && execBoundary == 0;
    }

    public boolean reachedBoundary() {
        return execBoundary > 0;
    }
}
