package io.jrrtui.replay;

import io.jrrtui.sys.MemoryFile;
import java.util.HashMap;
import java.util.Map;

/**
 * The replay's stand-ins for files the recording maps shared and writable: one memory file per
 * file (device and inode as recorded), for every process of the replay. Replay never opens the
 * program's files; each shared mapping of such a file maps its memory file at the recorded file
 * offset instead, so mappings alias exactly as they did: in one process, after fork, after exec,
 * and between processes that mapped the file on their own.
 */
final class SharedFileObjects implements AutoCloseable {
    /** The memory files' name: tracees' /proc/PID/maps show them as "/memfd:NAME (deleted)". */
    static final String NAME = "jrr-shared-file";

    private final Map<Object, MemoryFile> byFile = new HashMap<>();

    /** The memory file for file key, at least end bytes long. */
    MemoryFile forFile(Object key, long end) {
        MemoryFile f = byFile.computeIfAbsent(key, k -> MemoryFile.create(NAME));
        f.ensureSize(end);
        return f;
    }

    @Override
    public void close() {
        for (MemoryFile f : byFile.values()) f.close();
        byFile.clear();
    }
}
