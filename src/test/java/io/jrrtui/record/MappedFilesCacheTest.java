package io.jrrtui.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.FileRefs;
import io.jrrtui.trace.FileStore;
import io.jrrtui.trace.TraceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-contained recordings ({@code record -o}) take the compressed copies of mapped libraries from
 * the user's cache of them instead of compressing each library again (issue 13, sbuf7: the
 * compression was most of a short recording's fixed cost), and replay the same.
 */
class MappedFilesCacheTest {
    @TempDir
    Path tmp;

    private Path record(String name, String... args) throws IOException {
        Path trace = tmp.resolve(name);
        Path out = tmp.resolve(name + ".out");
        List<String> cmd = new java.util.ArrayList<>(List.of("record", "-q", "-o", trace.toString(), "--stdin", "/dev/null",
                "--stdout", out.toString(), "--", Jrr.binary("bench_sysloop").toString()));
        cmd.addAll(List.of(args));
        Jrr.Run run = Jrr.run(cmd.toArray(new String[0]));
        assertEquals(0, run.status(), run.errText());
        Jrr.Run replay = Jrr.run("replay", "-a", trace.toString());
        assertEquals(0, replay.status(), name + ": replay\n" + replay.errText());
        assertEquals(Files.readString(out), replay.outText(), name + ": replayed stdout");
        return trace;
    }

    @Test
    void aSecondRecordingLinksItsLibrariesFromTheCacheAndADamagedEntryIsNotTaken() throws IOException {
        Path cacheDir = tmp.resolve("cache");
        String before = System.getProperty(TraceWriter.MAPPED_CACHE_PROPERTY);
        System.setProperty(TraceWriter.MAPPED_CACHE_PROPERTY, cacheDir.toString());
        try {
            FileStore cache = new FileStore(cacheDir);
            Path first = record("first", "200");
            Set<String> firstRefs = FileRefs.of(first);
            List<String> cached = firstRefs.stream().filter(cache::has).toList();
            assertFalse(cached.isEmpty(), "the first recording leaves its mapped files in the cache: " + firstRefs);

            Path second = record("second", "200");
            int linked = 0;
            for (String hex : FileRefs.of(second)) {
                if (cache.has(hex) && Files.isSameFile(cache.path(hex), FileStore.ownOf(second).path(hex))) linked++;
            }
            assertTrue(linked >= cached.size(), "the second recording links what the cache holds: " + linked + " of " + cached.size());

            // an entry whose frame declares another length is compressed afresh, not taken
            String hex = cached.get(0);
            Path entry = cache.path(hex);
            Files.delete(entry);
            Files.write(entry, com.github.luben.zstd.Zstd.compress("not the library".getBytes(), 1));
            Path third = record("third", "200");
            assertFalse(Files.isSameFile(entry, FileStore.ownOf(third).path(hex)), "a damaged cache entry is not linked");
        } finally {
            if (before == null) System.clearProperty(TraceWriter.MAPPED_CACHE_PROPERTY);
            else System.setProperty(TraceWriter.MAPPED_CACHE_PROPERTY, before);
        }
    }
}
