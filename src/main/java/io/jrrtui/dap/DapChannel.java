package io.jrrtui.dap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** DAP's base protocol: "Content-Length: N\r\n\r\n" then N bytes of JSON, both ways. */
final class DapChannel {
    /** The largest message accepted: a header asking for more is malformed, not a reason to run out of memory. */
    private static final int MAX_BODY = 16 << 20;

    private final InputStream in;
    private final OutputStream out;

    DapChannel(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** The next message body, or null at end of input. Throws Json.SyntaxError for a broken header. */
    String read() throws IOException {
        int length = -1;
        while (true) {
            String line = headerLine();
            if (line == null) return null;
            if (line.isEmpty()) {
                if (length >= 0) break;
                continue; // blank lines between messages
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                try {
                    length = Integer.parseInt(line.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    throw new Json.SyntaxError("bad Content-Length header '" + line + "'");
                }
                if (length < 0 || length > MAX_BODY) throw new Json.SyntaxError("bad Content-Length " + length);
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) return null;
        return new String(body, StandardCharsets.UTF_8);
    }

    private String headerLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            if (b == '\n') break;
            if (b != '\r') line.write(b);
            if (line.size() > 1024) throw new Json.SyntaxError("header line too long");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    synchronized void send(Map<String, Object> message) throws IOException {
        byte[] body = Json.write(message).getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }
}
