package io.jrrtui.debugger;

import io.jrrtui.arch.Registers;
import io.jrrtui.live.LiveSession;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.target.StopReason;
import io.jrrtui.trace.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the call tracer drives: a stopped program (a replay or a live run) that runs natively
 * between int3 breakpoints; resuming steps over a breakpoint the program stands on, and memory
 * reads hide breakpoint bytes.
 *
 * @param resumer runs to the next breakpoint and returns its address, or {@link #ENDED}
 * @param eventOf the last completed event of a recording, or -1 where there are none (a live run)
 * @param tidOf   the thread that is stopped (its recorded id in a replay)
 * @param modulesOf the modules mapped now, each once (for a live run's image)
 */
record CallTraceTarget(Supplier<Registers> registersOf, FrameAccess.MemorySource memory, LongConsumer breakpointAdder,
                       LongConsumer breakpointRemover, LongSupplier resumer, LongSupplier eventOf, IntSupplier tidOf,
                       Path executable, Supplier<List<ModuleLoad>> modulesOf) {
    /** A module mapped in the program: its file and the start of its first mapping (file offset 0). */
    record ModuleLoad(String path, long start) {}

    static final long ENDED = -1;

    static CallTraceTarget of(ReplaySession s) {
        return new CallTraceTarget(s::registers, s::readMemory, s::addBreakpoint, s::removeBreakpoint, () -> resume(s),
                s::currentEvent, () -> {
                    // one thread runs at a time: the one whose event comes next
                    Event next = s.nextEvent();
                    return next != null ? next.tid() : s.trace().info().pid();
                }, s.trace().executable(), List::of);
    }

    static CallTraceTarget of(LiveSession s) {
        return new CallTraceTarget(s::registers, s::readMemory, s::addBreakpoint, s::removeBreakpoint,
                () -> {
                    long at = s.cont();
                    return at == LiveSession.ENDED ? ENDED : at;
                }, () -> -1, s::currentThread, s.executable(), () -> {
                    List<ModuleLoad> out = new ArrayList<>();
                    s.mappedFiles().forEach((path, start) -> out.add(new ModuleLoad(path, start)));
                    return out;
                });
    }

    private static long resume(ReplaySession s) {
        while (true) {
            StopReason r = s.cont(Long.MAX_VALUE, true);
            if (r.kind() == StopReason.Kind.BREAKPOINT) return r.address();
            if (r.kind() == StopReason.Kind.EXITED || r.kind() == StopReason.Kind.END_OF_TRACE) return ENDED;
        }
    }

    Registers registers() {
        return registersOf.get();
    }

    /** Reads exactly len bytes or throws JrrException. */
    byte[] readMemory(long addr, int len) {
        return memory.read(addr, len);
    }

    void addBreakpoint(long addr) {
        breakpointAdder.accept(addr);
    }

    void removeBreakpoint(long addr) {
        breakpointRemover.accept(addr);
    }

    long resume() {
        return resumer.getAsLong();
    }

    long event() {
        return eventOf.getAsLong();
    }

    int tid() {
        return tidOf.getAsInt();
    }

    List<ModuleLoad> modules() {
        return modulesOf.get();
    }
}
