package io.jrrtui.trace;

import io.jrrtui.util.JrrException;

/**
 * The trace's bytes are not what jrrtui wrote (damaged, cut, or crafted). Exit status 2 like any
 * explained error, but a session cannot go on reading past it: the batch runner stops there.
 */
public final class CorruptTraceException extends JrrException {
    private static final long serialVersionUID = 1L;

    public CorruptTraceException(String what) {
        super("corrupt trace: " + what);
    }
}
