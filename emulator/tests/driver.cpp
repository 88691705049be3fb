// Exercises libsteamworks_cy_emulator through its exported C ABI, for sanitizer builds:
// init, requests, manual dispatch, getters with bad input, threads, shutdown and re-init.
// Linked against the library; exits 0 when every check passed, prints failures otherwise.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "steam/steam_api.h"
#include "steam/steam_api_flat.h"
#include "steam_emulator_control.h"

namespace {

int g_failures = 0;
SteamLeaderboardEntries_t g_last_entries = 0;  // from the last LeaderboardScoresDownloaded_t

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            ++g_failures;                                                        \
        }                                                                        \
    } while (0)

const uint64 kPlayerOne = 76561197960266729ull;
const uint64 kFriend = 76561197960266730ull;
const uint64 kPrivate = 76561197960266731ull;

// Pumps every ready callback; returns how many there were. Fetches call results on 703.
int pump(HSteamPipe pipe, std::vector<int>* ids = nullptr) {
    int n = 0;
    SteamAPI_ManualDispatch_RunFrame(pipe);
    CallbackMsg_t msg;
    while (SteamAPI_ManualDispatch_GetNextCallback(pipe, &msg)) {
        ++n;
        if (ids) ids->push_back(msg.m_iCallback);
        if (msg.m_iCallback == SteamAPICallCompleted_t::k_iCallback) {
            CHECK(msg.m_cubParam == static_cast<int>(sizeof(SteamAPICallCompleted_t)));
            SteamAPICallCompleted_t done;
            std::memcpy(&done, msg.m_pubParam, sizeof done);
            std::vector<unsigned char> buf(done.m_cubParam);
            bool failed = false;
            bool ok = SteamAPI_ManualDispatch_GetAPICallResult(pipe, done.m_hAsyncCall, buf.data(),
                                                              static_cast<int>(buf.size()), done.m_iCallback, &failed);
            CHECK(ok);
            if (ok && done.m_iCallback == LeaderboardScoresDownloaded_t::k_iCallback) {
                LeaderboardScoresDownloaded_t res;
                CHECK(buf.size() == sizeof res);
                std::memcpy(&res, buf.data(), sizeof res);
                g_last_entries = res.m_hSteamLeaderboardEntries;
            }
            // Once only.
            CHECK(!SteamAPI_ManualDispatch_GetAPICallResult(pipe, done.m_hAsyncCall, buf.data(),
                                                            static_cast<int>(buf.size()), done.m_iCallback, &failed));
        }
        SteamAPI_ManualDispatch_FreeLastCallback(pipe);
    }
    return n;
}

void bad_inputs(ISteamUserStats* stats, ISteamUser* user, ISteamUtils* utils) {
    int32 i = 0;
    float f = 0;
    bool b = false;
    uint32 t = 0;
    CHECK(!SteamAPI_ISteamUserStats_GetStatInt32(stats, nullptr, &i));
    CHECK(!SteamAPI_ISteamUserStats_GetStatInt32(stats, "NumGames", nullptr));
    CHECK(!SteamAPI_ISteamUserStats_GetStatFloat(stats, "NumGames", &f));
    CHECK(!SteamAPI_ISteamUserStats_GetStatInt32(stats, "FeetTraveled", &i));
    CHECK(!SteamAPI_ISteamUserStats_GetAchievement(stats, nullptr, &b));
    CHECK(!SteamAPI_ISteamUserStats_GetAchievement(stats, "ACH_WIN_ONE_GAME", nullptr));
    CHECK(!SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime(stats, "ACH_WIN_ONE_GAME", &b, nullptr));
    CHECK(!SteamAPI_ISteamUserStats_SetAchievement(stats, nullptr));
    CHECK(!SteamAPI_ISteamUserStats_SetStatInt32(stats, nullptr, 1));
    CHECK(!SteamAPI_ISteamUserStats_GetUserStatInt32(stats, kFriend, nullptr, &i));
    CHECK(!SteamAPI_ISteamUserStats_GetUserAchievementAndUnlockTime(stats, kFriend, "ACH_WIN_ONE_GAME", nullptr, &t));
    CHECK(SteamAPI_ISteamUserStats_GetAchievementName(stats, 9999) == nullptr);
    const char* attr = SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute(stats, nullptr, nullptr);
    CHECK(attr != nullptr && attr[0] == '\0');
    CHECK(SteamAPI_ISteamUserStats_RequestUserStats(stats, 0) == k_uAPICallInvalid);
    CHECK(SteamAPI_ISteamUserStats_FindLeaderboard(stats, nullptr) == k_uAPICallInvalid);
    CHECK(SteamAPI_ISteamUserStats_FindLeaderboard(stats, "") == k_uAPICallInvalid);
    CHECK(SteamAPI_ISteamUserStats_DownloadLeaderboardEntriesForUsers(stats, 1, nullptr, 5) == k_uAPICallInvalid);
    CHECK(SteamAPI_ISteamUserStats_UploadLeaderboardScore(stats, 1, k_ELeaderboardUploadScoreMethodKeepBest, 5,
                                                          nullptr, 3) == k_uAPICallInvalid);
    CHECK(!SteamAPI_ISteamUserStats_GetDownloadedLeaderboardEntry(stats, 12345, 0, nullptr, nullptr, 0));
    CHECK(SteamAPI_ISteamUserStats_GetMostAchievedAchievementInfo(stats, nullptr, 0, nullptr, nullptr) == 0);
    char small[4];
    CHECK(SteamAPI_ISteamUserStats_GetNextMostAchievedAchievementInfo(stats, -5, small, sizeof small, nullptr, nullptr) == -1);
    int64 hist[4];
    CHECK(SteamAPI_ISteamUserStats_GetGlobalStatHistoryInt64(stats, "NumGames", hist, 3) == 0);
    // A wrong self pointer fails cleanly.
    CHECK(!SteamAPI_ISteamUser_BLoggedOn(reinterpret_cast<ISteamUser*>(stats)));
    CHECK(SteamAPI_ISteamUtils_GetAppID(reinterpret_cast<ISteamUtils*>(user)) == 0);
    CHECK(!SteamAPI_ISteamUtils_IsAPICallCompleted(utils, 987654321, nullptr));
    CHECK(!SteamAPI_ISteamUtils_GetAPICallResult(utils, 987654321, nullptr, 0, 1101, nullptr));
    // Control surface with bad input.
    char err[8];
    CHECK(SteamEmu_LoadDataJSON(nullptr, err, sizeof err) == 0);
    CHECK(std::strlen(err) < sizeof err);
    CHECK(SteamEmu_LoadDataJSON("{\"app\": ", err, sizeof err) == 0);
    CHECK(SteamEmu_LoadDataFile("/nonexistent/dir/x.json", nullptr, 0) == 0);
    CHECK(SteamEmu_PostCallback(1, nullptr, 5, 0) == 0);
    CHECK(SteamEmu_PostCallback(1, nullptr, -1, 0) == 0);
    CHECK(SteamEmu_CallLogJSON(nullptr, 0) > 0);
    char tiny[2] = {'x', 'y'};
    SteamEmu_CallLogJSON(tiny, sizeof tiny);
    CHECK(tiny[0] == 'x');  // not written: does not fit
}

void exercise_session() {
    SteamErrMsg msg;
    CHECK(SteamAPI_InitFlat(&msg) == k_ESteamAPIInitResult_OK);
    CHECK(msg[0] == '\0');
    SteamAPI_ManualDispatch_Init();
    HSteamPipe pipe = SteamAPI_GetHSteamPipe();
    CHECK(pipe != 0);
    ISteamUser* user = SteamAPI_SteamUser_v023();
    ISteamUtils* utils = SteamAPI_SteamUtils_v011();
    ISteamUserStats* stats = SteamAPI_SteamUserStats_v013();
    CHECK(user && utils && stats);
    CHECK(SteamAPI_ISteamUser_GetSteamID(user) == kPlayerOne);
    CHECK(SteamAPI_ISteamUtils_GetAppID(utils) == 480);

    int32 games = 0;
    CHECK(SteamAPI_ISteamUserStats_GetStatInt32(stats, "NumGames", &games) && games == 12);

    SteamAPICall_t a = SteamAPI_ISteamUserStats_RequestUserStats(stats, kFriend);
    SteamAPICall_t b = SteamAPI_ISteamUserStats_RequestUserStats(stats, kPrivate);
    SteamAPICall_t c = SteamAPI_ISteamUserStats_RequestUserStats(stats, 76561198000000001ull);
    CHECK(a && b && c && a != b && b != c);
    SteamEmu_SetNextResult(kFriend, 2, 1);
    SteamAPICall_t d = SteamAPI_ISteamUserStats_RequestUserStats(stats, kFriend);
    CHECK(d != 0);
    CHECK(pump(pipe) == 0);  // nothing before the latency
    SteamEmu_AdvanceClockMs(50);
    std::vector<int> ids;
    CHECK(pump(pipe, &ids) == 7);  // 3 x (703 + 1101) + 703 for the IO failure
    int32 wins = 0;
    CHECK(SteamAPI_ISteamUserStats_GetUserStatInt32(stats, kFriend, "NumWins", &wins) && wins == 42);
    CHECK(!SteamAPI_ISteamUserStats_GetUserStatInt32(stats, kPrivate, "NumWins", &wins));

    // Leaderboards, global data, stores.
    SteamAPI_ISteamUserStats_FindLeaderboard(stats, "Quickest Win");
    SteamAPI_ISteamUserStats_DownloadLeaderboardEntries(stats, 1, k_ELeaderboardDataRequestGlobal, 1, 10);
    int32 details[2] = {7, 8};
    SteamAPI_ISteamUserStats_UploadLeaderboardScore(stats, 1, k_ELeaderboardUploadScoreMethodKeepBest, 60, details, 2);
    SteamAPI_ISteamUserStats_RequestGlobalAchievementPercentages(stats);
    SteamAPI_ISteamUserStats_RequestGlobalStats(stats, 7);
    SteamAPI_ISteamUserStats_GetNumberOfCurrentPlayers(stats);
    CHECK(SteamAPI_ISteamUserStats_SetAchievement(stats, "ACH_HEAVY_FIRE"));
    CHECK(SteamAPI_ISteamUserStats_SetStatInt32(stats, "NumGames", 13));
    CHECK(SteamAPI_ISteamUserStats_StoreStats(stats));
    SteamEmu_AdvanceClockMs(50);
    CHECK(pump(pipe) > 0);
    LeaderboardEntry_t entry;
    int32 got[1];
    CHECK(SteamAPI_ISteamUserStats_GetDownloadedLeaderboardEntry(stats, g_last_entries, 0, &entry, got, 1));
    CHECK(entry.m_nGlobalRank == 1 && entry.m_nScore == 73 && entry.m_cDetails == 0);  // issued before the upload
    char name[8];
    float pct = 0;
    CHECK(SteamAPI_ISteamUserStats_GetMostAchievedAchievementInfo(stats, name, sizeof name, &pct, nullptr) == 0);
    CHECK(std::strlen(name) == sizeof name - 1);  // truncated, NUL-terminated

    // Protocol misuse is counted, not fatal.
    CallbackMsg_t msg2;
    SteamEmu_PostCallback(999, "abc", 3, 0);
    SteamEmu_PostCallback(998, nullptr, 0, 0);
    CHECK(SteamAPI_ManualDispatch_GetNextCallback(pipe, &msg2));
    CHECK(SteamAPI_ManualDispatch_GetNextCallback(pipe, &msg2));  // previous not freed
    SteamAPI_ManualDispatch_FreeLastCallback(pipe);
    SteamAPI_ManualDispatch_FreeLastCallback(pipe);  // nothing to free
    SteamAPI_ManualDispatch_RunFrame(pipe + 1);     // wrong pipe
    CHECK(SteamEmu_ProtocolErrors() == 3);

    bad_inputs(stats, user, utils);

    // A queue that wraps around and grows, with inline (small) and heap (large) payloads.
    std::vector<unsigned char> big(300);
    for (size_t k = 0; k < big.size(); ++k) big[k] = static_cast<unsigned char>(k);
    auto size_of = [](int k) { return 1 + (k * 37) % 300; };
    for (int k = 0; k < 40; ++k) SteamEmu_PostCallback(6000 + k, big.data(), size_of(k), 0);
    int next_id = 6000;
    for (int k = 0; k < 10; ++k) {
        CHECK(SteamAPI_ManualDispatch_GetNextCallback(pipe, &msg2));
        CHECK(msg2.m_iCallback == next_id && msg2.m_cubParam == size_of(next_id - 6000));
        CHECK(std::memcmp(msg2.m_pubParam, big.data(), static_cast<size_t>(msg2.m_cubParam)) == 0);
        ++next_id;
        SteamAPI_ManualDispatch_FreeLastCallback(pipe);
    }
    for (int k = 40; k < 100; ++k) SteamEmu_PostCallback(6000 + k, big.data(), size_of(k), 0);
    while (SteamAPI_ManualDispatch_GetNextCallback(pipe, &msg2)) {
        CHECK(msg2.m_iCallback == next_id && msg2.m_cubParam == size_of(next_id - 6000));
        CHECK(std::memcmp(msg2.m_pubParam, big.data(), static_cast<size_t>(msg2.m_cubParam)) == 0);
        ++next_id;
        SteamAPI_ManualDispatch_FreeLastCallback(pipe);
    }
    CHECK(next_id == 6100);
    CHECK(SteamEmu_ProtocolErrors() == 3);

    // Several threads at once.
    std::atomic<int> calls{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int k = 0; k < 200; ++k) {
                int32 v = 0;
                SteamAPI_ISteamUserStats_GetStatInt32(stats, "NumWins", &v);
                SteamAPI_ISteamUserStats_RequestUserStats(stats, kFriend);
                if (t == 0) SteamEmu_AdvanceClockMs(10);
                if (t == 1) pump(pipe);
                if (t == 2) SteamEmu_SetCallLog(k % 2);
                calls.fetch_add(1);
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(calls.load() == 800);
    SteamEmu_SetCallLog(1);

    // Leave things queued and a callback un-freed: Shutdown must drop them.
    SteamAPI_ISteamUserStats_RequestUserStats(stats, kFriend);
    SteamEmu_AdvanceClockMs(100);
    CHECK(SteamAPI_ManualDispatch_GetNextCallback(pipe, &msg2));
    SteamAPI_Shutdown();
    CHECK(SteamAPI_SteamUserStats_v013() == nullptr);
    CHECK(!SteamAPI_ISteamUserStats_GetStatInt32(stats, "NumGames", &games));
    CHECK(SteamAPI_ISteamUserStats_RequestUserStats(stats, kFriend) == 0);
    CHECK(!SteamAPI_ManualDispatch_GetNextCallback(pipe, &msg2));
    SteamAPI_ManualDispatch_FreeLastCallback(pipe);
    SteamAPI_Shutdown();  // twice is fine
}

}  // namespace

int main() {
    SteamEmu_Reset();
    SteamEmu_UseManualClock(1);
    SteamErrMsg msg;
    CHECK(SteamAPI_InitFlat(nullptr) == k_ESteamAPIInitResult_OK);  // NULL message buffer
    SteamAPI_Shutdown();
    SteamEmu_SetSteamRunning(0);
    CHECK(SteamAPI_InitFlat(&msg) == k_ESteamAPIInitResult_NoSteamClient);
    CHECK(std::strstr(msg, "steamclient") != nullptr);
    SteamEmu_SetSteamRunning(1);
    for (int round = 0; round < 3; ++round) {
        SteamEmu_Reset();
        SteamEmu_UseManualClock(1);
        exercise_session();
    }
    int need = SteamEmu_CallLogJSON(nullptr, 0);
    std::string log(static_cast<size_t>(need), '\0');
    CHECK(SteamEmu_CallLogJSON(&log[0], need) == need);
    CHECK(log.find("76561197960266730") != std::string::npos);
    SteamEmu_Reset();
    if (g_failures) {
        std::fprintf(stderr, "%d check(s) failed\n", g_failures);
        return 1;
    }
    std::printf("driver: all checks passed\n");
    return 0;
}
