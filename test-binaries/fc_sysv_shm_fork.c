/* fc_sysv_shm_fork: a System V shared memory segment (IPC_PRIVATE, a size that is not a multiple of
 * the page) shared by a parent and its forked child. The child writes through the attachment it
 * inherited and through a second attachment of its own; a pipe is the only handshake (no
 * semaphores). The parent then sees both writes, detaches, and prints what shmctl(IPC_STAT) says.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define SIZE 10000

int main(void) {
    int id = shmget(IPC_PRIVATE, SIZE, IPC_CREAT | 0600);
    CHECK(id >= 0, "shmget");
    char *p = shmat(id, NULL, 0);
    CHECK(p != (void *)-1, "shmat");
    printf("fresh segment starts with %d, ends with %d\n", p[0], p[SIZE - 1]);
    strcpy(p, "written by the parent before fork");
    int go[2], done[2];
    CHECK(pipe(go) == 0 && pipe(done) == 0, "pipe");
    fflush(stdout);
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        char c;
        CHECK(read(go[0], &c, 1) == 1, "child read");
        printf("child sees: %s\n", p);
        strcpy(p + 100, "written by the child through the inherited attachment");
        char *own = shmat(id, NULL, 0);
        CHECK(own != (void *)-1, "child shmat");
        printf("child's own attachment sees the parent's text: %s\n", own);
        strcpy(own + 5000, "written by the child through its own attachment");
        for (int i = 0; i < 256; i++) own[8000 + i] = (char)(i * 7);
        CHECK(shmdt(own) == 0, "child shmdt");
        fflush(stdout);
        CHECK(write(done[1], "x", 1) == 1, "child write");
        _exit(0);
    }
    strcpy(p + 50, "written by the parent after fork");
    CHECK(write(go[1], "x", 1) == 1, "parent write");
    char c;
    CHECK(read(done[0], &c, 1) == 1, "parent read");
    printf("parent sees: [%s] [%s] [%s] [%s]\n", p, p + 50, p + 100, p + 5000);
    char expect[256];
    for (int i = 0; i < 256; i++) expect[i] = (char)(i * 7);
    printf("pattern checksum %llx, as written: %s\n", (unsigned long long)rr_fnv(RR_FNV_INIT, p + 8000, 256),
           memcmp(expect, p + 8000, 256) == 0 ? "yes" : "no, it differs");
    int status;
    CHECK(waitpid(child, &status, 0) == child, "waitpid");
    struct shmid_ds ds;
    CHECK(shmctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
    printf("segsz %zu nattch %lu after the child left\n", ds.shm_segsz, (unsigned long)ds.shm_nattch);
    CHECK(shmdt(p) == 0, "shmdt");
    CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
    printf("child status %d\n", WEXITSTATUS(status));
    return 0;
}
