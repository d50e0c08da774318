package io.jrrtui.dap;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.DebugSession;
import io.jrrtui.api.DebugSession.WatchKind;
import io.jrrtui.api.DisassemblyLine;
import io.jrrtui.api.EventSummary;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.OutputChunk;
import io.jrrtui.api.SourceLocation;
import io.jrrtui.api.StopEvent;
import io.jrrtui.api.ThreadInfo;
import io.jrrtui.api.Variable;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The DAP requests on an open session: what each asks of {@link DebugSession} and the response
 * body it gets; stops become {@code stopped}/{@code output}/{@code exited}/{@code terminated} events.
 * Frame ids are threadNumber * 10000 + level; breakpoint ids are the session's numbers.
 */
final class Requests {
    private static final int FRAMES_PER_THREAD = 10000;
    private final DebugSession session;
    private final boolean stopOnEntry;
    private final VariableStore variables;
    /** Breakpoint numbers set by setBreakpoints per source path, by setFunctionBreakpoints (key ""), by setDataBreakpoints. */
    private final Map<String, List<Integer>> sourceBreakpoints = new HashMap<>();
    private final List<Integer> functionBreakpoints = new ArrayList<>();
    private final List<Integer> dataBreakpoints = new ArrayList<>();
    /** Program output up to this event has been sent as output events. */
    private long outputSentUpTo;

    Requests(DebugSession session, boolean stopOnEntry) {
        this.session = session;
        this.stopOnEntry = stopOnEntry;
        this.variables = new VariableStore(e -> session.print(e, null));
    }

    static Map<String, Object> capabilities() {
        return Json.obj("supportsConfigurationDoneRequest", true, "supportsStepBack", true, "supportsDataBreakpoints", true,
                "supportsGotoTargetsRequest", true, "supportsConditionalBreakpoints", true, "supportsFunctionBreakpoints", true,
                "supportsDisassembleRequest", true, "supportsReadMemoryRequest", true, "supportsEvaluateForHovers", true,
                "supportsTerminateRequest", true, "supportsSteppingGranularity", true, "supportsInstructionBreakpoints", false);
    }

    // ---- moving ---------------------------------------------------------------------------------

    /** The command a moving request runs, or null when the request does not move the program. */
    Supplier<StopEvent> movement(String command, Args args) {
        boolean instruction = "instruction".equals(args.string("granularity", "statement"));
        return switch (command) {
            case "configurationDone" -> stopOnEntry || !session.canMove() ? session::status : session::cont; // a core stops where it ended
            case "continue" -> onThread(args, session::cont);
            case "next" -> onThread(args, instruction ? session::nexti : session::next);
            case "stepIn" -> onThread(args, instruction ? session::stepi : session::step);
            case "stepOut" -> onThread(args, session::finish);
            case "stepBack" -> onThread(args, instruction ? session::reverseNexti : session::reverseNext);
            case "reverseContinue" -> onThread(args, session::reverseContinue);
            case "goto" -> {
                long event = args.number("targetId");
                yield () -> session.gotoEvent(event);
            }
            default -> null;
        };
    }

    /** Selects the request's thread (when another) before the command. */
    private Supplier<StopEvent> onThread(Args args, Supplier<StopEvent> command) {
        int thread = (int) args.number("threadId", 0);
        return () -> {
            selectThread(thread);
            return command.get();
        };
    }

    private void selectThread(int thread) {
        if (thread <= 0) return;
        StopEvent s = session.status();
        if (s.thread() != 0 && s.thread() != thread) session.selectThread(thread);
    }

    /** The events that report a stop: program output it passed, then stopped (or exited and terminated). */
    List<Map<String, Object>> stopped(StopEvent e) {
        variables.clear();
        List<Map<String, Object>> events = outputEvents();
        if (e.reason() == StopEvent.Reason.EXITED) {
            events.add(event("output", Json.obj("category", "console", "output", e.detail() + "\n")));
            events.add(event("exited", Json.obj("exitCode", exitCode(e.detail()))));
            events.add(event("terminated", Json.obj()));
            return events;
        }
        String reason = switch (e.reason()) {
            case BREAKPOINT -> "breakpoint";
            case WATCHPOINT -> "data breakpoint";
            case SIGNAL -> "exception";
            case EVENT -> "goto";
            case START -> "entry";
            default -> "step";
        };
        if (e.reason() == StopEvent.Reason.START && session.endingSignal() != null) {
            // a core file: where the program ended, and by which signal
            String why = "Program terminated with signal " + session.endingSignal() + ".";
            events.add(event("stopped", Json.obj("reason", "exception", "threadId", e.thread() > 0 ? e.thread() : 1, "allThreadsStopped", true,
                    "description", why, "text", why)));
            return events;
        }
        String text = e.watch() != null ? e.watch().expression() + ": old value = " + e.watch().oldValue() + ", new value = " + e.watch().newValue()
                : e.detail();
        Map<String, Object> body = Json.obj("reason", reason, "threadId", e.thread() > 0 ? e.thread() : 1, "allThreadsStopped", true,
                "description", text != null ? text : "event " + e.event(), "text", text,
                "hitBreakpointIds", e.breakpoint() > 0 ? List.of(e.breakpoint()) : null);
        events.add(event("stopped", body));
        return events;
    }

    /** After a failed or interrupted move: say why, and where the program is now. */
    List<Map<String, Object>> stoppedAfterError(String message) {
        variables.clear();
        List<Map<String, Object>> events = outputEvents();
        events.add(event("output", Json.obj("category", "console", "output", message + "\n")));
        StopEvent now = session.status();
        if (now.reason() == StopEvent.Reason.EXITED) return events;
        events.add(event("stopped", Json.obj("reason", "pause", "threadId", now.thread() > 0 ? now.thread() : 1,
                "allThreadsStopped", true, "description", message, "text", message)));
        return events;
    }

    /** The program's output written since the last report, each with its event number. */
    private List<Map<String, Object>> outputEvents() {
        List<Map<String, Object>> out = new ArrayList<>();
        long now = session.currentEvent();
        if (now <= outputSentUpTo) return out;
        for (OutputChunk c : session.output(now)) {
            if (c.event() <= outputSentUpTo) continue;
            out.add(event("output", Json.obj("category", c.stream() == 2 ? "stderr" : "stdout", "output", c.text(),
                    "data", Json.obj("event", c.event()))));
        }
        outputSentUpTo = now;
        return out;
    }

    private static Map<String, Object> event(String name, Map<String, Object> body) {
        return Json.obj("event", name, "body", body);
    }

    /** The exit code in "process N exited with code 012" (octal, as gdb says it); 0 for a normal exit. */
    static int exitCode(String detail) {
        if (detail == null) return 0;
        int i = detail.indexOf("exited with code ");
        if (i >= 0) return Integer.parseInt(detail.substring(i + 17).trim(), 8);
        return detail.contains("killed by signal") ? 128 : 0;
    }

    // ---- answering ------------------------------------------------------------------------------

    Object answer(String command, Args args) {
        return switch (command) {
            case "setBreakpoints" -> setBreakpoints(args);
            case "setFunctionBreakpoints" -> setFunctionBreakpoints(args);
            case "setExceptionBreakpoints" -> Json.obj("breakpoints", List.of());
            case "dataBreakpointInfo" -> dataBreakpointInfo(args);
            case "setDataBreakpoints" -> setDataBreakpoints(args);
            case "threads" -> threads();
            case "stackTrace" -> stackTrace(args);
            case "scopes" -> scopes(args);
            case "variables" -> variables(args);
            case "evaluate" -> evaluate(args);
            case "gotoTargets" -> gotoTargets(args);
            case "disassemble" -> disassemble(args);
            case "readMemory" -> readMemory(args);
            default -> throw new JrrException("unsupported request '" + command + "'");
        };
    }

    private Map<String, Object> setBreakpoints(Args args) {
        Args source = args.object("source");
        String path = source.string("path", source.string("name", null));
        if (path == null) throw new Args.Bad("setBreakpoints needs source.path or source.name");
        String file = path.substring(path.lastIndexOf('/') + 1);
        List<Integer> old = sourceBreakpoints.remove(path);
        if (old != null && !old.isEmpty()) session.deleteBreakpoints(old);
        List<Integer> now = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (Args b : args.objects("breakpoints")) {
            long line = b.number("line");
            out.add(breakpoint(file + ":" + line, b.string("condition", null), now, source));
        }
        sourceBreakpoints.put(path, now);
        return Json.obj("breakpoints", out);
    }

    private Map<String, Object> setFunctionBreakpoints(Args args) {
        if (!functionBreakpoints.isEmpty()) session.deleteBreakpoints(functionBreakpoints);
        functionBreakpoints.clear();
        List<Object> out = new ArrayList<>();
        for (Args b : args.objects("breakpoints")) out.add(breakpoint(b.string("name"), b.string("condition", null), functionBreakpoints, null));
        return Json.obj("breakpoints", out);
    }

    /** A session breakpoint at location, as DAP reports it: verified with its line, or not with the reason. */
    private Map<String, Object> breakpoint(String location, String condition, List<Integer> made, Args source) {
        try {
            BreakpointInfo info = session.addBreakpoint(location, condition, false);
            made.add(info.number());
            SourceLocation at = info.locations().isEmpty() ? null : info.locations().get(0);
            return Json.obj("id", info.number(), "verified", true, "line", at != null && at.hasLine() ? at.line() : null,
                    "source", at != null && at.hasLine() ? source(at) : null,
                    "instructionReference", at != null ? hex(at.pc()) : null);
        } catch (JrrException e) {
            return Json.obj("verified", false, "message", e.getMessage());
        }
    }

    private Map<String, Object> dataBreakpointInfo(Args args) {
        String name = args.string("name");
        long ref = args.number("variablesReference", 0);
        String expression = ref > 0 ? variables.expression((int) ref, name) : name;
        if (expression == null) {
            return Json.obj("dataId", null, "description", "'" + name + "' cannot be watched (no expression reaches it)");
        }
        return Json.obj("dataId", expression, "description", "-location " + expression, "accessTypes", List.of("write", "read", "readWrite"),
                "canPersist", false);
    }

    private Map<String, Object> setDataBreakpoints(Args args) {
        if (!dataBreakpoints.isEmpty()) session.deleteBreakpoints(dataBreakpoints);
        dataBreakpoints.clear();
        List<Object> out = new ArrayList<>();
        for (Args b : args.objects("breakpoints")) {
            String access = b.string("accessType", "write");
            WatchKind kind = access.equals("read") ? WatchKind.READ : access.equals("readWrite") ? WatchKind.ACCESS : WatchKind.WRITE;
            try {
                BreakpointInfo info = session.addWatchpoint(b.string("dataId"), kind, true);
                dataBreakpoints.add(info.number());
                out.add(Json.obj("id", info.number(), "verified", true, "message", info.what()));
            } catch (JrrException e) {
                out.add(Json.obj("verified", false, "message", e.getMessage()));
            }
        }
        return Json.obj("breakpoints", out);
    }

    private Map<String, Object> threads() {
        List<Object> out = new ArrayList<>();
        List<ThreadInfo> threads;
        try {
            threads = session.threads();
        } catch (JrrException e) {
            threads = List.of(); // the program has ended
        }
        for (ThreadInfo t : threads) out.add(Json.obj("id", t.number(), "name", (t.name() == null ? "Thread " + t.number() : t.name()) + " (LWP " + t.tid() + ")"));
        if (out.isEmpty() && session.status().reason() != StopEvent.Reason.EXITED) out.add(Json.obj("id", 1, "name", "main"));
        return Json.obj("threads", out);
    }

    private Map<String, Object> stackTrace(Args args) {
        int thread = (int) args.number("threadId", 1);
        selectThread(thread);
        List<FrameInfo> frames = session.backtrace(0);
        int start = (int) args.number("startFrame", 0);
        int levels = (int) args.number("levels", 0);
        List<Object> out = new ArrayList<>();
        for (int i = start; i < frames.size() && (levels <= 0 || i < start + levels); i++) {
            FrameInfo f = frames.get(i);
            SourceLocation w = f.where();
            out.add(Json.obj("id", thread * FRAMES_PER_THREAD + f.level(), "name", w.function() != null ? w.function() : "??",
                    "source", w.hasLine() ? source(w) : null, "line", w.hasLine() ? w.line() : 0, "column", w.hasLine() ? 1 : 0,
                    "instructionPointerReference", hex(w.pc())));
        }
        return Json.obj("stackFrames", out, "totalFrames", frames.size());
    }

    private static Map<String, Object> source(SourceLocation w) {
        return Json.obj("name", w.file().substring(w.file().lastIndexOf('/') + 1), "path", w.file());
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** Selects the frame a frame id names (its thread first). */
    private int selectFrame(long frameId) {
        selectThread((int) (frameId / FRAMES_PER_THREAD));
        int level = (int) (frameId % FRAMES_PER_THREAD);
        session.selectFrame(level);
        return level;
    }

    private Map<String, Object> scopes(Args args) {
        long frameId = args.number("frameId");
        int level = selectFrame(frameId);
        int locals = variables.add(() -> entries(session.locals(level)));
        int arguments = variables.add(() -> entries(session.args(level)));
        int registers = variables.add(() -> {
            List<VariableStore.Entry> out = new ArrayList<>();
            for (Variable v : session.registers()) out.add(new VariableStore.Entry(v.name(), v.value(), "$" + v.name()));
            return out;
        });
        return Json.obj("scopes", List.of(
                Json.obj("name", "Locals", "presentationHint", "locals", "variablesReference", locals, "expensive", false),
                Json.obj("name", "Arguments", "presentationHint", "arguments", "variablesReference", arguments, "expensive", false),
                Json.obj("name", "Registers", "presentationHint", "registers", "variablesReference", registers, "expensive", false)));
    }

    private static List<VariableStore.Entry> entries(List<Variable> vars) {
        List<VariableStore.Entry> out = new ArrayList<>();
        for (Variable v : vars) out.add(new VariableStore.Entry(v.name(), v.value(), v.name()));
        return out;
    }

    private Map<String, Object> variables(Args args) {
        List<VariableStore.Entry> members = variables.members((int) args.number("variablesReference"));
        if (members == null) throw new JrrException("no such variablesReference (references end when the program moves)");
        List<Object> out = new ArrayList<>();
        for (VariableStore.Entry e : members) {
            out.add(Json.obj("name", e.name(), "value", e.value(), "evaluateName", e.expression(),
                    "variablesReference", variables.forValue(e.value(), e.expression())));
        }
        return Json.obj("variables", out);
    }

    private Map<String, Object> evaluate(Args args) {
        String expression = args.string("expression");
        long frameId = args.number("frameId", -1);
        if (frameId >= 0) selectFrame(frameId);
        String value = session.print(expression, null);
        return Json.obj("result", value, "variablesReference", variables.forValue(value, expression));
    }

    /** Jump targets are events: those around now, each "event N: what happened". */
    private Map<String, Object> gotoTargets(Args args) {
        long now = session.currentEvent();
        List<Object> out = new ArrayList<>();
        for (EventSummary e : session.events(Math.max(1, now - 20), now + 20)) {
            out.add(Json.obj("id", e.number(), "label", "event " + e.number() + ": " + e.summary()));
        }
        return Json.obj("targets", out);
    }

    private Map<String, Object> disassemble(Args args) {
        long address = memoryReference(args) ;
        int offset = (int) args.number("instructionOffset", 0);
        int count = (int) args.number("instructionCount");
        if (count < 0 || count > 10000) throw new Args.Bad("instructionCount must be 0..10000");
        List<Object> out = new ArrayList<>();
        // instructions before the reference cannot be found by decoding backwards: they are marked invalid
        for (int i = offset; i < Math.min(0, offset + count); i++) {
            out.add(Json.obj("address", hex(0), "instruction", "", "presentationHint", "invalid"));
        }
        int skip = Math.max(0, offset);
        int wanted = count - out.size();
        List<DisassemblyLine> lines = wanted <= 0 ? List.of() : session.disassemble(address, skip + wanted);
        for (int i = skip; i < lines.size(); i++) {
            DisassemblyLine l = lines.get(i);
            out.add(Json.obj("address", hex(l.address()), "instruction", l.text(), "symbol", l.label()));
        }
        while (out.size() < count) out.add(Json.obj("address", hex(0), "instruction", "", "presentationHint", "invalid"));
        return Json.obj("instructions", out);
    }

    private static long memoryReference(Args args) {
        String ref = args.string("memoryReference");
        try {
            long base = ref.startsWith("0x") ? Long.parseUnsignedLong(ref.substring(2), 16) : Long.parseLong(ref);
            return base + args.number("offset", 0);
        } catch (NumberFormatException e) {
            throw new Args.Bad("memoryReference must be an address, not '" + ref + "'");
        }
    }

    private Map<String, Object> readMemory(Args args) {
        long address = memoryReference(args);
        int count = (int) args.number("count");
        if (count < 0 || count > (1 << 20)) throw new Args.Bad("count must be 0..1048576");
        byte[] data = new byte[count];
        int read = 0;
        while (read < count) {
            long at = address + read;
            int n = (int) Math.min(count - read, ((at | 0xfff) + 1) - at); // page by page: stop at the first unreadable
            try {
                System.arraycopy(session.readMemory(at, n), 0, data, read, n);
            } catch (JrrException e) {
                break;
            }
            read += n;
        }
        return Json.obj("address", hex(address), "data", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(data, read)),
                "unreadableBytes", count - read);
    }
}
