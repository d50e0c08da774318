package io.jrrtui.symbols;

/**
 * One level of the logical call chain at an address: the function and where in it execution is.
 * For an inlined function, the next (outer) frame's file/line are the call site.
 */
public record InlineFrame(String function, String file, int line, int column, boolean inlined) {}
