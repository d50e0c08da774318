package io.jrrtui.debugger;

import io.jrrtui.arch.Registers;
import io.jrrtui.target.EventHistory;
import io.jrrtui.target.MemoryRegion;
import io.jrrtui.target.StopReason;
import io.jrrtui.target.Target;
import io.jrrtui.trace.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The call tracer's view of t. A replay's thread is the one whose event comes next (one runs at
     * a time), its image the one the trace's mappings describe; elsewhere the stopped thread, and the
     * modules mapped now.
     */
    static CallTraceTarget of(Target t) {
        Optional<EventHistory> history = t.history();
        LongSupplier event = history.isPresent() ? history.get()::currentEvent : () -> -1;
        IntSupplier tid = history.isPresent() ? () -> {
            Event next = history.get().nextEvent();
            return next != null ? next.tid() : history.get().trace().info().pid();
        } : t::positionThread;
        return new CallTraceTarget(t::registers, t::readMemory, t::addBreakpoint, t::removeBreakpoint, () -> resume(t),
                event, tid, t.currentExecutable(), () -> modulesOf(t));
    }

    /** Runs to the next breakpoint: its address, or {@link #ENDED} when the program or its recording ends. */
    private static long resume(Target t) {
        while (true) {
            StopReason r = t.resume();
            if (r.kind() == StopReason.Kind.BREAKPOINT) return r.address();
            if (r.kind() == StopReason.Kind.EXITED || r.kind() == StopReason.Kind.END_OF_TRACE) return ENDED;
        }
    }

    /** The first mapping (file offset 0) of each file mapped now. */
    private static List<ModuleLoad> modulesOf(Target t) {
        Map<String, ModuleLoad> first = new LinkedHashMap<>();
        for (MemoryRegion r : t.memoryMap()) {
            if (r.offset() == 0 && r.path().startsWith("/")) first.putIfAbsent(r.path(), new ModuleLoad(r.path(), r.start()));
        }
        return new ArrayList<>(first.values());
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
