package io.jrrtui.elf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Finds the separate debug file of a stripped ELF the way Linux distributions install them:
 * {@code DIR/.build-id/xx/rest.debug} first, then the .gnu_debuglink name next to the file, in its
 * {@code .debug/} subfolder and under {@code DIR/<dirname>/}. Finally, the embedded .gnu_debugdata.
 */
public final class DebugFileLocator {
    private final List<Path> debugRoots;

    public DebugFileLocator(List<Path> debugRoots) {
        this.debugRoots = List.copyOf(debugRoots);
    }

    /** The system default: /usr/lib/debug. */
    public static DebugFileLocator system() {
        return new DebugFileLocator(List.of(Path.of("/usr/lib/debug")));
    }

    /** The file carrying DWARF for {@code elf}: itself when it has .debug_info, else a separate file. */
    public Optional<ElfFile> find(ElfFile elf) {
        if (elf.hasDebugInfo()) return Optional.of(elf);
        Optional<ElfFile> byId = elf.buildId().flatMap(this::byBuildId);
        if (byId.isPresent()) return byId;
        Optional<ElfFile> byLink = byDebugLink(elf);
        if (byLink.isPresent()) return byLink;
        return elf.gnuDebugData();
    }

    public Optional<ElfFile> byBuildId(String buildId) {
        if (buildId.length() < 3) return Optional.empty();
        for (Path root : debugRoots) {
            Path p = root.resolve(".build-id").resolve(buildId.substring(0, 2)).resolve(buildId.substring(2) + ".debug");
            if (Files.isRegularFile(p) && ElfFile.looksLikeElf(p)) return Optional.of(ElfFile.open(p));
        }
        return Optional.empty();
    }

    public Optional<ElfFile> byDebugLink(ElfFile elf) {
        Optional<ElfFile.DebugLink> link = elf.debugLink();
        Path self = ElfFile.pathOrNull(elf);
        if (link.isEmpty() || self == null) return Optional.empty();
        Path dir = self.toAbsolutePath().getParent();
        String name = link.get().fileName();
        if (name.isEmpty() || name.contains("/")) return Optional.empty();
        List<Path> candidates = new ArrayList<>();
        candidates.add(dir.resolve(name));
        candidates.add(dir.resolve(".debug").resolve(name));
        for (Path root : debugRoots) candidates.add(Path.of(root + dir.toString()).resolve(name));
        for (Path p : candidates) {
            if (p.equals(self.toAbsolutePath())) continue;
            if (Files.isRegularFile(p) && ElfFile.looksLikeElf(p) && crcMatches(p, link.get().crc32()))
                return Optional.of(ElfFile.open(p));
        }
        return Optional.empty();
    }

    private static boolean crcMatches(Path p, long crc) {
        try {
            CRC32 c = new CRC32();
            c.update(Files.readAllBytes(p));
            return c.getValue() == crc;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
