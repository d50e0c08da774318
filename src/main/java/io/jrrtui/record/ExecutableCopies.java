package io.jrrtui.record;

import io.jrrtui.trace.ContentHashes;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps every executed binary in the trace (hard link, else copy): replay and symbols need the
 * exact file. Symlinks are followed first, so the copy is the program and not a link to it.
 */
final class ExecutableCopies {
    private ExecutableCopies() {}

    static void keep(Path traceDir, String path, String name) {
        Path copy = traceDir.resolve(name);
        if (Files.exists(copy)) return;
        try {
            // the real file: a hard link to a (relative) symlink such as /usr/bin/python3 would dangle
            Path src = Path.of(path).toRealPath();
            // hashed before linking: linking sets the file's ctime to now, which keeps the cache of
            // content hashes from remembering (or trusting) the copy for a few seconds
            ContentHashes.FileIdentity id = ContentHashes.FileIdentity.of(src);
            String digest = ContentHashes.standard().sha256(src);
            try {
                Files.createLink(copy, src);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(src, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
            // a hard link follows the file if it is later rewritten in place (cp over it): the
            // digest lets replay say so instead of running another program
            io.jrrtui.trace.ProgramDigest.write(copy, sameFile(id, copy) ? digest : null);
        } catch (IOException e) {
            throw new JrrException("cannot keep a copy of " + path + " in the trace: " + e.getMessage(), e);
        }
    }

    /**
     * True when copy is a hard link to the file hashed as id, not written since: same inode, size
     * and mtime (the link itself changes only ctime). A plain copy is another inode: hashed again.
     */
    private static boolean sameFile(ContentHashes.FileIdentity id, Path copy) throws IOException {
        ContentHashes.FileIdentity now = ContentHashes.FileIdentity.of(copy);
        return now.dev() == id.dev() && now.ino() == id.ino() && now.size() == id.size() && now.mtimeNanos() == id.mtimeNanos();
    }
}
