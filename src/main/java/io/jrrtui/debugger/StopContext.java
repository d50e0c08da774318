package io.jrrtui.debugger;

import io.jrrtui.arch.Registers;
import io.jrrtui.eval.FrameScope;
import io.jrrtui.eval.GlobalVariables;
import io.jrrtui.eval.TargetAccess;
import io.jrrtui.eval.TypeFactory;
import io.jrrtui.symbols.AddressInfo;
import io.jrrtui.target.Target;
import io.jrrtui.unwind.Frame;
import io.jrrtui.unwind.Unwinder;
import io.jrrtui.util.JrrException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything derived from the program state at one stop: the frames (unwound lazily), which frame
 * is selected, and per-frame evaluation scopes. A new stop makes a new context.
 */
final class StopContext {
    private final Target target;
    private final ProgramImage image;
    private final Registers regs;
    private final TypeFactory types;
    private final Map<String, GlobalVariables> globals;
    private List<Frame> frames;
    private int selected;

    /** globalsCache: per-module global variable indexes, kept across stops by the caller. */
    StopContext(Target target, ProgramImage image, TypeFactory types, Map<String, GlobalVariables> globalsCache) {
        this.target = target;
        this.image = image;
        this.regs = target.registers();
        this.types = types;
        this.globals = globalsCache;
    }

    Registers registers() {
        return regs;
    }

    long pc() {
        return regs.rip();
    }

    List<Frame> frames() {
        if (frames == null) {
            long[] dwarf = new long[17];
            for (int i = 0; i < 17; i++) dwarf[i] = regs.dwarf(i);
            Unwinder u = new Unwinder(addr -> {
                try {
                    return OptionalLong.of(java.nio.ByteBuffer.wrap(target.readMemory(addr, 8))
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
                } catch (JrrException e) {
                    return OptionalLong.empty();
                }
            }, image.unwindModules(), 64);
            frames = u.unwind(io.jrrtui.unwind.Registers.of(dwarf));
        }
        return frames;
    }

    Frame frame(int level) {
        List<Frame> fs = frames();
        if (level < 0 || level >= fs.size()) throw new JrrException("No frame at level " + level + ".");
        return fs.get(level);
    }

    int selected() {
        return selected;
    }

    void select(int level) {
        frame(level);
        selected = level;
    }

    /** The CFA of frame 0 (the identity of the current function instance), or rsp when unknown. */
    long cfa0() {
        return frame(0).cfa().orElse(regs.rsp());
    }

    TargetAccess access(int level) {
        return new FrameAccess(frame(level), target::readMemory,
                l -> l < frames().size() ? Optional.of(access(l)) : Optional.empty());
    }

    Optional<AddressInfo> where(int level) {
        return image.symbols().lookup(frame(level).lookupPc());
    }

    /** The program's own globals seen from a frame whose code is elsewhere (libc), as gdb finds them. */
    Optional<FrameScope> programScope(int level) {
        return scopeIn(image.main(), level);
    }

    /** The evaluation scope of a frame (its function's locals and args, globals), if it has debug info. */
    Optional<FrameScope> scope(int level) {
        LoadedModule m = image.moduleAt(frame(level).lookupPc());
        // globals of the program are still reachable from frames in libc
        return m != null && m.symbols().hasDwarf() ? scopeIn(m, level) : programScope(level);
    }

    /**
     * The loaded modules other than except, the program first then in load order: where gdb looks
     * for a name the frame's own module does not know.
     */
    List<LoadedModule> otherModules(io.jrrtui.symbols.ModuleSymbols except) {
        List<LoadedModule> order = new java.util.ArrayList<>(image.modules());
        order.remove(image.main());
        order.add(0, image.main());
        order.removeIf(m -> m.symbols() == except);
        return order;
    }

    /** The frame's scope with m's debug info and globals, or empty when m has none. */
    Optional<FrameScope> scopeIn(LoadedModule m, int level) {
        if (!m.symbols().hasDwarf()) return Optional.empty();
        GlobalVariables g = globals.computeIfAbsent(m.path(), k -> new GlobalVariables(m.symbols().dwarf().orElseThrow()));
        return Optional.of(new FrameScope(m.symbols(), types, g, access(level), frame(level).lookupPc()));
    }
}
