package io.jrrtui.sysdecode;

/**
 * One recorded syscall as the decoder sees it: number, the six argument registers, the result, the
 * memory known before the call ({@code in}: read-only mappings) and what the kernel wrote during it
 * ({@code out}), and the bytes of a write to stdout/stderr when the recording kept them (else null).
 */
record Call(int nr, long[] args, long result, KnownMemory in, KnownMemory out, byte[] output) {
    long arg(int i) {
        return args[i];
    }

    boolean failed() {
        return result < 0 && result > -4096;
    }
}
