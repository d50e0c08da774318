/* fc_sysv_shm_rmid: a System V segment removed with shmctl(IPC_RMID) while attached: it stays usable
 * through the attachment, Linux lets the same process attach it again by id, and two attachments
 * in one process alias each other (also a read-only one). A detached address faults no more in
 * the program's view: it is checked with mincore. shmctl IPC_INFO and SHM_INFO are printed too.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>

int main(void) {
    int id = shmget(IPC_PRIVATE, 3 * 4096, IPC_CREAT | 0600);
    CHECK(id >= 0, "shmget");
    char *a = shmat(id, NULL, 0);
    CHECK(a != (void *)-1, "shmat a");
    CHECK(shmctl(id, IPC_RMID, NULL) == 0, "IPC_RMID");
    strcpy(a, "written before the second attachment");
    char *b = shmat(id, NULL, 0);
    CHECK(b != (void *)-1, "shmat b after IPC_RMID");
    char *ro = shmat(id, NULL, SHM_RDONLY);
    CHECK(ro != (void *)-1, "shmat read-only");
    printf("b reads: %s\n", b);
    strcpy(b + 4096, "written through b");
    printf("a reads: %s; read-only view reads: %s\n", a + 4096, ro + 4096);
    struct shmid_ds ds;
    CHECK(shmctl(id, IPC_STAT, &ds) == 0, "IPC_STAT");
    printf("segsz %zu nattch %lu removed %d\n", ds.shm_segsz, (unsigned long)ds.shm_nattch, (ds.shm_perm.mode & SHM_DEST) != 0);
    CHECK(shmdt(b) == 0, "shmdt b");
    unsigned char vec[3];
    int gone = mincore(b, 3 * 4096, vec);
    printf("mincore of the detached b: %d (%s)\n", gone, gone ? strerror(errno) : "mapped");
    a[8192] = 'z';
    printf("a still works: %c; read-only: %c\n", a[8192], ro[8192]);
    CHECK(shmdt(ro) == 0, "shmdt ro");
    CHECK(shmdt(a) == 0, "shmdt a");
    printf("shmdt of a detached address: %d\n", shmdt(a));
    printf("shmat of the removed id now: %s\n", shmat(id, NULL, 0) == (void *)-1 ? "fails" : "works");
    struct shminfo info;
    printf("IPC_INFO ok %d\n", shmctl(0, IPC_INFO, (struct shmid_ds *)&info) >= 0 && info.shmmni > 0);
    struct shm_info si;
    printf("SHM_INFO ok %d\n", shmctl(0, SHM_INFO, (struct shmid_ds *)&si) >= 0);
    return 0;
}
