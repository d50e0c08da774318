package io.jrrtui.cli;

import io.jrrtui.arch.Registers;
import io.jrrtui.trace.BufferedCallsEvent;
import io.jrrtui.trace.CpuidEvent;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExecEvent;
import io.jrrtui.trace.ExitEvent;
import io.jrrtui.trace.Mapping;
import io.jrrtui.trace.MemoryWrite;
import io.jrrtui.trace.RdtscEvent;
import io.jrrtui.trace.SignalEvent;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceInfo;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceStore;
import io.jrrtui.sysdecode.TraceDecoder;
import java.io.PrintStream;
import java.util.List;

/** {@code jrrtui dump [--json] [TRACE]}: every event of a trace, for people or tools. */
final class DumpCommand implements Command {
    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String summary() {
        return "print every event of a recording (human or JSON)";
    }

    @Override
    public String usage() {
        return """
                usage: jrrtui dump [--json] [--mappings] [TRACE]
                  --json       one JSON object per line
                  --mappings   also list the file mappings
                TRACE is a trace directory or a name from 'jrrtui ls' (default: latest-trace).""";
    }

    @Override
    public int run(List<String> args, Console console) {
        Args a = Args.parse(args, List.of("--json", "--mappings"), List.of(), false);
        if (a.positional().size() > 1) throw new UsageException("more than one trace given");
        TraceReader trace = TraceReader.open(TraceStore.fromEnvironment().resolve(a.positional().isEmpty() ? null : a.positional().get(0)));
        boolean json = a.flag("--json");
        PrintStream out = console.out();
        TraceInfo info = trace.info();
        if (json) {
            out.println("{\"trace\":" + Json.str(trace.dir().toString()) + ",\"version\":" + info.version()
                    + ",\"exe\":" + Json.str(info.exePath()) + ",\"argv\":" + Json.strs(info.argv())
                    + ",\"complete\":" + !trace.incomplete() + ",\"events\":" + trace.recoverableEvents()
                    + ",\"exit_status\":" + info.exitStatus() + "}");
        } else {
            out.println("trace   " + trace.dir());
            out.println("program " + String.join(" ", info.argv()) + "  (" + info.exePath() + ")");
            out.println(trace.incomplete()
                    ? "events  " + trace.recoverableEvents() + "  INCOMPLETE: " + trace.incompleteReason()
                    : "events  " + info.eventCount() + "  " + info.endReason());
        }
        TraceDecoder decoder = TraceDecoder.forTrace(trace);
        try (TraceReader.EventCursor cursor = trace.events()) {
            Event e;
            while ((e = cursor.next()) != null) {
                String text = decoder.describe(e);
                out.println(json ? toJson(e, text) : String.format("%6d  tid %-7d %s", e.number(), e.tid(), text));
                if (!json) {
                    for (String c : decoder.bufferedCalls()) out.println("                      | " + c);
                }
            }
            if (trace.incomplete() && !json) out.println("end     " + cursor.endDescription() + " (the recording was interrupted)");
        }
        if (a.flag("--mappings")) {
            for (Mapping m : trace.mappings()) {
                out.println(json ? mappingJson(m) : String.format("map @%d 0x%x-0x%x offset 0x%x %s", m.event(), m.addr(),
                        m.addr() + m.length(), m.offset(), m.path()));
            }
        }
        return 0;
    }

    private static String mappingJson(Mapping m) {
        return "{\"mapping\":" + m.event() + ",\"addr\":" + m.addr() + ",\"length\":" + m.length() + ",\"offset\":" + m.offset()
                + ",\"prot\":" + m.prot() + ",\"flags\":" + m.flags() + ",\"path\":" + Json.str(m.path()) + "}";
    }

    /** One event as JSON: raw values, and for a syscall also {@code decoded}, its strace-style text. */
    static String toJson(Event e, String decoded) {
        StringBuilder sb = new StringBuilder("{\"event\":").append(e.number()).append(",\"tid\":").append(e.tid());
        if (e instanceof SyscallEvent s) {
            sb.append(",\"kind\":\"syscall\",\"name\":").append(Json.str(s.name())).append(",\"nr\":").append(s.syscall());
            if (decoded != null) sb.append(",\"decoded\":").append(Json.str(decoded));
            sb.append(",\"args\":[");
            for (int i = 0; i < 6; i++) sb.append(i > 0 ? "," : "").append(s.regs().arg(i));
            sb.append("],\"result\":").append(s.result());
            sb.append(",\"writes\":[");
            for (int i = 0; i < s.writes().size(); i++) {
                MemoryWrite w = s.writes().get(i);
                sb.append(i > 0 ? "," : "").append("{\"addr\":").append(w.addr()).append(",\"len\":").append(w.length()).append('}');
            }
            sb.append(']');
            if (s.outputStream() != 0) {
                sb.append(",\"stream\":").append(s.outputStream()).append(",\"output\":")
                        .append(Json.str(new String(s.output(), java.nio.charset.StandardCharsets.UTF_8)));
            }
        } else if (e instanceof io.jrrtui.trace.SyscallEntryEvent s) {
            sb.append(",\"kind\":\"syscall-entry\",\"name\":").append(Json.str(io.jrrtui.arch.Syscalls.name(s.regs().origRax())));
        } else if (e instanceof SignalEvent s) {
            sb.append(",\"kind\":\"signal\",\"signo\":").append(s.signo()).append(",\"fault\":").append(s.fault())
                    .append(",\"rip\":").append(s.regs().rip());
        } else if (e instanceof RdtscEvent r) {
            sb.append(",\"kind\":\"").append(r.rdtscp() ? "rdtscp" : "rdtsc").append("\",\"rip\":").append(r.rip())
                    .append(",\"value\":").append(Long.toUnsignedString(r.value()));
        } else if (e instanceof CpuidEvent c) {
            sb.append(",\"kind\":\"cpuid\",\"rip\":").append(c.rip()).append(",\"leaf\":").append(c.leaf())
                    .append(",\"subleaf\":").append(c.subleaf()).append(",\"result\":[").append(c.eax()).append(',')
                    .append(c.ebx()).append(',').append(c.ecx()).append(',').append(c.edx()).append(']');
        } else if (e instanceof ExecEvent x) {
            sb.append(",\"kind\":\"exec\",\"path\":").append(Json.str(x.path())).append(",\"entry\":")
                    .append(x.regs().get(Registers.RIP)).append(",\"stack_bytes\":").append(x.stack().length);
        } else if (e instanceof BufferedCallsEvent b) {
            sb.append(",\"kind\":\"buffered\",\"calls\":[");
            String sep = "";
            for (BufferedCallsEvent.Call c : b.calls()) {
                sb.append(sep).append("{\"name\":").append(Json.str(io.jrrtui.arch.Syscalls.name(c.nr()))).append(",\"nr\":")
                        .append(c.nr()).append(",\"args\":[").append(c.args()[0]).append(',').append(c.args()[1]).append(',')
                        .append(c.args()[2]).append(',').append(c.args()[3]).append("],\"result\":").append(c.result())
                        .append(",\"output_bytes\":").append(c.outputBytes()).append('}');
                sep = ",";
            }
            sb.append(']');
        } else if (e instanceof ExitEvent x) {
            sb.append(",\"kind\":\"exit\",\"signaled\":").append(x.signaled()).append(",\"code\":").append(x.code())
                    .append(",\"status\":").append(x.shellStatus());
        }
        return sb.append('}').toString();
    }
}
