package io.jrrtui.gdbserver;

import io.jrrtui.api.DebugSession;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * qXfer:libraries-svr4: the dynamic linker's list of loaded objects, read from the program's
 * memory as any gdbserver does — auxv's AT_PHDR leads to the program's PT_DYNAMIC, its DT_DEBUG to
 * {@code struct r_debug}, whose r_map is the {@code link_map} chain. Before the dynamic linker has
 * filled DT_DEBUG (the first instructions) the list is empty and gdb falls back to its own search.
 */
final class LinkMapList {
    private static final long AT_PHDR = 3, AT_PHNUM = 5;
    private static final int PT_DYNAMIC = 2, PT_PHDR = 6;
    private static final long DT_NULL = 0, DT_DEBUG = 21;
    private static final int MAX_OBJECTS = 4096;

    private final DebugSession session;

    LinkMapList(DebugSession session) {
        this.session = session;
    }

    private long word(long addr) {
        return ByteBuffer.wrap(session.readMemory(addr, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** The XML gdb expects; an empty list when the chain cannot be found yet. */
    String xml() {
        long rDebug;
        try {
            rDebug = rDebug();
        } catch (JrrException e) {
            rDebug = 0;
        }
        if (rDebug == 0) return "<library-list-svr4 version=\"1.0\"/>";
        long main = word(rDebug + 8); // r_map
        StringBuilder sb = new StringBuilder(String.format("<library-list-svr4 version=\"1.0\" main-lm=\"0x%x\">", main));
        long lm = main == 0 ? 0 : word(main + 24); // the program itself is first; gdb wants the rest
        for (int n = 0; lm != 0 && n < MAX_OBJECTS; n++) {
            String name = string(word(lm + 8));
            sb.append(String.format("<library name=\"%s\" lm=\"0x%x\" l_addr=\"0x%x\" l_ld=\"0x%x\" lmid=\"0x0\"/>",
                    xml(name), lm, word(lm), word(lm + 16)));
            lm = word(lm + 24);
        }
        return sb.append("</library-list-svr4>").toString();
    }

    /** The address of struct r_debug from the program's DT_DEBUG, or 0 before the dynamic linker set it. */
    private long rDebug() {
        byte[] auxv = session.auxiliaryVector();
        if (auxv == null) return 0;
        ByteBuffer a = ByteBuffer.wrap(auxv).order(ByteOrder.LITTLE_ENDIAN);
        long phdr = 0, phnum = 0;
        for (int i = 0; i + 16 <= auxv.length; i += 16) {
            long type = a.getLong(i), value = a.getLong(i + 8);
            if (type == AT_PHDR) phdr = value;
            if (type == AT_PHNUM) phnum = value;
        }
        if (phdr == 0 || phnum <= 0 || phnum > 256) return 0;
        ByteBuffer ph = ByteBuffer.wrap(session.readMemory(phdr, (int) phnum * 56)).order(ByteOrder.LITTLE_ENDIAN);
        long bias = 0, dynamic = 0;
        for (int i = 0; i < phnum; i++) {
            int type = ph.getInt(i * 56);
            long vaddr = ph.getLong(i * 56 + 16);
            if (type == PT_PHDR) bias = phdr - vaddr;
            if (type == PT_DYNAMIC) dynamic = vaddr;
        }
        if (dynamic == 0) return 0; // a static program has no dynamic linker
        for (long d = dynamic + bias, n = 0; n < 1024; d += 16, n++) {
            long tag = word(d);
            if (tag == DT_NULL) return 0;
            if (tag == DT_DEBUG) return word(d + 8);
        }
        return 0;
    }

    private String string(long addr) {
        if (addr == 0) return "";
        StringBuilder sb = new StringBuilder();
        for (int chunk = 0; chunk < 16; chunk++) {
            byte[] b;
            try {
                b = session.readMemory(addr + chunk * 64L, 64);
            } catch (JrrException e) {
                break;
            }
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 0) return sb.append(new String(b, 0, i, StandardCharsets.UTF_8)).toString();
            }
            sb.append(new String(b, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** s as XML attribute text. */
    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
