/* gdb parity, part 6 (issue 15): threads made and joined one after the other, for thread ids and switch lines. */
#include <pthread.h>
#include <stdio.h>

static int shared;

static void *worker(void *arg) {
    int id = *(int *)arg;
    shared += id;
    return NULL;
}

int main(void) {
    int ids[2] = {1, 2};
    for (int i = 0; i < 2; i++) {
        pthread_t t;
        pthread_create(&t, NULL, worker, &ids[i]);
        pthread_join(t, NULL);
    }
    printf("%d\n", shared);
    return 0;
}
