package io.jrrtui.tui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs debugger commands one at a time on a thread of their own and hands each result to the GUI
 * thread, so a long reverse-continue never freezes the screen. Only this thread calls the session.
 */
final class Worker implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jrrtui-debugger");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<Runnable> gui;
    private volatile String label;
    private volatile long startedNanos;

    /** @param gui runs a task on the GUI thread (Lanterna's invokeLater) */
    Worker(Consumer<Runnable> gui) {
        this.gui = gui;
    }

    /** What runs now ("reverse-continue"), or null when idle. */
    String label() {
        return label;
    }

    long elapsedMillis() {
        return label == null ? 0 : (System.nanoTime() - startedNanos) / 1_000_000;
    }

    boolean busy() {
        return label != null;
    }

    /** Runs job off the GUI thread; then done(result) or failed(message) on the GUI thread. */
    <T> void submit(String what, Supplier<T> job, Consumer<T> done, Consumer<String> failed) {
        label = what;
        startedNanos = System.nanoTime();
        executor.execute(() -> {
            try {
                T result = job.get();
                gui.accept(() -> {
                    label = null;
                    done.accept(result);
                });
            } catch (RuntimeException | StackOverflowError e) {
                String message = Tui.message(e);
                gui.accept(() -> {
                    label = null;
                    failed.accept(message);
                });
            }
        });
    }

    /**
     * Background reading for the panes (event summaries): runs in turn with the commands but does
     * not make the TUI busy; a failure only reaches failed.
     */
    <T> void quietly(Supplier<T> job, Consumer<T> done, Consumer<String> failed) {
        executor.execute(() -> {
            try {
                T result = job.get();
                gui.accept(() -> done.accept(result));
            } catch (RuntimeException e) {
                String message = Tui.message(e);
                gui.accept(() -> failed.accept(message));
            }
        });
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
