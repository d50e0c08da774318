package io.jrrtui.demangle;

/** Internal signal that a name does not follow its mangling scheme; never escapes {@link Demangler}. */
final class BadMangling extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadMangling(String why) {
        super(why, null, false, false);
    }
}
