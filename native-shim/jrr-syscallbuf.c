/*
 * libjrrpreload: in-process syscall buffering for `jrrtui record --syscall-buffer` (issue 13).
 *
 * The recorder preloads this library (LD_PRELOAD, removed again from the program's environment at
 * start-up) and installs a seccomp filter that lets syscalls made from one instruction through
 * without a ptrace stop: the `syscall` in a trampoline page this library maps at a fixed address
 * (SB_BASE). Everything else still stops in the recorder (SECCOMP_RET_TRACE).
 *
 * The library interposes a few hot libc functions whose outputs are bounded (read, write, pread64,
 * lseek, fstat, clock_gettime, gettimeofday). While recording (mode RECORD) it makes the call through the
 * trampoline and appends number, arguments, result and output bytes to a per-thread buffer; the
 * recorder turns the buffer into one trace event at the thread's next traced event. While replaying
 * (mode REPLAY) the replayer has put the recorded records into the buffer before the thread runs;
 * the library then checks each call against its record and copies the result and output bytes
 * instead of making the call. Calls it cannot buffer go the traced way (libc's syscall()).
 *
 * Layout shared with Java (io.jrrtui.syscallbuf.SyscallBufferLayout):
 *   SB_BASE            trampoline page (r-x): mov args; syscall; ret
 *   SB_BASE + 4096     control page: magic, TLS offset of struct sb_tls, mode, next slot
 *   SB_BASE + 8192     per-thread buffers, SB_SLOT_SIZE each: 64-byte header, then records
 * The whole range is left out of the recorder's memory snapshots (its contents legitimately differ
 * between recording and replay); the per-thread counters live in TLS, which is snapshotted.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define SB_BASE 0x6a7e00000000UL
#define SB_CONTROL (SB_BASE + 4096)
#define SB_SLOTS_AT (SB_BASE + 8192)
#define SB_SLOT_SIZE (512 * 1024)
#define SB_MAX_SLOTS 64
#define SB_HEADER 64
#define SB_MAGIC 0x4a52525342554631UL /* "JRRSBUF1" */
#define MODE_OFF 0
#define MODE_RECORD 1
#define MODE_REPLAY 2

#define SB_WATCHED_MAX 16
struct sb_control {
    uint64_t magic;
    int64_t tls_offset;   /* &tls - fs base, the same in every thread */
    uint32_t mode;        /* written by the recorder (RECORD) or the replayer (REPLAY) */
    uint32_t next_slot;
    /* Written by the recorder: files some process maps shared (st_dev, st_ino). A
     * write(2) into one changes those mappings, which the recorder must capture at the call, so
     * such writes are never buffered. */
    uint32_t watched_count;
    uint32_t reserved;
    uint64_t watched[SB_WATCHED_MAX][2];
    /* Written by the recorder (offset 288), record mode only: the [vdso] entries of clock_gettime,
     * gettimeofday and time, 0 when there is none (no vDSO, unmapped or remapped by the program,
     * the program set PR_TSC_SIGSEGV). Replay never calls them: it copies the recorded results. */
    uint64_t vdso_clock_gettime;
    uint64_t vdso_gettimeofday;
    uint64_t vdso_time;
    /* Written by the recorder (offset 312), record mode only: a number it changes, to a value never
     * used before in the recording, at the entry and at the exit of every traced call that can make
     * a descriptor number name another file (close, dup2, dup3, close_range, io_uring_enter). A
     * thread's descriptor cache (struct sb_fdcache) trusts an entry only while this is what it was
     * when the entry was filled. fd_nocache set: never trust one (the process shares its descriptor
     * table with a process that has its own memory, CLONE_FILES without CLONE_VM). */
    uint32_t fd_gen;
    uint32_t fd_nocache;
};
/* Where the recorder's own use of the page (ExecPreload's environment copy) may start. */
#define SB_CONTROL_FIELDS_END 512
_Static_assert(sizeof(struct sb_control) <= SB_CONTROL_FIELDS_END, "control fields overlap the scratch");
_Static_assert(__builtin_offsetof(struct sb_control, vdso_clock_gettime) == 288, "vdso entries moved");
_Static_assert(__builtin_offsetof(struct sb_control, fd_gen) == 312, "fd generation moved");

/*
 * The last SB_FDCACHE_BYTES of each slot (record mode only; a replay may put records over them,
 * it never reads them): what the thread last learnt of a few descriptors from fstat, so a read or
 * write of /dev/zero, /dev/null or a regular file that needs no fresh file version makes one
 * syscall instead of two (issue 13, sbuf6). The spill area ends where this starts.
 */
#define SB_FDCACHE_ENTRIES 16
struct sb_fdcache {
    int32_t fd;   /* -1: empty */
    uint32_t kind;
    uint32_t gen; /* control->fd_gen when filled */
    uint32_t pad;
    uint64_t dev, ino;
};
#define SB_FDCACHE_BYTES (SB_FDCACHE_ENTRIES * 32)
#define SB_SPILL_END (SB_SLOT_SIZE - SB_FDCACHE_BYTES)
_Static_assert(sizeof(struct sb_fdcache) == 32, "fd cache entry size");

/* Per-thread buffer header (replay side and divergence report). */
struct sb_header {
    uint32_t avail;          /* replay: records the replayer put in */
    uint32_t avail_bytes;
    uint32_t mismatch;       /* replay: 1 + index of a call that did not match its record */
    uint32_t mismatch_nr;
    uint64_t mismatch_args[4];
    uint64_t pad;
};

/* One buffered call. Output bytes follow: len1 bytes for the first output, then len2. */
struct sb_record {
    uint32_t size; /* whole record, 8-aligned */
    uint32_t nr;
    int64_t result;
    uint64_t args[4];
    uint32_t len1;
    uint32_t len2;
};

/*
 * Record flags in the high bits of sb_record.nr (record mode only; the replayer always puts plain
 * records back). Both mark a read or pread whose bytes the recorder need not copy out of the
 * program (issue 13, sbuf3): SB_ZEROS, a read of /dev/zero (result bytes of zeros, none follow);
 * SB_FILEREAD, a read of a regular file, followed by a struct sb_fileref naming the file's version
 * and the offset read, the bytes themselves put in the slot's spill area (growing down from the
 * slot's end), where the recorder fetches them only when it cannot prove its stored copy of the file
 * is the version read.
 */
#define SB_ZEROS 0x40000000u
#define SB_FILEREAD 0x20000000u
/* Smaller reads keep their bytes inline: the extra lseek calls would cost more than copying. */
#define SB_MIN_REF 1024

/*
 * A short record (issue 13, sbuf6): a call that returned 0 with its last two arguments 0 and one
 * fixed output of a multiple of 8 bytes (clock_gettime, fstat, gettimeofday without a time zone)
 * is kept as struct sb_short and its output bytes, 40 bytes for a clock read instead of 72, so a
 * slot holds more of them between flushes and the recorder copies and compresses fewer bytes. The
 * trace keeps them as they are (event kind 12) and the replayer puts them back unchanged.
 */
#define SB_SHORT 0x10000000u
struct sb_short {
    uint32_t size; /* whole record: this header and the output bytes */
    uint32_t nr;   /* with SB_SHORT */
    uint64_t args[2];
};

struct sb_fileref {
    uint64_t dev, ino, size;
    int64_t mtime_sec, mtime_nsec, ctime_sec, ctime_nsec; /* as fstat gave them just before the read */
    int64_t offset;                                          /* file offset the read started at */
    uint32_t spill_at;                                       /* the bytes: slot offset of round8(result) bytes */
    uint32_t pad;
};

/* Per-thread state the recorder and replayer find at fs base + tls_offset. */
struct sb_tls {
    uint64_t buf;   /* slot address, 0 until the thread's first buffered attempt */
    uint32_t count; /* calls buffered (record) or consumed (replay) since the last flush */
    uint32_t used;  /* bytes of records since the last flush */
    uint32_t busy;  /* inside the library: a signal handler's calls go the traced way */
    uint32_t no_slot;
    /* bytes reserved at the slot's end since the last flush (SB_FILEREAD bytes): a replay puts
     * every file read's bytes inline, so records + spill bound what the replay needs (reads of
     * /dev/zero stay records without bytes on replay too, so they reserve nothing) */
    uint32_t spill;
};

/* volatile: the tracer resets count and used while the thread is stopped at a traced call */
static __thread volatile struct sb_tls tls __attribute__((tls_model("initial-exec")));
static struct sb_control *control;
typedef long (*trampoline_fn)(long nr, long a0, long a1, long a2, long a3);

/* mov rax,rdi; mov rdi,rsi; mov rsi,rdx; mov rdx,rcx; mov r10,r8; syscall; ret */
static const unsigned char TRAMPOLINE[] = {0x48, 0x89, 0xf8, 0x48, 0x89, 0xf7, 0x48, 0x89, 0xd6, 0x48, 0x89, 0xca,
                                           0x4d, 0x89, 0xc2, 0x0f, 0x05, 0xc3};

static long traced(long nr, long a0, long a1, long a2, long a3) {
    /* all six argument registers given, so a replay sees exactly the recorded registers */
    return syscall(nr, a0, a1, a2, a3, 0L, 0L);
}

/*
 * The traced way for read, write and pread: they are cancellation points (pthread_cancel of a
 * thread blocked in read on a pipe must unwind it), so the call runs with asynchronous
 * cancellation enabled, as libc's own wrappers do; a bare syscall() is no cancellation point, and
 * the cancelled thread would block for ever. syscall() sets all six argument registers, so a
 * replay sees exactly the recorded registers at the traced call.
 */
static long cancellable(long nr, long a0, long a1, long a2, long a3) {
    int old;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
    long r = syscall(nr, a0, a1, a2, a3, 0L, 0L);
    int saved = errno;
    pthread_setcanceltype(old, &old);
    errno = saved;
    return r;
}

/*
 * Sends libc's internal callers of its function `name` to hook: stdio's reads and writes call
 * __read/__write directly, which symbol interposition does not reach. The function's first 13
 * bytes become `movabs $hook,%r11; jmp *%r11` (r11 is scratch at a call). Only for the entry this
 * was written against (glibc 2.3x: `cmpb $0,__libc_single_threaded(%rip); je` past the patched
 * bytes, so no jump lands inside them); any other libc is left alone and only interposed.
 */
static void redirect(const char *name, void *hook) {
    unsigned char *fn = dlsym(RTLD_NEXT, name);
    if (!fn || fn == hook) return;
    if (fn[0] != 0x80 || fn[1] != 0x3d || fn[6] != 0 || fn[7] != 0x74 || 9 + (signed char)fn[8] < 13) return;
    long page = (long)fn & ~4095L, len = ((long)fn + 13 - page + 4095) & ~4095L;
    if (syscall(SYS_mprotect, page, len, PROT_READ | PROT_WRITE | PROT_EXEC, 0L, 0L, 0L) != 0) return;
    unsigned char patch[13] = {0x49, 0xbb, 0, 0, 0, 0, 0, 0, 0, 0, 0x41, 0xff, 0xe3};
    memcpy(patch + 2, &hook, 8);
    memcpy(fn, patch, sizeof patch);
    syscall(SYS_mprotect, page, len, PROT_READ | PROT_EXEC, 0L, 0L, 0L);
}

/*
 * A wrapper whose bytes are known exactly: `want` (len bytes, through the syscall, its error test and
 * the error path; bytes where `mask` is 0 are the rip-relative displacement of errno's TLS slot,
 * which depends on the library's layout) is the whole function as the installed glibc 2.36 has it.
 * Its entry becomes `movabs $hook,%r11; jmp *%r11` (13 bytes): its only branch lands past them, so
 * no jump lands inside the patch, and the hook does everything the wrapper did. Any other libc keeps
 * its wrapper, and the calls libc makes through it stay traced.
 */
static int redirect_exact(const char *name, void *hook, const unsigned char *want, const unsigned char *mask, int len) {
    unsigned char *fn = dlsym(RTLD_NEXT, name);
    if (!fn || fn == hook) return 0;
    for (int i = 0; i < len; i++)
        if ((fn[i] & mask[i]) != want[i]) return 0;
    long page = (long)fn & ~4095L, end = ((long)fn + 13 + 4095) & ~4095L;
    if (syscall(SYS_mprotect, page, end - page, PROT_READ | PROT_WRITE | PROT_EXEC, 0L, 0L, 0L) != 0) return 0;
    unsigned char patch[13] = {0x49, 0xbb, 0, 0, 0, 0, 0, 0, 0, 0, 0x41, 0xff, 0xe3};
    memcpy(patch + 2, &hook, 8);
    memcpy(fn, patch, sizeof patch);
    syscall(SYS_mprotect, page, end - page, PROT_READ | PROT_EXEC, 0L, 0L, 0L);
    return 1;
}

/* glibc 2.36's getdents64 (readdir calls it as __getdents64): clamp the length, syscall, errno. */
static const unsigned char GETDENTS64_WANT[] = {
    0xb8, 0xff, 0xff, 0xff, 0x7f,             /* mov $0x7fffffff,%eax */
    0x48, 0x39, 0xc2,                         /* cmp %rax,%rdx */
    0x48, 0x0f, 0x47, 0xd0,                   /* cmova %rax,%rdx */
    0xb8, 0xd9, 0x00, 0x00, 0x00,             /* mov $217,%eax */
    0x0f, 0x05,                               /* syscall */
    0x48, 0x3d, 0x00, 0xf0, 0xff, 0xff,       /* cmp $-4096,%rax */
    0x77, 0x05,                               /* ja error (+0x20) */
    0xc3,                                     /* ret */
    0x0f, 0x1f, 0x40, 0x00,                   /* nop */
    0x48, 0x8b, 0x15, 0, 0, 0, 0,             /* error: mov errno@gottpoff(%rip),%rdx */
    0xf7, 0xd8,                               /* neg %eax */
    0x64, 0x89, 0x02,                         /* mov %eax,%fs:(%rdx) */
    0x48, 0xc7, 0xc0, 0xff, 0xff, 0xff, 0xff, /* mov $-1,%rax */
    0xc3};
/* glibc 2.36's fstatat64 (stat, lstat, fstat and fdopendir reach it as __fstatat64). */
static const unsigned char FSTATAT64_WANT[] = {
    0x41, 0x89, 0xca,                   /* mov %ecx,%r10d */
    0xb8, 0x06, 0x01, 0x00, 0x00,       /* mov $262,%eax */
    0x0f, 0x05,                         /* syscall */
    0x3d, 0x00, 0xf0, 0xff, 0xff,       /* cmp $-4096,%eax */
    0x77, 0x07,                         /* ja error (+0x18) */
    0x31, 0xc0,                         /* xor %eax,%eax */
    0xc3,                               /* ret */
    0x0f, 0x1f, 0x40, 0x00,             /* nop */
    0x48, 0x8b, 0x15, 0, 0, 0, 0,       /* error: mov errno@gottpoff(%rip),%rdx */
    0xf7, 0xd8,                         /* neg %eax */
    0x64, 0x89, 0x02,                   /* mov %eax,%fs:(%rdx) */
    0xb8, 0xff, 0xff, 0xff, 0xff,       /* mov $-1,%eax */
    0xc3};

/* The mask of a pattern: all bits, but none at the 4 displacement bytes that follow `48 8b 15`. */
static void mask_of(const unsigned char *want, int len, unsigned char *mask) {
    for (int i = 0; i < len; i++) mask[i] = 0xff;
    for (int i = 0; i + 7 <= len; i++)
        if (want[i] == 0x48 && want[i + 1] == 0x8b && want[i + 2] == 0x15) memset(mask + i + 3, 0, 4);
}

static void hide_preload(void) {
    extern char **environ;
    for (char **e = environ; e && *e; e++) {
        if (strncmp(*e, "LD_PRELOAD=", 11) != 0) continue;
        char *v = *e + 11, *ours = strstr(v, "libjrrpreload.so");
        if (!ours) return;
        char *rest = ours + strlen("libjrrpreload.so");
        if (*rest == ':') rest++;
        if (*rest == '\0') { /* only ours: drop the variable */
            char **d = e;
            do d[0] = d[1]; while (*d++);
        } else {
            memmove(v, rest, strlen(rest) + 1);
        }
        return;
    }
}

ssize_t getdents64(int fd, void *buf, size_t n);
int fstatat64(int dirfd, const char *path, struct stat64 *st, int flags);

__attribute__((constructor)) static void sb_init(void) {
    hide_preload();
    void *code = (void *)syscall(SYS_mmap, SB_BASE, 8192, PROT_READ | PROT_WRITE,
                                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1L, 0L);
    if (code != (void *)SB_BASE) return; /* taken (or mapped by a parent before exec): stay off */
    memcpy(code, TRAMPOLINE, sizeof TRAMPOLINE);
    if (syscall(SYS_mprotect, SB_BASE, 4096L, PROT_READ | PROT_EXEC, 0L, 0L, 0L) != 0) return;
    struct sb_control *c = (struct sb_control *)SB_CONTROL;
    char *fs;
    __asm__("mov %%fs:0, %0" : "=r"(fs));
    c->tls_offset = (const char *)&tls - fs;
    c->magic = SB_MAGIC;
    control = c;
    redirect("read", (void *)read);
    redirect("write", (void *)write);
    unsigned char mask[64];
    mask_of(GETDENTS64_WANT, sizeof GETDENTS64_WANT, mask);
    redirect_exact("getdents64", (void *)getdents64, GETDENTS64_WANT, mask, sizeof GETDENTS64_WANT);
    mask_of(FSTATAT64_WANT, sizeof FSTATAT64_WANT, mask);
    redirect_exact("fstatat64", (void *)fstatat64, FSTATAT64_WANT, mask, sizeof FSTATAT64_WANT);
}

/* The thread's buffer, mapped at its first attempt whatever the mode (record and replay alike). */
__attribute__((noinline)) static struct sb_header *buffer(void) {
    if (tls.buf) return (struct sb_header *)tls.buf;
    if (tls.no_slot) return 0;
    uint32_t slot = __atomic_fetch_add(&control->next_slot, 1, __ATOMIC_RELAXED);
    if (slot >= SB_MAX_SLOTS) {
        tls.no_slot = 1;
        return 0;
    }
    long at = (long)(SB_SLOTS_AT + (uint64_t)slot * SB_SLOT_SIZE);
    /* set before the mmap: the replayer fills the buffer while the thread waits at this mmap's exit */
    tls.buf = (uint64_t)at;
    long r = traced(SYS_mmap, at, SB_SLOT_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE);
    if (r != at) {
        tls.buf = 0;
        tls.no_slot = 1;
        return 0;
    }
    return (struct sb_header *)r;
}

/* Whether the recorder watches the file (see struct sb_control's watched): its write(2)s stay traced. */
static int watched_file(const struct stat *st) {
    uint32_t n = __atomic_load_n(&control->watched_count, __ATOMIC_ACQUIRE);
    if (n > SB_WATCHED_MAX) n = SB_WATCHED_MAX;
    for (uint32_t i = 0; i < n; i++) {
        if (control->watched[i][0] == (uint64_t)st->st_dev && control->watched[i][1] == (uint64_t)st->st_ino) return 1;
    }
    return 0;
}

#define KIND_UNBOUNDED 0
#define KIND_REGULAR 1
#define KIND_NULL 2
#define KIND_ZERO 3
/* Whether fd's output is bounded and never blocks: a regular file, /dev/null or /dev/zero (st filled). */
__attribute__((noinline)) static int fd_kind(trampoline_fn sys, long fd, struct stat *st) {
    if (fd < 0) return KIND_UNBOUNDED;
    long r = sys(SYS_fstat, fd, (long)st, 0, 0);
    __asm__ volatile("" : : "r"(st) : "memory"); /* the kernel wrote st behind the compiler's back */
    if (r != 0) return KIND_UNBOUNDED;
    if (S_ISREG(st->st_mode)) return KIND_REGULAR;
    if (!S_ISCHR(st->st_mode) || major(st->st_rdev) != 1) return KIND_UNBOUNDED;
    return minor(st->st_rdev) == 3 ? KIND_NULL : minor(st->st_rdev) == 5 ? KIND_ZERO : KIND_UNBOUNDED;
}

/*
 * fd_kind through the thread's descriptor cache (struct sb_fdcache). A hit fills only st_dev and
 * st_ino (all a write needs, for watched_file); fresh forces the fstat of a regular file (a read
 * that may be kept by reference needs the file's version as it is now). Only the kinds that buffer are cached, and
 * only while the recorder's fd_gen has not moved: it moves around every traced call that can make
 * a number name another file, and no buffered call can.
 */
static int fd_kind_cached(struct sb_header *h, trampoline_fn sys, long fd, struct stat *st, int fresh) {
    if (fd < 0) return KIND_UNBOUNDED;
    struct sb_fdcache *e = (struct sb_fdcache *)((char *)h + SB_SPILL_END) + (fd & (SB_FDCACHE_ENTRIES - 1));
    uint32_t gen = __atomic_load_n(&control->fd_gen, __ATOMIC_ACQUIRE);
    int trusted = !__atomic_load_n(&control->fd_nocache, __ATOMIC_RELAXED);
    if (trusted && e->fd == (int32_t)fd && e->gen == gen && e->kind != KIND_UNBOUNDED && !(fresh && e->kind == KIND_REGULAR)) {
        st->st_dev = (dev_t)e->dev;
        st->st_ino = (ino_t)e->ino;
        return (int)e->kind;
    }
    int kind = fd_kind(sys, fd, st);
    if (kind == KIND_UNBOUNDED || !trusted) {
        e->fd = -1;
        return kind;
    }
    e->fd = -1; /* filled, then named: a half-written entry never matches */
    e->kind = (uint32_t)kind;
    e->gen = gen;
    e->dev = (uint64_t)st->st_dev;
    e->ino = (uint64_t)st->st_ino;
    e->fd = (int32_t)fd;
    return kind;
}

/* What a call writes to memory: out1 (len from the result, or fixed on success) and out2. */
struct outputs {
    void *out1;
    long max1; /* upper bound of out1 */
    int from_result;
    void *out2;
    long len2;
};

#define NOT_BUFFERED 1
/* A short record (SB_SHORT) on replay: 0 when it is the call made, its output copied. */
static int replay_short(const struct sb_short *rec, long nr, const long *a, const struct outputs *o, long *result) {
    uint32_t len1 = rec->size - (uint32_t)sizeof *rec;
    if ((rec->nr & ~SB_SHORT) != nr || rec->size < sizeof *rec || rec->args[0] != (uint64_t)a[0] ||
        rec->args[1] != (uint64_t)a[1] || a[2] != 0 || a[3] != 0 || len1 > o->max1)
        return NOT_BUFFERED;
    memcpy(o->out1, rec + 1, len1);
    *result = 0;
    return 0;
}

static long sb_replay(struct sb_header *h, long nr, const long *a, const struct outputs *o, long *result) {
    if (tls.count >= h->avail) return NOT_BUFFERED;
    struct sb_record *rec = (struct sb_record *)((char *)h + SB_HEADER + tls.used);
    if (rec->nr & SB_SHORT) {
        if (replay_short((const struct sb_short *)rec, nr, a, o, result) != 0) {
            h->mismatch = tls.count + 1;
            h->mismatch_nr = (uint32_t)nr;
            for (int i = 0; i < 4; i++) h->mismatch_args[i] = (uint64_t)a[i];
            return NOT_BUFFERED;
        }
        tls.count++;
        tls.used += rec->size;
        return 0;
    }
    /* SB_ZEROS on replay too: the replayer puts reads of /dev/zero back as flagged records without bytes */
    uint32_t zeros = rec->nr & SB_ZEROS;
    if ((rec->nr & ~SB_ZEROS) != nr || (zeros && (rec->result < 0 || rec->result > o->max1)) || rec->args[0] != (uint64_t)a[0] || rec->args[1] != (uint64_t)a[1] ||
        rec->args[2] != (uint64_t)a[2] || rec->args[3] != (uint64_t)a[3] || rec->len1 > o->max1 ||
        (rec->len2 && rec->len2 != o->len2)) {
        h->mismatch = tls.count + 1;
        h->mismatch_nr = (uint32_t)nr;
        for (int i = 0; i < 4; i++) h->mismatch_args[i] = (uint64_t)a[i];
        return NOT_BUFFERED; /* the traced call that follows stops in the replayer, which reports it */
    }
    char *data = (char *)(rec + 1);
    if (zeros) memset(o->out1, 0, rec->result);
    if (rec->len1) memcpy(o->out1, data, rec->len1);
    if (rec->len2) memcpy(o->out2, data + rec->len1, rec->len2);
    *result = rec->result;
    tls.count++;
    tls.used += rec->size;
    return 0;
}

/*
 * A read whose bytes the recorder need not copy (see SB_FILEREAD, SB_ZEROS): fills the flag and the
 * file reference, reserves and fills the spill room of a file read; 0 when the record must keep its
 * bytes inline. For read(2) the offset comes from lseek before and is checked by lseek after (an
 * offset moved by anyone else in between keeps the bytes).
 */
static uint32_t by_reference(struct sb_header *h, trampoline_fn sys, int kind, const struct stat *st, long off, long r,
                             const struct outputs *o, long nr, long fd, struct sb_fileref *ref) {
    if (r <= 0 || (kind != KIND_ZERO && kind != KIND_REGULAR) || o->max1 < SB_MIN_REF) return 0;
    /* No room for zeros: the replayer puts them back as flagged records without bytes, and the
     * library fills them in (issue 13, sbuf6: reserving 4 KB a read made a flush every ~120 reads). */
    if (kind == KIND_ZERO) return SB_ZEROS;
    uint32_t room = (uint32_t)((r + 7) & ~7L);
    if (off < 0 || (nr == SYS_read && sys(SYS_lseek, fd, 0, SEEK_CUR, 0) != off + r)) return 0;
    tls.spill += room;
    ref->spill_at = (uint32_t)(SB_SPILL_END - tls.spill);
    memcpy((char *)h + ref->spill_at, o->out1, r);
    ref->dev = st->st_dev;
    ref->ino = st->st_ino;
    ref->size = (uint64_t)st->st_size;
    ref->mtime_sec = st->st_mtim.tv_sec;
    ref->mtime_nsec = st->st_mtim.tv_nsec;
    ref->ctime_sec = st->st_ctim.tv_sec;
    ref->ctime_nsec = st->st_ctim.tv_nsec;
    ref->offset = off;
    ref->pad = 0;
    return SB_FILEREAD;
}

/* Clocks the generic vDSO serves from its data page (CPU-time and unknown clocks make a syscall). */
static int vdso_clock(long clk) {
    return clk == CLOCK_REALTIME || clk == CLOCK_MONOTONIC || clk == CLOCK_MONOTONIC_RAW || clk == CLOCK_REALTIME_COARSE ||
           clk == CLOCK_MONOTONIC_COARSE || clk == CLOCK_BOOTTIME || clk == CLOCK_TAI;
}

typedef long (*vdso_clock_fn)(long clk, void *ts);
typedef long (*vdso_tod_fn)(void *tv, void *tz);
typedef long (*vdso_time_fn)(void *t);

/*
 * The call itself, while recording: the clocks through the vDSO when the recorder named its entries
 * (no syscall at all; the vDSO returns the raw result, -errno on failure), everything else through
 * the trampoline. Out of line on purpose: inlined into sb_record, GCC 11 at -O2 once made the record
 * path of read/pread/lseek fall through into the next function.
 */
__attribute__((noinline)) static long make_call(trampoline_fn sys, long nr, const long *a) {
    uint64_t at = 0;
    switch (nr) {
    case SYS_clock_gettime:
        if (vdso_clock(a[0])) at = __atomic_load_n(&control->vdso_clock_gettime, __ATOMIC_RELAXED);
        if (at) return ((vdso_clock_fn)at)(a[0], (void *)a[1]);
        break;
    case SYS_gettimeofday:
        at = __atomic_load_n(&control->vdso_gettimeofday, __ATOMIC_RELAXED);
        if (at) return ((vdso_tod_fn)at)((void *)a[0], (void *)a[1]);
        break;
    case SYS_time:
        at = __atomic_load_n(&control->vdso_time, __ATOMIC_RELAXED);
        if (at) return ((vdso_time_fn)at)((void *)a[0]);
        break;
    }
    return sys(nr, a[0], a[1], a[2], a[3]);
}

static long sb_record(struct sb_header *h, long nr, const long *a, const struct outputs *o, long *result) {
    long need = (long)sizeof(struct sb_record) + (long)sizeof(struct sb_fileref) + o->max1 + o->len2 + 16;
    if (SB_HEADER + (long)tls.used + (long)tls.spill + need > SB_SPILL_END) return NOT_BUFFERED; /* full: the traced call flushes */
    trampoline_fn sys = (trampoline_fn)SB_BASE;
    struct stat st;
    int kind = KIND_UNBOUNDED;
    if (nr == SYS_read || nr == SYS_write || nr == SYS_pread64 || nr == SYS_lseek) {
        /* a read that may be kept by reference needs the file's version now: a fresh fstat */
        int fresh = (nr == SYS_read || nr == SYS_pread64) && o->max1 >= SB_MIN_REF;
        kind = fd_kind_cached(h, sys, a[0], &st, fresh);
        if (kind == KIND_UNBOUNDED) return NOT_BUFFERED;
        if (nr == SYS_write && kind == KIND_REGULAR && watched_file(&st)) return NOT_BUFFERED; /* a file mapped shared */
    }
    long off = -1;
    if (kind == KIND_REGULAR && o->max1 >= SB_MIN_REF)
        off = nr == SYS_pread64 ? a[3] : nr == SYS_read ? sys(SYS_lseek, a[0], 0, SEEK_CUR, 0) : -1;
    long r = make_call(sys, nr, a);
    struct sb_record *rec = (struct sb_record *)((char *)h + SB_HEADER + tls.used);
    rec->nr = (uint32_t)nr;
    rec->result = r;
    for (int i = 0; i < 4; i++) rec->args[i] = (uint64_t)a[i];
    uint32_t flag = nr == SYS_read || nr == SYS_pread64
                        ? by_reference(h, sys, kind, &st, off, r, o, nr, a[0], (struct sb_fileref *)(rec + 1))
                        : 0;
    if (flag) {
        rec->nr |= flag;
        rec->len1 = rec->len2 = 0;
        rec->size = (uint32_t)(sizeof *rec + (flag == SB_FILEREAD ? sizeof(struct sb_fileref) : 0));
        *result = r;
        tls.count++;
        tls.used += rec->size;
        return 0;
    }
    /* fixed outputs are written on success: 0, or for time() any value that is no -errno */
    int ok = nr == SYS_time ? !(r < 0 && r > -4096) : r == 0;
    long len1 = o->from_result ? (r > 0 ? r : 0) : (ok ? o->max1 : 0);
    if (len1 > o->max1) len1 = o->max1;
    long len2 = ok && o->out2 ? o->len2 : 0;
    if (r == 0 && a[2] == 0 && a[3] == 0 && len2 == 0 && len1 > 0 && (len1 & 7) == 0) {
        struct sb_short *sh = (struct sb_short *)rec;
        sh->nr = (uint32_t)nr | SB_SHORT;
        sh->args[0] = (uint64_t)a[0];
        sh->args[1] = (uint64_t)a[1];
        memcpy(sh + 1, o->out1, len1);
        sh->size = (uint32_t)(sizeof *sh + len1);
        *result = 0;
        tls.count++;
        tls.used += sh->size;
        return 0;
    }
    rec->len1 = (uint32_t)len1;
    rec->len2 = (uint32_t)len2;
    char *data = (char *)(rec + 1);
    if (len1) memcpy(data, o->out1, len1);
    if (len2) memcpy(data + len1, o->out2, len2);
    rec->size = (uint32_t)((sizeof *rec + len1 + len2 + 7) & ~7UL);
    *result = r;
    tls.count++;
    tls.used += rec->size;
    return 0;
}

/*
 * Buffers the call when it can; NOT_BUFFERED when the caller must make it the traced way. Kept out
 * of line: the traced call is then made with only the interposed function's own registers live, the
 * same in recording and replay (registers at a traced syscall are compared on replay).
 */
__attribute__((noinline)) static long try_buffered(long nr, long a0, long a1, long a2, long a3, const struct outputs *o,
                                                   long *result) {
    long a[4] = {a0, a1, a2, a3}, status = NOT_BUFFERED;
    if (control && !tls.busy) {
        tls.busy = 1;
        struct sb_header *h = buffer();
        uint32_t mode = __atomic_load_n(&control->mode, __ATOMIC_RELAXED);
        if (h && mode == MODE_REPLAY) status = sb_replay(h, nr, a, o, result);
        else if (h && mode == MODE_RECORD) status = sb_record(h, nr, a, o, result);
        tls.busy = 0;
    }
    return status;
}

/*
 * The interposed call: buffered when possible, else traced (as a cancellation point when cancel is
 * set). Returns the raw result (-errno).
 */
static inline long call(long nr, long a0, long a1, long a2, long a3, const struct outputs *o, int cancel) {
    long result;
    if (try_buffered(nr, a0, a1, a2, a3, o, &result) == 0) return result;
    long r = cancel ? cancellable(nr, a0, a1, a2, a3) : traced(nr, a0, a1, a2, a3);
    return r == -1 ? -errno : r;
}

/* libc's convention, then the scratch registers cleared: what the library left in them differs
 * between recording and replay, and the program's next traced syscall must look the same. */
static inline long finish(long r) {
    if (r < 0 && r > -4096) {
        errno = (int)-r;
        r = -1;
    }
    __asm__ volatile("xor %%ecx,%%ecx\n\txor %%edx,%%edx\n\txor %%esi,%%esi\n\txor %%edi,%%edi\n\t"
                     "xor %%r8d,%%r8d\n\txor %%r9d,%%r9d\n\txor %%r10d,%%r10d\n\txor %%r11d,%%r11d"
                     : "+a"(r)
                     :
                     : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory");
    return r;
}

ssize_t read(int fd, void *buf, size_t n) {
    struct outputs o = {buf, (long)n, 1, 0, 0};
    return finish(call(SYS_read, fd, (long)buf, (long)n, 0, &o, 1));
}

ssize_t write(int fd, const void *buf, size_t n) {
    struct outputs o = {0, 0, 1, 0, 0};
    if (fd == 1 || fd == 2) { /* the program's output: traced, so replay shows it */
        long r = cancellable(SYS_write, fd, (long)buf, (long)n, 0);
        return finish(r == -1 ? -errno : r);
    }
    return finish(call(SYS_write, fd, (long)buf, (long)n, 0, &o, 1));
}

ssize_t pread64(int fd, void *buf, size_t n, off_t off) {
    struct outputs o = {buf, (long)n, 1, 0, 0};
    return finish(call(SYS_pread64, fd, (long)buf, (long)n, off, &o, 1));
}
ssize_t pread(int fd, void *buf, size_t n, off_t off) __attribute__((alias("pread64")));

off_t lseek(int fd, off_t off, int whence) {
    struct outputs o = {0, 0, 1, 0, 0};
    return finish(call(SYS_lseek, fd, off, whence, 0, &o, 0));
}
off_t lseek64(int fd, off_t off, int whence) __attribute__((alias("lseek")));

int fstat(int fd, struct stat *st) {
    struct outputs o = {st, sizeof *st, 0, 0, 0};
    return (int)finish(call(SYS_fstat, fd, (long)st, 0, 0, &o, 0));
}
int fstat64(int fd, struct stat64 *st) {
    return fstat(fd, (struct stat *)st); /* the same layout on x86-64 */
}

int clock_gettime(clockid_t clk, struct timespec *ts) {
    struct outputs o = {ts, sizeof *ts, 0, 0, 0};
    return (int)finish(call(SYS_clock_gettime, clk, (long)ts, 0, 0, &o, 0));
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz) {
    void *out = tv; /* glibc declares tv non-null; programs still pass NULL */
    __asm__("" : "+r"(out));
    struct outputs o = {out, out ? (long)sizeof *tv : 0, 0, tz, tz ? 8 : 0};
    return (int)finish(call(SYS_gettimeofday, (long)tv, (long)tz, 0, 0, &o, 0));
}

time_t time(time_t *t) {
    void *out = t;
    __asm__("" : "+r"(out));
    struct outputs o = {out, out ? (long)sizeof *t : 0, 0, 0, 0};
    return (time_t)finish(call(SYS_time, (long)t, 0, 0, 0, &o, 0));
}

/* Reached from libc's own getdents64 and fstatat64 entries too (redirect_exact), e.g. readdir's and fdopendir's. */
ssize_t getdents64(int fd, void *buf, size_t n) {
    if (n > 0x7fffffff) n = 0x7fffffff; /* as libc's wrapper */
    struct outputs o = {buf, (long)n, 1, 0, 0};
    return finish(call(SYS_getdents64, fd, (long)buf, (long)n, 0, &o, 0));
}

int fstatat64(int dirfd, const char *path, struct stat64 *st, int flags) {
    struct outputs o = {st, sizeof *st, 0, 0, 0};
    return (int)finish(call(SYS_newfstatat, dirfd, (long)path, (long)st, (long)(unsigned)flags, &o, 0));
}
int fstatat(int dirfd, const char *path, struct stat *st, int flags) __attribute__((alias("fstatat64")));
