/*
 * LD_PRELOAD shim for running sanlock's daemon in a sandbox without CAP_SYS_RESOURCE: setrlimit calls that
 * fail with EPERM report success (the daemon only raises its own limits). Benchmarks only.
 * Build: gcc -shared -fPIC -o setrlimit_shim.so setrlimit_shim.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <sys/resource.h>

int setrlimit(__rlimit_resource_t resource, const struct rlimit *rlim) {
    static int (*real)(__rlimit_resource_t, const struct rlimit *);
    if (!real) {
        real = dlsym(RTLD_NEXT, "setrlimit");
    }
    int r = real(resource, rlim);
    if (r != 0 && errno == EPERM) {
        errno = 0;
        return 0;
    }
    return r;
}
