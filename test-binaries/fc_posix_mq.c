/* fc_posix_mq: a POSIX message queue: open, two sends with priorities, getattr, receive in
 * priority order, a timed receive on the empty queue, unlink.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <mqueue.h>

int main(void) {
    char name[64];
    snprintf(name, sizeof name, "/jrrtui-fc-mq-%d", getpid());
    struct mq_attr attr = {.mq_maxmsg = 4, .mq_msgsize = 64};
    mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    if (q == (mqd_t)-1) {
        printf("mq_open: errno=%s\n", strerrorname_np(errno));
        return 0;
    }
    CHECK(mq_send(q, "low", 4, 1) == 0, "send low");
    CHECK(mq_send(q, "high", 5, 7) == 0, "send high");
    struct mq_attr now;
    CHECK(mq_getattr(q, &now) == 0, "getattr");
    printf("curmsgs %ld msgsize %ld\n", now.mq_curmsgs, now.mq_msgsize);
    char buf[64];
    unsigned prio;
    for (int i = 0; i < 2; i++) {
        ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
        printf("got %zd '%s' prio %u\n", n, buf, prio);
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 10 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    errno = 0;
    printf("timed on empty: %zd errno=%s\n", mq_timedreceive(q, buf, sizeof buf, &prio, &ts), strerrorname_np(errno));
    mq_close(q);
    CHECK(mq_unlink(name) == 0, "unlink");
    return 0;
}
