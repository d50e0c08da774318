package io.jrrtui.symbols;

import java.util.Optional;

/** Plug-in point for C++/Rust demangling (provided by the {@code demangle} package later). */
@FunctionalInterface
public interface Demangler {
    /** The demangled form, or empty when {@code mangled} is not a mangled name this understands. */
    Optional<String> demangle(String mangled);

    /** Leaves names as they are. */
    Demangler NONE = s -> Optional.empty();
}
