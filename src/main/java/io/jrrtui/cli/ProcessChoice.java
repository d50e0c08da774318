package io.jrrtui.cli;

import io.jrrtui.debugger.Debugger;
import io.jrrtui.record.SyscallTable;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExecEvent;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;
import java.nio.file.Path;

/**
 * {@code replay -f PID} (follow the process from its fork) and {@code -p PID|NAME} (from when it
 * exec'd, or the first process that ran program NAME), resolved against the trace's events.
 */
final class ProcessChoice {
    private ProcessChoice() {}

    static Debugger.Focus resolve(TraceReader trace, String fork, String process) {
        if (fork == null && process == null) return null;
        String wanted = fork != null ? fork : process;
        boolean byName = !wanted.matches("\\d+");
        int pid = byName ? -1 : Integer.parseInt(wanted);
        long spawned = -1;
        try (TraceReader.EventCursor c = trace.events()) {
            Event e;
            while ((e = c.next()) != null) {
                if (e.number() == 1) {
                    if (!byName && e.tid() == pid) return null; // the first process: the default
                    if (byName && e instanceof ExecEvent x && Path.of(x.path()).getFileName().toString().equals(wanted)) return null;
                    continue;
                }
                if (!byName && e instanceof SyscallEvent s && s.result() == pid && SyscallTable.createsTask(s.syscall())) {
                    spawned = s.number() + 1; // the child exists once its creator's event is done
                    if (fork != null) return new Debugger.Focus(pid, spawned);
                }
                if (e instanceof ExecEvent x) {
                    boolean match = byName ? Path.of(x.path()).getFileName().toString().equals(wanted) : x.tid() == pid;
                    if (match) return new Debugger.Focus(x.tid(), x.number());
                }
            }
        }
        if (spawned > 0) return new Debugger.Focus(pid, spawned);
        throw new JrrException("no process " + wanted + " in this recording ('jrrtui ps' lists them)");
    }
}
