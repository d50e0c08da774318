/* fc_shared_map_two_procs: a file mapped MAP_SHARED by a process and, through a mapping of its
 * own (not inherited: after exec), by its child; the child's write shows in the parent's view.
 * Replay maps both views from one memory file standing for the file, so they alias there too.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "child") == 0) {
        int fd = open(argv[2], O_RDWR);
        CHECK(fd >= 0, "child open");
        char *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        CHECK(m != MAP_FAILED, "child mmap");
        strcpy(m, "written by the exec'd child");
        return 0;
    }
    char *dir = rr_make_tempdir();
    const char *path = rr_path(dir, "shared");
    int fd = open(path, O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    CHECK(ftruncate(fd, 4096) == 0, "ftruncate");
    char *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(m != MAP_FAILED, "mmap");
    fflush(stdout);
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        execl("/proc/self/exe", argv[0], "child", path, (char *)NULL);
        _exit(127);
    }
    int status;
    CHECK(waitpid(child, &status, 0) == child, "waitpid");
    printf("child status %d; the parent's view reads: %s\n", WEXITSTATUS(status), m);
    munmap(m, 4096);
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
