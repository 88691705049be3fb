// The SteamEmu_ control surface (declared in emulator/steam_emulator_control.h).
#include <cstring>

#include "api_common.hpp"

#define STEAMEMU_BUILDING 1
#include "../steam_emulator_control.h"

using namespace swemu;

namespace {

// Copies `text` plus NUL when it fits; returns the size needed (saturated to INT_MAX).
int copy_if_fits(const std::string& text, char* buf, int cap) {
    size_t need = text.size() + 1;
    if (need > static_cast<size_t>(INT32_MAX)) return INT32_MAX;
    if (buf && cap > 0 && static_cast<size_t>(cap) >= need) std::memcpy(buf, text.c_str(), need);
    return static_cast<int>(need);
}

void clear_async(State& s) {
    s.timeline.clear();
    s.ready.clear();
    s.current = Callback();
    s.has_current = false;
    s.results.clear();
    s.result_order.clear();
    s.pending.clear();
    s.failure_reasons.clear();
    s.downloads.clear();
}

// Effects of posted callbacks on the client's cache, applied when they become due.
Effect effect_of(int id, const Bytes& payload) {
    if (id == UserStatsUnloaded_t::k_iCallback && payload.size() == sizeof(UserStatsUnloaded_t)) {
        UserStatsUnloaded_t u;
        std::memcpy(static_cast<void*>(&u), payload.data(), sizeof u);
        uint64_t who = u.m_steamIDUser.ConvertToUint64();
        return [who](State& st) { st.loaded_users.erase(who); };
    }
    if (id == UserStatsReceived_t::k_iCallback && payload.size() == sizeof(UserStatsReceived_t)) {
        UserStatsReceived_t r;
        std::memcpy(static_cast<void*>(&r), payload.data(), sizeof r);
        int result = 0;
        std::memcpy(&result, &r.m_eResult, sizeof result);
        uint64_t who = r.m_steamIDUser.ConvertToUint64();
        uint64_t game = r.m_nGameID;
        if (result != kResultOK) return nullptr;
        return [who, game](State& st) {
            if (!st.initialised || game != CGameID(static_cast<uint32>(st.game_id())).ToUint64()) return;
            if (who == st.user.steam_id) return;
            const Player* p = st.data.find_player(who);
            if (p && p->stats_readable) st.loaded_users[who] = *p;
        };
    }
    return nullptr;
}

}  // namespace

extern "C" {

STEAMEMU_API int SteamEmu_ControlVersion(void) { return 1; }

STEAMEMU_API int SteamEmu_LoadDataJSON(const char* json, char* err, int err_cap) {
    Control c;
    std::string error;
    if (!json) {
        copy_message(err, err_cap > 0 ? static_cast<size_t>(err_cap) : 0, "no JSON text given (NULL)");
        return 0;
    }
    if (!load_data_text(c.s, json, "explicit", &error)) {
        copy_message(err, err_cap > 0 ? static_cast<size_t>(err_cap) : 0, "invalid emulator data: " + error);
        return 0;
    }
    clear_async(c.s);
    copy_message(err, err_cap > 0 ? static_cast<size_t>(err_cap) : 0, "");
    return 1;
}

STEAMEMU_API int SteamEmu_LoadDataFile(const char* path, char* err, int err_cap) {
    Control c;
    size_t cap = err_cap > 0 ? static_cast<size_t>(err_cap) : 0;
    if (!path) {
        copy_message(err, cap, "no file given (NULL)");
        return 0;
    }
    std::string text, error;
    if (!read_file(path, &text, &error)) {
        copy_message(err, cap, std::string("cannot read emulator data file '") + path + "': " + error);
        return 0;
    }
    if (!load_data_text(c.s, text, "explicit", &error)) {
        copy_message(err, cap, std::string("invalid emulator data in '") + path + "': " + error);
        return 0;
    }
    clear_async(c.s);
    copy_message(err, cap, "");
    return 1;
}

STEAMEMU_API int SteamEmu_DefaultDataJSON(char* buf, int cap) {
    return copy_if_fits(std::string(kDefaultDataJSON, kDefaultDataSize), buf, cap);
}

STEAMEMU_API int SteamEmu_CurrentDataJSON(char* buf, int cap) {
    Control c;
    return copy_if_fits(app_data_to_json(c.s.data), buf, cap);
}

STEAMEMU_API void SteamEmu_Reset(void) {
    Control c;
    State& s = c.s;
    s.reset_config();
    // Always reload: StoreStats and leaderboard uploads change the "server" copy of the data.
    std::string error;
    load_data_text(s, std::string(kDefaultDataJSON, kDefaultDataSize), "default", &error);
    clear_async(s);
    s.next_results.clear();
    s.log.clear();
    s.log_dropped = 0;
    s.protocol_errors = 0;
    s.last_error.clear();
    if (s.initialised) s.app_id = s.data.app_id;
}

STEAMEMU_API void SteamEmu_SetOnline(int online) {
    Control c;
    c.s.net.online = online != 0;
}

STEAMEMU_API void SteamEmu_SetLoggedOn(int logged_on) {
    Control c;
    c.s.net.logged_on = logged_on != 0;
}

STEAMEMU_API void SteamEmu_SetSteamRunning(int running) {
    Control c;
    c.s.steam_running = running != 0;
}

STEAMEMU_API void SteamEmu_SetLatencyMs(int64_t ms) {
    Control c;
    c.s.net.latency_ms = ms < 0 ? 0 : ms;
}

STEAMEMU_API void SteamEmu_SetOfflineTimeoutMs(int64_t ms) {
    Control c;
    c.s.net.offline_timeout_ms = ms < 0 ? 0 : ms;
}

STEAMEMU_API int SteamEmu_SetNextResult(uint64_t steam_id, int result, int io_failure) {
    Control c;
    if (steam_id != 0 && !is_individual_account(steam_id)) return 0;
    NextResult r;
    r.result = result;
    r.io_failure = io_failure != 0;
    c.s.next_results[steam_id] = r;
    return 1;
}

STEAMEMU_API int SteamEmu_PostCallback(int callback_id, const void* data, int size, int64_t delay_ms) {
    Control c;
    if (size < 0 || (size > 0 && !data)) return 0;
    Bytes payload(static_cast<size_t>(size));
    if (size > 0) std::memcpy(payload.data(), data, static_cast<size_t>(size));
    Effect effect = effect_of(callback_id, payload);
    c.s.post(callback_id, std::move(payload), delay_ms, std::move(effect));
    c.s.pump();  // a callback due now is ready at once
    return 1;
}

STEAMEMU_API int SteamEmu_PostUserStatsReceived(uint64_t steam_id, int result, uint64_t game_id, int use_app_game_id) {
    Control c;
    UserStatsReceived_t r{};
    r.m_nGameID = use_app_game_id ? CGameID(static_cast<uint32>(c.s.game_id())).ToUint64() : game_id;
    set_enum(&r.m_eResult, result);
    r.m_steamIDUser = CSteamID(static_cast<uint64>(steam_id));
    Bytes payload = bytes_of(r);
    Effect effect = effect_of(UserStatsReceived_t::k_iCallback, payload);
    c.s.post(UserStatsReceived_t::k_iCallback, std::move(payload), 0, std::move(effect));
    c.s.pump();
    return 1;
}

STEAMEMU_API int SteamEmu_UnloadUser(uint64_t steam_id) {
    Control c;
    c.s.loaded_users.erase(steam_id);
    UserStatsUnloaded_t u{};
    u.m_steamIDUser = CSteamID(static_cast<uint64>(steam_id));
    c.s.post(UserStatsUnloaded_t::k_iCallback, bytes_of(u), 0);
    c.s.pump();
    return 1;
}

STEAMEMU_API void SteamEmu_UseManualClock(int enabled) {
    Control c;
    c.s.set_manual_clock(enabled != 0);
}

STEAMEMU_API void SteamEmu_AdvanceClockMs(int64_t ms) {
    Control c;
    if (c.s.manual_clock && ms > 0) c.s.manual_now += ms;
    c.s.pump();
}

STEAMEMU_API int64_t SteamEmu_NowMs(void) {
    Control c;
    return c.s.now_ms();
}

STEAMEMU_API int SteamEmu_CallLogJSON(char* buf, int cap) {
    Control c;
    std::string out = "[";
    bool first = true;
    for (const std::string& e : c.s.log) {
        if (!first) out += ",\n ";
        first = false;
        out += e;
    }
    out += "]";
    return copy_if_fits(out, buf, cap);
}

STEAMEMU_API void SteamEmu_ClearCallLog(void) {
    Control c;
    c.s.log.clear();
    c.s.log_dropped = 0;
}

STEAMEMU_API void SteamEmu_SetCallLog(int enabled) {
    Control c;
    c.s.call_log = enabled != 0;
}

STEAMEMU_API void SteamEmu_SetLogDispatch(int include) {
    Control c;
    c.s.log_dispatch = include != 0;
}

STEAMEMU_API int SteamEmu_ProtocolErrors(void) {
    Control c;
    return c.s.protocol_errors;
}

STEAMEMU_API int SteamEmu_IsInitialised(void) {
    Control c;
    return c.s.initialised ? 1 : 0;
}

STEAMEMU_API int SteamEmu_ReadyCallbackCount(void) {
    Control c;
    return static_cast<int>(c.s.ready.size());
}

STEAMEMU_API int SteamEmu_PendingCallCount(void) {
    Control c;
    return static_cast<int>(c.s.pending.size());
}

STEAMEMU_API int SteamEmu_LastError(char* buf, int cap) {
    Control c;
    return copy_if_fits(c.s.last_error, buf, cap);
}

STEAMEMU_API void SteamEmu_SetStateFile(const char* path) {
    Control c;
    c.s.state_file = path ? path : "";
    if (c.s.initialised) c.s.active_state_file = c.s.state_file;
}

}  // extern "C"
