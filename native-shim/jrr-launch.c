/*
 * jrr-launch: prepares a tracee for jrrtui and then execs the real program.
 *
 *   jrr-launch [-n] [-t] [-i FILE] [-o FILE] [-e FILE] [-d DIR] -- PATH ARGV0 [ARGS...]
 *
 *   -n       disable address-space randomisation (personality ADDR_NO_RANDOMIZE)
 *   -t       make rdtsc/rdtscp fault (PR_SET_TSC, PR_TSC_SIGSEGV) so the tracer can emulate them
 *   -i/-o/-e redirect stdin/stdout/stderr from/to FILE before exec
 *   -d DIR   chdir before exec
 *   -c CPU   run on CPU only (the tracer runs there too: a ptrace stop then needs no cross-CPU wake-up)
 *
 * The JVM spawns this with posix_spawn (never with ProcessBuilder: the JDK reaper would swallow
 * ptrace stops). It then asks to be traced, stops itself so the tracer can set its options, and
 * execs PATH with argv ARGV0 ARGS... and the environment it was given (JRR_PRELOAD: see preload()). Everything set here
 * survives exec. cpuid faulting does not survive exec; the tracer injects it at the exec stop.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

static void redirect(const char *file, int fd, int flags) {
    int f = open(file, flags, 0644);
    if (f < 0) {
        fprintf(stderr, "jrr-launch: cannot open %s: %s\n", file, strerror(errno));
        _exit(127);
    }
    if (f != fd) {
        dup2(f, fd);
        close(f);
    }
}

/* JRR_PRELOAD=LIB (syscall buffering): LIB goes first in the program's LD_PRELOAD. Passed this
 * way so that the launcher itself does not load the library, which removes itself from the
 * environment it finds. */
static void preload(void) {
    const char *lib = getenv("JRR_PRELOAD");
    if (!lib) return;
    const char *theirs = getenv("LD_PRELOAD");
    size_t n = strlen(lib) + (theirs ? strlen(theirs) + 1 : 0) + 1;
    char *v = malloc(n);
    if (!v) return;
    snprintf(v, n, theirs && *theirs ? "%s:%s" : "%s", lib, theirs);
    setenv("LD_PRELOAD", v, 1);
    unsetenv("JRR_PRELOAD");
}

int main(int argc, char **argv) {
    int norandom = 0, traptsc = 0, i = 1;
    const char *in = NULL, *out = NULL, *err = NULL, *dir = NULL;
    int cpu = -1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--")) { i++; break; }
        else if (!strcmp(argv[i], "-n")) norandom = 1;
        else if (!strcmp(argv[i], "-t")) traptsc = 1;
        else if (!strcmp(argv[i], "-i") && i + 1 < argc) in = argv[++i];
        else if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
        else if (!strcmp(argv[i], "-e") && i + 1 < argc) err = argv[++i];
        else if (!strcmp(argv[i], "-d") && i + 1 < argc) dir = argv[++i];
        else if (!strcmp(argv[i], "-c") && i + 1 < argc) cpu = atoi(argv[++i]);
        else { fprintf(stderr, "jrr-launch: bad option %s\n", argv[i]); return 127; }
    }
    if (argc - i < 2) {
        fprintf(stderr, "usage: jrr-launch [-n] [-t] [-i F] [-o F] [-e F] [-d DIR] -- PATH ARGV0 [ARGS...]\n");
        return 127;
    }
    const char *path = argv[i];
    char **args = &argv[i + 1];

    if (in) redirect(in, 0, O_RDONLY);
    if (out) redirect(out, 1, O_WRONLY | O_CREAT | O_TRUNC);
    if (err) redirect(err, 2, O_WRONLY | O_CREAT | O_TRUNC);
    if (dir && chdir(dir) != 0) {
        fprintf(stderr, "jrr-launch: cannot chdir to %s: %s\n", dir, strerror(errno));
        return 127;
    }
    if (cpu >= 0) {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(cpu, &set);
        sched_setaffinity(0, sizeof set, &set); /* best effort: a restricted cpuset just keeps its own */
    }
    if (norandom && personality(ADDR_NO_RANDOMIZE) == -1) {
        fprintf(stderr, "jrr-launch: personality: %s\n", strerror(errno));
        return 127;
    }
    if (traptsc && prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0) != 0) {
        fprintf(stderr, "jrr-launch: PR_SET_TSC: %s\n", strerror(errno));
        return 127;
    }
    /* The JVM's own descriptors must not leak into the program: it would see them (in
     * /proc/self/fd, or as the lowest free descriptor numbers) and behave differently. */
    if (syscall(SYS_close_range, 3, ~0U, 0) != 0) {
        for (int fd = 3; fd < 65536; fd++) close(fd);
    }
    /* If the tracer (the JVM) dies, we die too: PTRACE_O_EXITKILL is set by the tracer, and
     * PR_SET_PDEATHSIG covers the short window before that. */
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (ptrace(PTRACE_TRACEME, 0, 0, 0) != 0) {
        fprintf(stderr, "jrr-launch: PTRACE_TRACEME: %s\n", strerror(errno));
        return 127;
    }
    raise(SIGSTOP);
    preload();
    execve(path, args, environ);
    fprintf(stderr, "jrrtui: cannot execute %s: %s\n", path, strerror(errno));
    _exit(127);
}
