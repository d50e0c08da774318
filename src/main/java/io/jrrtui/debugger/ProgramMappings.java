package io.jrrtui.debugger;

import io.jrrtui.api.MappingInfo;
import io.jrrtui.syscallbuf.SyscallBufferLayout;
import io.jrrtui.target.MemoryRegion;
import io.jrrtui.trace.Mapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The program's memory map as {@code info proc mappings} shows it. A replay process differs from the
 * recorded one in ways that are jrrtui's, not the program's: libraries are restored from the trace
 * as anonymous memory, patched pages split a mapping in several, and the system-call buffer pages
 * are there. This names each anonymous region after the recorded file mapping that covers it (the
 * latest one made by now), merges the pieces back and leaves the buffer out.
 */
final class ProgramMappings {
    private ProgramMappings() {}

    /** regions: the target's map; recorded: the trace's mapping events (empty without a recording); now: the current event. */
    static List<MappingInfo> of(List<MemoryRegion> regions, List<Mapping> recorded, long now) {
        List<Mapping> made = recorded.stream().filter(m -> m.event() <= now).toList();
        List<Piece> pieces = new ArrayList<>();
        for (MemoryRegion r : regions) {
            if (!recorded.isEmpty() && r.start() >= SyscallBufferLayout.BASE && r.start() < SyscallBufferLayout.END) continue;
            String path = r.path() == null ? "" : r.path();
            if (!path.isEmpty() || made.isEmpty()) {
                pieces.add(new Piece(new MappingInfo(r.start(), r.end(), r.offset(), r.perms(), path), null));
                continue;
            }
            // one anonymous region of the replay may hold several recorded mappings (a file's data and the bss after it)
            TreeSet<Long> cuts = new TreeSet<>(Long::compareUnsigned);
            cuts.add(r.start());
            cuts.add(r.end());
            for (Mapping m : made) {
                for (long at : new long[] {m.addr(), end(m)}) {
                    if (Long.compareUnsigned(at, r.start()) > 0 && Long.compareUnsigned(at, r.end()) < 0) cuts.add(at);
                }
            }
            Long from = null;
            for (long to : cuts) {
                if (from != null) pieces.add(named(from, to, r.perms(), made));
                from = to;
            }
        }
        pieces.sort(Comparator.comparing((Piece p) -> p.row().start(), Long::compareUnsigned));
        return merged(pieces);
    }

    private static long end(Mapping m) {
        return m.addr() + ((m.length() + 0xfff) & ~0xfffL);
    }

    /** A row and the recorded mapping it was named after (null: named by the target itself, or anonymous). */
    private record Piece(MappingInfo row, Mapping source) {}

    /** [from, to) named after the latest recorded mapping that covers it, when that maps a file. */
    private static Piece named(long from, long to, String perms, List<Mapping> made) {
        Mapping latest = null;
        for (Mapping m : made) {
            if (Long.compareUnsigned(from, m.addr()) >= 0 && Long.compareUnsigned(from, end(m)) < 0) latest = m;
        }
        if (latest == null || latest.path() == null || !latest.path().startsWith("/") || isBssOfReservation(latest, perms, made)) {
            return new Piece(new MappingInfo(from, to, 0, perms, ""), null);
        }
        return new Piece(new MappingInfo(from, to, latest.offset() + (from - latest.addr()), perms, latest.path()), latest);
    }

    /**
     * The dynamic loader first maps a library's whole span from offset 0 (a reservation, with its
     * first segment's permissions), then each segment over it; the bss after the last one is
     * anonymous memory mapped over the reservation too, which the recording does not list. So a
     * piece still covered only by an overlaid reservation, with other permissions than it was
     * mapped with, is that anonymous memory, not the file.
     */
    private static boolean isBssOfReservation(Mapping m, String perms, List<Mapping> made) {
        if (perms.equals(protText(m.prot()))) return false;
        for (int i = made.indexOf(m) + 1; i < made.size(); i++) {
            Mapping o = made.get(i);
            if (Long.compareUnsigned(o.addr(), m.addr()) >= 0 && Long.compareUnsigned(o.addr(), end(m)) < 0) return true;
        }
        return false;
    }

    private static String protText(int prot) {
        return ((prot & 1) != 0 ? "r" : "-") + ((prot & 2) != 0 ? "w" : "-") + ((prot & 4) != 0 ? "x" : "-") + "p";
    }

    /**
     * Pieces of one recorded mapping split only by the replay (patched pages), with the same
     * permissions, back as one row; pieces of different mappings stay apart, as the kernel keeps them.
     */
    private static List<MappingInfo> merged(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>();
        for (Piece p : pieces) {
            Piece prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && p.source() != null && prev.source() == p.source() && prev.row().perms().equals(p.row().perms())
                    && prev.row().end() == p.row().start()) {
                MappingInfo a = prev.row();
                out.set(out.size() - 1, new Piece(new MappingInfo(a.start(), p.row().end(), a.offset(), a.perms(), a.path()), p.source()));
            } else {
                out.add(p);
            }
        }
        return out.stream().map(Piece::row).toList();
    }
}
