/* fc_sysv_shm_exec: System V shared memory between a process and a program it starts (fork then
 * exec, so the child's attachment is its own, not inherited): the child attaches the segment by
 * the id it gets in argv, reads the parent's text and answers in the segment. A key-based segment
 * (IPC_CREAT|IPC_EXCL on a key made from the pid, then a second shmget of the same key) is used.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "child") == 0) {
        char *p = shmat(atoi(argv[2]), NULL, 0);
        CHECK(p != (void *)-1, "child shmat");
        printf("exec'd child reads: %s\n", p);
        snprintf(p + 1024, 200, "answered by the exec'd child, which read %zu bytes", strlen(p));
        CHECK(shmdt(p) == 0, "child shmdt");
        return 0;
    }
    key_t key = (key_t)(0x4a520000 | (getpid() & 0xffff));
    int id = shmget(key, 65536, IPC_CREAT | IPC_EXCL | 0600);
    CHECK(id >= 0, "shmget");
    int again = shmget(key, 0, 0);
    printf("same key gives the same segment: %d\n", again == id);
    char *p = shmat(id, NULL, 0);
    CHECK(p != (void *)-1, "shmat");
    strcpy(p, "a question from the parent");
    fflush(stdout);
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        char ids[16];
        snprintf(ids, sizeof ids, "%d", id);
        execl("/proc/self/exe", argv[0], "child", ids, (char *)NULL);
        _exit(127);
    }
    int status;
    CHECK(waitpid(child, &status, 0) == child, "waitpid");
    printf("child status %d; the parent reads: %s\n", WEXITSTATUS(status), p + 1024);
    CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
    CHECK(shmdt(p) == 0, "shmdt");
    return 0;
}
