package io.jrrtui.target;

/**
 * A thread of the debugged program as the debugger lists it: its number (gdb's, stable for the
 * session), its id (the recorded one in a replay), its name, whether it is selected, and whether
 * it is inside a system call.
 */
public record ThreadState(int number, int recordedTid, String name, boolean selected, boolean inSyscall) {}
