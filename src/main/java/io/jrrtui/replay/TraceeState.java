package io.jrrtui.replay;

import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.trace.TraceReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** The mutable state of the replaying program: shared by the session and its event replayer. */
final class TraceeState {
    final TraceReader trace;
    final OutputSink output;
    /** Execs replayed so far, and the task that made the latest (a continue can stop after one). */
    long execs;
    LiveTask lastExec;

    /** Live tasks by recorded tid. */
    final Map<Integer, LiveTask> tasks = new LinkedHashMap<>();
    /** The selected thread: the one the debugger shows (the program's first thread at start). */
    LiveTask primary;
    int pid;
    TraceeMemory mem;
    LookaheadCursor events;
    /** The last event completed (1 = exec). */
    long current;
    boolean exited;
    /** A signal just matched for a task of the debugged process, not yet reported to the caller (0 = none). */
    int signalStop;
    /** The task that signalStop is for. */
    LiveTask signalTask;
    /** The task whose execution made the current position (it stopped or stepped last). */
    LiveTask positionTask;
    /** The replay reached the last recorded event while the program still runs (a cut-short recording). */
    boolean atTraceEnd;
    /** A replayed call changed the mappings (watched pages must be protected again). */
    boolean mappingsChanged;
    /** A replayed call changed the mappings and the breakpoints have not been checked since (a new mapping may cover an int3). */
    boolean breakpointsToCheck;
    String exitDescription = "";
    /** The replay's System V shared memory segments, by recorded id (all processes share them). */
    final SysvSegments sysvSegments = new SysvSegments();
    /** Stand-ins for the files the recording maps shared and writable (all processes share them). */
    final SharedFileObjects sharedFileObjects = new SharedFileObjects();
    /** Pauses long native runs so checkpoints can be made inside them. */
    final StretchPause pause = new StretchPause();

    TraceeState(TraceReader trace, OutputSink output) {
        this.trace = trace;
        this.output = output;
    }

    /**
     * The selected thread has ended: another live thread of its process is selected (its main
     * thread if it lives), as gdb switches away from a thread that exited. With none left the
     * process has ended and the selection stays.
     */
    void selectSurvivor() {
        LiveTask pick = null;
        for (LiveTask o : tasks.values()) {
            if (o.dead || o.exiting || o.proc != primary.proc) continue;
            if (pick == null || o.tid == o.proc.tgid) pick = o;
        }
        if (pick != null) setPrimary(pick);
    }

    void setPrimary(LiveTask t) {
        primary = t;
        pid = t.tid;
        mem = t.proc.mem;
    }

    /** Positions the event stream after event n (without re-reading the trace when n is in the window). */
    void seekEvents(long n) {
        if (window == null) window = new EventWindow(trace);
        window.seek(n);
        events = new LookaheadCursor(window); // a fresh lookahead: what the old one peeked is before or after n
    }

    /** The event stream all cursors read through (closed with the session, by closing events). */
    private EventWindow window;

    /** File identities of the recorded file mmaps by event (read from the trace when first needed). */
    private Map<Long, Object> mappedFiles;
    /** Files some process of the recording mapped shared and writable. */
    private java.util.Set<Object> writtenThroughMappings;

    /** The file a shared mmap of event n mapped (its device and inode, as the recorder named it). */
    Object sharedFileKey(long n) {
        readMappings();
        return mappedFiles.getOrDefault(n, io.jrrtui.record.SharedFileMaps.fileKey(0, 0));
    }

    /**
     * Whether the recording maps file key shared and writable somewhere: only then are its shared
     * mappings replayed as one shared object with views (which rules out checkpoints); a file only
     * ever mapped read-only is a private copy per mapping, as every file mapping was before.
     */
    boolean writtenThroughMappings(Object key) {
        readMappings();
        return writtenThroughMappings.contains(key);
    }

    private void readMappings() {
        if (mappedFiles != null) return;
        mappedFiles = new java.util.HashMap<>();
        writtenThroughMappings = new java.util.HashSet<>();
        for (io.jrrtui.trace.Mapping m : trace.mappings()) {
            Object key = io.jrrtui.record.SharedFileMaps.fileKey(m.device(), m.inode());
            mappedFiles.put(m.event(), key);
            if (io.jrrtui.record.SharedFileMaps.isSharedFileMap(m.flags()) && (m.prot() & 2) != 0) writtenThroughMappings.add(key);
        }
    }
}
