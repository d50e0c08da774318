package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Syscalls;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which of the program's file descriptors still refer to the stdout and stderr it started with,
 * followed through dup/dup2/dup3/fcntl(F_DUPFD)/close and new descriptors, so that
 * {@code replay -a} can write the program's output again.
 */
final class OutputFds {
    private static final Set<String> NEW_FD = Set.of("open", "openat", "openat2", "creat", "socket", "accept",
            "accept4", "epoll_create", "epoll_create1", "eventfd", "eventfd2", "timerfd_create", "signalfd",
            "signalfd4", "memfd_create", "inotify_init", "inotify_init1", "pidfd_open");
    private final Map<Integer, Integer> streamOf = new HashMap<>();

    OutputFds() {
        streamOf.put(1, 1);
        streamOf.put(2, 2);
    }

    /** A forked child's table: descriptors are inherited. */
    OutputFds copy() {
        OutputFds c = new OutputFds();
        c.streamOf.clear();
        c.streamOf.putAll(streamOf);
        return c;
    }

    /** 1 or 2 when fd is the original stdout/stderr, else 0. */
    int stream(long fd) {
        return fd >= 0 && fd < Integer.MAX_VALUE ? streamOf.getOrDefault((int) fd, 0) : 0;
    }

    /** Follows a completed syscall. newFds holds descriptors returned through memory (pipe, socketpair). */
    void update(Registers regs, long result, int[] newFds) {
        if (result < 0) return;
        String name = Syscalls.name(regs.origRax());
        switch (name) {
            case "close" -> streamOf.remove((int) regs.arg(0));
            case "close_range" -> {
                for (long fd = regs.arg(0); fd <= Math.min(regs.arg(1), 4096); fd++) streamOf.remove((int) fd);
            }
            case "dup" -> copy(regs.arg(0), result);
            case "dup2", "dup3" -> copy(regs.arg(0), regs.arg(1));
            case "fcntl" -> {
                long cmd = regs.arg(1);
                if (cmd == 0 || cmd == 1030) copy(regs.arg(0), result); // F_DUPFD, F_DUPFD_CLOEXEC
            }
            default -> {
                if (NEW_FD.contains(name)) streamOf.remove((int) result);
            }
        }
        if (newFds != null) for (int fd : newFds) streamOf.remove(fd);
    }

    private void copy(long from, long to) {
        Integer s = streamOf.get((int) from);
        if (s == null) streamOf.remove((int) to);
        else streamOf.put((int) to, s);
    }
}
