package io.jrrtui.trace;

/** errno names for trace dumps. */
public final class Errno {
    private static final String[] NAMES = {
        "0", "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD",
        "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR",
        "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS",
        "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK", "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY", "ELOOP"
    };

    private Errno() {}

    public static String name(int errno) {
        if (errno >= 0 && errno < NAMES.length) return NAMES[errno];
        return switch (errno) {
            case 61 -> "ENODATA";
            case 95 -> "EOPNOTSUPP";
            case 97 -> "EAFNOSUPPORT";
            case 98 -> "EADDRINUSE";
            case 104 -> "ECONNRESET";
            case 107 -> "ENOTCONN";
            case 110 -> "ETIMEDOUT";
            case 111 -> "ECONNREFUSED";
            case 115 -> "EINPROGRESS";
            case 512 -> "ERESTARTSYS";
            case 513 -> "ERESTARTNOINTR";
            case 514 -> "ERESTARTNOHAND";
            case 516 -> "ERESTART_RESTARTBLOCK";
            default -> "errno " + errno;
        };
    }
}
