package io.jrrtui.trace;

import io.jrrtui.arch.Registers;
import io.jrrtui.util.JrrException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary encoding of events. Small fixed fields go to the events stream; bulk bytes (memory
 * writes, program output, the initial stack) go to the data stream in the same order, so both
 * are read sequentially.
 */
final class EventCodec {
    static final int SYSCALL = 1, SIGNAL = 2, RDTSC = 3, CPUID = 4, EXEC = 5, EXIT = 6, SYSCALL_ENTRY = 7, PREEMPT = 8;
    /** A preempt with the task's XSAVE state and whether its memory is all of the process's (kinds 9, 10, 12: buffered calls). */
    static final int PREEMPT_EXACT = 11;
    private static final int MAX_XSTATE = 1 << 16;
    private static final int MAX_WRITES = 1 << 20;
    /** In place of a memory write's length (version 4): its bytes are in a file store, by hash. */
    static final int STORED = -1;

    /** Where a writer keeps large memory writes (mapped and read file contents) once, by content. */
    interface ContentSink {
        /** The SHA-256 of these bytes after keeping them, or null to write them into the data stream. */
        byte[] keep(MemoryWrite write) throws IOException;
    }

    /** Where a reader finds the contents a trace refers to by hash. */
    interface ContentSource {
        byte[] load(byte[] hash, int length, long event) throws IOException;

        /** The same, for contents many events refer to (read files): may come from a cache, must not be changed. */
        default byte[] loadShared(byte[] hash, int length, long event) throws IOException {
            return load(hash, length, event);
        }
    }

    private EventCodec() {}

    static void write(Event e, DataOutputStream ev, DataOutputStream data, ContentSink sink) throws IOException {
        if (e instanceof SyscallEvent s) {
            header(ev, SYSCALL, e);
            regs(ev, s.regs());
            ev.writeLong(s.result());
            ev.writeInt(s.writes().size());
            for (MemoryWrite w : s.writes()) {
                ev.writeLong(w.addr());
                byte[] hash = sink.keep(w);
                if (hash != null) {
                    ev.writeInt(STORED);
                    ev.writeInt(w.length());
                    ev.write(hash);
                    continue;
                }
                ev.writeInt(w.length());
                data.write(w.data());
            }
            ev.writeByte(s.outputStream());
            ev.writeInt(s.output().length);
            data.write(s.output());
        } else if (e instanceof SignalEvent s) {
            header(ev, SIGNAL, e);
            ev.writeInt(s.signo());
            ev.writeBoolean(s.fault());
            ev.write(s.siginfo());
            regs(ev, s.regs());
        } else if (e instanceof RdtscEvent r) {
            header(ev, RDTSC, e);
            ev.writeLong(r.rip());
            ev.writeLong(r.value());
            ev.writeInt(r.aux());
            ev.writeBoolean(r.rdtscp());
        } else if (e instanceof CpuidEvent c) {
            header(ev, CPUID, e);
            ev.writeLong(c.rip());
            ev.writeInt(c.leaf());
            ev.writeInt(c.subleaf());
            ev.writeInt(c.eax());
            ev.writeInt(c.ebx());
            ev.writeInt(c.ecx());
            ev.writeInt(c.edx());
        } else if (e instanceof ExecEvent x) {
            header(ev, EXEC, e);
            ev.writeUTF(x.path());
            regs(ev, x.regs());
            ev.writeLong(x.stackAddr());
            ev.writeInt(x.stack().length);
            data.write(x.stack());
        } else if (e instanceof PreemptEvent x) {
            boolean exactKind = x.xstate().length > 0;
            header(ev, exactKind ? PREEMPT_EXACT : PREEMPT, e);
            regs(ev, x.regs());
            ev.writeInt(x.memory().size());
            for (MemoryWrite w : x.memory()) {
                ev.writeLong(w.addr());
                ev.writeInt(w.length());
                data.write(w.data());
            }
            if (exactKind) {
                ev.writeBoolean(x.allMemory());
                ev.writeInt(x.xstate().length);
                data.write(x.xstate());
            }
        } else if (e instanceof SyscallEntryEvent x) {
            header(ev, SYSCALL_ENTRY, e);
            regs(ev, x.regs());
        } else if (e instanceof BufferedCallsEvent b) {
            int kind = BufferedCallsCodec.kind(b);
            header(ev, kind, e);
            BufferedCallsCodec.write(b, kind, ev, data, sink);
        } else if (e instanceof ExitEvent x) {
            header(ev, EXIT, e);
            ev.writeBoolean(x.signaled());
            ev.writeInt(x.code());
        }
    }

    private static void header(DataOutputStream ev, int kind, Event e) throws IOException {
        ev.writeByte(kind);
        ev.writeLong(e.number());
        ev.writeInt(e.tid());
    }

    private static void regs(DataOutputStream ev, Registers r) throws IOException {
        for (long v : r.raw()) ev.writeLong(v);
    }

    /** Reads the next event, or null at the end of the stream. */
    static Event read(DataInputStream ev, DataInputStream data, long expectedNumber, ContentSource stored) throws IOException {
        int kind = ev.read();
        if (kind < 0) return null;
        try {
            long number = ev.readLong();
            int tid = ev.readInt();
            if (number != expectedNumber) {
                throw new CorruptTraceException("event " + expectedNumber + " is numbered " + number);
            }
            return switch (kind) {
                case SYSCALL -> {
                    Registers regs = readRegs(ev);
                    long result = ev.readLong();
                    int n = ev.readInt();
                    if (n < 0 || n > MAX_WRITES) throw new CorruptTraceException("event " + number + " has " + n + " writes");
                    List<MemoryWrite> writes = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        long addr = ev.readLong();
                        int len = ev.readInt();
                        writes.add(new MemoryWrite(addr, len == STORED ? storedBytes(ev, stored, number) : bytes(data, len, number)));
                    }
                    int stream = ev.readByte();
                    byte[] out = bytes(data, ev.readInt(), number);
                    yield new SyscallEvent(number, tid, regs, result, List.copyOf(writes), stream, out);
                }
                case SIGNAL -> {
                    int signo = ev.readInt();
                    boolean fault = ev.readBoolean();
                    byte[] info = new byte[128];
                    ev.readFully(info);
                    yield new SignalEvent(number, tid, signo, info, fault, readRegs(ev));
                }
                case RDTSC -> new RdtscEvent(number, tid, ev.readLong(), ev.readLong(), ev.readInt(), ev.readBoolean());
                case CPUID -> new CpuidEvent(number, tid, ev.readLong(), ev.readInt(), ev.readInt(), ev.readInt(),
                        ev.readInt(), ev.readInt(), ev.readInt());
                case EXEC -> {
                    String path = ev.readUTF();
                    Registers regs = readRegs(ev);
                    long stackAddr = ev.readLong();
                    yield new ExecEvent(number, tid, path, regs, stackAddr, bytes(data, ev.readInt(), number));
                }
                case EXIT -> new ExitEvent(number, tid, ev.readBoolean(), ev.readInt());
                case SYSCALL_ENTRY -> new SyscallEntryEvent(number, tid, readRegs(ev));
                case PREEMPT, PREEMPT_EXACT -> {
                    Registers regs = readRegs(ev);
                    int n = ev.readInt();
                    if (n < 0 || n > MAX_WRITES) throw new CorruptTraceException("event " + number + " has " + n + " regions");
                    List<MemoryWrite> mem = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        long addr = ev.readLong();
                        mem.add(new MemoryWrite(addr, bytes(data, ev.readInt(), number)));
                    }
                    if (kind == PREEMPT) yield new PreemptEvent(number, tid, regs, List.copyOf(mem));
                    boolean all = ev.readBoolean();
                    int xlen = ev.readInt();
                    if (xlen <= 0 || xlen > MAX_XSTATE) throw new CorruptTraceException("event " + number + " has an XSAVE state of " + xlen + " bytes");
                    yield new PreemptEvent(number, tid, regs, List.copyOf(mem), bytes(data, xlen, number), all);
                }
                case BufferedCallsCodec.KIND, BufferedCallsCodec.KIND_REFS, BufferedCallsCodec.KIND_SHORT ->
                        BufferedCallsCodec.read(number, tid, ev, data, kind != BufferedCallsCodec.KIND, stored);
                default -> throw new CorruptTraceException("unknown event kind " + kind + " at event " + number);
            };
        } catch (EOFException e) {
            throw new CorruptTraceException("event " + expectedNumber + " is cut short");
        }
    }

    private static Registers readRegs(DataInputStream ev) throws IOException {
        long[] v = new long[Registers.COUNT];
        for (int i = 0; i < v.length; i++) v[i] = ev.readLong();
        return new Registers(v);
    }

    private static byte[] storedBytes(DataInputStream ev, ContentSource stored, long event) throws IOException {
        int len = ev.readInt();
        if (len < 0 || len > (1 << 30)) throw new CorruptTraceException("event " + event + " has a stored length of " + len);
        byte[] hash = new byte[32];
        ev.readFully(hash);
        return stored.load(hash, len, event);
    }

    private static byte[] bytes(DataInputStream data, int len, long event) throws IOException {
        if (len < 0 || len > (1 << 30)) throw new CorruptTraceException("event " + event + " has a data length of " + len);
        // readNBytes grows its buffer as bytes arrive: a damaged length cannot allocate a gigabyte
        byte[] b = data.readNBytes(len);
        if (b.length != len) throw new CorruptTraceException("data of event " + event + " is missing");
        return b;
    }

    static void writeMapping(Mapping m, DataOutputStream out) throws IOException {
        out.writeLong(m.event());
        out.writeLong(m.addr());
        out.writeLong(m.length());
        out.writeInt(m.prot());
        out.writeInt(m.flags());
        out.writeLong(m.offset());
        out.writeUTF(m.path());
        out.writeLong(m.device());
        out.writeLong(m.inode());
        out.writeLong(m.fileSize());
        out.writeLong(m.mtimeNanos());
    }

    static Mapping readMapping(DataInputStream in) throws IOException {
        long event;
        try {
            event = in.readLong();
        } catch (EOFException e) {
            return null;
        }
        return new Mapping(event, in.readLong(), in.readLong(), in.readInt(), in.readInt(), in.readLong(),
                in.readUTF(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }
}
