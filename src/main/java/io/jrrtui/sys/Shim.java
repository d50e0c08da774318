package io.jrrtui.sys;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's native helpers (native-shim/): the tracee launcher and libjrrshim.so. */
public final class Shim {
    private Shim() {}

    /** Folder holding jrr-launch and libjrrshim.so: -Djrrtui.native, else next to the jar. */
    public static Path nativeDir() {
        String prop = System.getProperty("jrrtui.native");
        Path dir = prop != null ? Path.of(prop) : Path.of("target", "native");
        if (!Files.isExecutable(dir.resolve("jrr-launch"))) {
            throw new JrrException("native shim not found in " + dir.toAbsolutePath()
                    + " (build with 'mvn package' and run target/jrrtui)");
        }
        return dir;
    }

    public static Path launcher() {
        return nativeDir().resolve("jrr-launch");
    }

    /** Real rdtsc of this CPU. */
    public static long rdtsc() {
        return Native0.jrr_rdtsc();
    }

    /** Real rdtscp; aux[0] receives IA32_TSC_AUX. */
    public static long rdtscp(int[] aux) {
        return Native0.jrr_rdtscp(aux);
    }

    /** Real cpuid: returns {eax, ebx, ecx, edx}. */
    public static int[] cpuid(int leaf, int subleaf) {
        int[] out = new int[4];
        Native0.jrr_cpuid(leaf, subleaf, out);
        return out;
    }

    /**
     * Single-steps ptrace-stopped task tid until its rip has moved n times, natively (see
     * jrr_step_n in native-shim/jrrshim.c). Call on the tracer thread.
     */
    public static StepRun stepInstructions(int tid, int n) {
        long[] out = new long[3];
        Ptrace.forgetRegisters(); // the helper steps the thread itself
        int rc = Native0.jrr_step_n(tid, n, out);
        if (rc != 0) throw new PtraceException("single-step of task " + tid + ": " + LibC.strerror(-rc), -rc);
        return new StepRun((int) out[0], out[1] < 0 ? null : new WaitStatus(tid, (int) out[1]), out[2] != 0);
    }

    /**
     * What {@link #stepInstructions} did: instructions stepped, a stop that was not a step's trap
     * (a signal, the task's end; null if none), and whether it stopped before a syscall or int3.
     */
    public record StepRun(int stepped, WaitStatus otherStop, boolean beforeTrapInstruction) {}

    /** See jrr_perf_task_clock in native-shim/jrrshim.c: a descriptor, or -errno. */
    static int perfTaskClock(int tid, long periodNanos, long sigData) {
        return Native0.jrr_perf_task_clock(tid, periodNanos, sigData);
    }

    /** The count of perf event fd, which is closed; -errno when it could not be read. */
    static long perfReadClose(int fd) {
        return Native0.jrr_perf_read_close(fd);
    }

    private static final class Native0 {
        static {
            Native.register(Native0.class, NativeLibrary.getInstance(nativeDir().resolve("libjrrshim.so").toString()));
        }

        static native long jrr_rdtsc();

        static native long jrr_rdtscp(int[] aux);

        static native void jrr_cpuid(int leaf, int subleaf, int[] out);

        static native int jrr_step_n(int tid, int n, long[] out);

        static native int jrr_perf_task_clock(int tid, long period, long sigData);

        static native long jrr_perf_read_close(int fd);
    }
}
