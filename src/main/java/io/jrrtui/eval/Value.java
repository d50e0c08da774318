package io.jrrtui.eval;

import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A typed value: its bytes (read lazily from its location) and, for lvalues in memory, its address.
 * Bit fields carry a bit offset and size relative to {@link #address()}'s byte.
 */
public final class Value {
    private final Type type;
    private final Location location;
    private final TargetAccess target;
    private final int bitSize;
    private final long bitOffset;
    private byte[] bytes;

    private Value(Type type, Location location, TargetAccess target, byte[] bytes, int bitSize, long bitOffset) {
        this.type = type;
        this.location = location;
        this.target = target;
        this.bytes = bytes;
        this.bitSize = bitSize;
        this.bitOffset = bitOffset;
    }

    public static Value at(Type type, Location location, TargetAccess target) {
        return new Value(type, location, target, null, 0, 0);
    }

    public static Value inMemory(Type type, long address, TargetAccess target) {
        return at(type, new Location.Memory(address), target);
    }

    public static Value ofBytes(Type type, byte[] bytes) {
        return new Value(type, new Location.Implicit(bytes), null, bytes, 0, 0);
    }

    public static Value ofLong(Type type, long v) {
        byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
        return ofBytes(type, Arrays.copyOf(b, (int) Math.max(1, Math.min(8, type.size()))));
    }

    public static Value ofDouble(Type type, double v) {
        if (type.size() > 8) return ofBytes(type, X87.fromDouble(v, (int) type.size()));
        if (type.size() == 4) return ofBytes(type, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat((float) v).array());
        return ofBytes(type, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(v).array());
    }

    /** A bit field of the struct at {@code base} (bit offset from its first byte). */
    public static Value bitField(Type type, Value base, long bitOffset, int bitSize) {
        long byteOff = bitOffset / 8;
        int bits = (int) (bitOffset % 8);
        int n = (bits + bitSize + 7) / 8;
        byte[] raw = base.slice(byteOff, n);
        long v = ByteBuffer.wrap(DwarfExpression.pad8(Arrays.copyOf(raw, Math.max(raw.length, 8)))).order(ByteOrder.LITTLE_ENDIAN).getLong();
        v >>>= bits;
        if (bitSize < 64) v &= (1L << bitSize) - 1;
        Type s = type.strip();
        boolean signed = s instanceof Type.Base b ? b.isSigned() : s instanceof Type.Enum e && e.isSigned();
        if (signed && bitSize < 64 && (v & (1L << (bitSize - 1))) != 0) v |= -1L << bitSize;
        Value out = ofLong(type, v);
        return new Value(type, out.location, null, out.bytes, bitSize, bitOffset);
    }

    /** C++ references act as the object they refer to in arithmetic and member access. */
    public Value dereferenced() {
        if (type.strip() instanceof Type.Reference r) return inMemory(r.target(), asLong(), target);
        return this;
    }

    public Type type() { return type; }
    public Location location() { return location; }
    public TargetAccess target() { return target; }
    public boolean isBitField() { return bitSize > 0; }

    public boolean isOptimizedOut() { return location instanceof Location.OptimizedOut; }

    /** The address of an lvalue in memory. */
    public OptionalLong address() {
        return location instanceof Location.Memory m && bitSize == 0 ? OptionalLong.of(m.address()) : OptionalLong.empty();
    }

    public synchronized byte[] bytes() {
        if (bytes == null) bytes = load();
        return bytes;
    }

    private byte[] load() {
        int size = (int) Math.min(type.size(), 1 << 24);
        return read(location, size);
    }

    private byte[] read(Location l, int size) {
        if (l instanceof Location.Memory m) return target.readMemory(m.address(), size);
        if (l instanceof Location.Register reg) {
            long v = target.register(reg.regNo());
            return Arrays.copyOf(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array(), size);
        }
        if (l instanceof Location.Implicit imp) return Arrays.copyOf(imp.bytes(), size);
        if (l instanceof Location.Pieces p) {
            byte[] out = new byte[size];
            long at = 0;
            for (Location.Piece piece : p.pieces()) {
                if (at >= size * 8L) break;
                if (piece.location() instanceof Location.OptimizedOut) throw new DwarfExpression.OptimizedOutException();
                int nbytes = (int) ((piece.bitOffset() + piece.sizeBits() + 7) / 8);
                byte[] part = read(piece.location(), Math.max(nbytes, 1));
                copyBits(part, piece.bitOffset(), out, at, piece.sizeBits());
                at += piece.sizeBits();
            }
            return out;
        }
        throw new DwarfExpression.OptimizedOutException();
    }

    private static void copyBits(byte[] src, long srcBit, byte[] dst, long dstBit, long n) {
        for (long i = 0; i < n; i++) {
            long sb = srcBit + i, db = dstBit + i;
            if (sb / 8 >= src.length || db / 8 >= dst.length) return;
            int bit = (src[(int) (sb / 8)] >> (sb % 8)) & 1;
            if (bit != 0) dst[(int) (db / 8)] |= (byte) (1 << (db % 8));
        }
    }

    /**
     * Whether the bytes [offset, offset+n) of a piece-composed value are wholly optimized out
     * (so a member or element prints {@code <optimized out>} while its neighbours print).
     */
    boolean optimizedOut(long offset, long n) {
        return optimizedOutBits(offset * 8, (offset + n) * 8);
    }

    /** Whether bits [lo, hi) are wholly optimized out. */
    boolean optimizedOutBits(long lo, long hi) {
        if (location instanceof Location.OptimizedOut) return true;
        if (!(location instanceof Location.Pieces p)) return false;
        long at = 0;
        boolean any = false;
        for (Location.Piece piece : p.pieces()) {
            long end = at + piece.sizeBits();
            if (end > lo && at < hi) {
                any = true;
                if (!(piece.location() instanceof Location.OptimizedOut)) return false;
            }
            at = end;
        }
        return any || at <= lo;
    }

    /** Whether some piece of this value is optimized out (and others are not). */
    boolean partlyOptimizedOut() {
        if (!(location instanceof Location.Pieces p)) return false;
        for (Location.Piece piece : p.pieces()) if (piece.location() instanceof Location.OptimizedOut) return true;
        return false;
    }

    /** {@code n} bytes starting at {@code offset} within this value. */
    public byte[] slice(long offset, int n) {
        if (location instanceof Location.Memory m && bytes == null && target != null) return target.readMemory(m.address() + offset, n);
        byte[] b = location instanceof Location.Pieces ? partialBytes() : bytes();
        if (offset < 0 || offset + n > b.length) {
            byte[] out = new byte[n];
            if (offset >= 0 && offset < b.length) System.arraycopy(b, (int) offset, out, 0, (int) Math.min(n, b.length - offset));
            return out;
        }
        return Arrays.copyOfRange(b, (int) offset, (int) offset + n);
    }

    /** A sub-object (member or element) at a byte offset. */
    public Value sub(Type t, long offset) {
        if (location instanceof Location.Memory m) return inMemory(t, m.address() + offset, target);
        if (location instanceof Location.Pieces && optimizedOut(offset, Math.max(1, t.size())))
            return at(t, new Location.OptimizedOut(), target);
        if (location instanceof Location.Pieces) {
            byte[] all = partialBytes();
            byte[] out = new byte[(int) Math.min(t.size(), 1 << 24)];
            if (offset >= 0 && offset < all.length) System.arraycopy(all, (int) offset, out, 0, (int) Math.min(out.length, all.length - offset));
            return ofBytes(t, out);
        }
        return ofBytes(t, slice(offset, (int) Math.min(t.size(), 1 << 24)));
    }

    /** The bytes of a piece-composed value with optimized-out pieces left as zero. */
    private byte[] partialBytes() {
        Location.Pieces p = (Location.Pieces) location;
        int size = (int) Math.min(type.size(), 1 << 24);
        byte[] out = new byte[size];
        long at = 0;
        for (Location.Piece piece : p.pieces()) {
            if (!(piece.location() instanceof Location.OptimizedOut)) {
                int nbytes = (int) ((piece.bitOffset() + piece.sizeBits() + 7) / 8);
                copyBits(read(piece.location(), Math.max(nbytes, 1)), piece.bitOffset(), out, at, piece.sizeBits());
            }
            at += piece.sizeBits();
        }
        return out;
    }

    /** Integer interpretation (sign-extended for signed types). */
    public long asLong() {
        Type s = type.strip();
        if (s instanceof Type.Base b && b.isFloat()) return (long) asDouble();
        byte[] b = bytes();
        int n = Math.min(b.length, 8);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[i] & 0xff);
        if (isSigned(s) && n < 8 && n > 0 && (b[n - 1] & 0x80) != 0) v |= -1L << (n * 8);
        return v;
    }

    static boolean isSigned(Type s) {
        if (s instanceof Type.Base b) return b.isSigned();
        if (s instanceof Type.Enum e) return e.isSigned();
        return false;
    }

    public double asDouble() {
        Type s = type.strip();
        if (s instanceof Type.Base b && b.isFloat()) {
            byte[] raw = bytes();
            ByteBuffer bb = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            if (raw.length == 4) return bb.getFloat();
            if (raw.length == 8) return bb.getDouble();
            if (raw.length >= 10) return X87.toDouble(raw);
            throw new JrrException("unsupported float size " + raw.length);
        }
        if (isSigned(s)) return asLong();
        long v = asLong();
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    /** 80-bit x87 extended precision to double (long double values). */
    static final class X87 {
        private X87() {}

        static double toDouble(byte[] b) {
            long mant = ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            int se = (b[8] & 0xff) | ((b[9] & 0xff) << 8);
            boolean neg = (se & 0x8000) != 0;
            int exp = se & 0x7fff;
            if (exp == 0 && mant == 0) return neg ? -0.0 : 0.0;
            if (exp == 0x7fff) return (mant << 1) == 0 ? (neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : Double.NaN;
            double m = (double) (mant >>> 11) / (1L << 52);
            double v = m * Math.pow(2, exp - 16383);
            return neg ? -v : v;
        }

        /** double to 80-bit extended, padded to {@code size} bytes (exact: doubles fit). */
        static byte[] fromDouble(double d, int size) {
            byte[] out = new byte[Math.max(size, 10)];
            long bits = Double.doubleToRawLongBits(d);
            boolean neg = bits < 0;
            int exp = (int) ((bits >>> 52) & 0x7ff);
            long frac = bits & 0xfffffffffffffL;
            long mant;
            int e;
            if (exp == 0 && frac == 0) { mant = 0; e = 0; }
            else if (exp == 0x7ff) { mant = frac == 0 ? 1L << 63 : (1L << 63) | (frac << 11); e = 0x7fff; }
            else if (exp == 0) {
                int shift = Long.numberOfLeadingZeros(frac) - 11;
                mant = (frac << (11 + shift));
                e = 1 - 1023 - shift + 16383;
            } else { mant = (1L << 63) | (frac << 11); e = exp - 1023 + 16383; }
            ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(mant).putShort((short) (e | (neg ? 0x8000 : 0)));
            return java.util.Arrays.copyOf(out, size);
        }
    }

    /** A function known by its ELF symbol only, at address: gdb's {@code {<text variable, no debug info>} 0x... <name>}. */
    public static Value functionWithoutDebugInfo(long address, TargetAccess target) {
        return inMemory(new Type.Function(FunctionCalls.UNKNOWN_RETURN, java.util.List.of(), false, false), address, target);
    }

    /** A C int (gdb's type for $_exitcode and other numbers it makes). */
    public static Value ofInt(long v) {
        return ofLong(Literals.INT, v);
    }
}
