package io.jrrtui.elf;

import io.jrrtui.util.JrrException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An ELF64 little-endian file (executable, shared object, relocatable, debug file or core).
 * The file is memory-mapped; section and symbol tables are parsed on first use.
 */
public final class ElfFile {
    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int ET_CORE = 4;
    public static final int EM_X86_64 = 62;
    private static final long MAX_DECOMPRESSED = 1L << 30;

    private final String origin;
    private final Path path;
    private final ByteBuffer image;
    private final int type;
    private final int machine;
    private final long entry;
    private final long phoff;
    private final long shoff;
    private final int phentsize;
    private final int phnum;
    private final int shentsize;
    private final int shnum;
    private final int shstrndx;
    private List<ElfSection> sections;
    private List<ProgramHeader> programHeaders;
    private List<ElfSymbol> symbols;

    private ElfFile(String origin, Path path, ByteBuffer image) {
        this.origin = origin;
        this.path = path;
        this.image = image.order(ByteOrder.LITTLE_ENDIAN);
        ByteReader r = reader();
        if (r.limit() < 64) throw new JrrException(origin + ": not an ELF file (too short)");
        byte[] ident = r.bytes(16);
        if (ident[0] != 0x7f || ident[1] != 'E' || ident[2] != 'L' || ident[3] != 'F')
            throw new JrrException(origin + ": not an ELF file");
        if (ident[4] != 2) throw new JrrException(origin + ": only 64-bit ELF is supported");
        if (ident[5] != 1) throw new JrrException(origin + ": only little-endian ELF is supported");
        type = r.u16();
        machine = r.u16();
        r.u32(); // e_version
        entry = r.u64();
        phoff = r.u64();
        shoff = r.u64();
        r.u32(); // e_flags
        r.u16(); // e_ehsize
        phentsize = r.u16();
        phnum = r.u16();
        shentsize = r.u16();
        int shn = r.u16();
        int shstr = r.u16();
        // Extended numbering: the real counts live in section header 0.
        if (shoff != 0 && (shn == 0 || shstr == 0xffff) && shentsize >= 64) {
            ByteReader s0 = reader().seek(checkOffset(shoff, 64));
            s0.skip(32);
            long size0 = s0.u64();
            long link0 = s0.u32();
            if (shn == 0) shn = (int) Math.min(size0, 65536 * 16);
            if (shstr == 0xffff) shstr = (int) link0;
        }
        shnum = shoff == 0 ? 0 : shn;
        shstrndx = shstr;
        if (shnum > 0 && shentsize < 64) throw new JrrException(origin + ": bad section header size " + shentsize);
        if (phnum > 0 && phentsize < 56) throw new JrrException(origin + ": bad program header size " + phentsize);
    }

    /** Opens and maps a file. */
    public static ElfFile open(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) throw new JrrException(path + ": file too large (" + size + " bytes)");
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return new ElfFile(path.toString(), path, map);
        } catch (IOException e) {
            throw new JrrException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** An ELF image already in memory (e.g. from .gnu_debugdata, or crafted bytes in tests). */
    public static ElfFile of(String origin, ByteBuffer bytes) {
        return new ElfFile(origin, null, bytes.slice());
    }

    public String origin() { return origin; }
    /** The file this was mapped from, or empty for in-memory images. */
    public Optional<Path> path() { return Optional.ofNullable(path); }
    public int type() { return type; }
    public int machine() { return machine; }
    public long entry() { return entry; }
    public boolean isCore() { return type == ET_CORE; }
    /** Position-independent (needs a load bias). */
    public boolean isDynamic() { return type == ET_DYN; }

    ByteReader reader() { return new ByteReader(image.duplicate(), "ELF file " + origin); }

    private long checkOffset(long off, long len) {
        if (off < 0 || len < 0 || off > image.limit() || len > image.limit() - off)
            throw new JrrException("malformed ELF file " + origin + ": range 0x" + Long.toHexString(off)
                    + "+0x" + Long.toHexString(len) + " outside the file");
        return off;
    }

    public synchronized List<ProgramHeader> programHeaders() {
        if (programHeaders == null) {
            List<ProgramHeader> list = new ArrayList<>();
            if (phoff != 0) {
                checkOffset(phoff, (long) phnum * phentsize);
                for (int i = 0; i < phnum; i++) {
                    ByteReader r = reader().seek(phoff + (long) i * phentsize);
                    int ptype = r.s32();
                    int flags = r.s32();
                    long off = r.u64();
                    long vaddr = r.u64();
                    r.u64(); // paddr
                    long filesz = r.u64();
                    long memsz = r.u64();
                    long align = r.u64();
                    list.add(new ProgramHeader(ptype, flags, off, vaddr, filesz, memsz, align));
                }
            }
            programHeaders = Collections.unmodifiableList(list);
        }
        return programHeaders;
    }

    public synchronized List<ElfSection> sections() {
        if (sections == null) {
            List<ElfSection> list = new ArrayList<>();
            if (shnum > 0) {
                checkOffset(shoff, (long) shnum * shentsize);
                long[] nameOff = new long[shnum];
                long[][] raw = new long[shnum][];
                for (int i = 0; i < shnum; i++) {
                    ByteReader r = reader().seek(shoff + (long) i * shentsize);
                    nameOff[i] = r.u32();
                    raw[i] = new long[] {r.u32(), r.u64(), r.u64(), r.u64(), r.u64(), r.u32(), r.u32(), r.u64(), r.u64()};
                }
                ByteReader strtab = null;
                if (shstrndx > 0 && shstrndx < shnum) {
                    long[] s = raw[shstrndx];
                    strtab = reader().sliceAt(checkOffset(s[3], s[4]), s[4]);
                }
                for (int i = 0; i < shnum; i++) {
                    long[] s = raw[i];
                    String name = "";
                    if (strtab != null && nameOff[i] < strtab.limit()) name = strtab.cstringAt(nameOff[i]);
                    list.add(new ElfSection(this, i, name, (int) s[0], s[1], s[2], s[3], s[4], (int) s[5], (int) s[6], s[8]));
                }
            }
            sections = Collections.unmodifiableList(list);
        }
        return sections;
    }

    /** The first section with this name. */
    public Optional<ElfSection> section(String name) {
        for (ElfSection s : sections()) if (s.name().equals(name)) return Optional.of(s);
        return Optional.empty();
    }

    public Optional<ElfSection> section(int index) {
        List<ElfSection> all = sections();
        return index >= 0 && index < all.size() ? Optional.of(all.get(index)) : Optional.empty();
    }

    /** The raw bytes of a segment, from the file (filesz bytes). */
    public ByteBuffer segmentBytes(ProgramHeader ph) {
        checkOffset(ph.offset(), ph.filesz());
        return image.slice((int) ph.offset(), (int) ph.filesz()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Raw bytes of the file in {@code [off, off+len)}. */
    public ByteBuffer fileBytes(long off, long len) {
        checkOffset(off, len);
        return image.slice((int) off, (int) len).order(ByteOrder.LITTLE_ENDIAN);
    }

    ByteBuffer sectionBytes(ElfSection s) {
        checkOffset(s.offset(), s.fileSize());
        ByteBuffer raw = image.slice((int) s.offset(), (int) s.fileSize()).order(ByteOrder.LITTLE_ENDIAN);
        if (!s.isCompressed()) return raw.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        ByteReader r = new ByteReader(raw, "compressed section " + s.name());
        int chType = r.s32();
        r.u32(); // reserved
        long size = r.u64();
        r.u64(); // alignment
        if (size < 0 || size > MAX_DECOMPRESSED)
            throw new JrrException("malformed ELF file " + origin + ": compressed section " + s.name() + " claims " + size + " bytes");
        ByteBuffer payload = raw.slice(24, raw.limit() - 24);
        byte[] out = switch (chType) {
            case 1 -> inflate(payload, (int) size, s.name());
            case 2 -> Decompress.zstd(payload, (int) size, origin + " section " + s.name());
            default -> throw new JrrException(origin + ": section " + s.name() + " has unknown compression type " + chType);
        };
        return ByteBuffer.wrap(out).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private byte[] inflate(ByteBuffer payload, int size, String name) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(payload.duplicate());
            byte[] out = new byte[size];
            int n = 0;
            while (n < size) {
                int k = inf.inflate(out, n, size - n);
                if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) break;
                n += k;
            }
            if (n != size) throw new JrrException(origin + ": section " + name + " decompressed to " + n + " of " + size + " bytes");
            return out;
        } catch (DataFormatException e) {
            throw new JrrException(origin + ": section " + name + ": bad zlib data: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    /** Symbols from .symtab then .dynsym (in file order; undefined entries included). */
    public synchronized List<ElfSymbol> symbols() {
        if (symbols == null) {
            List<ElfSymbol> list = new ArrayList<>();
            for (ElfSection s : sections()) {
                if (s.type() == ElfSection.SHT_SYMTAB || s.type() == ElfSection.SHT_DYNSYM) readSymbols(s, list);
            }
            symbols = Collections.unmodifiableList(list);
        }
        return symbols;
    }

    private void readSymbols(ElfSection s, List<ElfSymbol> out) {
        ElfSection strs = section(s.link()).orElseThrow(() ->
                new JrrException("malformed ELF file " + origin + ": " + s.name() + " has no string table"));
        ByteReader strtab = strs.reader();
        ByteReader r = s.reader();
        long ent = s.entSize() == 0 ? 24 : s.entSize();
        if (ent < 24) throw new JrrException("malformed ELF file " + origin + ": symbol size " + ent);
        long count = r.limit() / ent;
        boolean dyn = s.type() == ElfSection.SHT_DYNSYM;
        for (long i = 1; i < count; i++) {
            r.seek(i * ent);
            long nameOff = r.u32();
            int info = r.u8();
            r.u8(); // st_other
            int shndx = r.u16();
            long value = r.u64();
            long size = r.u64();
            String name = nameOff < strtab.limit() ? strtab.cstringAt(nameOff) : "";
            out.add(new ElfSymbol(name, value, size, info & 0xf, info >> 4, shndx, dyn));
        }
    }

    /** The RELA entries of a SHT_RELA section (.rela.plt, .rela.dyn). */
    public List<ElfRelocation> relocations(ElfSection rela) {
        ByteReader r = rela.reader();
        long ent = rela.entSize() == 0 ? 24 : rela.entSize();
        if (ent < 24) throw new JrrException("malformed ELF file " + origin + ": relocation size " + ent);
        List<ElfRelocation> out = new ArrayList<>();
        for (long i = 0; i < r.limit() / ent; i++) {
            r.seek(i * ent);
            long off = r.u64();
            long info = r.u64();
            long addend = r.u64();
            out.add(new ElfRelocation(off, (int) info, (int) (info >>> 32), addend));
        }
        return out;
    }

    /** The name of symbol {@code index} of a symbol table section (e.g. .dynsym), or empty. */
    public Optional<String> symbolName(ElfSection symtab, int index) {
        long ent = symtab.entSize() == 0 ? 24 : symtab.entSize();
        ByteReader r = symtab.reader();
        if (index <= 0 || ent < 24 || index >= r.limit() / ent) return Optional.empty();
        long nameOff = r.seek(index * ent).u32();
        ByteReader strtab = section(symtab.link()).map(ElfSection::reader).orElse(null);
        if (strtab == null || nameOff >= strtab.limit()) return Optional.empty();
        return Optional.of(strtab.cstringAt(nameOff));
    }

    /** Notes from SHT_NOTE sections, or from PT_NOTE segments when there are no section headers. */
    public List<ElfNote> notes() {
        List<ElfNote> notes = new ArrayList<>();
        boolean any = false;
        for (ElfSection s : sections()) {
            if (s.type() == ElfSection.SHT_NOTE) {
                any = true;
                notes.addAll(ElfNote.parse(s.reader()));
            }
        }
        if (!any) {
            for (ProgramHeader ph : programHeaders()) {
                if (ph.type() == ProgramHeader.PT_NOTE)
                    notes.addAll(ElfNote.parse(new ByteReader(segmentBytes(ph), "notes of " + origin)));
            }
        }
        return notes;
    }

    /** The GNU build-id as lowercase hex. */
    public Optional<String> buildId() {
        for (ElfNote n : notes()) {
            if (n.type() == ElfNote.NT_GNU_BUILD_ID && n.name().equals("GNU")) {
                ByteBuffer d = n.desc().duplicate();
                StringBuilder sb = new StringBuilder();
                while (d.hasRemaining()) sb.append(String.format("%02x", d.get() & 0xff));
                return Optional.of(sb.toString());
            }
        }
        return Optional.empty();
    }

    /** The .gnu_debuglink file name and CRC32. */
    public Optional<DebugLink> debugLink() {
        return section(".gnu_debuglink").map(s -> {
            ByteReader r = s.reader();
            String name = r.cstring();
            r.seek((r.position() + 3) & ~3);
            long crc = r.u32();
            return new DebugLink(name, crc);
        });
    }

    /** The file named by .gnu_debuglink and its CRC. */
    public record DebugLink(String fileName, long crc32) {}

    /** The MiniDebugInfo ELF embedded xz-compressed in .gnu_debugdata. */
    public Optional<ElfFile> gnuDebugData() {
        return section(".gnu_debugdata").map(s -> {
            byte[] out = Decompress.xz(s.data(), MAX_DECOMPRESSED, origin + " .gnu_debugdata");
            return ElfFile.of(origin + "(.gnu_debugdata)", ByteBuffer.wrap(out));
        });
    }

    /** Whether any .debug_info is present (compressed or not). */
    public boolean hasDebugInfo() {
        return section(".debug_info").isPresent();
    }

    static byte[] readAll(InputStream in, long max, String what) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) > 0) {
            bos.write(buf, 0, n);
            if (bos.size() > max) throw new JrrException(what + ": decompressed data too large");
        }
        return bos.toByteArray();
    }

    static Path pathOrNull(ElfFile f) { return f.path; }

    @Override public String toString() { return "ElfFile[" + origin + "]"; }

    /** True when the file exists and looks like ELF (magic only). */
    public static boolean looksLikeElf(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 0x7f && m[1] == 'E' && m[2] == 'L' && m[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }
}
