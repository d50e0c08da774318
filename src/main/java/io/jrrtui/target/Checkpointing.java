package io.jrrtui.target;

/**
 * Going back in time: a target that can save its whole state at a stop and return to it any number
 * of times, and run forward fast between saved states. The timeline builds reverse execution on
 * it (restore the nearest earlier checkpoint, re-execute forward).
 */
public interface Checkpointing {
    /** Saves the program's state here; throws JrrException, saying why, where it cannot. */
    Checkpoint checkpoint();

    /** Makes cp's state the program's (cp stays usable). */
    void restore(Checkpoint cp);

    /** Frees cp. */
    void discard(Checkpoint cp);

    /**
     * Takes the breakpoints and watchpoints out of the program (false) or puts them back (true):
     * a run that must not stop goes at native speed; the stops stay defined.
     */
    void armStops(boolean armed);

    /**
     * Pauses any run without events longer than nanos (0: never) with a
     * {@link StopReason.Kind#PAUSE} stop, so a checkpoint can be made inside a long stretch.
     */
    void pauseLongRuns(long nanos);

    /**
     * The CPU time the program's process has used so far, in nanoseconds (-1 when unknown). Unlike
     * wall time it does not grow while the program waits for a CPU, so before and after a paused
     * run it bounds how far the run got, on a loaded machine too.
     */
    long programCpuNanos();

    /**
     * The run time, in nanoseconds, that the program's threads have used in runs paused by
     * {@link #pauseLongRuns} with a short threshold, as the pauses' own per-thread clocks counted
     * it; 0 when no such clock was used. Exact, and unlike {@link #programCpuNanos} it counts
     * only the threads that ran, not the work done in the process to restore a checkpoint.
     */
    default long pausedRunNanos() {
        return 0;
    }
}
