package io.jrrtui.unwind;

import java.util.Optional;

/** Finds the module mapped at a runtime address (the debugger knows the process's mappings). */
@FunctionalInterface
public interface ModuleLookup {
    Optional<UnwindModule> moduleAt(long address);
}
