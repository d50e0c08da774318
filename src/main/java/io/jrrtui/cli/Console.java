package io.jrrtui.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a command writes to, explicit so tests can capture them. */
public record Console(InputStream in, PrintStream out, PrintStream err) {
    public static Console system() {
        return new Console(System.in, System.out, System.err);
    }
}
