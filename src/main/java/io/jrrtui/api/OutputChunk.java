package io.jrrtui.api;

/** Program output written at an event: stream 1 (stdout) or 2 (stderr) and the text. */
public record OutputChunk(long event, int stream, String text) {}
