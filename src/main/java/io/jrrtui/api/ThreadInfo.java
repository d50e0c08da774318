package io.jrrtui.api;

/**
 * A thread of the debugged process, as {@code info threads} lists it.
 *
 * @param number    gdb's thread number (1 = the program's first thread; stable for the session)
 * @param tid       the thread id the recorded program saw (gdb's "LWP")
 * @param name      the name the program gave it, else the program's name
 * @param selected  whether commands look at this thread now
 * @param frame     its innermost frame, or null when it cannot be unwound
 * @param inSyscall whether it waits in a system call (its frame is then the call's user-space wrapper)
 * @param pthread   its pthread_t as gdb's libthread_db names it ("Thread 0x7ffff7d8a740"), 0 when unknown
 */
public record ThreadInfo(int number, int tid, String name, boolean selected, FrameInfo frame, boolean inSyscall, long pthread) {
    public ThreadInfo(int number, int tid, String name, boolean selected, FrameInfo frame, boolean inSyscall) {
        this(number, tid, name, selected, frame, inSyscall, 0);
    }
}
