package io.jrrtui.dap;

/**
 * What a {@code launch} request asks to open: a recording ({@code "trace"}, or {@code "program"}
 * naming one, null for the latest), or a core file ({@code "coreFile"}, as VS Code's cppdbg calls
 * it) with the {@code "program"} that dumped it.
 */
public record LaunchTarget(String trace, String program, String coreFile) {
    public boolean isCore() {
        return coreFile != null;
    }

    /** The recording to open: "trace", else "program" (a trace name), else null for the latest. */
    public String recording() {
        return trace != null ? trace : program;
    }
}
