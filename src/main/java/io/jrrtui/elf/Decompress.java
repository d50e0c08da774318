package io.jrrtui.elf;

import io.jrrtui.util.JrrException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.tukaani.xz.XZInputStream;

/** The two stream decompressors ELF needs besides zlib: zstd (SHF_COMPRESSED) and xz (minidebuginfo). */
final class Decompress {
    private Decompress() {}

    static byte[] zstd(ByteBuffer payload, int size, String what) {
        try (InputStream in = new ZstdCompressorInputStream(new ByteArrayInputStream(bytes(payload)))) {
            byte[] out = ElfFile.readAll(in, size, what);
            if (out.length != size) throw new JrrException(what + ": decompressed to " + out.length + " of " + size + " bytes");
            return out;
        } catch (IOException | RuntimeException e) {
            if (e instanceof JrrException j) throw j;
            throw new JrrException(what + ": bad zstd data: " + e.getMessage(), e);
        }
    }

    static byte[] xz(ByteBuffer payload, long max, String what) {
        try (InputStream in = new XZInputStream(new ByteArrayInputStream(bytes(payload)))) {
            return ElfFile.readAll(in, max, what);
        } catch (IOException | RuntimeException e) {
            if (e instanceof JrrException j) throw j;
            throw new JrrException(what + ": bad xz data: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }
}
