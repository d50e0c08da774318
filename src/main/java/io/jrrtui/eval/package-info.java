/**
 * Types, values and expressions over a stopped (or recorded) program: the type model built from
 * DWARF DIEs, DWARF location expressions, a value formatter whose output matches gdb's
 * {@code print}/{@code ptype}, and a C-like expression parser and evaluator. Memory and registers
 * come through {@link io.jrrtui.eval.TargetAccess}; nothing here touches a process.
 */
package io.jrrtui.eval;
