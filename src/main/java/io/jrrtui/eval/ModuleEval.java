package io.jrrtui.eval;

import io.jrrtui.symbols.ModuleSymbols;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluation state kept per module (types built once, the global-variable index built on first
 * use) and the entry point for frames: {@code frame(target, pc, innermost)}.
 */
public final class ModuleEval {
    private final ModuleSymbols module;
    private final TypeFactory types = new TypeFactory();
    private GlobalVariables globals;

    public ModuleEval(ModuleSymbols module) {
        this.module = module;
    }

    public ModuleSymbols module() { return module; }
    public TypeFactory types() { return types; }

    public synchronized Optional<GlobalVariables> globals() {
        if (globals == null && module.dwarf().isPresent()) globals = new GlobalVariables(module.dwarf().get());
        return Optional.ofNullable(globals);
    }

    /**
     * The scope of a frame whose registers {@code target} gives. For caller frames ({@code innermost}
     * false) blocks are looked up at pc-1, so a call that ends a block still belongs to it.
     */
    public FrameScope frame(TargetAccess target, boolean innermost) {
        long pc = target.pc();
        return new FrameScope(module, types, globals().orElse(null), target, innermost ? pc : pc - 1);
    }

    /** An evaluator for expressions in a frame, with the caller's convenience variables. */
    public Evaluator evaluator(FrameScope frame, Map<String, Value> convenience) {
        return new Evaluator(new ScopeContext(frame, convenience));
    }

    /** A formatter naming addresses through this module's ELF symbols. */
    public ValueFormatter formatter() {
        return new ValueFormatter(module::symbolize);
    }
}
