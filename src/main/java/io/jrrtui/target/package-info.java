/**
 * The seam under the debugger core (DESIGN §8, Delve's shape): {@link io.jrrtui.target.Target} is
 * what the debugger and the timeline drive — threads, registers, memory, mappings, breakpoints and
 * watchpoints, resuming and stepping with {@link io.jrrtui.target.StopReason}s. A replayed
 * recording adds {@link io.jrrtui.target.EventHistory} and {@link io.jrrtui.target.Checkpointing}
 * (reverse execution); a live run offers the base only. Only the types here cross the seam.
 */
package io.jrrtui.target;
