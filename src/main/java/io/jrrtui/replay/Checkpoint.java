package io.jrrtui.replay;

/**
 * A stopped copy of the replaying process (forked into it, copy-on-write, so cheap) at event
 * {@code event}; restoring forks it again, so a checkpoint can be restored any number of times.
 */
public record Checkpoint(int pid, long event, int deliver, int recordedTid, io.jrrtui.record.TimestampPatches timestamps) {}
