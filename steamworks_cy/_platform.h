/* The platform seam of _core.pyx: run-time loading of the Steam API library and a monotonic clock.
 * Loading at run time (not link time) keeps `import steamworks_cy` working on machines without Steam. */
#ifndef STEAMWORKS_CY_PLATFORM_H
#define STEAMWORKS_CY_PLATFORM_H

#include <stdio.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>

static void *swcy_dlopen(const char *path, char *err, size_t errlen)
{
    /* UTF-8 path -> UTF-16 so non-ASCII install folders work. */
    wchar_t wide[4096];
    if (!MultiByteToWideChar(CP_UTF8, 0, path, -1, wide, 4096)) {
        snprintf(err, errlen, "path is not valid UTF-8 or too long");
        return NULL;
    }
    /* LOAD_WITH_ALTERED_SEARCH_PATH is defined for absolute paths only: a bare name uses the
     * standard search order. */
    DWORD flags = (strchr(path, '\\') || strchr(path, '/')) ? LOAD_WITH_ALTERED_SEARCH_PATH : 0;
    HMODULE h = LoadLibraryExW(wide, NULL, flags);
    if (!h) snprintf(err, errlen, "LoadLibrary failed with error %lu", (unsigned long)GetLastError());
    return (void *)h;
}
static void *swcy_dlsym(void *handle, const char *name)
{
    return handle ? (void *)GetProcAddress((HMODULE)handle, name) : NULL;
}
static double swcy_monotonic(void)
{
    LARGE_INTEGER now, frequency;
    QueryPerformanceCounter(&now);
    QueryPerformanceFrequency(&frequency);
    return (double)now.QuadPart / (double)frequency.QuadPart;
}
#else
#include <dlfcn.h>

static void *swcy_dlopen(const char *path, char *err, size_t errlen)
{
    /* RTLD_LOCAL: Valve's library must not leak its symbols into the process namespace. */
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *msg = dlerror();
        snprintf(err, errlen, "%s", msg ? msg : "dlopen failed");
    }
    return h;
}
static void *swcy_dlsym(void *handle, const char *name)
{
    return handle ? dlsym(handle, name) : NULL;
}
#include <time.h>
static double swcy_monotonic(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
}
#endif

#endif
