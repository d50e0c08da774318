/* fc_vdso_clocks [unmap|threads|tsc]: reads every kind of clock through libc (clock_gettime of the
 * clocks the vDSO serves and of CPU-time clocks, gettimeofday, time with and without a pointer) and
 * prints the values, so a replay must give back exactly the recorded ones. With "unmap" it then
 * finds [vdso] in /proc/self/maps, unmaps it and reads the clocks again (a recorder that still let
 * its preload library call the vDSO would crash it). With "threads" four threads read clocks
 * concurrently and print what they read. With "tsc" it makes rdtsc fault (PR_SET_TSC, as a program
 * may) and reads them again: natively libc's vDSO clocks would then crash it; recorded, the vDSO is
 * hidden from libc, and the recorder must stop its library from calling the vDSO too.
 * NONDETERMINISTIC: yes (the times)
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/time.h>

static void read_clocks(const char *tag) {
    clockid_t ids[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE,
                       CLOCK_BOOTTIME, CLOCK_TAI, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID};
    for (unsigned i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        struct timespec ts;
        CHECK(clock_gettime(ids[i], &ts) == 0, "clock_gettime");
        printf("%s clock %d %lld.%09ld\n", tag, (int)ids[i], (long long)ts.tv_sec, ts.tv_nsec);
    }
    struct timespec bad;
    printf("%s clock -99 = %d\n", tag, clock_gettime(-99, &bad) == 0 ? 0 : errno);
    struct timeval tv;
    CHECK(gettimeofday(&tv, NULL) == 0, "gettimeofday");
    printf("%s gettimeofday %lld.%06ld\n", tag, (long long)tv.tv_sec, (long)tv.tv_usec);
    time_t t = 0, r = time(&t);
    printf("%s time %lld %lld %lld\n", tag, (long long)r, (long long)t, (long long)time(NULL));
}

static void unmap_vdso(void) {
    FILE *f = fopen("/proc/self/maps", "r");
    CHECK(f != NULL, "fopen maps");
    char line[512];
    unsigned long start = 0, end = 0;
    while (fgets(line, sizeof line, f)) {
        if (strstr(line, "[vdso]") && sscanf(line, "%lx-%lx", &start, &end) == 2) break;
        start = 0;
    }
    fclose(f);
    if (start) CHECK(munmap((void *)start, end - start) == 0, "munmap vdso");
    printf("vdso %s\n", start ? "unmapped" : "absent");
}

static void *reader(void *arg) {
    long id = (long)arg;
    unsigned long long h = RR_FNV_INIT;
    struct timespec last = {0, 0}, now;
    long backwards = 0;
    for (int i = 0; i < 20000; i++) {
        CHECK(clock_gettime(i % 3 ? CLOCK_MONOTONIC : CLOCK_REALTIME, &now) == 0, "clock_gettime");
        if (i % 3) {
            backwards += now.tv_sec < last.tv_sec || (now.tv_sec == last.tv_sec && now.tv_nsec < last.tv_nsec);
            last = now;
        }
        h = (h ^ (unsigned long long)now.tv_nsec) * 0x100000001b3ULL;
    }
    printf("thread %ld hash %016llx backwards %ld last %lld.%09ld\n", id, h, backwards, (long long)last.tv_sec, last.tv_nsec);
    return NULL;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "";
    read_clocks("first");
    if (!strcmp(mode, "unmap")) {
        unmap_vdso();
        read_clocks("after");
    } else if (!strcmp(mode, "tsc")) {
        CHECK(prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0) == 0, "PR_SET_TSC");
        read_clocks("after");
    } else if (!strcmp(mode, "threads")) {
        pthread_t th[4];
        for (long i = 0; i < 4; i++) CHECK(pthread_create(&th[i], NULL, reader, (void *)i) == 0, "pthread_create");
        for (int i = 0; i < 4; i++) pthread_join(th[i], NULL);
    }
    read_clocks("last");
    return 0;
}
