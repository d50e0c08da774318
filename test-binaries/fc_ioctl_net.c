/* fc_ioctl_net: network interface ioctls on the loopback interface: SIOCGIFINDEX, SIOCGIFFLAGS,
 * SIOCGIFMTU, SIOCGIFADDR, SIOCGIFCONF (a buffer the kernel fills), SIOCSIFADDR refused (0x8916).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

int main(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK(s >= 0, "socket");
    struct ifreq r;
    memset(&r, 0, sizeof r);
    strcpy(r.ifr_name, "lo");
    if (ioctl(s, SIOCGIFINDEX, &r) == 0) printf("lo index %d\n", r.ifr_ifindex);
    else printf("SIOCGIFINDEX %s\n", strerrorname_np(errno));
    if (ioctl(s, SIOCGIFFLAGS, &r) == 0) printf("lo up %d loopback %d\n", !!(r.ifr_flags & IFF_UP), !!(r.ifr_flags & IFF_LOOPBACK));
    if (ioctl(s, SIOCGIFMTU, &r) == 0) printf("lo mtu %d\n", r.ifr_mtu);
    if (ioctl(s, SIOCGIFADDR, &r) == 0) printf("lo addr %s\n", inet_ntoa(((struct sockaddr_in *)&r.ifr_addr)->sin_addr));
    else printf("SIOCGIFADDR %s\n", strerrorname_np(errno));
    struct ifreq all[16];
    struct ifconf conf = {.ifc_len = sizeof all, .ifc_req = all};
    CHECK(ioctl(s, SIOCGIFCONF, &conf) == 0, "SIOCGIFCONF");
    int found = 0;
    for (int i = 0; i < conf.ifc_len / (int)sizeof(struct ifreq); i++) found |= strcmp(all[i].ifr_name, "lo") == 0;
    printf("SIOCGIFCONF lists lo: %d\n", found);
    struct ifreq set;
    memset(&set, 0, sizeof set);
    strcpy(set.ifr_name, "nonexistent0");
    set.ifr_addr.sa_family = AF_INET;
    errno = 0;
    printf("SIOCSIFADDR on a missing interface: %d %s\n", ioctl(s, SIOCSIFADDR, &set), strerrorname_np(errno));
    return 0;
}
