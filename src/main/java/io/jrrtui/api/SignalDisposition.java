package io.jrrtui.api;

/**
 * One row of gdb's signal table ({@code info signals SIG}, {@code handle}): whether a continue
 * stops at the signal, whether it says so, whether the program gets it (in a replay always as
 * recorded), and gdb's description.
 */
public record SignalDisposition(String name, boolean stop, boolean print, boolean pass, String description) {}
