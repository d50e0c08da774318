package io.jrrtui.cli;

import io.jrrtui.util.JrrException;

/** Bad command-line arguments; the CLI adds the command's usage text. */
public final class UsageException extends JrrException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, 64, null);
    }
}
