package io.jrrtui.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** One note: owner name ("GNU", "CORE", "LINUX"), type and descriptor bytes. */
public record ElfNote(String name, int type, ByteBuffer desc) {
    public static final int NT_GNU_BUILD_ID = 3;
    public static final int NT_PRSTATUS = 1;
    public static final int NT_PRPSINFO = 3;
    public static final int NT_AUXV = 6;
    public static final int NT_FILE = 0x46494c45;
    public static final int NT_SIGINFO = 0x53494749;

    public ByteReader reader() { return new ByteReader(desc.duplicate().order(ByteOrder.LITTLE_ENDIAN), "note " + name); }

    /** Parses a note area (a section or a PT_NOTE segment); entries are 4-byte aligned. */
    public static java.util.List<ElfNote> parse(ByteReader r) {
        java.util.List<ElfNote> notes = new java.util.ArrayList<>();
        while (r.remaining() >= 12) {
            int namesz = r.u32AsInt();
            int descsz = r.u32AsInt();
            int type = r.s32();
            ByteReader nameBytes = r.slice(namesz);
            r.skip(pad4(namesz) - namesz);
            ByteBuffer desc = r.slice(descsz).buffer();
            r.skip(Math.min(pad4(descsz) - descsz, r.remaining()));
            byte[] nb = nameBytes.bytes(namesz);
            int len = 0;
            while (len < nb.length && nb[len] != 0) len++;
            notes.add(new ElfNote(new String(nb, 0, len, java.nio.charset.StandardCharsets.UTF_8), type, desc));
        }
        return notes;
    }

    private static int pad4(int n) { return (n + 3) & ~3; }
}
