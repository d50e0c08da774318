package io.jrrtui.trace;

/** Constants of the on-disk format (see src/docs/trace-format.md). */
public final class TraceFormat {
    /** Bumped on every incompatible change; a reader refuses other versions except {@link #OLDEST_READABLE}. */
    public static final int VERSION = 4;
    /** The first version whose blocks carry labels (and whose traces have an event index). */
    public static final int LABELLED = 3;
    /** Version 2 streams differ only in their shorter block header; they read, but seek by scanning. */
    public static final int OLDEST_READABLE = 2;
    public static final byte[] STREAM_MAGIC = {'J', 'R', 'R', 'S', 'T', 'R', 'M', 0};
    public static final int BLOCK_MAGIC = 0x4A424C4B; // "JBLK"
    public static final int MAX_BLOCK = 64 << 20;
    /** Bytes before a block's compressed payload: magic, raw length, compressed length, CRC, label. */
    public static final int BLOCK_HEADER = 36;
    public static final int BLOCK_HEADER_V2 = 16;
    public static final String EVENTS = "events";
    public static final String DATA = "data";
    public static final String MAPPINGS = "mappings";
    public static final String HEADER = "trace.properties";
    public static final String INCOMPLETE = "incomplete";
    public static final String EXE_COPY = "exe";
    public static final String INDEX = "index";
    /** Copies of files read by absolute path (libraries, debug files, sources) in a packed trace. */
    public static final String SYSROOT = "sysroot";

    private TraceFormat() {}

    /** True for a stream or index version this reader knows that has block labels. */
    static boolean hasLabels(int version) {
        return version >= LABELLED && version <= VERSION;
    }
}
