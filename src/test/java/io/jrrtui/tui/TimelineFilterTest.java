package io.jrrtui.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.api.EventSummary;
import org.junit.jupiter.api.Test;

class TimelineFilterTest {
    private final EventSummary open = new EventSummary(7, 4242, "syscall",
            "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3", 0);
    private final EventSummary signal = new EventSummary(9, 17, "signal", "SIGSEGV at 0x401000", 0);

    @Test
    void bySyscallNameTextThreadOrKind() {
        assertTrue(TimelinePane.matches(open, "openat"));
        assertTrue(TimelinePane.matches(open, "LD.SO"), "any case");
        assertTrue(TimelinePane.matches(open, "t4242"));
        assertFalse(TimelinePane.matches(open, "t42"), "a thread is its whole number");
        assertTrue(TimelinePane.matches(signal, "signal"));
        assertFalse(TimelinePane.matches(signal, "openat"));
        EventSummary mmap = new EventSummary(15, 1, "syscall", "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE, -1, 0) = 0x7f0000", 0);
        assertFalse(TimelinePane.matches(mmap, "write"), "a syscall name is that syscall, not text inside flags");
        assertTrue(TimelinePane.matches(mmap, "PROT_WRITE"));
    }
}
