/* fc_getdents_sorted: a directory of 20 files listed with readdir (getdents64); names sorted
 * before printing, so only what the kernel returned matters, not its order.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <dirent.h>
#include <fcntl.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
    char *dir = rr_make_tempdir();
    for (int i = 0; i < 20; i++) {
        char name[16];
        snprintf(name, sizeof name, "f%02d", (i * 7) % 20);
        close(open(rr_path(dir, name), O_CREAT | O_WRONLY, 0600));
    }
    DIR *d = opendir(dir);
    CHECK(d != NULL, "opendir");
    char *names[32];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 32) if (e->d_name[0] != '.') names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    printf("%d entries, first %s last %s\n", n, names[0], names[n - 1]);
    rr_remove_tree(dir);
    return 0;
}
