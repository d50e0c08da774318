/* fc_shared_file_views_cut: MAP_SHARED views of one file that no single view covers: a second view
 * reaching past the first, a view made after a partial munmap of another, a view moved by mremap,
 * then a pwrite that every view must show. Each view prints what it reads, so a view that does not
 * alias the others on replay changes the output's length.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>

#define PG 4096

int main(void) {
    char *dir = rr_make_tempdir();
    const char *path = rr_path(dir, "views");
    int fd = open(path, O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    CHECK(ftruncate(fd, 4 * PG) == 0, "ftruncate");
    char *a = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(a != MAP_FAILED, "mmap a");
    char *b = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(b != MAP_FAILED, "mmap b");
    strcpy(a, "page 0 through a");
    strcpy(b + 3 * PG, "page 3 through b, past the end of a");
    printf("b reads page 0: %s\n", b);
    CHECK(munmap(a + PG, PG) == 0, "munmap half of a");
    char *c = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PG);
    CHECK(c != MAP_FAILED, "mmap c");
    strcpy(c, "page 1 through c");
    strcpy(c + PG, "page 2 through c");
    printf("b reads pages 1 and 2: %s / %s; a still reads: %s\n", b + PG, b + 2 * PG, a);
    char *spot = mmap(NULL, 4 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(spot != MAP_FAILED, "mmap spot");
    char *moved = mremap(b, 4 * PG, 4 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, spot);
    CHECK(moved != MAP_FAILED, "mremap b");
    const char text[] = "page 2 by pwrite";
    CHECK(pwrite(fd, text, sizeof text, 2 * PG) == (ssize_t)sizeof text, "pwrite");
    printf("moved b reads: %s / %s / %s; c reads: %s\n", moved, moved + 2 * PG, moved + 3 * PG, c + PG);
    strcpy(moved + PG + 100, "page 1 through the moved b");
    printf("c reads: %s\n", c + 100);
    CHECK(munmap(a, PG) == 0 && munmap(c, 2 * PG) == 0 && munmap(moved, 4 * PG) == 0, "munmap");
    char back[64] = {0};
    CHECK(pread(fd, back, sizeof back - 1, PG + 100) > 0, "pread");
    printf("the file holds: %s\n", back);
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
