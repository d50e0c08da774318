package io.jrrtui.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The siginfo_t type gdb gives {@code $_siginfo} on x86-64 Linux (its linux-tdep layout): signo,
 * errno and code, then the {@code _sifields} union of the kernel's per-kind records, so that
 * {@code $_siginfo._sifields._sigfault.si_addr} reads the bytes the kernel delivered.
 */
public final class SiginfoType {
    private SiginfoType() {}

    private static final Type INT = new Type.Base("int", 4, Type.Base.Encoding.SIGNED);
    private static final Type UINT = new Type.Base("unsigned int", 4, Type.Base.Encoding.UNSIGNED);
    private static final Type SHORT = new Type.Base("short", 2, Type.Base.Encoding.SIGNED);
    private static final Type LONG = new Type.Base("long", 8, Type.Base.Encoding.SIGNED);
    private static final Type VOID_P = Type.Pointer.to(Type.Void.INSTANCE);
    private static final Type PID = new Type.Typedef("__pid_t", () -> INT);
    private static final Type UID = new Type.Typedef("__uid_t", () -> UINT);
    private static final Type CLOCK = new Type.Typedef("__clock_t", () -> LONG);

    /** The 128-byte siginfo_t. */
    public static final Type SIGINFO = build();

    private static Type build() {
        Type sigval = aggregate(Type.Kind.UNION, "sigval", 8, "sival_int", INT, 0, "sival_ptr", VOID_P, 0);
        Type sigvalT = new Type.Typedef("sigval_t", () -> sigval);
        Type kill = aggregate(Type.Kind.STRUCT, null, 8, "si_pid", PID, 0, "si_uid", UID, 4);
        Type timer = aggregate(Type.Kind.STRUCT, null, 16, "si_tid", INT, 0, "si_overrun", INT, 4, "si_sigval", sigvalT, 8);
        Type rt = aggregate(Type.Kind.STRUCT, null, 16, "si_pid", PID, 0, "si_uid", UID, 4, "si_sigval", sigvalT, 8);
        Type sigchld = aggregate(Type.Kind.STRUCT, null, 32, "si_pid", PID, 0, "si_uid", UID, 4, "si_status", INT, 8,
                "si_utime", CLOCK, 16, "si_stime", CLOCK, 24);
        Type bounds = aggregate(Type.Kind.STRUCT, null, 16, "_lower", VOID_P, 0, "_upper", VOID_P, 8);
        Type sigfault = aggregate(Type.Kind.STRUCT, null, 32, "si_addr", VOID_P, 0, "_addr_lsb", SHORT, 8, "_addr_bnd", bounds, 16);
        Type sigpoll = aggregate(Type.Kind.STRUCT, null, 16, "si_band", LONG, 0, "si_fd", INT, 8);
        Type sigsys = aggregate(Type.Kind.STRUCT, null, 16, "_call_addr", VOID_P, 0, "_syscall", INT, 8, "_arch", UINT, 12);
        Type fields = aggregate(Type.Kind.UNION, null, 112, "_pad", new Type.Array(INT, 28), 0, "_kill", kill, 0, "_timer", timer, 0,
                "_rt", rt, 0, "_sigchld", sigchld, 0, "_sigfault", sigfault, 0, "_sigpoll", sigpoll, 0, "_sigsys", sigsys, 0);
        return aggregate(Type.Kind.STRUCT, null, 128, "si_signo", INT, 0, "si_errno", INT, 4, "si_code", INT, 8, "_sifields", fields, 16);
    }

    /** A struct or union from (name, type, offset) triples. */
    private static Type aggregate(Type.Kind kind, String tag, long size, Object... members) {
        Type.Struct s = new Type.Struct(kind, tag, size, false, false);
        List<Type.Member> list = new ArrayList<>();
        for (int i = 0; i < members.length; i += 3) {
            list.add(new Type.Member((String) members[i], (Type) members[i + 1], ((Number) members[i + 2]).longValue(), 0, 0, false));
        }
        s.setMembers(list);
        return s;
    }
}
