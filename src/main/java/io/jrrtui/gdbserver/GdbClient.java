package io.jrrtui.gdbserver;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.StopEvent;
import io.jrrtui.api.ThreadInfo;
import io.jrrtui.target.InterruptedOperation;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * One gdb connection: reads packets, answers them from the session, until gdb detaches, kills or
 * hangs up. Commands run on this thread; while one runs, a watcher turns gdb's interrupt byte
 * into {@link DebugSession#interrupt()}.
 */
final class GdbClient {
    static final String READ_ONLY = "E.jrrtui serves a recording or a core file: its memory and registers cannot be changed";
    static final String NOT_RUNNING = "E.The program is not being run.";

    private final DebugSession session;
    private final PacketChannel channel;
    private final PrintStream log;
    private final InsertedPoints points;
    private final MonitorCommands monitor;
    /** The threads at the current stop (null: not listed since the program last moved). */
    private List<ThreadInfo> threads;
    private boolean done;
    private Boolean avx;

    GdbClient(DebugSession session, PacketChannel channel, PrintStream log) {
        this.session = session;
        this.channel = channel;
        this.log = log;
        this.points = new InsertedPoints(session);
        this.monitor = new MonitorCommands(session);
    }

    /** Serves until the connection ends; breakpoints gdb left inserted are removed. */
    void serve() throws IOException {
        try {
            while (!done) {
                String packet = channel.read();
                if (packet == null) return;
                if (packet.equals(PacketChannel.INTERRUPT)) continue; // nothing runs: already stopped
                String reply;
                try {
                    reply = handle(packet);
                } catch (JrrException | IllegalArgumentException | IndexOutOfBoundsException e) {
                    reply = "E01";
                    log.println("jrrtui: gdb packet '" + abbreviated(packet) + "': " + e.getMessage());
                }
                if (reply != null) channel.send(reply);
                if (packet.equals("QStartNoAckMode")) channel.stopAcknowledging();
            }
        } finally {
            points.clear();
        }
    }

    private static String abbreviated(String p) {
        return p.length() > 40 ? p.substring(0, 40) + "..." : p;
    }

    /** The reply to one packet (null: none, the connection ends). */
    private String handle(String p) throws IOException {
        char c = p.charAt(0);
        return switch (c) {
            case '?' -> session.endingSignal() != null
                    ? stopReply(session.status(), "", GdbSignals.fromLinux(Math.max(0, GdbSignals.linuxByName(session.endingSignal()))))
                    : stopReply(session.status());
            case 'q' -> query(p);
            case 'Q' -> p.equals("QStartNoAckMode") || p.startsWith("QNonStop:0") || p.startsWith("QPassSignals:")
                    || p.startsWith("QProgramSignals:") || p.startsWith("QDisableRandomization:") || p.startsWith("QThreadEvents:")
                    ? "OK" : "";
            case 'g' -> registers().all();
            case 'p' -> registers().one(Integer.parseInt(p.substring(1), 16));
            case 'P' -> writeRegister(p.substring(1));
            case 'G', 'M', 'X' -> readOnly(p);
            case 'm' -> memory(p.substring(1));
            case 'H' -> selectThread(p);
            case 'T' -> threadAlive(Hex.number(p.substring(1)));
            case 'c', 'C' -> resume(session::cont, false);
            case 's', 'S' -> resume(session::stepi, false);
            case 'b' -> p.equals("bc") ? resume(session::reverseContinue, true) : p.equals("bs") ? resume(session::reverseStepi, true) : "";
            case 'v' -> verbose(p);
            case 'Z', 'z' -> breakpoint(p);
            case '!' -> "OK";
            case 'D' -> {
                done = true;
                yield "OK";
            }
            case 'k' -> {
                done = true;
                yield null;
            }
            default -> "";
        };
    }

    private String readOnly(String p) {
        log.println("jrrtui: refused gdb's '" + p.charAt(0) + "' packet: the recording is read-only");
        return READ_ONLY;
    }

    /**
     * P N=VALUE: only writes that change nothing are accepted, and orig_rax's: gdb sets it to -1
     * after {@code run} so that no system call is restarted, which a replay never does anyway.
     */
    private String writeRegister(String args) {
        String[] nv = args.split("=");
        int n = Integer.parseInt(nv[0], 16);
        RegisterFile regs = registers();
        if (n >= regs.count()) return "E01";
        if (regs.one(n).equalsIgnoreCase(nv[1]) || regs.isOrigRax(n)) return "OK";
        return readOnly(args.isEmpty() ? "P" : "P" + args);
    }

    // ---- queries --------------------------------------------------------------------------------

    private String query(String p) throws IOException {
        if (p.startsWith("qSupported")) {
            return "PacketSize=20000;QStartNoAckMode+;qXfer:features:read+;qXfer:exec-file:read+;qXfer:auxv:read+;qXfer:libraries-svr4:read+;"
                    + "qXfer:threads:read+;ReverseContinue+;ReverseStep+;swbreak+;hwbreak+;vContSupported+";
        }
        if (p.startsWith("qXfer:")) return transfer(p);
        if (p.equals("qAttached") || p.startsWith("qAttached:")) return "1";
        if (p.equals("qC")) return "QC" + Long.toHexString(selectedTid());
        if (p.equals("qfThreadInfo")) {
            StringBuilder sb = new StringBuilder("m");
            for (ThreadInfo t : threads()) sb.append(sb.length() > 1 ? "," : "").append(Integer.toHexString(t.tid()));
            return sb.length() == 1 ? "l" : sb.toString();
        }
        if (p.equals("qsThreadInfo")) return "l";
        if (p.startsWith("qSymbol")) return "OK";
        if (p.startsWith("qRcmd,")) {
            for (String line : monitor.run(Hex.decodeText(p.substring(6)))) {
                channel.send("O" + Hex.text(line + "\n"));
            }
            threads = null; // a monitor command may have moved the program
            return "OK";
        }
        return "";
    }

    /** qXfer:OBJECT:read:ANNEX:OFFSET,LENGTH. */
    private String transfer(String p) {
        String[] parts = p.split(":", 5);
        if (parts.length < 5 || !parts[2].equals("read")) return "";
        String[] window = parts[4].split(",");
        int offset = (int) Hex.number(window[0]), length = (int) Hex.number(window[1]);
        byte[] data = switch (parts[1]) {
            case "features" -> parts[3].equals("target.xml") ? utf8(RegisterFile.targetXml(avx())) : null;
            case "exec-file" -> session.executablePath() == null ? null : utf8(session.executablePath());
            case "auxv" -> session.auxiliaryVector();
            case "threads" -> utf8(threadsXml());
            case "libraries-svr4" -> utf8(new LinkMapList(session).xml());
            default -> null;
        };
        if (data == null) return parts[1].equals("features") || parts[1].equals("exec-file") ? "E00" : "";
        if (offset >= data.length) return "l";
        int n = Math.min(length, data.length - offset);
        String chunk = new String(data, offset, n, StandardCharsets.ISO_8859_1);
        return (offset + n >= data.length ? "l" : "m") + chunk;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String threadsXml() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<threads>\n");
        for (ThreadInfo t : threads()) {
            sb.append(String.format("<thread id=\"%x\" name=\"%s\"/>%n", t.tid(), xml(t.name())));
        }
        return sb.append("</threads>\n").toString();
    }

    private static String xml(String s) {
        return s == null ? "" : LinkMapList.xml(s);
    }

    // ---- threads --------------------------------------------------------------------------------

    private List<ThreadInfo> threads() {
        if (threads == null) {
            try {
                threads = session.threads();
            } catch (JrrException e) {
                threads = List.of(); // the program has ended
            }
        }
        return threads;
    }

    private long selectedTid() {
        for (ThreadInfo t : threads()) if (t.selected()) return t.tid();
        return threads().isEmpty() ? 0 : threads().get(0).tid();
    }

    private String selectThread(String p) {
        String id = p.substring(2);
        if (id.equals("0") || id.equals("-1")) return "OK";
        long tid = Hex.number(id);
        for (ThreadInfo t : threads()) {
            if (t.tid() == tid) {
                if (!t.selected()) {
                    session.selectThread(t.number());
                    threads = null;
                }
                return "OK";
            }
        }
        return "E02";
    }

    private String threadAlive(long tid) {
        for (ThreadInfo t : threads()) if (t.tid() == tid) return "OK";
        return "E01";
    }

    // ---- registers and memory ------------------------------------------------------------------

    private RegisterFile registers() {
        return new RegisterFile(session.generalRegisters(), session.floatingPointRegisters(), avx());
    }

    /** Whether this connection's register set has AVX: decided once, as gdb reads the description once. */
    private boolean avx() {
        if (avx == null) {
            byte[] xsave = null;
            try {
                xsave = session.floatingPointRegisters();
            } catch (JrrException e) {
                // the program has ended: no AVX state to show
            }
            avx = RegisterFile.hasAvx(xsave);
        }
        return avx;
    }

    /** m ADDR,LENGTH: as many bytes as are readable from ADDR (gdb asks again for the rest). */
    private String memory(String args) {
        String[] al = args.split(",");
        long addr = Hex.number(al[0]);
        int len = (int) Math.min(Hex.number(al[1]), 16384);
        try {
            return Hex.bytes(session.readMemory(addr, len));
        } catch (JrrException e) {
            // up to the first unreadable page
            long pageEnd = (addr | 0xfff) + 1;
            if (pageEnd - addr >= len) return "E14";
            return memory(Long.toHexString(addr) + "," + Long.toHexString(pageEnd - addr));
        }
    }

    // ---- execution ------------------------------------------------------------------------------

    private String verbose(String p) throws IOException {
        if (p.equals("vCont?")) return "vCont;c;C;s;S";
        if (p.startsWith("vCont;")) return vCont(p.substring(6));
        if (p.startsWith("vRun")) return restart(p);
        // gdb says a core's program "is not being run" when asked to kill it; refusing also keeps
        // `run` (kill first, then vRun) from leaving gdb without the core's process
        if (p.startsWith("vKill")) return session.canMove() ? "OK" : NOT_RUNNING;
        if (p.startsWith("vAttach")) return "E.jrrtui serves one recording; it cannot attach to a process";
        return "";
    }

    /** vCont;ACTION[:TID];...: a step of one thread if any is asked for, else continue. */
    private String vCont(String actions) {
        for (String a : actions.split(";")) {
            if (!a.startsWith("s") && !a.startsWith("S")) continue;
            int colon = a.indexOf(':');
            if (colon > 0) {
                String r = selectThread("Hg" + a.substring(colon + 1));
                if (!r.equals("OK")) return "E03";
            }
            return resume(session::stepi, false);
        }
        return resume(session::cont, false);
    }

    /** vRun;FILE[;ARG]: starts over, at event ARG when one is given (rr's {@code run N}). */
    private String restart(String p) {
        String[] parts = p.split(";");
        long event = 1;
        if (parts.length > 2 && !parts[2].isEmpty()) {
            String arg = Hex.decodeText(parts[2]).trim();
            try {
                event = Long.parseLong(arg);
            } catch (NumberFormatException e) {
                return "E.'run' takes an event number to start at (or nothing), not '" + arg + "'";
            }
        }
        final long target = event;
        return resume(() -> session.gotoEvent(target), false);
    }

    /**
     * Runs a command that moves the program and answers with where it stopped. A session that
     * cannot move (a core file) answers with gdb's own words for a core; gdb shows them as a
     * failure reply and stays where it is.
     */
    private String resume(Supplier<StopEvent> command, boolean reverse) {
        if (!session.canMove()) return NOT_RUNNING;
        threads = null;
        Thread watcher = interruptWatcher();
        StopEvent stop;
        try {
            stop = command.get();
        } catch (InterruptedOperation e) {
            return stopReply(session.status(), "", GdbSignals.INT);
        } catch (JrrException e) {
            // nothing ahead (the end of a cut-short recording) or behind: say so the way gdb understands
            log.println("jrrtui: " + e.getMessage());
            return stopReply(session.status(), reverse ? "replaylog:begin;" : "replaylog:end;", GdbSignals.TRAP);
        } finally {
            watcher.interrupt();
        }
        return stopReply(stop);
    }

    private Thread interruptWatcher() {
        Thread t = new Thread(() -> {
            try {
                // gdb may send the byte right after the resume packet, before the command has begun and
                // cleared stale interrupts: once it has come, keep interrupting until the command returns
                boolean requested = false;
                while (!Thread.currentThread().isInterrupted()) {
                    if (requested || channel.interruptPending()) {
                        requested = true;
                        session.interrupt();
                    }
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException e) {
                // the command ended or the connection did: nothing to watch
            }
        }, "gdb-interrupt-watcher");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private String stopReply(StopEvent e) {
        return switch (e.reason()) {
            case EXITED -> exitReply(e.detail());
            case BREAKPOINT, WATCHPOINT -> stopReply(e, points.stopReason(e.breakpoint()), GdbSignals.TRAP);
            case SIGNAL -> stopReply(e, "", GdbSignals.fromLinux(Math.max(0, GdbSignals.linuxByName(e.detail()))));
            case START_OF_HISTORY -> stopReply(e, "replaylog:begin;", GdbSignals.TRAP);
            case END_OF_HISTORY -> stopReply(e, "replaylog:end;", GdbSignals.TRAP);
            default -> stopReply(e, "", GdbSignals.TRAP);
        };
    }

    private String stopReply(StopEvent e, String reason, int signal) {
        if (e.reason() == StopEvent.Reason.EXITED) return exitReply(e.detail());
        long tid = selectedTid();
        return String.format("T%02x", signal) + (tid != 0 ? "thread:" + Long.toHexString(tid) + ";" : "") + reason;
    }

    /** W (exit status) or X (killed by a signal) from the session's "process N exited ..." words. */
    static String exitReply(String detail) {
        String d = detail == null ? "" : detail;
        int killed = d.indexOf("killed by signal ");
        if (killed >= 0) {
            int sig = GdbSignals.linuxByName(d.substring(killed + 17).trim());
            return String.format("X%02x", GdbSignals.fromLinux(Math.max(sig, 0)));
        }
        int code = d.indexOf("exited with code ");
        if (code >= 0) return String.format("W%02x", Integer.parseInt(d.substring(code + 17).trim(), 8) & 0xff);
        return "W00";
    }

    // ---- breakpoints and watchpoints ------------------------------------------------------------

    /** Z/z TYPE,ADDR,KIND. */
    private String breakpoint(String p) {
        String[] f = p.substring(1).split("[,;]");
        int type = Integer.parseInt(f[0]);
        if (type > 4) return "";
        long addr = Hex.number(f[1]);
        int len = (int) Hex.number(f[2]);
        if (type <= 1) len = 1; // the kind of a code breakpoint is an instruction size hint, not a range
        if (p.charAt(0) == 'Z') {
            points.insert(type, addr, len);
        } else {
            points.remove(type, addr, len);
        }
        return "OK";
    }
}
