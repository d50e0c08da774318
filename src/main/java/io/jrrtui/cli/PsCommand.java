package io.jrrtui.cli;

import io.jrrtui.arch.Syscalls;
import io.jrrtui.record.SyscallTable;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExecEvent;
import io.jrrtui.trace.ExitEvent;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code jrrtui ps [TRACE]}: the processes of a recording with their programs and exit status. */
final class PsCommand implements Command {
    private static final long CLONE_THREAD = 0x10000;

    @Override
    public String name() {
        return "ps";
    }

    @Override
    public String summary() {
        return "list the processes of a recording";
    }

    @Override
    public String usage() {
        return "usage: jrrtui ps [TRACE]\nLists each recorded process: pid, parent, exit status, first and last event, program.";
    }

    /** What is known of one recorded process. */
    private static final class Proc {
        final int pid;
        final int ppid;
        String program;
        String exit = "-";
        long first;
        long last;
        int threads = 1;

        Proc(int pid, int ppid, String program, long first) {
            this.pid = pid;
            this.ppid = ppid;
            this.program = program;
            this.first = first;
        }
    }

    @Override
    public int run(List<String> args, Console console) {
        if (args.size() > 1) throw new UsageException("more than one trace given");
        TraceReader trace = TraceReader.open(TraceStore.fromEnvironment().resolve(args.isEmpty() ? null : args.get(0)));
        Map<Integer, Proc> procs = new LinkedHashMap<>();
        Map<Integer, Integer> processOfTask = new LinkedHashMap<>();
        try (TraceReader.EventCursor c = trace.events()) {
            Event e;
            while ((e = c.next()) != null) {
                Integer pid = processOfTask.get(e.tid());
                if (e instanceof ExecEvent x) {
                    if (pid == null) {
                        procs.put(x.tid(), new Proc(x.tid(), 0, String.join(" ", trace.info().argv()), x.number()));
                        processOfTask.put(x.tid(), x.tid());
                        pid = x.tid();
                    } else {
                        procs.get(pid).program = x.path();
                    }
                } else if (e instanceof SyscallEvent s && s.result() > 0 && SyscallTable.createsTask(s.syscall())) {
                    int child = (int) s.result();
                    if (isThread(s)) {
                        processOfTask.put(child, pid);
                        procs.get(pid).threads++;
                    } else {
                        processOfTask.put(child, child);
                        procs.put(child, new Proc(child, pid == null ? 0 : pid, procs.get(pid).program, s.number()));
                    }
                } else if (e instanceof ExitEvent x && pid != null && pid == x.tid()) {
                    procs.get(pid).exit = x.describe();
                }
                if (pid != null && procs.containsKey(pid)) procs.get(pid).last = e.number();
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-8s %-8s %-8s %-8s %-8s %-18s %s", "PID", "PPID", "THREADS", "FIRST", "LAST", "EXIT", "PROGRAM"));
        for (Proc p : procs.values()) {
            rows.add(String.format("%-8d %-8s %-8d %-8d %-8d %-18s %s", p.pid, p.ppid == 0 ? "-" : Integer.toString(p.ppid),
                    p.threads, p.first, p.last, p.exit, p.program));
        }
        rows.forEach(console.out()::println);
        return 0;
    }


    /** clone with CLONE_THREAD; clone3 (its flags are in memory) counts as a thread unless it later execs. */
    private static boolean isThread(SyscallEvent s) {
        String n = Syscalls.name(s.syscall());
        if (n.equals("clone")) return (s.regs().arg(0) & CLONE_THREAD) != 0;
        return n.equals("clone3") && s.writes().size() > 0;
    }
}
