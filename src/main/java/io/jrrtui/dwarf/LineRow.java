package io.jrrtui.dwarf;

/** One row of a line-number matrix. {@code file} indexes {@link LineProgram#files()}. */
public record LineRow(long address, int file, int line, int column, boolean isStmt, boolean endSequence,
                      boolean prologueEnd, int discriminator) {}
