package io.jrrtui.eval;

import io.jrrtui.dwarf.Die;

/** A named variable visible somewhere: its DIE and what kind of variable it is. */
public record Variable(String name, Die die, Kind kind) {
    public enum Kind { LOCAL, PARAMETER, STATIC_LOCAL, GLOBAL }
}
