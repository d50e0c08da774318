package io.jrrtui.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * Direct-mapped libc functions (about 0.3 µs per call, DESIGN §11). Pointers travel as
 * {@link Pointer} or as raw {@code long} addresses; errors come back as {@link LastErrorException}.
 */
final class LibC {
    static {
        Native.register(LibC.class, NativeLibrary.getInstance("c"));
    }

    private LibC() {}

    static native long ptrace(long request, int pid, long addr, long data) throws LastErrorException;

    static native int waitpid(int pid, int[] status, int options) throws LastErrorException;

    /** Returns 0 or an error number (posix_spawn does not use errno). */
    static native int posix_spawn(int[] pid, String path, Pointer fileActions, Pointer attr, Pointer argv, Pointer envp);

    static native int kill(int pid, int sig) throws LastErrorException;

    static native long syscall(long number, long a1, long a2, long a3) throws LastErrorException;

    static native long process_vm_readv(int pid, Pointer localIov, long liovcnt, Pointer remoteIov, long riovcnt, long flags)
            throws LastErrorException;

    static native long process_vm_writev(int pid, Pointer localIov, long liovcnt, Pointer remoteIov, long riovcnt, long flags)
            throws LastErrorException;

    static native int personality(long persona) throws LastErrorException;

    static native int prctl(int option, long a2, long a3, long a4, long a5) throws LastErrorException;

    static native String strerror(int errnum);

    /** ts: seconds, nanoseconds. */
    static native int clock_gettime(int clockId, long[] ts) throws LastErrorException;

    static native int sched_setaffinity(int pid, long cpusetsize, long[] mask) throws LastErrorException;
}
