/* fc_sysv_msg: a System V message queue: two messages of different types sent, received by type,
 * IPC_STAT counts, a non-blocking receive on the empty queue (ENOMSG), removal.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/ipc.h>
#include <sys/msg.h>

struct msg { long type; char text[32]; };

int main(void) {
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    CHECK(q >= 0, "msgget");
    struct msg a = {1, "first of type one"}, b = {2, "type two"};
    CHECK(msgsnd(q, &a, strlen(a.text) + 1, 0) == 0, "msgsnd a");
    CHECK(msgsnd(q, &b, strlen(b.text) + 1, 0) == 0, "msgsnd b");
    struct msqid_ds ds;
    CHECK(msgctl(q, IPC_STAT, &ds) == 0, "IPC_STAT");
    printf("queued %lu bytes %lu\n", (unsigned long)ds.msg_qnum, (unsigned long)ds.__msg_cbytes);
    struct msg in;
    memset(&in, 0, sizeof in);
    ssize_t n = msgrcv(q, &in, sizeof in.text, 2, 0);
    printf("type 2: %zd bytes, type %ld, '%s'\n", n, in.type, in.text);
    n = msgrcv(q, &in, sizeof in.text, 0, 0);
    printf("any: %zd bytes, type %ld, '%s'\n", n, in.type, in.text);
    errno = 0;
    n = msgrcv(q, &in, sizeof in.text, 0, IPC_NOWAIT);
    printf("empty: %zd errno=%s\n", n, strerrorname_np(errno));
    CHECK(msgctl(q, IPC_RMID, NULL) == 0, "IPC_RMID");
    return 0;
}
