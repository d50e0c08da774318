package io.jrrtui.portable;

import io.jrrtui.dwarf.DwarfInfo;
import io.jrrtui.dwarf.LineProgram;
import io.jrrtui.dwarf.Unit;
import io.jrrtui.elf.DebugFileLocator;
import io.jrrtui.elf.ElfFile;
import io.jrrtui.trace.CorruptTraceException;
import io.jrrtui.trace.FileRefs;
import io.jrrtui.trace.FileStore;
import io.jrrtui.trace.Mapping;
import io.jrrtui.trace.TraceFormat;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The files a self-contained copy of a trace needs that are not in its directory yet, each as the
 * name it gets inside the trace and the file it comes from: stored contents from the trace store's
 * shared store ({@code files/xx/...}), and under {@code sysroot/} the shared libraries the program
 * mapped (only when unchanged since the recording), the separate debug files of the program and
 * the libraries, and the source files their line tables name that exist here.
 */
public final class PackPlan {
    /** What an entry is, for the summary. */
    public enum Kind { CONTENTS, LIBRARY, DEBUG_FILE, SOURCE }

    public record Entry(String name, Path source, Kind kind) {}

    /** Source files larger than this are not sources (a generated blob); they are left out. */
    private static final long MAX_SOURCE = 16 << 20;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final TraceReader trace;

    private PackPlan(TraceReader trace) {
        this.trace = trace;
    }

    public static PackPlan of(TraceReader trace) {
        PackPlan plan = new PackPlan(trace);
        plan.addStoredContents();
        List<ElfFile> programs = new ArrayList<>();
        try (Stream<Path> s = Files.list(trace.dir())) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if ((n.equals(TraceFormat.EXE_COPY) || n.startsWith(TraceFormat.EXE_COPY + "-")) && ElfFile.looksLikeElf(p)) {
                    programs.add(ElfFile.open(p));
                }
            }
        } catch (IOException e) {
            throw new JrrException("cannot read " + trace.dir() + ": " + e.getMessage(), e);
        }
        programs.addAll(plan.addLibraries());
        for (ElfFile elf : programs) plan.addDebugFileAndSources(elf);
        return plan;
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    private void add(String name, Path source, Kind kind) {
        if (Files.exists(trace.dir().resolve(name))) return; // the trace has it already
        entries.putIfAbsent(name, new Entry(name, source, kind));
    }

    private void addStoredContents() {
        FileStore own = FileStore.ownOf(trace.dir());
        List<FileStore> stores = trace.contentStores();
        for (String hex : FileRefs.of(trace.dir())) {
            if (own.has(hex)) continue;
            Path found = null;
            for (FileStore s : stores) if (s.has(hex)) found = s.path(hex);
            if (found == null) {
                throw new CorruptTraceException("stored file contents " + hex.substring(0, 16) + "... of " + trace.dir()
                        + " are missing from " + stores.get(1).dir());
            }
            add(trace.dir().relativize(own.path(hex)).toString(), found, Kind.CONTENTS);
        }
    }

    /** Shared libraries as mapped, when the file here is still the one the recording mapped. */
    private List<ElfFile> addLibraries() {
        Map<String, Mapping> first = new LinkedHashMap<>();
        for (Mapping m : trace.mappings()) {
            if (m.path().startsWith("/")) first.putIfAbsent(m.path(), m);
        }
        List<ElfFile> out = new ArrayList<>();
        for (Mapping m : first.values()) {
            Path p = trace.localCopy(m.path());
            if (!Files.isRegularFile(p) || !unchanged(p, m) || !ElfFile.looksLikeElf(p)) continue;
            try {
                out.add(ElfFile.open(p));
            } catch (JrrException e) {
                continue; // not a library we can read: its mapped bytes are in the trace anyway
            }
            addSysroot(m.path(), p, Kind.LIBRARY);
        }
        return out;
    }

    private static boolean unchanged(Path p, Mapping m) {
        try {
            return Files.size(p) == m.fileSize() && (m.mtimeNanos() == 0
                    || Files.getLastModifiedTime(p).to(TimeUnit.SECONDS) == m.mtimeNanos() / 1_000_000_000L);
        } catch (IOException e) {
            return false;
        }
    }

    private void addDebugFileAndSources(ElfFile elf) {
        ElfFile dwarf = elf;
        try {
            dwarf = DebugFileLocator.system().find(elf).orElse(elf);
            if (dwarf != elf) dwarf.path().ifPresent(d -> addSysroot(d.toAbsolutePath().toString(), d, Kind.DEBUG_FILE));
            if (!dwarf.hasDebugInfo()) return;
            for (Unit u : new DwarfInfo(dwarf).compileUnits()) {
                LineProgram lines = u.lineProgram();
                if (lines == null) continue;
                for (LineProgram.FileEntry f : lines.files()) {
                    Path src = f.path().startsWith("/") ? Path.of(f.path()).normalize() : null;
                    if (src != null && Files.isRegularFile(src) && size(src) <= MAX_SOURCE) addSysroot(src.toString(), src, Kind.SOURCE);
                }
            }
        } catch (JrrException | IllegalArgumentException | IndexOutOfBoundsException e) {
            // unreadable debug information: the program and library copies still travel
        }
    }

    private void addSysroot(String absolutePath, Path source, Kind kind) {
        if (!absolutePath.startsWith("/") || absolutePath.contains("/../")) return;
        add(TraceFormat.SYSROOT + absolutePath, source, kind);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** "12 stored contents, 3 libraries, 1 debug file, 5 sources". */
    public static String summary(List<Entry> entries) {
        Map<Kind, Integer> n = new LinkedHashMap<>();
        for (Kind k : Kind.values()) n.put(k, 0);
        for (Entry e : entries) n.merge(e.kind(), 1, Integer::sum);
        return count(n.get(Kind.CONTENTS), "stored content") + ", " + count(n.get(Kind.LIBRARY), "library") + ", "
                + count(n.get(Kind.DEBUG_FILE), "debug file") + ", " + count(n.get(Kind.SOURCE), "source file");
    }

    private static String count(int n, String what) {
        if (n == 1) return "1 " + what;
        return n + " " + (what.endsWith("y") ? what.substring(0, what.length() - 1) + "ies" : what + "s");
    }
}
