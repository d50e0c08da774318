/**
 * The x86-64 machine model: the register file in Linux {@code user_regs_struct} order, register
 * names and DWARF numbers, and (in {@code arch.x86}) instruction decoding. Pure data, no process.
 */
package io.jrrtui.arch;
