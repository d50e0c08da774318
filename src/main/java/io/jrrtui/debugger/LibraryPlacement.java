package io.jrrtui.debugger;

import io.jrrtui.target.MemoryRegion;
import io.jrrtui.trace.Mapping;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where each library of a recording is loaded in the process being debugged, at the current event.
 *
 * <p>The trace's mapping stream lists every file mapping of every process of the recording, and one
 * library is often loaded at different places: a shell script that runs {@code env} that runs the
 * real program maps libc once per program, each at its own address (libtinfo comes before it in
 * bash, not in env). Taking the first mapping of a path, as the image did, gave a process the
 * symbols of another one's layout: a stop in bash's {@code syscall()} was named
 * {@code __strftime_internal}. The process's own memory map says which of those mappings it holds
 * now: a replay maps library bytes anonymously, but a mapping of this process still starts at the
 * recorded address, with the library's ELF header there ({@link LoadedHeaders}).
 */
final class LibraryPlacement {
    private LibraryPlacement() {}

    /**
     * A library's chosen load address, the recorded mapping it comes from (null: only the live map
     * names it), and whether the process holds it now (false: loaded later, or unloaded since).
     */
    record Placement(long start, Mapping recorded, boolean loadedNow) {}

    /**
     * The load address of every library: named in the live map (regions) first, else the latest
     * recorded whole-file mapping made by now that the process still holds (holds: its header is there),
     * else the next one to be made (a library loaded later), else the latest made (unloaded since).
     * now: the current event (Long.MAX_VALUE without a recording's position).
     */
    static Map<String, Placement> of(List<MemoryRegion> regions, List<Mapping> recorded, long now, String exclude, Predicate<Mapping> holds) {
        Map<String, Placement> out = new LinkedHashMap<>();
        for (MemoryRegion r : regions) {
            if (r.offset() == 0 && r.path().startsWith("/") && !r.path().equals(exclude)) out.putIfAbsent(r.path(), new Placement(r.start(), null, true));
        }
        Map<String, Mapping> heldNow = new LinkedHashMap<>(), next = new LinkedHashMap<>(), madeLast = new LinkedHashMap<>();
        for (Mapping m : recorded) {
            if (m.offset() != 0 || !m.path().startsWith("/") || m.path().equals(exclude)) continue;
            if (m.event() <= now) {
                madeLast.put(m.path(), m);
            } else {
                next.putIfAbsent(m.path(), m);
            }
        }
        // the latest mapping of each path made by now that is still there (each address asked once)
        Map<String, Boolean> asked = new HashMap<>();
        for (int i = recorded.size() - 1; i >= 0; i--) {
            Mapping m = recorded.get(i);
            if (m.event() > now || m.offset() != 0 || !m.path().startsWith("/") || m.path().equals(exclude) || heldNow.containsKey(m.path())) continue;
            if (asked.computeIfAbsent(m.path() + "@" + m.addr(), k -> holds.test(m))) heldNow.put(m.path(), m);
        }
        Map<String, Mapping> chosen = new LinkedHashMap<>(madeLast);
        chosen.putAll(next);
        chosen.putAll(heldNow);
        Map<String, Placement> namedLive = Map.copyOf(out);
        for (Mapping m : recorded) {
            Mapping c = chosen.get(m.path());
            if (c == null) continue;
            Placement live = namedLive.get(m.path());
            // a file the replay maps itself (ld.so) keeps its live address; the recording names its identity
            out.put(m.path(), new Placement(live != null ? live.start() : c.addr(), c, live != null || heldNow.containsKey(m.path())));
        }
        return out;
    }
}
