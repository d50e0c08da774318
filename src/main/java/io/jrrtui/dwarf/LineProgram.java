package io.jrrtui.dwarf;

import io.jrrtui.elf.ByteReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line-number program (DWARF 2-5) run to completion: the file table and the rows in program
 * order. Each sequence ends with an {@code endSequence} row.
 */
public final class LineProgram {
    /** Bound on rows, so a corrupt program cannot exhaust memory. */
    private static final int MAX_ROWS = 1 << 24;
    private static final int MAX_TABLE = 1 << 20;

    /**
     * One file table entry: name as written, directory index, resolved path, and the name gdb shows
     * for it (the directory joined in when the entry names one; DWARF 4's index 0 names none).
     */
    public record FileEntry(String name, int dirIndex, String path, String displayName) {}

    private final int version;
    private final List<String> dirs;
    private final List<FileEntry> files;
    private final List<LineRow> rows;

    private LineProgram(int version, List<String> dirs, List<FileEntry> files, List<LineRow> rows) {
        this.version = version;
        this.dirs = dirs;
        this.files = files;
        this.rows = rows;
    }

    public int version() { return version; }
    public List<String> directories() { return dirs; }
    public List<FileEntry> files() { return files; }
    public List<LineRow> rows() { return rows; }

    /** The file entry for a row's file index (DWARF 5 indexes from 0, earlier versions from 1). */
    public FileEntry file(int index) {
        int i = version >= 5 ? index : index - 1;
        if (i < 0 || i >= files.size()) return new FileEntry("<unknown>", 0, "<unknown>", "<unknown>");
        return files.get(i);
    }

    public static LineProgram parse(DwarfSections sections, long offset, int cuAddressSize, String compDir, String cuName) {
        ByteReader all = sections.line();
        ByteReader r = all.from(offset);
        long len = r.u32();
        int osize = 4;
        if (len == 0xffffffffL) { len = r.u64(); osize = 8; }
        if (len < 0 || len > r.remaining()) throw all.error(offset, "line program length exceeds section");
        r = r.slice(len);
        int version = r.u16();
        if (version < 2 || version > 5) throw all.error(offset, "unsupported line table version " + version);
        int addressSize = cuAddressSize;
        if (version >= 5) {
            addressSize = r.u8();
            r.u8(); // segment selector size
        }
        long headerLength = r.unsigned(osize);
        if (headerLength < 0 || headerLength > r.remaining()) throw all.error(offset, "line header length exceeds program");
        long programStart = r.position() + headerLength;
        int minInst = r.u8();
        if (version >= 4) r.u8(); // max ops per instruction (VLIW only)
        boolean defaultIsStmt = r.u8() != 0;
        int lineBase = r.s8();
        int lineRange = r.u8();
        int opcodeBase = r.u8();
        if (lineRange == 0) throw all.error(offset, "line_range is 0");
        if (opcodeBase == 0) throw all.error(offset, "opcode_base is 0");
        int[] stdLengths = new int[opcodeBase];
        for (int i = 1; i < opcodeBase; i++) stdLengths[i] = r.u8();
        List<String> dirs = new ArrayList<>();
        List<FileEntry> files = new ArrayList<>();
        if (version >= 5) {
            for (Object[] e : entries(sections, r, osize)) dirs.add((String) e[0]);
            List<Object[]> fe = entries(sections, r, osize);
            for (Object[] e : fe) files.add(entry((String) e[0], (Integer) e[1], dirs, compDir, true));
        } else {
            dirs.add(compDir);
            for (int i = 0; i < MAX_TABLE; i++) {
                String d = r.cstring();
                if (d.isEmpty()) break;
                dirs.add(d);
            }
            for (int i = 0; i < MAX_TABLE; i++) {
                String f = r.cstring();
                if (f.isEmpty()) break;
                int dir = r.ulebInt();
                r.uleb();
                r.uleb();
                files.add(entry(f, dir, dirs, compDir, false));
            }
        }
        r.seek(programStart);
        List<LineRow> rows = run(r, files, dirs, compDir, addressSize, minInst, defaultIsStmt, lineBase, lineRange,
                opcodeBase, stdLengths, version);
        return new LineProgram(version, Collections.unmodifiableList(dirs), Collections.unmodifiableList(files),
                Collections.unmodifiableList(rows));
    }

    private static FileEntry entry(String name, int dirIndex, List<String> dirs, String compDir, boolean v5) {
        String dir = dirIndex >= 0 && dirIndex < dirs.size() ? dirs.get(dirIndex) : "";
        boolean namesDir = (v5 || dirIndex > 0) && !dir.isEmpty() && !name.startsWith("/");
        return new FileEntry(name, dirIndex, join(compDir, dir, name), namesDir ? dir + "/" + name : name);
    }

    static String join(String compDir, String dir, String name) {
        if (name.startsWith("/")) return name;
        String d = dir;
        if (!d.startsWith("/") && !compDir.isEmpty()) d = d.isEmpty() ? compDir : compDir + "/" + d;
        return d.isEmpty() ? name : d + "/" + name;
    }

    /** Reads a DWARF 5 directory or file table: returns [path, dirIndex] per entry. */
    private static List<Object[]> entries(DwarfSections sections, ByteReader r, int osize) {
        int formatCount = r.u8();
        int[][] fmt = new int[formatCount][2];
        for (int i = 0; i < formatCount; i++) {
            fmt[i][0] = r.ulebInt();
            fmt[i][1] = r.ulebInt();
        }
        long count = r.uleb();
        if (count < 0 || count > MAX_TABLE) throw r.error(r.position(), "line table has " + count + " entries");
        List<Object[]> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            String path = "";
            int dir = 0;
            for (int[] f : fmt) {
                Object v = formValue(sections, r, f[1], osize);
                if (f[0] == Dw.LNCT_path && v instanceof String s) path = s;
                if (f[0] == Dw.LNCT_directory_index && v instanceof Long l) dir = (int) Math.min(l, Integer.MAX_VALUE);
            }
            out.add(new Object[] {path, dir});
        }
        return out;
    }

    private static Object formValue(DwarfSections sections, ByteReader r, int form, int osize) {
        switch (form) {
            case Dw.FORM_string: return r.cstring();
            case Dw.FORM_line_strp: return sections.lineStr().cstringAt(r.unsigned(osize));
            case Dw.FORM_strp: return sections.str().cstringAt(r.unsigned(osize));
            case Dw.FORM_udata: return r.uleb();
            case Dw.FORM_data1: return (long) r.u8();
            case Dw.FORM_data2: return (long) r.u16();
            case Dw.FORM_data4: return r.u32();
            case Dw.FORM_data8: return r.u64();
            case Dw.FORM_data16: r.skip(16); return null;
            case Dw.FORM_block: r.skip(r.uleb()); return null;
            case Dw.FORM_strx: case Dw.FORM_strx1: case Dw.FORM_strx2: case Dw.FORM_strx3: case Dw.FORM_strx4:
                throw r.error(r.position(), "strx form in line table header is not supported");
            default: throw r.error(r.position(), "unknown form 0x" + Integer.toHexString(form) + " in line table header");
        }
    }

    private static List<LineRow> run(ByteReader r, List<FileEntry> files, List<String> dirs, String compDir,
                                     int addressSize, int minInst, boolean defaultIsStmt, int lineBase, int lineRange,
                                     int opcodeBase, int[] stdLengths, int version) {
        List<LineRow> rows = new ArrayList<>();
        State s = new State(defaultIsStmt);
        while (r.hasRemaining()) {
            if (rows.size() > MAX_ROWS) throw r.error(r.position(), "line program too long");
            int op = r.u8();
            if (op >= opcodeBase) {
                int adj = op - opcodeBase;
                s.address += (long) (adj / lineRange) * minInst;
                s.line += lineBase + adj % lineRange;
                s.emit(rows);
                continue;
            }
            switch (op) {
                case 0: {
                    long len = r.uleb();
                    if (len == 0 || len > r.remaining()) throw r.error(r.position(), "bad extended opcode length " + len);
                    ByteReader ext = r.slice(len);
                    int sub = ext.u8();
                    switch (sub) {
                        case Dw.LNE_end_sequence:
                            s.endSequence = true;
                            s.emit(rows);
                            s = new State(defaultIsStmt);
                            break;
                        case Dw.LNE_set_address: s.address = ext.unsigned(Math.min(ext.remaining(), 8) == 4 ? 4 : 8); break;
                        case Dw.LNE_define_file: {
                            String name = ext.cstring();
                            int dir = ext.ulebInt();
                            files.add(entry(name, dir, dirs, compDir, version >= 5));
                            break;
                        }
                        case Dw.LNE_set_discriminator: s.discriminator = (int) ext.uleb(); break;
                        default: break; // unknown extended opcodes are skipped by their length
                    }
                    break;
                }
                case Dw.LNS_copy: s.emit(rows); break;
                case Dw.LNS_advance_pc: s.address += r.uleb() * minInst; break;
                case Dw.LNS_advance_line: s.line += (int) r.sleb(); break;
                case Dw.LNS_set_file: s.file = (int) r.uleb(); break;
                case Dw.LNS_set_column: s.column = (int) r.uleb(); break;
                case Dw.LNS_negate_stmt: s.isStmt = !s.isStmt; break;
                case Dw.LNS_set_basic_block: break;
                case Dw.LNS_const_add_pc: s.address += (long) ((255 - opcodeBase) / lineRange) * minInst; break;
                case Dw.LNS_fixed_advance_pc: s.address += r.u16(); break;
                case Dw.LNS_set_prologue_end: s.prologueEnd = true; break;
                case Dw.LNS_set_epilogue_begin: break;
                case Dw.LNS_set_isa: r.uleb(); break;
                default:
                    for (int i = 0; i < stdLengths[op]; i++) r.uleb();
            }
        }
        return rows;
    }

    /** The line-number state machine registers. */
    private static final class State {
        long address;
        int file = 1, line = 1, column, discriminator;
        boolean isStmt, endSequence, prologueEnd;

        State(boolean defaultIsStmt) { isStmt = defaultIsStmt; }

        void emit(List<LineRow> rows) {
            rows.add(new LineRow(address, file, line, column, isStmt, endSequence, prologueEnd, discriminator));
            discriminator = 0;
            prologueEnd = false;
        }
    }
}
