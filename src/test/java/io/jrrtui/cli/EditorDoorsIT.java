package io.jrrtui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.testsupport.GdbOracle;
import io.jrrtui.testsupport.KernelCores;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two editor doors through the packaged launcher, as a person uses them: {@code replay -s 0}
 * prints a gdb command that works as printed, and stopping the server leaves no tracee; {@code dap}
 * on stdin/stdout answers a client from initialize to disconnect.
 */
class EditorDoorsIT {
    private static final Path TARGET = Path.of(System.getProperty("jrrtui.projectDir", "."), "target").toAbsolutePath();

    @TempDir
    Path tmp;

    private String launcher() {
        return TARGET.resolve("jrrtui").toString();
    }

    private Path record() throws Exception {
        Path trace = tmp.resolve("trace");
        Process p = new ProcessBuilder(launcher(), "record", "-q", "-o", trace.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                TARGET.resolve("test-binaries/dbg_corrupt").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        return trace;
    }


    @Test
    void gdbServerPrintsAWorkingCommandAndStopsCleanly() throws Exception {
        assumeTrue(GdbOracle.present(), "gdb is not installed: the gdb server cannot be driven");
        Path trace = record();
        Process server = new ProcessBuilder(launcher(), "replay", "-s", "0", trace.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String banner = lines.readLine();
            String command = lines.readLine();
            assertTrue(banner != null && banner.contains("listening on 127.0.0.1:"), banner);
            assertTrue(command != null && command.trim().startsWith("gdb -ex 'target extended-remote 127.0.0.1:"), command);
            List<ProcessHandle> tracees = server.toHandle().descendants().toList();
            assertFalse(tracees.isEmpty(), "the replay runs the program");
            Process gdb = new ProcessBuilder("bash", "-c", command.trim() + " -nx -batch -ex 'break scribble if i == 37' -ex continue -ex 'print counter'"
                    + " -ex 'next' -ex 'next' -ex 'print counter'").redirectErrorStream(true).start();
            String out = new String(gdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(gdb.waitFor(120, TimeUnit.SECONDS), out);
            assertTrue(out.contains("Breakpoint 1, scribble (i=37) at dbg_corrupt.c:17"), out);
            assertTrue(out.contains("$1 = 435"), out);
            assertTrue(out.contains("$2 = -1000"), out);
            server.destroy(); // SIGTERM, as Ctrl-C or a closing terminal
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops");
            for (ProcessHandle t : tracees) {
                assertTrue(t.onExit().get(30, TimeUnit.SECONDS) != null && !t.isAlive(), "tracee " + t.pid() + " left running");
            }
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void bothDoorsOpenACoreFile() throws Exception {
        Path bin = TARGET.resolve("test-binaries/pm_worker_segv");
        Path core = KernelCores.of(bin, tmp);
        if (GdbOracle.present()) {
            Process server = new ProcessBuilder(launcher(), "debug", "-s", "0", bin.toString(), core.toString())
                    .redirectError(tmp.resolve("server.err").toFile()).start();
            try {
                BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                String banner = lines.readLine();
                String command = lines.readLine();
                assertTrue(banner != null && banner.contains("gdb server for core file"), banner);
                assertTrue(command != null && command.trim().startsWith("gdb -ex 'target extended-remote 127.0.0.1:"), command);
                Process gdb = new ProcessBuilder("bash", "-c", command.trim() + " -nx -batch -ex 'bt 2' -ex continue -ex 'print value'")
                        .redirectErrorStream(true).start();
                String out = new String(gdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(gdb.waitFor(120, TimeUnit.SECONDS), out);
                assertTrue(out.contains("#0  0x") && out.contains("in store_result (slot=0x0, value=4242) at pm_worker_segv.c:24"), out);
                assertTrue(out.contains("Remote failure reply: E.The program is not being run."), out);
                assertTrue(out.contains("$1 = 4242"), out);
                server.destroy();
                assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops");
                String err = java.nio.file.Files.readString(tmp.resolve("server.err"));
                assertTrue(err.contains("Program terminated with signal SIGSEGV, Segmentation fault."), err);
            } finally {
                server.destroyForcibly();
            }
        }
        Process dap = new ProcessBuilder(launcher(), "dap").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            OutputStream in = dap.getOutputStream();
            InputStream out = dap.getInputStream();
            send(in, "{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{\"adapterID\":\"x\"}}");
            send(in, "{\"seq\":2,\"type\":\"request\",\"command\":\"launch\",\"arguments\":{\"program\":\"" + bin + "\",\"coreFile\":\"" + core + "\"}}");
            send(in, "{\"seq\":3,\"type\":\"request\",\"command\":\"configurationDone\"}");
            List<String> messages = new ArrayList<>();
            while (messages.stream().noneMatch(m -> m.contains("\"event\":\"stopped\""))) messages.add(read(out));
            send(in, "{\"seq\":4,\"type\":\"request\",\"command\":\"evaluate\",\"arguments\":{\"expression\":\"value\"}}");
            send(in, "{\"seq\":5,\"type\":\"request\",\"command\":\"continue\",\"arguments\":{\"threadId\":1}}");
            send(in, "{\"seq\":6,\"type\":\"request\",\"command\":\"disconnect\"}");
            while (messages.stream().noneMatch(m -> m.contains("\"request_seq\":6"))) messages.add(read(out));
            String all = String.join("\n", messages);
            assertTrue(all.contains("\"result\":\"4242\""), all);
            assertTrue(all.contains("\"request_seq\":5,\"success\":false,\"command\":\"continue\",\"message\":\"The program is not being run.\""), all);
            assertTrue(dap.waitFor(30, TimeUnit.SECONDS), "dap ends after disconnect");
            assertEquals(0, dap.exitValue());
        } finally {
            dap.destroyForcibly();
        }
    }

    @Test
    void dapOnStdioAnswersAClient() throws Exception {
        Path trace = record();
        Process dap = new ProcessBuilder(launcher(), "dap").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            OutputStream in = dap.getOutputStream();
            InputStream out = dap.getInputStream();
            send(in, "{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"arguments\":{\"adapterID\":\"x\"}}");
            send(in, "this is not json");
            send(in, "{\"seq\":2,\"type\":\"request\",\"command\":\"launch\",\"arguments\":{\"trace\":\"" + trace + "\"}}");
            send(in, "{\"seq\":3,\"type\":\"request\",\"command\":\"setFunctionBreakpoints\",\"arguments\":{\"breakpoints\":[{\"name\":\"report\"}]}}");
            send(in, "{\"seq\":4,\"type\":\"request\",\"command\":\"configurationDone\"}");
            List<String> messages = new ArrayList<>();
            while (messages.stream().noneMatch(m -> m.contains("\"event\":\"stopped\""))) messages.add(read(out));
            send(in, "{\"seq\":5,\"type\":\"request\",\"command\":\"evaluate\",\"arguments\":{\"expression\":\"work\"}}");
            send(in, "{\"seq\":6,\"type\":\"request\",\"command\":\"disconnect\"}");
            while (messages.stream().noneMatch(m -> m.contains("\"request_seq\":6"))) messages.add(read(out));
            String all = String.join("\n", messages);
            assertTrue(all.contains("\"supportsStepBack\":true"), all);
            assertTrue(all.matches("(?s).*\"request_seq\":0,\"success\":false,\"command\":\"\\?\",\"message\":\"malformed message.*"), all);
            assertTrue(all.contains("\"reason\":\"breakpoint\""), all);
            assertTrue(all.contains("\"result\":\"421330\""), all);
            assertTrue(dap.waitFor(30, TimeUnit.SECONDS), "dap ends after disconnect");
            assertEquals(0, dap.exitValue());
        } finally {
            dap.destroyForcibly();
        }
    }

    private static void send(OutputStream in, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        in.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        in.write(b);
        in.flush();
    }

    private static String read(InputStream out) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = out.read();
            if (b < 0) throw new IOException("dap closed stdout; header so far: " + header);
            header.write(b);
        }
        Matcher m = Pattern.compile("Content-Length: (\\d+)").matcher(header.toString(StandardCharsets.US_ASCII));
        assertTrue(m.find(), header.toString());
        return new String(out.readNBytes(Integer.parseInt(m.group(1))), StandardCharsets.UTF_8);
    }
}
