package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.record.OutputRule.Range;
import io.jrrtui.util.Words;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Output parameters of System V semaphores, message queues and shared memory, POSIX message
 * queues and keyctl: emulated on replay (shmat aside), so their results and the memory they fill
 * are recorded.
 */
final class IpcOutputs {
    private static final int IPC_STAT = 2, IPC_INFO = 3, GETALL = 13, SEM_STAT = 18, SEM_INFO = 19,
            SEM_STAT_ANY = 20, MSG_STAT = 11, MSG_INFO = 12, MSG_STAT_ANY = 13;
    private static final int SHM_STAT = 13, SHM_INFO = 14, SHM_STAT_ANY = 15;
    private static final int SHMID_DS = 112, SHMINFO = 72, SHM_INFO_SIZE = 48;
    /** Segments up to this size are recorded whole at each shmat (one memory write holds at most 1 GiB). */
    private static final long SHM_MAX_RECORDED = 1L << 30;
    private static final int SEMID_DS = 104, SEMINFO = 40, MSQID_DS = 120, MSGINFO = 32, MQ_ATTR = 64;

    private IpcOutputs() {}

    /** semctl(semid, semnum, cmd, arg): the union semun is passed by value, so arg is the pointer. */
    static void semctl(Registers r, long res, OutputRule.MemoryPeek m, List<Range> out) {
        int cmd = (int) r.arg(2) & ~0x100; // without IPC_64
        long buf = r.arg(3);
        if (res < 0 || buf == 0) return;
        switch (cmd) {
            case IPC_STAT, SEM_STAT, SEM_STAT_ANY -> out.add(new Range(buf, SEMID_DS));
            case IPC_INFO, SEM_INFO -> out.add(new Range(buf, SEMINFO));
            case GETALL -> out.add(new Range(buf, 2L * semaphores((int) r.arg(0))));
            default -> { }
        }
    }

    /** The number of semaphores in set semid, from /proc/sysvipc/sem (the kernel's own table). */
    private static long semaphores(int semid) {
        long n = sysvColumn("sem", semid);
        if (n >= 0) return n;
        throw new io.jrrtui.util.JrrException("cannot record: semctl(GETALL) of semaphore set " + semid
                + ", whose size /proc/sysvipc/sem does not show");
    }

    /**
     * The fourth column (the size: semaphores of a set, bytes of a segment) of object id in
     * /proc/sysvipc/TABLE, the kernel's own table; -1 when the id is not there.
     */
    private static long sysvColumn(String table, int id) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/sysvipc/" + table))) {
                String[] f = Words.split(line);
                if (f.length > 3 && f[1].equals(Integer.toString(id))) return Long.parseLong(f[3]);
            }
        } catch (IOException | NumberFormatException e) {
            // below: not found
        }
        return -1;
    }

    /**
     * shmat(id, addr, flags): the segment's whole contents at the attach, page-rounded as the
     * mapping is. Replay attaches a segment of its own at the recorded address and fills it from
     * these bytes, which also brings in what processes outside the recording wrote.
     */
    static void shmat(Registers r, long res, OutputRule.MemoryPeek m, List<Range> out) {
        if (res < 0 && res > -4096) return;
        long size = sysvColumn("shm", (int) r.arg(0));
        if (size < 0) {
            throw new io.jrrtui.util.JrrException("cannot record: shmat of segment " + r.arg(0)
                    + ", whose size /proc/sysvipc/shm does not show");
        }
        out.add(new Range(res, (size + 4095) & ~4095L));
    }

    /** Why shmat(id...) cannot be recorded (a segment too large to keep as one write), or null. */
    static String shmatRefusal(Registers r) {
        return sysvColumn("shm", (int) r.arg(0)) > SHM_MAX_RECORDED
                ? "System V shared memory segments larger than 1 GiB are not supported yet" : null;
    }

    /** shmctl(id, cmd, buf): the segment's state or the system's limits, as the kernel filled them. */
    static void shmctl(Registers r, long res, OutputRule.MemoryPeek m, List<Range> out) {
        int cmd = (int) r.arg(1) & ~0x100;
        long buf = r.arg(2);
        if (res < 0 || buf == 0) return;
        switch (cmd) {
            case IPC_STAT, SHM_STAT, SHM_STAT_ANY -> out.add(new Range(buf, SHMID_DS));
            case IPC_INFO -> out.add(new Range(buf, SHMINFO));
            case SHM_INFO -> out.add(new Range(buf, SHM_INFO_SIZE));
            default -> { }
        }
    }

    static void msgctl(Registers r, long res, OutputRule.MemoryPeek m, List<Range> out) {
        int cmd = (int) r.arg(1) & ~0x100;
        long buf = r.arg(2);
        if (res < 0 || buf == 0) return;
        switch (cmd) {
            case IPC_STAT, MSG_STAT, MSG_STAT_ANY -> out.add(new Range(buf, MSQID_DS));
            case IPC_INFO, MSG_INFO -> out.add(new Range(buf, MSGINFO));
            default -> { }
        }
    }

    /** msgrcv(id, msgp, size, type, flags): the long mtype, then result bytes of text. */
    static void msgrcv(Registers r, long res, OutputRule.MemoryPeek m, List<Range> out) {
        if (res >= 0 && r.arg(1) != 0) out.add(new Range(r.arg(1), 8 + res));
    }

    /** mq_timedreceive(mqd, buf, len, prio*, timeout): result bytes and the priority. */
    static void mqReceive(Registers r, long res, OutputRule.MemoryPeek m, List<Range> out) {
        if (res < 0) return;
        if (r.arg(1) != 0 && res > 0) out.add(new Range(r.arg(1), res));
        if (r.arg(3) != 0) out.add(new Range(r.arg(3), 4));
    }

    /** mq_getsetattr(mqd, newattr, oldattr). */
    static void mqAttr(Registers r, long res, OutputRule.MemoryPeek m, List<Range> out) {
        if (res >= 0 && r.arg(2) != 0) out.add(new Range(r.arg(2), MQ_ATTR));
    }

    /**
     * keyctl: DESCRIBE, READ and GET_SECURITY fill (buffer arg2, length arg3) and return the full
     * length; DH_COMPUTE fills (arg3, arg4).
     */
    static void keyctl(Registers r, long res, OutputRule.MemoryPeek m, List<Range> out) {
        if (res <= 0) return;
        int op = (int) r.arg(0);
        if ((op == 6 || op == 11 || op == 17) && r.arg(2) != 0) out.add(new Range(r.arg(2), Math.min(res, r.arg(3))));
        if (op == 23 && r.arg(3) != 0) out.add(new Range(r.arg(3), Math.min(res, r.arg(4))));
    }
}
