package io.jrrtui.sys;

import io.jrrtui.util.JrrException;

/** A failed ptrace or wait call, with the errno that caused it. */
public final class PtraceException extends JrrException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public PtraceException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    public boolean noSuchProcess() {
        return errno == 3;
    }
}
