package io.jrrtui.api;

/** A watched expression's value before and after the write that triggered it. */
public record WatchChange(String expression, String oldValue, String newValue) {}
