package io.jrrtui.api;

/** One disassembled instruction: address, symbolic label ("main+4"), AT&T text, raw length. */
public record DisassemblyLine(long address, String label, String text, int length) {}
