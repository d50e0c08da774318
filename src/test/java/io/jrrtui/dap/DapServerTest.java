package io.jrrtui.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.core.CoreTarget;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.elf.TestBinaries;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.testsupport.KernelCores;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted DAP client through a whole session on the dbg_corrupt recording: initialize, launch,
 * breakpoints by file name, configurationDone, threads, stackTrace, scopes, variables, evaluate, a
 * data breakpoint hit backwards, stepBack, goto an event, disassemble, readMemory, program output
 * with event numbers, malformed messages, the end.
 */
class DapServerTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> m) {
        return (Map<String, Object>) m.get("body");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    private static Map<String, Object> ok(Map<String, Object> response) {
        assertEquals(Boolean.TRUE, response.get("success"), response.toString());
        return body(response);
    }

    private DapClient client;

    /** Starts a DAP server on pipes (launch opens a trace directory) and a client on the other ends. */
    private Thread serve(ByteArrayOutputStream log) throws Exception {
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedOutputStream fromServer = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(fromServer, 1 << 16);
        DapServer server = new DapServer(serverIn, fromServer,
                launch -> launch.isCore()
                        ? Debugger.over(CoreTarget.open(Path.of(launch.program()), Path.of(launch.coreFile())), 0, null)
                        : ReplayDebugger.open(TraceReader.open(Path.of(launch.recording())), 1, OutputSink.DISCARD), new PrintStream(log, true));
        Thread serving = new Thread(() -> {
            try {
                server.serve();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, "dap-test-server");
        serving.setDaemon(true);
        serving.start();
        client = new DapClient(clientIn, toServer);
        return serving;
    }

    @Test
    void aCoreFileShowsThreadsStacksAndVariablesAndRefusesToMove() throws Exception {
        Path bin = TestBinaries.binary("pm_worker_segv");
        Path core = KernelCores.of(bin, TestBinaries.sharedTmp());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Thread serving = serve(log);
        DapClient c = client;
        ok(c.request("initialize", Json.obj()));
        Map<String, Object> noProgram = c.request("launch", Json.obj("coreFile", core.toString()));
        assertEquals(Boolean.FALSE, noProgram.get("success"));
        assertTrue(String.valueOf(noProgram.get("message")).contains("\"program\""), noProgram.toString());
        ok(c.request("launch", Json.obj("program", bin.toString(), "coreFile", core.toString())));
        ok(c.request("configurationDone", Json.obj()));
        Map<String, Object> stopped = body(c.event("stopped"));
        assertEquals(1L, stopped.get("threadId"));
        assertEquals("exception", stopped.get("reason"));
        assertEquals("Program terminated with signal SIGSEGV.", stopped.get("description"));

        List<Map<String, Object>> threads = list(ok(c.request("threads", Json.obj())), "threads");
        assertEquals(List.of(1L, 2L, 3L, 4L), threads.stream().map(t -> t.get("id")).toList());
        assertTrue(threads.stream().allMatch(t -> ((String) t.get("name")).matches(".*\\(LWP \\d+\\)")), threads.toString());
        List<Map<String, Object>> frames = list(ok(c.request("stackTrace", Json.obj("threadId", 1L))), "stackFrames");
        assertEquals(List.of("store_result", "run_worker"), frames.subList(0, 2).stream().map(f -> f.get("name")).toList());
        assertEquals(24L, frames.get(0).get("line"));
        List<Map<String, Object>> scopes = list(ok(c.request("scopes", Json.obj("frameId", frames.get(0).get("id")))), "scopes");
        List<Map<String, Object>> args = list(ok(c.request("variables", Json.obj("variablesReference", scopes.get(1).get("variablesReference")))), "variables");
        assertEquals(List.of("slot = 0x0", "value = 4242"), args.stream().map(v -> v.get("name") + " = " + v.get("value")).toList());
        scopes = list(ok(c.request("scopes", Json.obj("frameId", frames.get(1).get("id")))), "scopes");
        Map<String, Object> job = list(ok(c.request("variables", Json.obj("variablesReference", scopes.get(0).get("variablesReference")))), "variables")
                .stream().filter(v -> v.get("name").equals("job")).findFirst().orElseThrow();
        List<Map<String, Object>> members = list(ok(c.request("variables", Json.obj("variablesReference", job.get("variablesReference")))), "variables");
        assertEquals(List.of("id = 2", "weight = 3"), members.stream().filter(m -> !m.get("name").equals("label"))
                .map(m -> m.get("name") + " = " + m.get("value")).toList());
        List<Map<String, Object>> registers = list(ok(c.request("variables", Json.obj("variablesReference", scopes.get(2).get("variablesReference")))), "variables");
        assertTrue(registers.stream().anyMatch(r -> r.get("name").equals("rip")), registers.toString());
        // one other thread's stack reaches main (the kernel's thread order varies from core to core)
        long reachMain = 0;
        for (long t = 2; t <= 4; t++) {
            List<Map<String, Object>> stack = list(ok(c.request("stackTrace", Json.obj("threadId", t))), "stackFrames");
            if (stack.stream().anyMatch(f -> f.get("name").equals("main"))) reachMain++;
        }
        assertEquals(1, reachMain);

        // nothing runs: every motion is an error response, and the core is still there
        for (String motion : List.of("continue", "next", "stepIn", "stepOut", "stepBack", "reverseContinue")) {
            Map<String, Object> r = c.request(motion, Json.obj("threadId", 1L));
            assertEquals(Boolean.FALSE, r.get("success"), motion + ": " + r);
            assertEquals("The program is not being run.", r.get("message"), motion);
        }
        assertEquals("4242", ok(c.request("evaluate", Json.obj("expression", "value", "frameId", frames.get(0).get("id")))).get("result"));
        // a call needs a process to run in: a core has none, said as the reason
        Map<String, Object> call = c.request("evaluate", Json.obj("expression", "store_result(0, 1)", "frameId", frames.get(0).get("id")));
        assertEquals(Boolean.FALSE, call.get("success"), call.toString());
        assertEquals("Cannot call functions in a core file: there is no process to run store_result() in.", call.get("message"));
        ok(c.request("disconnect", Json.obj()));
        serving.join(30_000);
        assertFalse(serving.isAlive());
        assertFalse(log.toString().contains("internal error"), log.toString());
    }

    @Test
    void structuredValuesExpandMemberByMemberAndMembersCanBeWatched() throws Exception {
        Path trace = Jrr.recordQuietly(tmp.resolve("trace"), tmp.resolve("out"), "ct_struct");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Thread serving = serve(log);
        DapClient c = client;
        ok(c.request("initialize", Json.obj()));
        ok(c.request("launch", Json.obj("trace", trace.toString())));
        ok(c.request("setFunctionBreakpoints", Json.obj("breakpoints", List.of(Json.obj("name", "area"), Json.obj("name", "scale")))));
        ok(c.request("configurationDone", Json.obj()));
        assertEquals("breakpoint", body(c.event("stopped")).get("reason"));
        Map<String, Object> top = list(ok(c.request("stackTrace", Json.obj("threadId", 1L))), "stackFrames").get(0);
        assertEquals("area", top.get("name"));
        List<Map<String, Object>> scopes = list(ok(c.request("scopes", Json.obj("frameId", top.get("id")))), "scopes");
        Map<String, Object> r = list(ok(c.request("variables", Json.obj("variablesReference", scopes.get(1).get("variablesReference")))), "variables").get(0);
        assertEquals("r", r.get("name"));
        assertEquals("{origin = {x = 1, y = 2}, w = 3, h = 4}", r.get("value"));
        // a call in an expression runs in a copy of the replay (FunctionCallOracleTest compares them with gdb)
        assertEquals("9", ok(c.request("evaluate", Json.obj("expression", "greet(\"four\", 2) + 1", "frameId", top.get("id")))).get("result"));
        Map<String, Object> byValue = c.request("evaluate", Json.obj("expression", "area(r)", "frameId", top.get("id")));
        assertEquals("Cannot pass a struct rect by value: jrrtui passes integers, pointers and floating-point values only.",
                byValue.get("message"), byValue.toString());
        List<Map<String, Object>> members = list(ok(c.request("variables", Json.obj("variablesReference", r.get("variablesReference")))), "variables");
        assertEquals(List.of("origin", "w", "h"), members.stream().map(m -> m.get("name")).toList());
        assertEquals("3", members.get(1).get("value"));
        assertEquals(0L, members.get(1).get("variablesReference"));
        long originRef = (Long) members.get(0).get("variablesReference");
        List<Map<String, Object>> origin = list(ok(c.request("variables", Json.obj("variablesReference", originRef))), "variables");
        assertEquals("x", origin.get(0).get("name"));
        assertEquals("1", origin.get(0).get("value"));
        // a member's evaluateName prints it again, and is what a data breakpoint on it watches
        String expression = (String) origin.get(1).get("evaluateName");
        assertEquals("2", ok(c.request("evaluate", Json.obj("expression", expression, "frameId", top.get("id")))).get("result"));
        Map<String, Object> info = ok(c.request("dataBreakpointInfo", Json.obj("variablesReference", originRef, "name", "y")));
        assertEquals(expression, info.get("dataId"));
        Map<String, Object> watch = list(ok(c.request("setDataBreakpoints", Json.obj("breakpoints", List.of(Json.obj("dataId", expression))))), "breakpoints").get(0);
        assertEquals(Boolean.TRUE, watch.get("verified"), watch.toString());
        ok(c.request("setDataBreakpoints", Json.obj("breakpoints", List.of())));
        // a pointer expands to what it points to, which expands in turn
        ok(c.request("continue", Json.obj("threadId", 1L)));
        assertEquals("breakpoint", body(c.event("stopped")).get("reason"));
        top = list(ok(c.request("stackTrace", Json.obj("threadId", 1L))), "stackFrames").get(0);
        assertEquals("scale", top.get("name"));
        scopes = list(ok(c.request("scopes", Json.obj("frameId", top.get("id")))), "scopes");
        Map<String, Object> p = list(ok(c.request("variables", Json.obj("variablesReference", scopes.get(1).get("variablesReference")))), "variables").get(0);
        assertEquals("p", p.get("name"));
        assertTrue((Long) p.get("variablesReference") > 0, p.toString());
        Map<String, Object> pointee = list(ok(c.request("variables", Json.obj("variablesReference", p.get("variablesReference")))), "variables").get(0);
        assertEquals("*p", pointee.get("name"));
        assertTrue(((String) pointee.get("value")).matches("\\{x = -?\\d+, y = -?\\d+}"), pointee.toString());
        List<Map<String, Object>> fields = list(ok(c.request("variables", Json.obj("variablesReference", pointee.get("variablesReference")))), "variables");
        assertEquals(List.of("x", "y"), fields.stream().map(m -> m.get("name")).toList());
        ok(c.request("disconnect", Json.obj()));
        serving.join(30_000);
        assertFalse(serving.isAlive());
        assertFalse(log.toString().contains("internal error"), log.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void wholeSessionOnTheCorruptionHunt() throws Exception {
        Path trace = Jrr.recordQuietly(tmp.resolve("trace"), tmp.resolve("out"), "dbg_corrupt");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Thread serving = serve(log);
        DapClient c = client;

        Map<String, Object> caps = ok(c.request("initialize", Json.obj("adapterID", "jrrtui")));
        for (String cap : List.of("supportsStepBack", "supportsDataBreakpoints", "supportsGotoTargetsRequest", "supportsConditionalBreakpoints",
                "supportsDisassembleRequest", "supportsReadMemoryRequest")) {
            assertEquals(Boolean.TRUE, caps.get(cap), cap);
        }
        // requests before launch and malformed messages get error responses; the server carries on
        assertEquals(Boolean.FALSE, c.request("threads", Json.obj()).get("success"));
        c.raw("{\"seq\": 99, \"type\": \"request\", \"command\": ");
        Map<String, Object> malformed = c.response(0);
        assertEquals(Boolean.FALSE, malformed.get("success"));
        assertTrue(((String) malformed.get("message")).startsWith("malformed message"), malformed.toString());
        assertEquals(Boolean.FALSE, c.request("launch", Json.obj("trace", tmp.resolve("no-such-trace").toString())).get("success"));

        ok(c.request("launch", Json.obj("trace", trace.toString())));
        c.event("initialized");
        // a source given by file name alone, as 'break dbg_corrupt.c:29'
        Map<String, Object> bps = ok(c.request("setBreakpoints", Json.obj("source", Json.obj("path", "/elsewhere/dbg_corrupt.c"),
                "breakpoints", List.of(Json.obj("line", 29L), Json.obj("line", 4000L)))));
        List<Map<String, Object>> set = list(bps, "breakpoints");
        assertEquals(Boolean.TRUE, set.get(0).get("verified"));
        assertEquals(29L, set.get(0).get("line"));
        assertEquals(Boolean.FALSE, set.get(1).get("verified"));
        ok(c.request("setFunctionBreakpoints", Json.obj("breakpoints", List.of())));
        ok(c.request("configurationDone", Json.obj()));
        Map<String, Object> stopped = body(c.event("stopped"));
        assertEquals("breakpoint", stopped.get("reason"));
        assertEquals(List.of(set.get(0).get("id")), stopped.get("hitBreakpointIds"));

        List<Map<String, Object>> threads = list(ok(c.request("threads", Json.obj())), "threads");
        assertEquals(1, threads.size());
        long thread = (Long) threads.get(0).get("id");
        Map<String, Object> top = list(ok(c.request("stackTrace", Json.obj("threadId", thread))), "stackFrames").get(0);
        assertEquals("report", top.get("name"));
        assertEquals(29L, top.get("line"));
        assertEquals("dbg_corrupt.c", ((Map<String, Object>) top.get("source")).get("name"));
        List<Map<String, Object>> scopes = list(ok(c.request("scopes", Json.obj("frameId", top.get("id")))), "scopes");
        assertEquals(List.of("Locals", "Arguments", "Registers"), scopes.stream().map(s -> s.get("name")).toList());
        List<Map<String, Object>> args = list(ok(c.request("variables", Json.obj("variablesReference", scopes.get(1).get("variablesReference")))), "variables");
        assertEquals("work", args.get(0).get("name"));
        assertEquals("421330", args.get(0).get("value"));
        List<Map<String, Object>> regs = list(ok(c.request("variables", Json.obj("variablesReference", scopes.get(2).get("variablesReference")))), "variables");
        assertTrue(regs.stream().anyMatch(r -> r.get("name").equals("rip")), regs.toString());
        assertEquals("-1000", ok(c.request("evaluate", Json.obj("expression", "counter", "frameId", top.get("id")))).get("result"));

        // the data breakpoint (watch -l counter), hit going backwards: the culprit
        Map<String, Object> info = ok(c.request("dataBreakpointInfo", Json.obj("name", "counter")));
        assertEquals("counter", info.get("dataId"));
        Map<String, Object> watch = list(ok(c.request("setDataBreakpoints", Json.obj("breakpoints", List.of(Json.obj("dataId", "counter"))))), "breakpoints").get(0);
        assertEquals(Boolean.TRUE, watch.get("verified"), watch.toString());
        ok(c.request("reverseContinue", Json.obj("threadId", thread)));
        stopped = body(c.event("stopped"));
        assertEquals("data breakpoint", stopped.get("reason"));
        assertEquals("-location counter: old value = 435, new value = -1000", stopped.get("text"));
        top = list(ok(c.request("stackTrace", Json.obj("threadId", thread))), "stackFrames").get(0);
        assertEquals("scribble", top.get("name"));
        assertEquals(18L, top.get("line"));
        assertEquals("435", ok(c.request("evaluate", Json.obj("expression", "counter", "frameId", top.get("id")))).get("result"));

        // stepBack: to the condition line before the culprit
        ok(c.request("stepBack", Json.obj("threadId", thread)));
        assertEquals("step", body(c.event("stopped")).get("reason"));
        top = list(ok(c.request("stackTrace", Json.obj("threadId", thread))), "stackFrames").get(0);
        assertEquals(17L, top.get("line"));

        // disassemble at the pc and read the counter's memory
        List<Map<String, Object>> ins = list(ok(c.request("disassemble", Json.obj("memoryReference", top.get("instructionPointerReference"),
                "instructionCount", 3L))), "instructions");
        assertEquals(3, ins.size());
        assertEquals(top.get("instructionPointerReference"), ins.get(0).get("address"));
        String address = ((String) ok(c.request("evaluate", Json.obj("expression", "&counter"))).get("result")).replaceAll(".* (0x[0-9a-f]+).*", "$1");
        Map<String, Object> mem = ok(c.request("readMemory", Json.obj("memoryReference", address, "count", 4L)));
        int value = ByteBuffer.wrap(Base64.getDecoder().decode((String) mem.get("data"))).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertEquals(435, value);

        // goto an event, then the end
        List<Map<String, Object>> targets = list(ok(c.request("gotoTargets", Json.obj("source", Json.obj("path", "dbg_corrupt.c"), "line", 10L))), "targets");
        assertFalse(targets.isEmpty());
        ok(c.request("goto", Json.obj("threadId", thread, "targetId", 3L)));
        assertEquals("goto", body(c.event("stopped")).get("reason"));
        assertEquals(Boolean.FALSE, c.request("variables", Json.obj("variablesReference", 1L)).get("success"), "references end when the program moves");
        assertEquals(Boolean.FALSE, c.request("noSuchRequest", Json.obj()).get("success"));
        ok(c.request("setDataBreakpoints", Json.obj("breakpoints", List.of())));
        ok(c.request("setBreakpoints", Json.obj("source", Json.obj("path", "/elsewhere/dbg_corrupt.c"), "breakpoints", List.of())));
        ok(c.request("continue", Json.obj("threadId", thread)));
        // the program's output (stdout to a file is flushed once, at exit) as an output event with its event number
        Map<String, Object> out = body(c.event("output"));
        assertEquals("stdout", out.get("category"));
        assertTrue(((String) out.get("output")).startsWith("i=9 counter=45\n"), out.toString());
        assertTrue(((String) out.get("output")).contains("damage: counter=-1000, expected 435"), out.toString());
        assertTrue((Long) ((Map<String, Object>) out.get("data")).get("event") > 3, out.toString());
        assertEquals(0L, body(c.event("exited")).get("exitCode"));
        c.event("terminated");
        ok(c.request("disconnect", Json.obj()));
        serving.join(30_000);
        assertFalse(serving.isAlive());
        assertFalse(log.toString().contains("internal error"), log.toString());
    }
}
