/* The floor: emulator functions called from a C loop through the same function pointers the
 * bindings use (received as addresses from Python), so no Python runs inside the timed loop.
 * Compiled at bench time into a temporary folder (bench/floor.py); every function returns the
 * elapsed nanoseconds of its whole loop.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#if defined(_WIN32)
#include <windows.h>
#endif

#if defined(_WIN32)
#define EXPORT __declspec(dllexport)
#else
#define EXPORT __attribute__((visibility("default")))
#endif

/* Only the fields read here; offsets as in Valve's headers (pack 4 on Linux/macOS, 8 on Win64). */
#if defined(_WIN32)
#pragma pack(push, 8)
#else
#pragma pack(push, 4)
#endif
typedef struct {
    int32_t m_hSteamUser;
    int32_t m_iCallback;
    uint8_t *m_pubParam;
    int32_t m_cubParam;
} CallbackMsg;

typedef struct {
    uint64_t m_hAsyncCall;
    int32_t m_iCallback;
    uint32_t m_cubParam;
} CallCompleted;
#pragma pack(pop)

typedef bool (*get_stat_int_fn)(void *, const char *, int32_t *);
typedef bool (*get_ach_time_fn)(void *, const char *, bool *, uint32_t *);
typedef bool (*logged_on_fn)(void *);
typedef uint32_t (*num_ach_fn)(void *);
typedef const char *(*ach_name_fn)(void *, uint32_t);
typedef bool (*set_ach_fn)(void *, const char *);
typedef void (*run_frame_fn)(int32_t);
typedef bool (*next_callback_fn)(int32_t, CallbackMsg *);
typedef void (*free_callback_fn)(int32_t);
typedef bool (*call_result_fn)(int32_t, uint64_t, void *, int, int, bool *);

static int64_t now_ns(void) {
#if defined(_WIN32)
    LARGE_INTEGER count, frequency;
    QueryPerformanceCounter(&count);
    QueryPerformanceFrequency(&frequency);
    return (int64_t)((double)count.QuadPart * 1e9 / (double)frequency.QuadPart);
#else
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
#endif
}

/* Keeps the compiler from dropping calls whose results are unused. */
static volatile uint64_t sink;

EXPORT int64_t floor_get_stat_int32(void *fn, void *self, const char *name, int64_t n) {
    get_stat_int_fn f = (get_stat_int_fn)fn;
    int32_t value = 0;
    uint64_t acc = 0;
    int64_t start = now_ns();
    for (int64_t i = 0; i < n; i++) acc += f(self, name, &value) + (uint32_t)value;
    int64_t elapsed = now_ns() - start;
    sink = acc;
    return elapsed;
}

EXPORT int64_t floor_get_achievement_and_unlock_time(void *fn, void *self, const char *name, int64_t n) {
    get_ach_time_fn f = (get_ach_time_fn)fn;
    bool achieved = false;
    uint32_t when = 0;
    uint64_t acc = 0;
    int64_t start = now_ns();
    for (int64_t i = 0; i < n; i++) acc += f(self, name, &achieved, &when) + achieved + when;
    int64_t elapsed = now_ns() - start;
    sink = acc;
    return elapsed;
}

/* What getAchievementInfo() costs in Steam calls per call: BLoggedOn + GetAchievementAndUnlockTime
 * (the display attributes are read once per session and cached). */
EXPORT int64_t floor_achievement_info(void *logged_on, void *user, void *fn, void *self, const char *name,
                                      int64_t n) {
    logged_on_fn on = (logged_on_fn)logged_on;
    get_ach_time_fn f = (get_ach_time_fn)fn;
    bool achieved = false;
    uint32_t when = 0;
    uint64_t acc = 0;
    int64_t start = now_ns();
    for (int64_t i = 0; i < n; i++) {
        if (on(user)) acc += f(self, name, &achieved, &when) + achieved + when;
    }
    int64_t elapsed = now_ns() - start;
    sink = acc;
    return elapsed;
}

EXPORT int64_t floor_get_num_achievements(void *fn, void *self, int64_t n) {
    num_ach_fn f = (num_ach_fn)fn;
    uint64_t acc = 0;
    int64_t start = now_ns();
    for (int64_t i = 0; i < n; i++) acc += f(self);
    int64_t elapsed = now_ns() - start;
    sink = acc;
    return elapsed;
}

EXPORT int64_t floor_get_achievement_name(void *fn, void *self, uint32_t index, int64_t n) {
    ach_name_fn f = (ach_name_fn)fn;
    uint64_t acc = 0;
    int64_t start = now_ns();
    for (int64_t i = 0; i < n; i++) {
        const char *name = f(self, index);
        acc += name ? (uint8_t)name[0] : 0;
    }
    int64_t elapsed = now_ns() - start;
    sink = acc;
    return elapsed;
}

EXPORT int64_t floor_set_achievement(void *fn, void *self, const char *name, int64_t n) {
    set_ach_fn f = (set_ach_fn)fn;
    uint64_t acc = 0;
    int64_t start = now_ns();
    for (int64_t i = 0; i < n; i++) acc += f(self, name);
    int64_t elapsed = now_ns() - start;
    sink = acc;
    return elapsed;
}

/* An idle frame: RunFrame + one GetNextCallback that finds nothing. */
EXPORT int64_t floor_idle_frame(void *run_frame, void *next_callback, int32_t pipe, int64_t n) {
    run_frame_fn frame = (run_frame_fn)run_frame;
    next_callback_fn next = (next_callback_fn)next_callback;
    CallbackMsg msg;
    uint64_t acc = 0;
    int64_t start = now_ns();
    for (int64_t i = 0; i < n; i++) {
        frame(pipe);
        acc += next(pipe, &msg);
    }
    int64_t elapsed = now_ns() - start;
    sink = acc;
    return elapsed;
}

/* One pump of manual dispatch: every ready callback is fetched and freed; for each completed call
 * the result (UserStatsReceived_t, 1101, `result_size` bytes) is read. *results gets their count. */
EXPORT int64_t floor_dispatch(void *run_frame, void *next_callback, void *free_callback, void *call_result,
                              int32_t pipe, int result_size, int64_t *results) {
    run_frame_fn frame = (run_frame_fn)run_frame;
    next_callback_fn next = (next_callback_fn)next_callback;
    free_callback_fn release = (free_callback_fn)free_callback;
    call_result_fn get_result = (call_result_fn)call_result;
    CallbackMsg msg;
    unsigned char buf[256];
    bool failed = false;
    int64_t count = 0;
    if (result_size < 0 || result_size > (int)sizeof buf) return -1;
    int64_t start = now_ns();
    frame(pipe);
    while (next(pipe, &msg)) {
        if (msg.m_iCallback == 703 && msg.m_cubParam >= (int32_t)sizeof(CallCompleted)) {
            const CallCompleted *done = (const CallCompleted *)msg.m_pubParam;
            if (get_result(pipe, done->m_hAsyncCall, buf, result_size, 1101, &failed)) count++;
        }
        release(pipe);
    }
    int64_t elapsed = now_ns() - start;
    *results = count;
    return elapsed;
}
