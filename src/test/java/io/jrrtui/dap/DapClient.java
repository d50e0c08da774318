package io.jrrtui.dap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A scripted DAP client for tests: sends requests, waits for their responses and for events. */
final class DapClient {
    private final OutputStream out;
    private final BlockingQueue<Map<String, Object>> incoming = new LinkedBlockingQueue<>();
    /** Events received and not yet awaited, in order. */
    final List<Map<String, Object>> events = new ArrayList<>();
    private int seq = 1;

    @SuppressWarnings("unchecked")
    DapClient(InputStream in, OutputStream out) {
        this.out = out;
        Thread reader = new Thread(() -> {
            DapChannel ch = new DapChannel(in, OutputStream.nullOutputStream());
            try {
                String body;
                while ((body = ch.read()) != null) incoming.add((Map<String, Object>) Json.parse(body));
            } catch (IOException e) {
                // the server closed
            }
        }, "dap-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void raw(String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** Sends a request and returns its response (success or not). */
    Map<String, Object> request(String command, Map<String, Object> arguments) throws Exception {
        int s = seq++;
        raw(Json.write(Json.obj("seq", s, "type", "request", "command", command, "arguments", arguments)));
        return response(s);
    }

    Map<String, Object> response(long requestSeq) throws Exception {
        while (true) {
            Map<String, Object> m = next();
            if ("response".equals(m.get("type")) && ((Long) m.get("request_seq")) == requestSeq) return m;
            if ("event".equals(m.get("type"))) events.add(m);
        }
    }

    private Map<String, Object> next() throws InterruptedException {
        Map<String, Object> m = incoming.poll(120, TimeUnit.SECONDS);
        if (m == null) throw new AssertionError("no message from the DAP server in 120 s; events so far: " + events);
        return m;
    }

    /** Waits for the named event (earlier events of other names stay in {@link #events}). */
    Map<String, Object> event(String name) throws Exception {
        for (int i = 0; i < events.size(); i++) {
            if (name.equals(events.get(i).get("event"))) return events.remove(i);
        }
        while (true) {
            Map<String, Object> m = next();
            if ("event".equals(m.get("type"))) {
                if (name.equals(m.get("event"))) return m;
                events.add(m);
            }
        }
    }
}
