package io.jrrtui.gdbserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Packet framing: {@code $payload#cs}, acknowledgements until {@code QStartNoAckMode}, escapes,
 * and the out-of-band interrupt byte (0x03) gdb sends while the target runs. Strings hold one char
 * per byte (ISO-8859-1) so binary payloads pass through unchanged.
 */
final class PacketChannel {
    /** What {@link #read()} returns for gdb's interrupt byte. */
    static final String INTERRUPT = "\u0003";

    private final InputStream in;
    private final OutputStream out;
    private boolean acks = true;
    /** A byte read while polling for an interrupt that belongs to the next packet, or -1. */
    private int pushedBack = -1;

    PacketChannel(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    void stopAcknowledging() {
        acks = false;
    }

    private int next() throws IOException {
        synchronized (this) {
            if (pushedBack >= 0) {
                int b = pushedBack;
                pushedBack = -1;
                return b;
            }
        }
        return in.read();
    }

    /** The next packet's payload (unescaped), {@link #INTERRUPT}, or null when gdb hung up. */
    String read() throws IOException {
        while (true) {
            int b = next();
            if (b < 0) return null;
            if (b == 3) return INTERRUPT;
            if (b != '$') continue; // acks ('+', '-') and line noise between packets
            StringBuilder payload = new StringBuilder();
            int sum = 0;
            while ((b = next()) != '#') {
                if (b < 0) return null;
                sum += b;
                if (b == '}') {
                    int e = next();
                    if (e < 0) return null;
                    sum += e;
                    payload.append((char) (e ^ 0x20));
                } else {
                    payload.append((char) b);
                }
            }
            int h = next(), l = next();
            if (h < 0 || l < 0) return null;
            boolean good;
            try {
                good = Integer.parseInt("" + (char) h + (char) l, 16) == (sum & 0xff);
            } catch (NumberFormatException e) {
                good = false;
            }
            if (acks) {
                out.write(good ? '+' : '-');
                out.flush();
            }
            if (good || !acks) return payload.toString();
        }
    }

    void send(String payload) throws IOException {
        StringBuilder sb = new StringBuilder(payload.length() + 4).append('$');
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '$' || c == '#' || c == '}' || c == '*') {
                sb.append('}');
                sum += '}';
                c ^= 0x20;
            }
            sb.append(c);
            sum += c;
        }
        sb.append('#').append(String.format("%02x", sum & 0xff));
        byte[] bytes = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        for (int attempt = 0; attempt < 5; attempt++) {
            out.write(bytes);
            out.flush();
            if (!acks) return;
            int a = awaitAck();
            if (a != '-') return;
        }
    }

    /** '+' or '-' (or -1 at end of input); an interrupt byte while waiting is dropped. */
    private int awaitAck() throws IOException {
        while (true) {
            int b = next();
            if (b < 0 || b == '+' || b == '-') return b;
            if (b == '$') {
                // gdb sent a packet without acknowledging: treat ours as received
                synchronized (this) {
                    pushedBack = b;
                }
                return '+';
            }
        }
    }

    /**
     * Called while a command runs: true if gdb sent the interrupt byte. Any other byte waiting is kept
     * for the next {@link #read()}.
     */
    boolean interruptPending() throws IOException {
        synchronized (this) {
            if (pushedBack >= 0 || in.available() <= 0) return false;
            int b = in.read();
            if (b == 3) return true;
            pushedBack = b;
            return false;
        }
    }
}
