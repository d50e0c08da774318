package io.jrrtui.timeline;

/**
 * The outcome of a reverse operation: the hit it stopped at, or none when it ran back to the start
 * of the recording ("No more reverse-execution history" in gdb's words).
 */
public record ReverseResult(Hit hit, boolean reachedStart) {
    public static ReverseResult at(Hit hit) {
        return new ReverseResult(hit, false);
    }

    public static ReverseResult start() {
        return new ReverseResult(null, true);
    }
}
