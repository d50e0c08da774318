package io.jrrtui.sysdecode;

import java.util.HashMap;
import java.util.Map;

/**
 * One process's open file descriptors as the recording shows them: which event opened each (its
 * identity, shared by dup'd copies), the path when known, and close-on-exec. Every call that can
 * end or replace an fd is applied, so a name is never carried over to a reused number.
 */
final class FdTable {
    /** An open file: the event that opened it and its path (null when the recording does not say). */
    record Open(long openedAt, String path, boolean cloexec) {
        Open withCloexec(boolean c) {
            return new Open(openedAt, path, c);
        }
    }

    private final Map<Long, Open> fds = new HashMap<>();

    FdTable copy() {
        FdTable t = new FdTable();
        t.fds.putAll(fds);
        return t;
    }

    Open get(long fd) {
        return fds.get(fd);
    }

    void open(long fd, long event, String path, boolean cloexec) {
        fds.put(fd, new Open(event, path, cloexec));
    }

    void close(long fd) {
        fds.remove(fd);
    }

    void closeRange(long first, long last) {
        fds.keySet().removeIf(fd -> Long.compareUnsigned(fd, first) >= 0 && Long.compareUnsigned(fd, last) <= 0);
    }

    /** dup/dup2/dup3/F_DUPFD: newFd now refers to what oldFd does (unknown when oldFd is). */
    void dup(long oldFd, long newFd, boolean cloexec) {
        Open o = fds.get(oldFd);
        if (o == null) fds.remove(newFd);
        else fds.put(newFd, o.withCloexec(cloexec));
    }

    void setCloexec(long fd, boolean cloexec) {
        Open o = fds.get(fd);
        if (o != null) fds.put(fd, o.withCloexec(cloexec));
    }

    /** exec: close-on-exec descriptors go away. */
    void exec() {
        fds.values().removeIf(Open::cloexec);
    }
}
