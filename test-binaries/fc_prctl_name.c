/* fc_prctl_name: PR_SET_NAME / PR_GET_NAME on the main thread and a second thread, read back
 * through /proc/self/task/N/comm.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

static void show(const char *who) {
    char name[17] = {0}, path[64], comm[32] = {0};
    CHECK(prctl(PR_GET_NAME, name) == 0, "PR_GET_NAME");
    snprintf(path, sizeof path, "/proc/self/task/%ld/comm", (long)syscall(SYS_gettid));
    FILE *f = fopen(path, "r");
    CHECK(f != NULL, "fopen comm");
    CHECK(fgets(comm, sizeof comm, f) != NULL, "read comm");
    fclose(f);
    comm[strcspn(comm, "\n")] = 0;
    printf("%s: prctl '%s', comm '%s'\n", who, name, comm);
}

static void *worker(void *arg) {
    (void)arg;
    CHECK(prctl(PR_SET_NAME, "worker-thread-long-name") == 0, "PR_SET_NAME");
    show("worker");
    return NULL;
}

int main(void) {
    CHECK(prctl(PR_SET_NAME, "mainname") == 0, "PR_SET_NAME");
    show("main");
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    show("main again");
    return 0;
}
