package io.jrrtui.symbols;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the logical call chain (inlined callees first) at a pc inside a concrete function. */
final class InlineChains {
    private InlineChains() {}

    static List<InlineFrame> at(FunctionInfo f, long a, Optional<SourceLine> line, CompileUnitSymbols cu) {
        String file = line.map(SourceLine::file).orElse(null);
        int ln = line.map(SourceLine::line).orElse(0);
        int col = line.map(SourceLine::column).orElse(0);
        List<InlineFrame> frames = new ArrayList<>();
        if (f.die().isEmpty()) {
            frames.add(new InlineFrame(f.name(), file, ln, col, false));
            return frames;
        }
        List<Die> scopes = ModuleSymbols.scopes(f.die().get(), a);
        for (int i = scopes.size() - 1; i >= 1; i--) {
            Die d = scopes.get(i);
            if (d.tag() != Dw.TAG_inlined_subroutine) continue;
            frames.add(new InlineFrame(d.nameInherited().orElse("??"), file, ln, col, true));
            file = d.unsigned(Dw.AT_call_file).map(x -> ModuleSymbols.fileName(d.unit(), x)).orElse(file);
            ln = d.unsigned(Dw.AT_call_line).orElse(0L).intValue();
            col = d.unsigned(Dw.AT_call_column).orElse(0L).intValue();
        }
        frames.add(new InlineFrame(f.name(), file, ln, col, false));
        return frames;
    }
}
