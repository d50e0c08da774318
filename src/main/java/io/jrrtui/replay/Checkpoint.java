package io.jrrtui.replay;

import java.util.List;

/**
 * A stopped copy of the replaying process (forked into it, copy-on-write, so cheap) at event
 * {@code event}; restoring forks it again, so a checkpoint can be restored any number of times.
 * The copy holds the memory and the main thread; {@code tasks} holds every thread's own state
 * (see {@link ThreadRebuild}). {@code selectedTid}/{@code positionTid}: the recorded threads the
 * debugger showed and the one whose execution made the position.
 */
public record Checkpoint(int pid, long event, List<TaskImage> tasks, int selectedTid, int positionTid,
        io.jrrtui.record.TimestampPatches timestamps) implements io.jrrtui.target.Checkpoint {
    /** How many threads the program had there. */
    public int threads() {
        return tasks.size();
    }

    /** The forked copy's private pages (/proc): what keeping it costs beyond the pages it shares. */
    @Override
    public long privateBytes() {
        return io.jrrtui.sys.ProcMemory.privateBytes(pid);
    }
}
