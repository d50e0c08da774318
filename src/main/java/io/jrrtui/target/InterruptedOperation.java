package io.jrrtui.target;

import io.jrrtui.util.JrrException;

/**
 * The user interrupted a long run (Ctrl-C). The target stopped at a safe point — between two stops of
 * the program — so the session stays usable from where it is.
 */
public final class InterruptedOperation extends JrrException {
    private static final long serialVersionUID = 1L;

    public InterruptedOperation(long event) {
        this("Interrupted at event " + event + ".");
    }

    /** Where the target has no events: the message says where it stopped. */
    public InterruptedOperation(String message) {
        super(message);
    }
}
