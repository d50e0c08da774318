package io.jrrtui.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Words.split must give what trim().split("\\s+", limit) gives, which the parsers relied on. */
class WordsTest {
    private static final String[] LINES = {
        "0 read", "  12\tbrk  ", "", "   ", "one", "a  b \t c\n",
        "7f0000000000-7f0000001000 r-xp 00000000 fd:01 1234                       /usr/lib/libc.so.6",
        "7f0000000000-7f0000001000 rw-p 00000000 00:00 0 ",
        "7f0000000000-7f0000001000 r--p 00000000 fd:01 99   /tmp/a file  with spaces",
        "x\u000By\fz\rw",
    };

    @Test
    void sameAsTheRegexSplit() {
        for (String line : LINES) {
            assertArrayEquals(line.trim().split("\\s+"), Words.split(line), line);
            for (int limit = 1; limit <= 7; limit++) {
                assertArrayEquals(line.trim().split("\\s+", limit), Words.split(line, limit), line + " limit " + limit);
            }
        }
    }
}
