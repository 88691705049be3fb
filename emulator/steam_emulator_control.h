/* steamworks_cy emulator: control surface for tests and scripted scenarios.
 *
 * These functions are exported by libsteamworks_cy_emulator next to the Steamworks flat API
 * that the emulator implements. They are never called by a game; tests and tools use them to
 * set up data and network conditions and to inspect what the game sent to "Steam".
 * All functions are thread-safe (one mutex with the flat API) and accept NULL where a pointer
 * is optional. Times are in milliseconds of the emulator's clock (see SteamEmu_UseManualClock).
 *
 * Conventions: functions returning int return 1 for success and 0 for failure unless stated;
 * error messages are copied into (err, err_cap) bounded and always NUL-terminated.
 */
#ifndef STEAM_EMULATOR_CONTROL_H
#define STEAM_EMULATOR_CONTROL_H

#include <stdint.h>

#if defined(_WIN32)
#if defined(STEAMEMU_BUILDING)
#define STEAMEMU_API __declspec(dllexport)
#else
#define STEAMEMU_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define STEAMEMU_API __attribute__((visibility("default")))
#else
#define STEAMEMU_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Version of this control surface (1). */
STEAMEMU_API int SteamEmu_ControlVersion(void);

/* ---- data --------------------------------------------------------------------------------- */

/* Replaces the emulator's data with a JSON document (format: emulator/README.md). Applies its
 * "network" section to the configuration. While initialised, the session restarts from the new
 * data (current user's values reloaded, other users' cached stats dropped).
 * Returns 1, or 0 with a message (JSON path and problem) when the data is invalid; the previous
 * data then stays in place. */
STEAMEMU_API int SteamEmu_LoadDataJSON(const char *json, char *err, int err_cap);

/* The same from a file; the message names the file. */
STEAMEMU_API int SteamEmu_LoadDataFile(const char *path, char *err, int err_cap);

/* Copies the embedded default data (Spacewar, app 480) into buf when it fits.
 * Returns the size needed including the terminating NUL; writes only when cap >= that size. */
STEAMEMU_API int SteamEmu_DefaultDataJSON(char *buf, int cap);

/* The data as the emulator's "server" knows it now, in the same JSON format: the loaded data
 * plus what StoreStats, leaderboard uploads and FindOrCreateLeaderboard changed since.
 * Same size protocol as SteamEmu_DefaultDataJSON. */
STEAMEMU_API int SteamEmu_CurrentDataJSON(char *buf, int cap);

/* Back to the default data and the default configuration: online, latency 50 ms, offline
 * timeout 70 s, logged on, Steam running, real clock, no state file, call log on, dispatch
 * calls not logged.
 * Clears queued and scheduled callbacks, pending and completed call results, scripted next
 * results, the call log and the protocol-error counter. Does not shut the API down; while
 * initialised the session restarts from the default data. */
STEAMEMU_API void SteamEmu_Reset(void);

/* ---- network and client ------------------------------------------------------------------- */

/* Network up (1) or down (0). Down: requests still return a handle but complete only after
 * the offline timeout, with k_EResultNoConnection (3) or their own failure form. */
STEAMEMU_API void SteamEmu_SetOnline(int online);
/* BLoggedOn(); while logged off RequestUserStats returns 0 (k_uAPICallInvalid). */
STEAMEMU_API void SteamEmu_SetLoggedOn(int logged_on);
/* Whether a Steam client "runs": when 0, SteamAPI_InitFlat returns 2 (NoSteamClient) with a
 * message naming steamclient, and SteamAPI_IsSteamRunning() is false. */
STEAMEMU_API void SteamEmu_SetSteamRunning(int running);
/* Round-trip time of an online request (default 50 ms). Negative values count as 0. */
STEAMEMU_API void SteamEmu_SetLatencyMs(int64_t ms);
/* Time after which an offline request fails (default 70000 ms). */
STEAMEMU_API void SteamEmu_SetOfflineTimeoutMs(int64_t ms);

/* ---- scripted results ---------------------------------------------------------------------- */

/* The next RequestUserStats for steam_id (0 = for any player) completes with `result` (any
 * EResult value), or, when io_failure != 0, as an IO failure (GetAPICallResult: true with
 * *pbFailed = true, junk bytes; failure reason 1; no broadcast). Consumed by that request;
 * a second call for the same id replaces the first. Not consumed while offline.
 * Returns 0 when steam_id is neither 0 nor a valid individual account. */
STEAMEMU_API int SteamEmu_SetNextResult(uint64_t steam_id, int result, int io_failure);

/* Queues any callback: `size` bytes copied from `data` (NULL allowed when size is 0), ready
 * `delay_ms` after now. A UserStatsUnloaded_t (1108) of the right size also evicts that user's
 * cached stats when it becomes due; a UserStatsReceived_t (1101) with result 1 for this app
 * loads a readable player's stats. Returns 0 for a negative size or NULL data with size > 0. */
STEAMEMU_API int SteamEmu_PostCallback(int callback_id, const void *data, int size, int64_t delay_ms);

/* Posts a broadcast UserStatsReceived_t {game_id (the app's when use_app_game_id != 0),
 * result, steam_id}, ready now (see SteamEmu_PostCallback for its effect). */
STEAMEMU_API int SteamEmu_PostUserStatsReceived(uint64_t steam_id, int result, uint64_t game_id,
                                                int use_app_game_id);

/* Evicts steam_id's cached stats at once and posts UserStatsUnloaded_t (1108) for it. */
STEAMEMU_API int SteamEmu_UnloadUser(uint64_t steam_id);

/* ---- clock ---------------------------------------------------------------------------------- */

/* Manual clock on (1): time stands still until SteamEmu_AdvanceClockMs. Off (0): real time,
 * continuing from the manual clock's value. */
STEAMEMU_API void SteamEmu_UseManualClock(int enabled);
/* Advances the manual clock (ignored for the real clock or ms <= 0). */
STEAMEMU_API void SteamEmu_AdvanceClockMs(int64_t ms);
/* The emulator's clock in milliseconds. */
STEAMEMU_API int64_t SteamEmu_NowMs(void);

/* ---- inspection ----------------------------------------------------------------------------- */

/* The call log as a JSON array of {"fn": name, "args": [...]}. Returns the size needed
 * including the terminating NUL; writes into buf only when cap >= that size. */
STEAMEMU_API int SteamEmu_CallLogJSON(char *buf, int cap);
STEAMEMU_API void SteamEmu_ClearCallLog(void);
/* Keep the call log at all (1, the default; SteamEmu_Reset turns it back on) or not (0): while
 * off, no flat call is logged or formatted, so every call costs only its own work (for timing).
 * Entries logged before are kept. */
STEAMEMU_API void SteamEmu_SetCallLog(int enabled);
/* Also log the per-frame dispatch calls (RunCallbacks, ManualDispatch_RunFrame,
 * GetNextCallback, FreeLastCallback, GetAPICallResult) while the call log is on. Off by
 * default. */
STEAMEMU_API void SteamEmu_SetLogDispatch(int include);

/* Manual-dispatch protocol violations seen while initialised: GetNextCallback while the
 * previous callback was not freed, FreeLastCallback with nothing to free, a wrong pipe. */
STEAMEMU_API int SteamEmu_ProtocolErrors(void);

/* 1 between a successful SteamAPI_InitFlat and SteamAPI_Shutdown. */
STEAMEMU_API int SteamEmu_IsInitialised(void);
/* Callbacks ready for GetNextCallback now (scheduled ones not counted). */
STEAMEMU_API int SteamEmu_ReadyCallbackCount(void);
/* Calls issued and not yet completed. */
STEAMEMU_API int SteamEmu_PendingCallCount(void);

/* The last error the emulator recorded (e.g. a failed state-file write); same size protocol
 * as SteamEmu_CallLogJSON. Empty string when none. */
STEAMEMU_API int SteamEmu_LastError(char *buf, int cap);

/* ---- persistence ---------------------------------------------------------------------------- */

/* Where StoreStats persists the current user's stats and achievements (written to a temp file,
 * fsynced, renamed). NULL or "" = none (then STEAMWORKS_CY_EMULATOR_STATE is used at init).
 * Read at SteamAPI_InitFlat when it exists. */
STEAMEMU_API void SteamEmu_SetStateFile(const char *path);

#ifdef __cplusplus
}
#endif

#endif /* STEAM_EMULATOR_CONTROL_H */
