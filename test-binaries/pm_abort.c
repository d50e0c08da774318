/* Post-mortem fixture: a consistency check fails and the program calls abort(). Its core shows
 * one thread stopped by SIGABRT inside libc, called from check_balance(account=..., expected=500)
 * with local diff == -125, called from main (local accounts[1].balance == 375). */
#include <stdio.h>
#include <stdlib.h>

struct account {
    const char *owner;
    long balance;
};

static void check_balance(const struct account *account, long expected) {
    long diff = account->balance - expected;
    if (diff != 0) {
        fprintf(stderr, "%s: balance %ld, expected %ld\n", account->owner, account->balance, expected);
        abort();                                      /* ABORT */
    }
}

int main(void) {
    struct account accounts[2] = {{"alice", 100}, {"bob", 375}};
    check_balance(&accounts[0], 100);
    check_balance(&accounts[1], 500);
    return 0;
}
