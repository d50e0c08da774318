package io.jrrtui.target;

/** A saved state of a target ({@link Checkpointing}); only the target that made it can restore it. */
public interface Checkpoint {
    /** The event the program had completed when it was saved. */
    long event();

    /** The memory the checkpoint holds on its own (pages it does not share), in bytes. */
    long privateBytes();
}
