/**
 * Addresses and source locations for loaded modules: which function, file, line and inline chain an
 * address belongs to; where a breakpoint for {@code FILE:LINE} or {@code FUNC} goes (choosing as gdb
 * does: after the prologue, every inlined and duplicate location); line-table queries for stepping.
 * One {@link io.jrrtui.symbols.ModuleSymbols} per ELF at a load bias, a
 * {@link io.jrrtui.symbols.SymbolIndex} over all of them. ELF symbols stand in where DWARF is absent.
 */
package io.jrrtui.symbols;
