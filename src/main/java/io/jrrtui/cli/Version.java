package io.jrrtui.cli;

/** The product version shown by {@code jrrtui --version}. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {}
}
