package io.jrrtui.trace;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The one thread that compresses trace blocks and writes them to disk, so the recorder hands a
 * block over and resumes the program at once instead of compressing on its critical path (issue
 * 13: a bulk-read recording moved 400 MB through zstd while the program waited). Jobs run in the
 * order given, so blocks land in the files in the order {@link TraceWriter} cut them. At most
 * {@link #DEPTH} jobs wait: a recorder faster than the disk and compressor blocks instead of
 * growing memory. After the first failed job nothing more is written (the trace stays a clean
 * prefix); {@link #failure()} says why.
 */
final class BlockWriterThread {
    /** A job that writes blocks; runs on this thread. */
    interface Job {
        void run() throws IOException;
    }

    /** Jobs allowed to wait: each holds up to a megabyte or so of raw bytes (a split data block: 8 MB). */
    static final int DEPTH = 4;
    private static final Job STOP = () -> {};
    private final BlockingQueue<Job> jobs = new ArrayBlockingQueue<>(DEPTH);
    private final Thread thread;
    private volatile IOException failure;
    /** Jobs handed over and not yet finished; guarded by this. */
    private long outstanding;

    BlockWriterThread(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true); // a recorder that dies loses only blocks not yet written: a clean prefix still
        thread.start();
    }

    /** Queues a job (waits while {@link #DEPTH} are queued); does nothing once a job has failed. */
    void submit(Job job) {
        if (failure != null) return;
        synchronized (this) {
            outstanding++;
        }
        putUninterruptibly(job);
    }

    /** Waits until every job submitted so far has run. */
    synchronized void drain() {
        boolean interrupted = false;
        while (outstanding > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // the trace must still be complete
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Runs the queued jobs, then ends the thread. */
    void close() {
        drain();
        putUninterruptibly(STOP);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The first job's failure, or null. */
    IOException failure() {
        return failure;
    }

    private void putUninterruptibly(Job job) {
        boolean interrupted = false;
        while (true) {
            try {
                jobs.put(job);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void loop() {
        while (true) {
            Job job;
            try {
                job = jobs.take();
            } catch (InterruptedException e) {
                continue; // only close() ends this thread: queued blocks must not be lost
            }
            if (job == STOP) return;
            try {
                if (failure == null) job.run();
            } catch (IOException | RuntimeException e) {
                if (failure == null) failure = e instanceof IOException io ? io : new IOException(e.toString(), e);
            } finally {
                synchronized (this) {
                    outstanding--;
                    notifyAll();
                }
            }
        }
    }
}
