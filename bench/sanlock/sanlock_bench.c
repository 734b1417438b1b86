/*
 * sanlock side of Lockstep's lock benchmark: acquire and release one sanlock resource lease in a loop
 * from a registered process (the way a VM manager uses sanlock), timing each call in this process.
 * Build: gcc -O2 -o sanlock_bench sanlock_bench.c -lsanlock   (Debian: libsanlock-dev)
 * Usage: sanlock_bench LOCKSPACE RESOURCE PATH OFFSET ITERATIONS
 * Prints one line per iteration: "<acquire ns> <release ns>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <time.h>
#include <sanlock.h>
#include <sanlock_resource.h>

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s LOCKSPACE RESOURCE PATH OFFSET ITERATIONS\n", argv[0]);
        return 2;
    }
    struct sanlk_resource *res = calloc(1, sizeof(struct sanlk_resource) + sizeof(struct sanlk_disk));
    strncpy(res->lockspace_name, argv[1], SANLK_NAME_LEN);
    strncpy(res->name, argv[2], SANLK_NAME_LEN);
    res->num_disks = 1;
    strncpy(res->disks[0].path, argv[3], SANLK_PATH_LEN - 1);
    res->disks[0].offset = strtoull(argv[4], NULL, 10);
    int iterations = atoi(argv[5]);

    int sock = sanlock_register();
    if (sock < 0) {
        fprintf(stderr, "sanlock_register failed: %d (is the daemon running?)\n", sock);
        return 1;
    }
    for (int i = 0; i < iterations; i++) {
        long long t0 = now_ns();
        int rv = sanlock_acquire(sock, -1, 0, 1, &res, NULL);
        long long t1 = now_ns();
        if (rv < 0) {
            fprintf(stderr, "sanlock_acquire failed: %d\n", rv);
            return 1;
        }
        rv = sanlock_release(sock, -1, 0, 1, &res);
        long long t2 = now_ns();
        if (rv < 0) {
            fprintf(stderr, "sanlock_release failed: %d\n", rv);
            return 1;
        }
        printf("%lld %lld\n", t1 - t0, t2 - t1);
    }
    return 0;
}
