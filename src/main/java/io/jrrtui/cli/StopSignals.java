package io.jrrtui.cli;

import io.jrrtui.record.Recorder;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a program is recorded, SIGTERM and SIGHUP sent to jrrtui end the recording the way Ctrl-C
 * does: the signal goes on to the program, which handles it or dies of it, and the trace is
 * finished normally (the JVM's default would exit at once and leave the trace unfinished). A second
 * such signal kills the program, for programs that ignore the first.
 */
final class StopSignals implements AutoCloseable {
    private static final String[] NAMES = {"TERM", "HUP"};
    private static final int[] NUMBERS = {15, 1};
    private static final int SIGKILL = 9;
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile boolean forwarded;

    private StopSignals(Recorder recorder) {
        for (int i = 0; i < NAMES.length; i++) {
            int number = NUMBERS[i];
            SignalHandler prev;
            try {
                prev = Signal.handle(new Signal(NAMES[i]), sig -> {
                    recorder.signalTracee(forwarded ? SIGKILL : number);
                    forwarded = true;
                });
            } catch (IllegalArgumentException e) {
                prev = null; // the JVM keeps this signal (e.g. -Xrs)
            }
            previous.add(prev);
        }
    }

    static StopSignals forwardTo(Recorder recorder) {
        return new StopSignals(recorder);
    }

    @Override
    public void close() {
        for (int i = 0; i < NAMES.length; i++) {
            if (previous.get(i) != null) Signal.handle(new Signal(NAMES[i]), previous.get(i));
        }
    }
}
