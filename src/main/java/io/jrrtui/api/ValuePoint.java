package io.jrrtui.api;

/**
 * One point of a value's history ({@link DebugSession#history}): the event of a write and the value
 * it left, or the value at the start (event of the first row) before any write.
 */
public record ValuePoint(long event, String value) {}
