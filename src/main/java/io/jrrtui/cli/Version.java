package io.jrrtui.cli;

/** The product version shown by {@code jrrtui --version}. */
public final class Version {
    public static final String VERSION = io.jrrtui.util.ProductVersion.VERSION;

    private Version() {}
}
