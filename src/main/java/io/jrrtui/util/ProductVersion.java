package io.jrrtui.util;

/** jrrtui's version, for every layer that names it ({@code jrrtui --version}, {@code show version}). */
public final class ProductVersion {
    public static final String VERSION = "0.1.0";

    private ProductVersion() {}
}
