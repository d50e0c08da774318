package io.jrrtui.api;

/** A named value formatted as gdb prints it ("{a = 1, b = 0x4011a6 <main>}"). */
public record Variable(String name, String value) {}
