package io.jrrtui.tui;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.DisassemblyLine;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.OutputChunk;
import io.jrrtui.api.StopEvent;
import io.jrrtui.api.ThreadInfo;
import io.jrrtui.api.Variable;
import java.util.List;

/**
 * Everything the panes show about one stop, read from the session on the worker thread so the GUI
 * thread never calls the debugger.
 *
 * @param watchValues the value text (or error line) of each watch expression, in order
 * @param problems    parts the session could not give ("backtrace: ..."), for the console
 * @param threads     the threads of the debugged process, the selected one marked
 * @param ending      after the program's end: how it ended ("exited with status 0"), else null
 */
record Snapshot(StopEvent stop, long event, long eventCount, long pc, List<FrameInfo> frames, FrameInfo selected,
        List<Variable> registers, List<DisassemblyLine> disassembly, List<BreakpointInfo> breakpoints,
        List<String> watches, List<String> watchValues, List<OutputChunk> output, List<String> problems,
        List<ThreadInfo> threads, String ending) {

    /** The thread commands look at now, or null (no process, or the session has no threads). */
    ThreadInfo selectedThread() {
        for (ThreadInfo t : threads) if (t.selected()) return t;
        return null;
    }

    boolean exited() {
        return stop.reason() == StopEvent.Reason.EXITED || pc == 0;
    }
}
