/* rr_util.h: small helpers shared by the record/replay test programs (rr_*.c, mt_*.c, bench_*.c).
 * Header-only so that every test program stays one compilation unit (test-binaries/Makefile builds
 * each NAME.c on its own). Nothing here is nondeterministic by itself. */
#ifndef RR_UTIL_H
#define RR_UTIL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Print "what: strerror" and exit 2 (2 = the test program itself failed, never an expected status). */
#define CHECK(cond, what)                                                              \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, __LINE__, what,        \
                    strerror(errno));                                                  \
            exit(2);                                                                   \
        }                                                                              \
    } while (0)

/* FNV-1a 64-bit, continuing from h (start with RR_FNV_INIT). */
#define RR_FNV_INIT 0xcbf29ce484222325ULL
static inline uint64_t rr_fnv(uint64_t h, const void *data, size_t len) {
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static inline void rr_print_hex(const char *label, const void *data, size_t len) {
    const unsigned char *p = data;
    printf("%s: ", label);
    for (size_t i = 0; i < len; i++)
        printf("%02x", p[i]);
    printf("\n");
}

static inline int64_t rr_ts_ns(const struct timespec *ts) {
    return (int64_t)ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static inline int64_t rr_now_ns(clockid_t clk) {
    struct timespec ts;
    CHECK(clock_gettime(clk, &ts) == 0, "clock_gettime");
    return rr_ts_ns(&ts);
}

/* A fresh private directory under /tmp; its name is random, so never print it. */
static inline char *rr_make_tempdir(void) {
    static char dir[64];
    strcpy(dir, "/tmp/jrrtui-test-XXXXXX");
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    return dir;
}

static inline int rr_remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw) {
    (void)sb; (void)flag; (void)ftw;
    return remove(path);
}

static inline void rr_remove_tree(const char *dir) {
    CHECK(nftw(dir, rr_remove_entry, 16, FTW_DEPTH | FTW_PHYS) == 0, "nftw remove");
}

/* dir + "/" + name into a static buffer (one at a time is enough for these programs). */
static inline const char *rr_path(const char *dir, const char *name) {
    static char buf[2][256];
    static int which;
    which ^= 1;
    snprintf(buf[which], sizeof buf[which], "%s/%s", dir, name);
    return buf[which];
}

/* A new file of size bytes at path, open read-write in *fd and mapped MAP_SHARED and writable
 * (the mapping is returned); exits 2 on failure. Defined when <sys/mman.h> (and <fcntl.h>) come
 * before this header. */
#ifdef MAP_SHARED
static inline char *rr_map_new_file(const char *path, size_t size, int *fd) {
    *fd = open(path, O_RDWR | O_CREAT, 0600);
    CHECK(*fd >= 0, "open");
    CHECK(ftruncate(*fd, (off_t)size) == 0, "ftruncate");
    char *m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, *fd, 0);
    CHECK(m != MAP_FAILED, "mmap");
    return m;
}
#endif

#endif
