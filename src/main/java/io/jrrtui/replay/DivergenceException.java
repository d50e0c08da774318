package io.jrrtui.replay;

import io.jrrtui.util.JrrException;

/** The replay did something other than the recording: names the event and what differed. */
public final class DivergenceException extends JrrException {
    private static final long serialVersionUID = 1L;
    private final long event;

    public DivergenceException(long event, String what) {
        super("replay diverged at event " + event + ": " + what, 3, null);
        this.event = event;
    }

    public long event() {
        return event;
    }
}
