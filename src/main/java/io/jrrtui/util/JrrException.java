package io.jrrtui.util;

/**
 * A failure that is explained to the user in one line (missing trace, divergence, bad argument...).
 * The CLI prints {@code jrrtui: <message>} and exits with {@link #exitStatus()}; never a stack trace.
 */
public class JrrException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitStatus;

    public JrrException(String message) {
        this(message, 2, null);
    }

    public JrrException(String message, Throwable cause) {
        this(message, 2, cause);
    }

    public JrrException(String message, int exitStatus, Throwable cause) {
        super(message, cause);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
