package io.jrrtui.demangle;

import java.util.Optional;

/**
 * Demangles C++ (Itanium ABI) and Rust (legacy and v0) symbol names, auto-detecting the scheme.
 *
 * <p>Two styles: {@link #demangle(String)} gives the short form a debugger shows (Rust legacy without
 * its {@code ::h<hash>} segment and Rust v0 without crate disambiguators or const type suffixes, like
 * rustc-demangle's alternate {@code {:#}} form; C++ with {@code std::string} abbreviations).
 * {@link #demangle(String, boolean)} with {@code verbose = true} reproduces {@code c++filt}'s default
 * output, which keeps all of those.
 */
public final class Demangler {
    /** Longest name accepted; longer inputs are certainly not symbols worth demangling. */
    static final int MAX_INPUT = 1 << 16;

    private Demangler() {
    }

    /** Short form; empty when {@code name} is not a mangled name or is malformed. */
    public static Optional<String> demangle(String name) {
        return demangle(name, false);
    }

    /** Demangles {@code name}; {@code verbose} selects c++filt's output. Empty when not mangled/malformed. */
    public static Optional<String> demangle(String name, boolean verbose) {
        if (name == null || name.length() < 3 || name.length() > MAX_INPUT) {
            return Optional.empty();
        }
        try {
            if (name.startsWith("_R")) {
                return Optional.of(new RustV0Demangler(name, verbose).demangle());
            }
            if (name.startsWith("_ZN")) {
                Optional<String> rust = RustLegacyDemangler.demangle(name, verbose);
                if (rust.isPresent()) {
                    return rust;
                }
            }
            if (name.startsWith("_Z")) {
                return Optional.of(new ItaniumParser(name, verbose).demangleSymbol());
            }
        } catch (BadMangling | StackOverflowError e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
