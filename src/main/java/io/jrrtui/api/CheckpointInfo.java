package io.jrrtui.api;

/** A user checkpoint: its number, event and location. */
public record CheckpointInfo(int number, long event, SourceLocation where) {}
