package io.jrrtui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace header is written without Properties.store; Properties.load must read it back exactly. */
class TraceInfoHeaderTest {
    @TempDir
    Path tmp;

    /** Every character Properties escapes, in keys' neighbours and values, plus non-ASCII and controls. */
    private static final List<String> AWKWARD = List.of("", " leading space", "trailing space ", "a=b:c#d!e",
            "back\\slash", "tab\there", "new\nline", "cr\rff\f", "#not a comment", "!nor this", "ünïcødé",
            "emoji \uD83D\uDE00", "ctl\u0001\u007f", "  two leading", "=starts with equals");

    @Test
    void awkwardValuesComeBackExactly() throws Exception {
        TraceInfo info = new TraceInfo(TraceFormat.VERSION, "/opt/my prog/a=b", AWKWARD, AWKWARD,
                "/tmp/dir with: colon", 1_700_000_000_123L, 4242, true, 55, 3, "exited: 3 \\ done");
        Path file = tmp.resolve("trace.properties");
        info.store(file);
        assertEquals(info, TraceInfo.load(file));
        assertFalse(Files.exists(tmp.resolve("trace.properties.tmp")), "the temporary file is renamed");
    }

    @Test
    void theFileIsPureAsciiPropertiesInFieldOrder() throws Exception {
        TraceInfo info = new TraceInfo(TraceFormat.VERSION, "/bin/true", List.of("/bin/true", "é"), List.of(),
                "/", 1L, 7, false, 0, -1, "");
        Path file = tmp.resolve("h");
        info.store(file);
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) assertTrue(b > 0, "ASCII only");
        String text = new String(bytes, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("#jrrtui trace header\nformat.version="), text);
        assertTrue(text.contains("\nargv.1=\\u00E9\n"), text);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        assertEquals("false", p.getProperty("complete"));
        assertEquals("2", p.getProperty("argv.count"));
    }
}
