package io.jrrtui.api;

/** A span of code [start, end) and the function (or symbol) it belongs to, as gdb's disassemble shows it. */
public record CodeRange(String function, long start, long end) {}
