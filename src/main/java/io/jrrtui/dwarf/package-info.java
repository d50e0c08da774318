/**
 * DWARF 4 and 5 debugging information: unit headers, abbreviations, DIEs (parsed lazily, one unit
 * at a time), attribute forms, line programs, range lists and location lists. Offsets into sections
 * are typed ({@link io.jrrtui.dwarf.DieOffset}). The package knows nothing of processes; it reads
 * bytes the {@code elf} package hands it and reports malformed input as
 * {@link io.jrrtui.util.JrrException}.
 */
package io.jrrtui.dwarf;
