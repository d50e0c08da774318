package io.jrrtui.debugger;

import io.jrrtui.dwarf.AttrValue;
import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.symbols.FunctionInfo;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A function the call tracer stops in.
 *
 * @param name     demangled name as matched
 * @param entry    run-time entry address
 * @param end      end of its code (exclusive; entry when unknown)
 * @param module   the module that holds it
 * @param dwarf    its DWARF description (biased), empty for symbol-table-only functions
 * @param stop     where the breakpoint goes: the entry, or the end of the prologue (see {@link #of})
 * @param level    0 for a function the pattern matched, n for one reached through n calls (--follow-calls)
 */
record CallTraceFunction(String name, long entry, long end, LoadedModule module, Optional<FunctionInfo> dwarf,
                         long stop, int level) {
    private static final int DW_OP_FBREG = 0x91;

    /**
     * The stop is the entry, so a call is seen however the function is reached and the return
     * address is at [rsp], except where a parameter lives in the frame (gcc -O0, rustc debug:
     * DW_OP_fbreg): those are only written by the prologue, so the stop is after it. Optimised code
     * describes parameters by location lists valid from the entry on.
     */
    static CallTraceFunction of(String name, long entry, long end, LoadedModule module, Optional<FunctionInfo> dwarf, int level) {
        long stop = entry;
        if (dwarf.isPresent() && dwarf.get().die().map(CallTraceFunction::paramsInFrame).orElse(false)) {
            stop = module.symbols().afterPrologue(dwarf.get());
            if (stop < entry || stop >= Math.max(end, entry + 1)) stop = entry;
        }
        return new CallTraceFunction(name, entry, end, module, dwarf, stop, level);
    }

    boolean atEntry() {
        return stop == entry;
    }

    private static boolean paramsInFrame(Die fn) {
        for (Die c : fn.children()) {
            if (c.tag() != Dw.TAG_formal_parameter) continue;
            Optional<AttrValue> loc = c.raw(Dw.AT_location);
            if (loc.isPresent() && loc.get().isExprloc()) {
                ByteBuffer b = loc.get().blockView();
                if (b.hasRemaining() && (b.get(b.position()) & 0xff) == DW_OP_FBREG) return true;
            }
        }
        return false;
    }
}
