/* fc_sysv_sem: a System V semaphore set: semget, SETALL/GETALL, semop, semtimedop that times out,
 * IPC_STAT, GETVAL, removal. Everything the kernel answers is printed.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/ipc.h>
#include <sys/sem.h>

union semun { int val; struct semid_ds *buf; unsigned short *array; };

int main(void) {
    int id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    CHECK(id >= 0, "semget");
    unsigned short init[3] = {1, 5, 0};
    CHECK(semctl(id, 0, SETALL, (union semun){.array = init}) == 0, "SETALL");
    struct sembuf ops[2] = {{0, -1, 0}, {1, 2, 0}};
    CHECK(semop(id, ops, 2) == 0, "semop");
    unsigned short now[3] = {9, 9, 9};
    CHECK(semctl(id, 0, GETALL, (union semun){.array = now}) == 0, "GETALL");
    printf("values %u %u %u\n", now[0], now[1], now[2]);
    struct sembuf wait0 = {2, -1, 0};
    struct timespec ts = {0, 20 * 1000 * 1000};
    errno = 0;
    int r = semtimedop(id, &wait0, 1, &ts);
    printf("semtimedop on zero: %d errno=%s\n", r, strerrorname_np(errno));
    struct semid_ds ds;
    CHECK(semctl(id, 0, IPC_STAT, (union semun){.buf = &ds}) == 0, "IPC_STAT");
    printf("nsems %lu mode %o\n", (unsigned long)ds.sem_nsems, ds.sem_perm.mode & 0777);
    printf("GETVAL 1: %d\n", semctl(id, 1, GETVAL));
    CHECK(semctl(id, 0, IPC_RMID) == 0, "IPC_RMID");
    errno = 0;
    printf("after removal: %d errno=%s\n", semctl(id, 0, GETVAL), strerrorname_np(errno));
    return 0;
}
