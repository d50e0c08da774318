package io.jrrtui.unwind;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSection;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The call-frame information of one ELF module: {@code .eh_frame} (searched through
 * {@code .eh_frame_hdr} when present) and {@code .debug_frame}. Addresses are the module's own
 * (link-time) addresses; the caller subtracts the load bias. Parsing is lazy and cached.
 */
public final class CallFrameInfo {
    private final CfiSection ehFrame;
    private final EhFrameHdr hdr;
    private final CfiSection debugFrame;

    private CallFrameInfo(CfiSection ehFrame, EhFrameHdr hdr, CfiSection debugFrame) {
        this.ehFrame = ehFrame;
        this.hdr = hdr;
        this.debugFrame = debugFrame;
    }

    /** No CFI at all (the unwinder then relies on frame pointers). */
    public static CallFrameInfo empty() {
        return new CallFrameInfo(null, null, null);
    }

    /**
     * Builds from raw section bytes and the sections' virtual addresses; any of the byte buffers may
     * be null when the module lacks that section.
     */
    public static CallFrameInfo fromSections(ByteBuffer ehFrame, long ehFrameVaddr, ByteBuffer ehFrameHdr,
            long ehFrameHdrVaddr, ByteBuffer debugFrame) {
        CfiSection eh = ehFrame == null ? null
                : new CfiSection(CfiSection.Kind.EH_FRAME, ehFrame, ehFrameVaddr, 0);
        EhFrameHdr h = null;
        if (eh != null && ehFrameHdr != null) {
            try {
                h = EhFrameHdr.parse(ehFrameHdr, ehFrameHdrVaddr);
                if (h != null && h.ehFrameAddress() != ehFrameVaddr) {
                    h = null; // the table describes another .eh_frame: do not trust it
                }
            } catch (JrrException e) {
                h = null; // fall back to scanning .eh_frame
            }
        }
        CfiSection dbg = debugFrame == null ? null
                : new CfiSection(CfiSection.Kind.DEBUG_FRAME, debugFrame, 0, 0);
        return new CallFrameInfo(eh, h, dbg);
    }

    /** Takes the CFI sections of {@code elf} (those that exist and have contents). */
    public static CallFrameInfo of(ElfFile elf) {
        return of(elf, Optional.empty());
    }

    /**
     * Takes {@code .eh_frame} from the loaded {@code elf} and {@code .debug_frame} from it or, when it
     * has none, from its separate debug file (found by build-id or debuglink).
     */
    public static CallFrameInfo of(ElfFile elf, Optional<ElfFile> separateDebugFile) {
        Optional<ElfSection> eh = elf.section(".eh_frame").filter(s -> s.fileSize() > 0);
        Optional<ElfSection> hdr = elf.section(".eh_frame_hdr").filter(s -> s.fileSize() > 0);
        Optional<ElfSection> dbg = elf.section(".debug_frame").filter(s -> s.fileSize() > 0)
                .or(() -> separateDebugFile.flatMap(d -> d.section(".debug_frame")).filter(s -> s.fileSize() > 0));
        return fromSections(eh.map(ElfSection::data).orElse(null), eh.map(ElfSection::addr).orElse(0L),
                hdr.map(ElfSection::data).orElse(null), hdr.map(ElfSection::addr).orElse(0L),
                dbg.map(ElfSection::data).orElse(null));
    }

    public boolean isEmpty() {
        return ehFrame == null && debugFrame == null;
    }

    /**
     * The CFI row for {@code pc} (a module address), from {@code .eh_frame} first, then
     * {@code .debug_frame}; empty when no FDE covers it (FDEs that fail to parse while scanning count
     * as absent). Malformed instructions or an FDE the search table points at that cannot be parsed
     * are a {@link JrrException}.
     */
    public Optional<UnwindRow> rowAt(long pc) {
        if (ehFrame != null) {
            Optional<FrameDescriptionEntry> fde = findInEhFrame(pc);
            if (fde.isPresent()) {
                return Optional.of(CfiInterpreter.rowAt(fde.get(), pc, bases(ehFrame), true));
            }
        }
        if (debugFrame != null) {
            Optional<FrameDescriptionEntry> fde = debugFrame.findFde(pc);
            if (fde.isPresent()) {
                return Optional.of(CfiInterpreter.rowAt(fde.get(), pc, bases(debugFrame), false));
            }
        }
        return Optional.empty();
    }

    private static PointerEncoding.Bases bases(CfiSection s) {
        return new PointerEncoding.Bases(s.vaddr(), 0, 0, 0);
    }

    private Optional<FrameDescriptionEntry> findInEhFrame(long pc) {
        if (hdr != null) {
            OptionalLong addr = hdr.fdeAddressFor(pc);
            if (addr.isEmpty()) {
                return Optional.empty();
            }
            FrameDescriptionEntry f = ehFrame.fdeAt(addr.getAsLong() - ehFrame.vaddr());
            return f.covers(pc) ? Optional.of(f) : Optional.empty();
        }
        return ehFrame.findFde(pc);
    }
}
