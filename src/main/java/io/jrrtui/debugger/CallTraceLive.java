package io.jrrtui.debugger;

import io.jrrtui.arch.Registers;
import io.jrrtui.live.LiveSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A live run as the call tracer drives it: no events, one thread. */
final class CallTraceLive implements CallTraceTarget {
    private final LiveSession session;

    CallTraceLive(LiveSession session) {
        this.session = session;
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
        long at = session.cont();
        return at == LiveSession.ENDED ? ENDED : at;
    }

    @Override
    public long event() {
        return -1;
    }

    @Override
    public int tid() {
        return session.pid();
    }

    @Override
    public Path executable() {
        return session.executable();
    }

    @Override
    public List<ModuleLoad> modules() {
        List<ModuleLoad> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : session.mappedFiles().entrySet()) out.add(new ModuleLoad(e.getKey(), e.getValue()));
        return out;
    }
}
