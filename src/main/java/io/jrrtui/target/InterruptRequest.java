package io.jrrtui.target;

/**
 * A request to stop a run (Ctrl-C), made from any thread and taken by the run at its next safe
 * point, which then throws {@link InterruptedOperation}.
 */
public final class InterruptRequest {
    private volatile boolean requested;

    public void request() {
        requested = true;
    }

    public void clear() {
        requested = false;
    }

    /** Whether a request is pending; it is forgotten either way. */
    public boolean take() {
        boolean was = requested;
        requested = false;
        return was;
    }
}
