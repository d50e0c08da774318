package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.record.OutputRule.Range;
import io.jrrtui.util.Words;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Output parameters of System V semaphores and message queues, POSIX message queues and keyctl:
 * all emulated on replay, so their results and the memory they fill are recorded.
 */
final class IpcOutputs {
    private static final int IPC_STAT = 2, IPC_INFO = 3, GETALL = 13, SEM_STAT = 18, SEM_INFO = 19,
            SEM_STAT_ANY = 20, MSG_STAT = 11, MSG_INFO = 12, MSG_STAT_ANY = 13;
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
        try {
            for (String line : Files.readAllLines(Path.of("/proc/sysvipc/sem"))) {
                String[] f = Words.split(line);
                if (f.length > 3 && f[1].equals(Integer.toString(semid))) return Long.parseLong(f[3]);
            }
        } catch (IOException | NumberFormatException e) {
            // below: the size is unknown
        }
        throw new io.jrrtui.util.JrrException("cannot record: semctl(GETALL) of semaphore set " + semid
                + ", whose size /proc/sysvipc/sem does not show");
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
