package io.jrrtui.symbols;

import io.jrrtui.dwarf.LineProgram;
import io.jrrtui.dwarf.LineRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The line table of one compile unit, rebuilt the way gdb stores it so that lookups agree with gdb:
 * rows are split per source file ("subfile"); a file switch or the end of a sequence inserts a line-0
 * end marker that erases the previous file's entries at the same address; consecutive rows for the
 * same line are kept; rows for line 0 are dropped. Lookup takes the entry with the greatest address
 * not above pc (preferring an is_stmt entry at that address); the range ends at the next entry.
 */
public final class CuLineTable {
    /** One entry: address, line (0 = end marker), flags, and which subfile it belongs to. */
    public record Entry(long pc, int line, int column, boolean isStmt, boolean prologueEnd, int subfile, int seq) {}

    private final List<String> subfiles;
    private final List<String> displayNames;
    private final Entry[] entries;          // all subfiles, sorted by (pc, subfile rank, seq)
    private final Map<Integer, Entry[]> bySubfile;

    private CuLineTable(List<String> subfiles, List<String> displayNames, Entry[] entries, Map<Integer, Entry[]> bySubfile) {
        this.subfiles = subfiles;
        this.displayNames = displayNames;
        this.entries = entries;
        this.bySubfile = bySubfile;
    }

    public List<String> files() { return subfiles; }
    public String file(int subfile) { return subfiles.get(subfile); }
    /** The name gdb shows for a file of this table. */
    public String displayName(int subfile) { return displayNames.get(subfile); }
    /** All entries of one file in address order (line 0 entries mark ends). */
    public Entry[] entriesOf(int subfile) { return bySubfile.getOrDefault(subfile, new Entry[0]); }
    public Entry[] entries() { return entries; }

    public static CuLineTable build(LineProgram program, String primaryFile, String primaryDisplayName) {
        Builder b = new Builder(program, primaryFile, primaryDisplayName);
        return b.build();
    }

    /** Emulates gdb's DWARF line recorder (per-subfile vectors with end markers). */
    private static final class Builder {
        private final LineProgram program;
        private final Map<String, Integer> subfileIds = new LinkedHashMap<>();
        private final List<String> displayNames = new ArrayList<>();
        private final List<List<Entry>> vectors = new ArrayList<>();
        private int seq;

        Builder(LineProgram program, String primaryFile, String primaryDisplayName) {
            this.program = program;
            subfile(primaryFile, primaryDisplayName);
        }

        int subfile(String path, String displayName) {
            Integer id = subfileIds.get(path);
            if (id == null) {
                id = subfileIds.size();
                subfileIds.put(path, id);
                displayNames.add(displayName);
                vectors.add(new ArrayList<>());
            }
            return id;
        }

        void record(int sf, int line, int column, long pc, boolean isStmt, boolean prologueEnd) {
            List<Entry> v = vectors.get(sf);
            if (line == 0) {
                Integer lastLine = null;
                while (!v.isEmpty()) {
                    Entry last = v.get(v.size() - 1);
                    lastLine = last.line();
                    if (last.pc() != pc) break;
                    v.remove(v.size() - 1);
                }
                if (lastLine == null || lastLine == 0) return;
            }
            v.add(new Entry(pc, line, column, isStmt, prologueEnd, sf, seq++));
        }

        CuLineTable build() {
            List<LineRow> rows = program.rows();
            int lastSubfile = -1;
            int lastLine = 0;
            long lastAddress = 0;
            boolean stmtAtAddress = false; // an is_stmt row was seen at lastAddress
            boolean recording = true;
            boolean sequenceStart = true;
            for (LineRow row : rows) {
                if (sequenceStart) {
                    recording = row.address() != 0;
                    lastLine = 0;
                    sequenceStart = false;
                }
                LineProgram.FileEntry fe = program.file(row.file());
                int sf = subfile(fe.path(), fe.displayName());
                boolean end = row.endSequence();
                if (recording) {
                    boolean fileChanged = lastSubfile != sf;
                    // a non-statement row in another file at an address that already has a statement
                    // would, through the end marker, erase that statement: gdb drops such rows
                    boolean ignore = (fileChanged && !end && lastAddress == row.address() && !row.isStmt() && stmtAtAddress)
                            || (!end && row.line() == 0);
                    if (((fileChanged && !ignore) || end) && lastSubfile >= 0) {
                        record(lastSubfile, 0, 0, row.address(), true, false);
                    }
                    if (!end && !ignore) {
                        if (fileChanged || row.line() != lastLine || row.discriminator() == 0) {
                            record(sf, row.line(), row.column(), row.address(), row.isStmt(), row.prologueEnd());
                        }
                        lastSubfile = sf;
                        lastLine = row.line();
                    }
                }
                if (lastAddress != row.address()) {
                    stmtAtAddress = false;
                    lastAddress = row.address();
                }
                stmtAtAddress |= row.isStmt();
                if (end) sequenceStart = true;
            }
            List<String> names = new ArrayList<>(subfileIds.keySet());
            Map<Integer, Entry[]> per = new HashMap<>();
            List<Entry> all = new ArrayList<>();
            Comparator<Entry> order = Comparator.comparingLong(Entry::pc)
                    .thenComparing(e -> e.line() != 0)   // end markers first at one pc
                    .thenComparingInt(Entry::seq);
            for (int i = 0; i < vectors.size(); i++) {
                List<Entry> v = new ArrayList<>(vectors.get(i));
                v.sort(order);
                per.put(i, v.toArray(new Entry[0]));
                all.addAll(v);
            }
            all.sort(Comparator.comparingLong(Entry::pc).thenComparingInt(Entry::subfile)
                    .thenComparing(e -> e.line() != 0).thenComparingInt(Entry::seq));
            return new CuLineTable(names, displayNames, all.toArray(new Entry[0]), per);
        }
    }

    /** Index of the last entry with pc <= target, or -1. */
    private static int floor(Entry[] es, long target) {
        int lo = 0, hi = es.length - 1, ans = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(es[mid].pc(), target) <= 0) { ans = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return ans;
    }

    /** The best entry for {@code pc} as gdb's find_pc_line chooses it, with the end of its range. */
    public Optional<SourceLine> lookup(long pc) {
        int idx = floor(entries, pc);
        if (idx < 0) return Optional.empty();
        long bestPc = entries[idx].pc();
        // The lowest-ranked subfile having an entry at bestPc wins; inside it, its last entry there.
        // Several files may have entries at bestPc (a file switch leaves an end marker in the old
        // file); a real line wins over an end marker, then the lowest-ranked file.
        int k = idx;
        int sf = -1;
        boolean sfReal = false;
        while (k >= 0 && entries[k].pc() == bestPc) {
            Entry[] es = bySubfile.get(entries[k].subfile());
            boolean real = es[floor(es, pc)].line() != 0;
            if (sf < 0 || (real && !sfReal) || (real == sfReal && entries[k].subfile() < sf)) {
                sf = entries[k].subfile();
                sfReal = real;
            }
            k--;
        }
        Entry[] mine = bySubfile.get(sf);
        int j = floor(mine, pc);
        Entry best = mine[j];
        if (!best.isStmt()) {
            int t = j;
            while (t > 0 && mine[t - 1].pc() == mine[t].pc() && mine[t - 1].line() != 0 && !mine[t].isStmt()) t--;
            if (mine[t].isStmt()) best = mine[t];
        }
        if (best.line() == 0) return Optional.empty();
        long end = idx + 1 < entries.length ? entries[idx + 1].pc() : bestPc + 1;
        return Optional.of(new SourceLine(subfiles.get(sf), best.line(), best.column(), best.pc(), end, best.isStmt(), displayNames.get(sf)));
    }

    /**
     * The addresses gdb chooses for {@code FILE:LINE} within one subfile: every is_stmt entry for
     * exactly that line; when there is none, empty (the caller then retries with {@link #bestLineAfter}).
     */
    public List<Long> exactLinePcs(int subfile, int line) {
        List<Long> out = new ArrayList<>();
        for (Entry e : entriesOf(subfile)) if (e.isStmt() && e.line() == line) out.add(e.pc());
        return out;
    }

    /** The smallest is_stmt line above {@code line} in this subfile, or 0. */
    public int bestLineAfter(int subfile, int line) {
        int best = 0;
        for (Entry e : entriesOf(subfile)) {
            if (e.isStmt() && e.line() > line && (best == 0 || e.line() < best)) best = e.line();
        }
        return best;
    }

    /** The first entry flagged prologue_end in [lo, hi) of one subfile. */
    public Optional<Long> prologueEnd(int subfile, long lo, long hi) {
        for (Entry e : entriesOf(subfile)) {
            if (Long.compareUnsigned(e.pc(), lo) >= 0 && Long.compareUnsigned(e.pc(), hi) < 0 && e.prologueEnd())
                return Optional.of(e.pc());
        }
        return Optional.empty();
    }

    /** The subfile ids whose path ends with {@code name} on a path-component boundary. */
    public List<Integer> subfilesMatching(String name) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < subfiles.size(); i++) if (pathMatches(subfiles.get(i), name)) out.add(i);
        return out;
    }

    public int subfileId(String path) {
        return subfiles.indexOf(path);
    }

    static boolean pathMatches(String path, String name) {
        if (path.equals(name)) return true;
        return path.endsWith("/" + name);
    }

    /** Whether pc starts an is_stmt entry (a place "step" may stop at). */
    public boolean isStatementStart(long pc) {
        int idx = floor(entries, pc);
        while (idx >= 0 && entries[idx].pc() == pc) {
            if (entries[idx].isStmt() && entries[idx].line() != 0) return true;
            idx--;
        }
        return false;
    }

    @Override public String toString() {
        return "CuLineTable" + Arrays.asList(entries).size() + " entries, files " + subfiles;
    }
}
