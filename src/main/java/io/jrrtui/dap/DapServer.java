package io.jrrtui.dap;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.StopEvent;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One DAP client over one channel: requests are answered in order on the reading thread, except
 * those that run the program, which are answered at once and run on a worker (so {@code pause}
 * can interrupt them); their end is a {@code stopped}, or {@code exited} and {@code terminated}, event.
 */
public final class DapServer {
    private final DapChannel channel;
    private final Function<LaunchTarget, DebugSession> opener;
    private final PrintStream log;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dap-run");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private DebugSession session;
    private Requests requests;
    private int seq = 1;
    private boolean done;

    /** opener: the launch request's recording or core file to an open session. */
    public DapServer(InputStream in, OutputStream out, Function<LaunchTarget, DebugSession> opener, PrintStream log) {
        this.channel = new DapChannel(in, out);
        this.opener = opener;
        this.log = log;
    }

    /** Serves until disconnect or end of input; closes the session. */
    public void serve() throws IOException {
        try {
            while (!done) {
                String body;
                try {
                    body = channel.read();
                } catch (Json.SyntaxError e) {
                    error(0, "?", "malformed message: " + e.getMessage());
                    continue;
                }
                if (body == null) return;
                handle(body);
            }
        } finally {
            worker.shutdownNow();
            if (session != null) session.close();
        }
    }

    @SuppressWarnings("unchecked")
    private void handle(String body) throws IOException {
        Map<String, Object> msg;
        try {
            Object parsed = Json.parse(body);
            if (!(parsed instanceof Map)) throw new Json.SyntaxError("a message is a JSON object");
            msg = (Map<String, Object>) parsed;
        } catch (Json.SyntaxError e) {
            error(0, "?", "malformed message: " + e.getMessage());
            return;
        }
        long requestSeq = msg.get("seq") instanceof Long l ? l : 0;
        Object command = msg.get("command");
        if (!"request".equals(msg.get("type")) || !(command instanceof String)) {
            error(requestSeq, String.valueOf(command), "not a request (needs \"type\": \"request\" and a \"command\")");
            return;
        }
        Object a = msg.get("arguments");
        Args args = new Args(a instanceof Map ? (Map<String, Object>) a : Map.of());
        String name = (String) command;
        try {
            dispatch(requestSeq, name, args);
        } catch (JrrException | Args.Bad e) {
            error(requestSeq, name, e.getMessage());
        } catch (RuntimeException e) {
            log.println("jrrtui dap: " + name + ": " + e);
            error(requestSeq, name, "internal error: " + e);
        }
    }

    private void dispatch(long requestSeq, String command, Args args) throws IOException {
        switch (command) {
            case "initialize" -> {
                respond(requestSeq, command, Requests.capabilities());
                return;
            }
            case "launch", "attach" -> {
                if (session != null) throw new JrrException("a recording is already open");
                LaunchTarget launch = new LaunchTarget(args.string("trace", null), args.string("program", null), args.string("coreFile", null));
                if (launch.isCore() && launch.program() == null) throw new JrrException("a core file needs the \"program\" that dumped it");
                session = opener.apply(launch);
                requests = new Requests(session, args.flag("stopOnEntry"));
                respond(requestSeq, command, null);
                event("initialized", null);
                return;
            }
            case "disconnect", "terminate" -> {
                if (session != null) session.interrupt();
                respond(requestSeq, command, null);
                if (command.equals("terminate")) event("terminated", null);
                done = true;
                return;
            }
            case "pause" -> {
                if (session != null) session.interrupt();
                respond(requestSeq, command, null);
                return;
            }
            default -> { }
        }
        if (session == null) throw new JrrException("no recording is open: send 'launch' with {\"trace\": NAME} first");
        if (running.get()) throw new JrrException("the program is running; send 'pause' first");
        Supplier<StopEvent> move = requests.movement(command, args);
        if (move != null && !command.equals("configurationDone") && !session.canMove()) {
            throw new JrrException("The program is not being run.");
        }
        if (move != null) {
            respond(requestSeq, command, command.equals("continue") ? Json.obj("allThreadsContinued", true) : null);
            run(move, command);
            return;
        }
        respond(requestSeq, command, requests.answer(command, args));
    }

    /** Runs a command that moves the program on the worker; its end is reported as events. */
    private void run(Supplier<StopEvent> move, String command) {
        running.set(true);
        worker.execute(() -> {
            try {
                List<Map<String, Object>> events;
                try {
                    events = requests.stopped(move.get());
                } catch (JrrException e) {
                    // interrupted, or nothing to run: the program stays where it got to
                    events = requests.stoppedAfterError(e.getMessage());
                } catch (RuntimeException e) {
                    log.println("jrrtui dap: " + command + ": " + e);
                    events = requests.stoppedAfterError("internal error: " + e);
                }
                running.set(false);
                for (Map<String, Object> ev : events) event((String) ev.get("event"), ev.get("body"));
            } catch (IOException e) {
                log.println("jrrtui dap: cannot send events: " + e.getMessage());
            } finally {
                running.set(false);
            }
        });
    }

    private synchronized void respond(long requestSeq, String command, Object body) throws IOException {
        channel.send(Json.obj("seq", seq++, "type", "response", "request_seq", requestSeq, "success", true,
                "command", command, "body", body == null ? Map.of() : body));
    }

    private synchronized void error(long requestSeq, String command, String message) throws IOException {
        channel.send(Json.obj("seq", seq++, "type", "response", "request_seq", requestSeq, "success", false,
                "command", command, "message", message,
                "body", Json.obj("error", Json.obj("id", 1, "format", message, "showUser", true))));
    }

    private synchronized void event(String name, Object body) throws IOException {
        channel.send(Json.obj("seq", seq++, "type", "event", "event", name, "body", body));
    }
}
