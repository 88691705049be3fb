// Init, shutdown, manual dispatch and the interface accessors of the flat API.
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "api_common.hpp"

using namespace swemu;

namespace swemu {

Token g_user_token{0x53455255u};   // "USER"
Token g_utils_token{0x534c5455u};  // "UTLS"
Token g_stats_token{0x54415453u};  // "STAT"

bool call_result(State& s, uint64_t call, void* buf, int size, int expected, bool* failed) {
    if (failed) *failed = false;
    auto it = s.results.find(call);
    if (it == s.results.end()) {
        // Still running: not a failure yet. Unknown: it never will complete.
        if (failed && !s.pending.count(call)) *failed = true;
        return false;
    }
    CallResult& r = it->second;
    if (expected != r.id || size < 0 || static_cast<size_t>(size) != r.payload.size() ||
        (!buf && size > 0)) {
        s.failure_reasons[call] = kFailureMismatched;
        if (failed) *failed = true;
        return false;
    }
    if (r.io_failure) {
        // Like Steam after an IO failure: the contents are not to be trusted.
        if (buf && size > 0) std::memset(buf, 0xCD, static_cast<size_t>(size));
        if (failed) *failed = true;
        s.failure_reasons[call] = kFailureNetwork;
    } else {
        if (size > 0) std::memcpy(buf, r.payload.data(), static_cast<size_t>(size));
        if (!s.failure_reasons.empty()) s.failure_reasons.erase(call);
    }
    s.results.erase(it);
    return true;
}

}  // namespace swemu

namespace {

const char* steamclient_name() {
#if defined(_WIN32) && defined(X64BITS)
    return "steamclient64.dll";
#elif defined(_WIN32)
    return "steamclient.dll";
#elif defined(__APPLE__)
    return "steamclient.dylib";
#else
    return "steamclient.so";
#endif
}

// Strict decimal app id (digits only, 1..2^32-1), surrounding whitespace allowed.
bool parse_app_id(const std::string& raw, uint32_t* out) {
    size_t b = 0, e = raw.size();
    while (b < e && std::isspace(static_cast<unsigned char>(raw[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(raw[e - 1]))) --e;
    if (b == e || e - b > 10) return false;
    uint64_t v = 0;
    for (size_t i = b; i < e; ++i) {
        if (raw[i] < '0' || raw[i] > '9') return false;
        v = v * 10 + static_cast<uint64_t>(raw[i] - '0');
    }
    if (v == 0 || v > 0xFFFFFFFFull) return false;
    *out = static_cast<uint32_t>(v);
    return true;
}

int init_session(State& s, std::string* msg) {
    if (s.initialised) return k_ESteamAPIInitResult_OK;
    if (!s.steam_running) {
        *msg = std::string("SteamAPI_Init(): could not load ") + steamclient_name() +
               ": the Steam client is not running (steamworks_cy emulator: Steam not running)";
        return k_ESteamAPIInitResult_NoSteamClient;
    }

    // Which data: loaded through the control surface, else the environment, else the default.
    if (s.data_origin != "explicit") {
        const char* env = std::getenv("STEAMWORKS_CY_EMULATOR_DATA");
        std::string error;
        if (env && *env) {
            std::string path(env);
            std::string text;
            if (!read_file(path, &text, &error)) {
                *msg = "steamworks_cy emulator: cannot read STEAMWORKS_CY_EMULATOR_DATA file '" +
                       path + "': " + error;
                return k_ESteamAPIInitResult_FailedGeneric;
            }
            if (!load_data_text(s, text, "env:" + path, &error)) {
                *msg = "steamworks_cy emulator: invalid data in STEAMWORKS_CY_EMULATOR_DATA file '" +
                       path + "': " + error;
                return k_ESteamAPIInitResult_FailedGeneric;
            }
        } else if (s.data_origin != "default") {
            if (!load_data_text(s, std::string(kDefaultDataJSON, kDefaultDataSize), "default", &error)) {
                *msg = "steamworks_cy emulator: embedded data is invalid: " + error;
                return k_ESteamAPIInitResult_FailedGeneric;
            }
        }
    }

    // The app id, found the way Steam finds it.
    uint32_t app_id = s.data.app_id;
    const char* env_app = std::getenv("SteamAppId");
    std::string source;
    if (env_app && *env_app) {
        if (!parse_app_id(env_app, &app_id)) {
            *msg = std::string("SteamAPI_Init(): SteamAppId='") + env_app + "' is not a valid app id";
            return k_ESteamAPIInitResult_FailedGeneric;
        }
        source = "the SteamAppId environment variable";
    } else {
        std::string text, error;
        if (read_file("steam_appid.txt", &text, &error)) {
            std::string first = text.substr(0, text.find_first_of("\r\n"));
            if (!parse_app_id(first, &app_id)) {
                *msg = "SteamAPI_Init(): steam_appid.txt in the working directory does not hold a "
                       "valid app id";
                return k_ESteamAPIInitResult_FailedGeneric;
            }
            source = "steam_appid.txt";
        }
    }
    if (app_id != s.data.app_id) {
        *msg = "steamworks_cy emulator: app id " + std::to_string(app_id) + " (from " + source +
               ") does not match the emulator data's app id " + std::to_string(s.data.app_id) +
               (s.data.app_name.empty() ? std::string() : " (" + s.data.app_name + ")") +
               "; load data for that app (STEAMWORKS_CY_EMULATOR_DATA) or change the app id";
        return k_ESteamAPIInitResult_FailedGeneric;
    }

    s.reload_session();

    // Stats stored by an earlier run, when a state file is configured.
    std::string state_path = s.state_file;
    if (state_path.empty()) {
        const char* env_state = std::getenv("STEAMWORKS_CY_EMULATOR_STATE");
        if (env_state) state_path = env_state;
    }
    if (!state_path.empty()) {
        std::string text, error;
        if (read_file(state_path, &text, &error)) {
            bool applied = false;
            Player user = s.user;
            if (!apply_state_json(text, s.data, &user, &applied, &error)) {
                *msg = "steamworks_cy emulator: invalid state file '" + state_path + "': " + error;
                return k_ESteamAPIInitResult_FailedGeneric;
            }
            if (applied) {
                s.user = user;
                s.stored_user = user;
                if (Player* server = s.data.find_player(user.steam_id)) *server = user;
            }
        }
    }
    s.active_state_file = state_path;
    s.app_id = app_id;
    s.init_ms = s.now_ms();
    s.initialised = true;
    msg->clear();
    return k_ESteamAPIInitResult_OK;
}

// Dispatch calls on another pipe than ours are protocol errors (counted while initialised).
bool check_pipe(State& s, HSteamPipe pipe) {
    if (!s.initialised) return false;
    if (pipe != kPipe) {
        ++s.protocol_errors;
        return false;
    }
    return true;
}

}  // namespace

S_API ESteamAPIInitResult S_CALLTYPE SteamAPI_InitFlat(SteamErrMsg* pOutErrMsg) {
    Api api("SteamAPI_InitFlat", LAZY_ARGS(Args().ptr(pOutErrMsg)));
    std::string msg;
    int rc = init_session(api.s, &msg);
    if (pOutErrMsg) copy_message(*pOutErrMsg, sizeof(SteamErrMsg), msg);
    return static_cast<ESteamAPIInitResult>(rc);
}

S_API ESteamAPIInitResult S_CALLTYPE SteamInternal_SteamAPI_Init(const char* pszInternalCheckInterfaceVersions,
                                                                 SteamErrMsg* pOutErrMsg) {
    Api api("SteamInternal_SteamAPI_Init", LAZY_ARGS(Args().ptr(pszInternalCheckInterfaceVersions).ptr(pOutErrMsg)));
    std::string msg;
    int rc = k_ESteamAPIInitResult_OK;
    // The list is NUL-separated and ends with an empty string.
    for (const char* v = pszInternalCheckInterfaceVersions; v && *v; v += std::strlen(v) + 1) {
        if (std::strcmp(v, STEAMUSER_INTERFACE_VERSION) != 0 &&
            std::strcmp(v, STEAMUTILS_INTERFACE_VERSION) != 0 &&
            std::strcmp(v, STEAMUSERSTATS_INTERFACE_VERSION) != 0) {
            msg = std::string("SteamAPI_Init(): interface version ") + v +
                  " is not provided by the steamworks_cy emulator";
            rc = k_ESteamAPIInitResult_VersionMismatch;
            break;
        }
    }
    if (rc == k_ESteamAPIInitResult_OK) rc = init_session(api.s, &msg);
    if (pOutErrMsg) copy_message(*pOutErrMsg, sizeof(SteamErrMsg), msg);
    return static_cast<ESteamAPIInitResult>(rc);
}

S_API void S_CALLTYPE SteamAPI_Shutdown() {
    Api api("SteamAPI_Shutdown", LAZY_ARGS(Args()));
    api.s.end_session();
}

S_API bool S_CALLTYPE SteamAPI_IsSteamRunning() {
    Api api("SteamAPI_IsSteamRunning", LAZY_ARGS(Args()));
    return api.s.steam_running;
}

S_API bool S_CALLTYPE SteamAPI_RestartAppIfNecessary(uint32 unOwnAppID) {
    Api api("SteamAPI_RestartAppIfNecessary", LAZY_ARGS(Args().u64(unOwnAppID)));
    return false;  // the emulator never relaunches anything
}

S_API void S_CALLTYPE SteamAPI_ReleaseCurrentThreadMemory() {
    Api api("SteamAPI_ReleaseCurrentThreadMemory", LAZY_ARGS(Args()));
}

S_API void S_CALLTYPE SteamAPI_RunCallbacks() {
    // Registered C++ callback objects are not supported; games use manual dispatch.
    Api api("SteamAPI_RunCallbacks", LAZY_ARGS(Args()), true);
}

S_API HSteamPipe S_CALLTYPE SteamAPI_GetHSteamPipe() {
    Api api("SteamAPI_GetHSteamPipe", LAZY_ARGS(Args()));
    return api.s.initialised ? kPipe : 0;
}

S_API HSteamUser S_CALLTYPE SteamAPI_GetHSteamUser() {
    Api api("SteamAPI_GetHSteamUser", LAZY_ARGS(Args()));
    return api.s.initialised ? kUser : 0;
}

S_API void S_CALLTYPE SteamAPI_ManualDispatch_Init() {
    Api api("SteamAPI_ManualDispatch_Init", LAZY_ARGS(Args()));
    api.s.manual_dispatch = true;
}

S_API void S_CALLTYPE SteamAPI_ManualDispatch_RunFrame(HSteamPipe hSteamPipe) {
    Api api("SteamAPI_ManualDispatch_RunFrame", LAZY_ARGS(Args().i64(hSteamPipe)), true);
    check_pipe(api.s, hSteamPipe);
}

S_API bool S_CALLTYPE SteamAPI_ManualDispatch_GetNextCallback(HSteamPipe hSteamPipe, CallbackMsg_t* pCallbackMsg) {
    Api api("SteamAPI_ManualDispatch_GetNextCallback", LAZY_ARGS(Args().i64(hSteamPipe).ptr(pCallbackMsg)), true);
    State& s = api.s;
    if (!check_pipe(s, hSteamPipe)) return false;
    if (s.has_current) {
        // The previous callback was not freed: count it, then free it for the caller.
        ++s.protocol_errors;
        s.current = Callback();
        s.has_current = false;
    }
    if (!pCallbackMsg || s.ready.empty()) return false;
    s.current = std::move(s.ready.front());
    s.ready.pop_front();
    s.has_current = true;
    pCallbackMsg->m_hSteamUser = kUser;
    pCallbackMsg->m_iCallback = s.current.id;
    pCallbackMsg->m_pubParam = s.current.payload.data();
    pCallbackMsg->m_cubParam = static_cast<int>(s.current.payload.size());
    return true;
}

S_API void S_CALLTYPE SteamAPI_ManualDispatch_FreeLastCallback(HSteamPipe hSteamPipe) {
    Api api("SteamAPI_ManualDispatch_FreeLastCallback", LAZY_ARGS(Args().i64(hSteamPipe)), true);
    State& s = api.s;
    if (!check_pipe(s, hSteamPipe)) return;
    if (!s.has_current) {
        ++s.protocol_errors;
        return;
    }
    s.current = Callback();
    s.has_current = false;
}

S_API bool S_CALLTYPE SteamAPI_ManualDispatch_GetAPICallResult(HSteamPipe hSteamPipe, SteamAPICall_t hSteamAPICall,
                                                                void* pCallback, int cubCallback,
                                                                int iCallbackExpected, bool* pbFailed) {
    Api api("SteamAPI_ManualDispatch_GetAPICallResult",
            LAZY_ARGS(Args().i64(hSteamPipe).u64(hSteamAPICall).ptr(pCallback).i64(cubCallback).i64(iCallbackExpected).ptr(pbFailed)),
            true);
    if (!check_pipe(api.s, hSteamPipe)) {
        if (pbFailed) *pbFailed = true;
        return false;
    }
    return call_result(api.s, hSteamAPICall, pCallback, cubCallback, iCallbackExpected, pbFailed);
}

// ---- interface accessors -------------------------------------------------------------------

S_API ISteamUser* SteamAPI_SteamUser_v023() {
    Api api("SteamAPI_SteamUser_v023", LAZY_ARGS(Args()));
    return api.s.initialised ? token_as<ISteamUser>(g_user_token) : nullptr;
}

S_API ISteamUtils* SteamAPI_SteamUtils_v011() {
    Api api("SteamAPI_SteamUtils_v011", LAZY_ARGS(Args()));
    return api.s.initialised ? token_as<ISteamUtils>(g_utils_token) : nullptr;
}

S_API ISteamUserStats* SteamAPI_SteamUserStats_v013() {
    Api api("SteamAPI_SteamUserStats_v013", LAZY_ARGS(Args()));
    return api.s.initialised ? token_as<ISteamUserStats>(g_stats_token) : nullptr;
}
