/* hello: the smallest recording. Prints a fixed greeting and exits 0.
 * expected output: "hello, world" / "argc=N" */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("hello, world\n");
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    return 0;
}
