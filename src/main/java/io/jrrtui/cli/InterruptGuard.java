package io.jrrtui.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a program is recorded, Ctrl-C is the program's business: the terminal sends SIGINT to the
 * whole process group, the program handles or dies of it, and the recording ends cleanly. So
 * jrrtui itself ignores SIGINT for that time.
 */
final class InterruptGuard implements AutoCloseable {
    private final SignalHandler previous;

    private InterruptGuard(SignalHandler previous) {
        this.previous = previous;
    }

    static InterruptGuard passToTracee() {
        SignalHandler prev;
        try {
            prev = Signal.handle(new Signal("INT"), sig -> { });
        } catch (IllegalArgumentException e) {
            prev = null;
        }
        return new InterruptGuard(prev);
    }

    @Override
    public void close() {
        if (previous != null) Signal.handle(new Signal("INT"), previous);
    }
}
