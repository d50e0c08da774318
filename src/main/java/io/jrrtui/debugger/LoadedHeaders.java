package io.jrrtui.debugger;

import io.jrrtui.target.Target;
import io.jrrtui.trace.Mapping;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether a recorded whole-file mapping is what the process holds at its address now: the ELF
 * header of the file is there. A library's first page is its header, and another library, or the
 * middle of one, at that address does not start with the same 64 bytes. The files' headers are read
 * once per session.
 */
final class LoadedHeaders {
    private static final int HEADER = 64;
    private final Function<String, Path> localCopy;
    private final Map<String, byte[]> headers = new HashMap<>();

    LoadedHeaders(Function<String, Path> localCopy) {
        this.localCopy = localCopy;
    }

    boolean holds(Target target, Mapping m) {
        byte[] want = headers.computeIfAbsent(m.path(), this::headerOf);
        if (want.length < HEADER) return false;
        try {
            return Arrays.equals(want, target.readMemory(m.addr(), HEADER));
        } catch (JrrException e) {
            return false; // nothing mapped there now
        }
    }

    private byte[] headerOf(String path) {
        try (InputStream in = Files.newInputStream(localCopy.apply(path))) {
            return in.readNBytes(HEADER);
        } catch (IOException | RuntimeException e) {
            return new byte[0]; // gone or unreadable: never counted as held
        }
    }
}
