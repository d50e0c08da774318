package io.jrrtui.debugger;

import io.jrrtui.arch.Registers;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.target.StopReason;
import io.jrrtui.trace.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A replay as the call tracer drives it. */
final class CallTraceReplay implements CallTraceTarget {
    private final ReplaySession session;
    private ProgramImage image;

    CallTraceReplay(ReplaySession session) {
        this.session = session;
    }

    /** The recorded program's modules; the trace's mapping stream names libraries before they are mapped. */
    CallTraceImage image() {
        if (image == null) image = new ProgramImage(session);
        return CallTraceImage.of(image);
    }

    @Override
    public Registers registers() {
        return session.registers();
    }

    @Override
    public byte[] readMemory(long addr, int len) {
        return session.readMemory(addr, len);
    }

    @Override
    public void addBreakpoint(long addr) {
        session.addBreakpoint(addr);
    }

    @Override
    public void removeBreakpoint(long addr) {
        session.removeBreakpoint(addr);
    }

    @Override
    public long resume() {
        while (true) {
            StopReason r = session.cont(Long.MAX_VALUE, true);
            if (r.kind() == StopReason.Kind.BREAKPOINT) return r.address();
            if (r.kind() == StopReason.Kind.EXITED) return ENDED;
        }
    }

    @Override
    public long event() {
        return session.currentEvent();
    }

    /** The thread that runs now is the one whose event comes next (one thread runs at a time). */
    @Override
    public int tid() {
        Event next = session.nextEvent();
        return next != null ? next.tid() : session.trace().info().pid();
    }

    @Override
    public Path executable() {
        return session.trace().executable();
    }

    @Override
    public List<ModuleLoad> modules() {
        List<ModuleLoad> out = new ArrayList<>();
        for (LoadedModule m : image().modules()) out.add(new ModuleLoad(m.path(), m.start()));
        return out;
    }
}
