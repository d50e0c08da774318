package io.jrrtui.core;

/**
 * NT_PRPSINFO: the dumped process's ids and the kernel's short name for it ({@code comm}, at most
 * 15 characters) and the start of its command line (at most 80 bytes, arguments space-separated).
 */
public record CoreProcess(int pid, int ppid, int uid, int gid, char state, String name, String commandLine) {}
