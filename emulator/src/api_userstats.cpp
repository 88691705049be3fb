// ISteamUserStats flat functions: stats and achievements of the current user and of other
// users, global achievement percentages and global stats, leaderboards.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "api_common.hpp"

using namespace swemu;

#define STATS_CALL(name, args) Api api("SteamAPI_ISteamUserStats_" name, LAZY_ARGS(args)); State& s = api.s
#define STATS_OK valid_self(s, self, g_stats_token)

namespace {

constexpr size_t kMaxDownloads = 256;      // downloaded entry sets kept for GetDownloadedLeaderboardEntry
constexpr int kMaxUsersPerDownload = 100;  // DownloadLeaderboardEntriesForUsers limit

uint64_t game_id_of(const State& s) {
    return CGameID(static_cast<uint32>(s.game_id())).ToUint64();
}

const StatDef* stat_def(const State& s, const char* name, int* index) {
    int i = s.data.stat_index(name);
    if (index) *index = i;
    return i < 0 ? nullptr : &s.data.stats[static_cast<size_t>(i)];
}

bool read_int_stat(const State& s, const Player* p, const char* name, int32* out) {
    int i = -1;
    const StatDef* d = stat_def(s, name, &i);
    if (!p || !d || !out || d->type != StatType::Int) return false;
    *out = p->stats[static_cast<size_t>(i)].i;
    return true;
}

// FLOAT and AVGRATE stats read as float.
bool read_float_stat(const State& s, const Player* p, const char* name, float* out) {
    int i = -1;
    const StatDef* d = stat_def(s, name, &i);
    if (!p || !d || !out || d->type == StatType::Int) return false;
    *out = p->stats[static_cast<size_t>(i)].f;
    return true;
}

bool read_achievement(const State& s, const Player* p, const char* name, bool* achieved, uint32* time) {
    int i = s.data.achievement_index(name);
    if (!p || i < 0 || !achieved) return false;
    const AchievementState& a = p->achievements[static_cast<size_t>(i)];
    *achieved = a.unlocked;
    if (time) *time = a.unlocked ? a.unlock_time : 0;
    return true;
}

bool within_bounds(const StatDef& d, double v) {
    if (d.has_min && v < d.min) return false;
    if (d.has_max && v > d.max) return false;
    return true;
}

Bytes achievement_stored(const State& s, const std::string& name, uint32 cur, uint32 max) {
    UserAchievementStored_t st{};
    st.m_nGameID = game_id_of(s);
    st.m_bGroupAchievement = false;
    copy_message(st.m_rgchAchievementName, sizeof st.m_rgchAchievementName, name);
    st.m_nCurProgress = cur;
    st.m_nMaxProgress = max;
    return bytes_of(st);
}

bool same_value(const StatValue& a, const StatValue& b) {
    return a.i == b.i && a.f == b.f && a.avg_seconds == b.avg_seconds;
}

// Commits the current user's values ("uploads" them) and posts UserStatsStored_t plus one
// UserAchievementStored_t per achievement unlocked since the last store.
void store_stats(State& s) {
    AppData& app = s.data;
    // Achievements driven by a progress stat unlock when that stat changed and reached the max.
    for (size_t a = 0; a < app.achievements.size(); ++a) {
        const AchievementDef& def = app.achievements[a];
        if (!def.has_progress || s.user.achievements[a].unlocked) continue;
        int si = app.stat_index(def.progress_stat.c_str());
        if (si < 0) continue;
        size_t k = static_cast<size_t>(si);
        if (same_value(s.user.stats[k], s.stored_user.stats[k])) continue;
        double v = app.stats[k].type == StatType::Int ? static_cast<double>(s.user.stats[k].i)
                                                       : static_cast<double>(s.user.stats[k].f);
        if (v >= def.progress_max) {
            s.user.achievements[a].unlocked = true;
            s.user.achievements[a].unlock_time = s.server_time();
        }
    }
    std::vector<size_t> unlocked_now;
    for (size_t a = 0; a < app.achievements.size(); ++a) {
        if (s.user.achievements[a].unlocked && !s.stored_user.achievements[a].unlocked) unlocked_now.push_back(a);
    }
    int result = kResultOK;
    if (!s.active_state_file.empty()) {
        std::string error;
        if (!write_file_atomic(s.active_state_file, state_to_json(app, s.user), &error)) {
            result = kResultIOFailure;
            s.last_error = "StoreStats: " + error;
        }
    }
    if (result == kResultOK) {
        s.stored_user = s.user;
        if (Player* server = app.find_player(s.user.steam_id)) *server = s.user;
    }
    UserStatsStored_t stored{};
    stored.m_nGameID = game_id_of(s);
    set_enum(&stored.m_eResult, result);
    s.post(UserStatsStored_t::k_iCallback, bytes_of(stored), s.net.latency_ms);
    if (result != kResultOK) return;
    for (size_t a : unlocked_now) {
        s.post(UserAchievementStored_t::k_iCallback, achievement_stored(s, app.achievements[a].api_name, 0, 0),
               s.net.latency_ms);
    }
}

bool network_ready(const State& s) { return s.initialised && s.net.logged_on; }

// ---- leaderboards ----

Leaderboard* board(State& s, SteamLeaderboard_t h) {
    if (h == 0 || h > s.data.leaderboards.size()) return nullptr;
    return &s.data.leaderboards[static_cast<size_t>(h - 1)];
}

bool better(SortMethod sort, int32 a, int32 b) {
    return sort == SortMethod::Ascending ? a < b : a > b;
}

// Entries in rank order (rank = position + 1); equal scores keep their arrival order.
std::vector<const LeaderboardEntry*> ranked(const Leaderboard& lb) {
    std::vector<const LeaderboardEntry*> out;
    for (const auto& e : lb.entries) out.push_back(&e);
    std::stable_sort(out.begin(), out.end(), [&](const LeaderboardEntry* x, const LeaderboardEntry* y) {
        if (x->score != y->score) return better(lb.sort, x->score, y->score);
        return x->order < y->order;
    });
    return out;
}

int rank_of(const Leaderboard& lb, uint64_t steam_id) {
    auto r = ranked(lb);
    for (size_t i = 0; i < r.size(); ++i) {
        if (r[i]->steam_id == steam_id) return static_cast<int>(i + 1);
    }
    return 0;
}

SteamAPICall_t finish_download(State& s, SteamLeaderboard_t h, Download d) {
    LeaderboardScoresDownloaded_t res{};
    res.m_hSteamLeaderboard = h;
    if (!s.net.online) {
        return s.start_call(s.net.offline_timeout_ms, LeaderboardScoresDownloaded_t::k_iCallback, bytes_of(res),
                            false, false);
    }
    uint64_t entries_handle = s.next_download++;
    res.m_hSteamLeaderboardEntries = entries_handle;
    res.m_cEntryCount = static_cast<int>(d.entries.size());
    d.leaderboard = h;
    s.downloads[entries_handle] = std::move(d);
    while (s.downloads.size() > kMaxDownloads) s.downloads.erase(s.downloads.begin());
    return s.start_call(s.net.latency_ms, LeaderboardScoresDownloaded_t::k_iCallback, bytes_of(res), false, false);
}

bool valid_leaderboard_name(const char* name) {
    if (!name) return false;
    size_t n = std::strlen(name);
    return n > 0 && n <= k_cchLeaderboardNameMax;
}

SteamAPICall_t find_leaderboard(State& s, const char* name, bool create, ELeaderboardSortMethod sort,
                                ELeaderboardDisplayType display) {
    LeaderboardFindResult_t res{};
    if (!s.net.online) {
        return s.start_call(s.net.offline_timeout_ms, LeaderboardFindResult_t::k_iCallback, bytes_of(res), false, false);
    }
    size_t idx = 0;
    bool found = false;
    for (; idx < s.data.leaderboards.size(); ++idx) {
        if (s.data.leaderboards[idx].name == name) {
            found = true;
            break;
        }
    }
    int sort_i = static_cast<int>(sort);
    int display_i = static_cast<int>(display);
    if (!found && create && sort_i >= 1 && sort_i <= 2 && display_i >= 1 && display_i <= 3) {
        Leaderboard lb;
        lb.name = name;
        lb.sort = static_cast<SortMethod>(sort_i);
        lb.display = static_cast<DisplayType>(display_i);
        s.data.leaderboards.push_back(std::move(lb));
        idx = s.data.leaderboards.size() - 1;
        found = true;
    }
    if (found) {
        res.m_hSteamLeaderboard = static_cast<SteamLeaderboard_t>(idx + 1);
        res.m_bLeaderboardFound = 1;
    }
    return s.start_call(s.net.latency_ms, LeaderboardFindResult_t::k_iCallback, bytes_of(res), false, false);
}

// Global achievement percentages, most achieved first (ties in definition order).
std::vector<size_t> achievements_by_percent(const State& s) {
    std::vector<size_t> out;
    for (size_t i = 0; i < s.data.achievements.size(); ++i) {
        if (s.data.achievements[i].has_global_percent) out.push_back(i);
    }
    std::stable_sort(out.begin(), out.end(), [&](size_t a, size_t b) {
        return s.data.achievements[a].global_percent > s.data.achievements[b].global_percent;
    });
    return out;
}

int achievement_info_at(State& s, int position, char* name, uint32 name_len, float* percent, bool* achieved) {
    if (!s.global_percent_ready || position < 0) return -1;
    auto order = achievements_by_percent(s);
    if (static_cast<size_t>(position) >= order.size()) return -1;
    size_t a = order[static_cast<size_t>(position)];
    if (name && name_len > 0) copy_message(name, name_len, s.data.achievements[a].api_name);
    if (percent) *percent = s.data.achievements[a].global_percent;
    if (achieved) *achieved = s.user.achievements[a].unlocked;
    return position;
}

}  // namespace

// ---- current user's stats -------------------------------------------------------------------

S_API bool SteamAPI_ISteamUserStats_GetStatInt32(ISteamUserStats* self, const char* pchName, int32* pData) {
    STATS_CALL("GetStatInt32", Args().str(pchName).ptr(pData));
    return STATS_OK && read_int_stat(s, &s.user, pchName, pData);
}

S_API bool SteamAPI_ISteamUserStats_GetStatFloat(ISteamUserStats* self, const char* pchName, float* pData) {
    STATS_CALL("GetStatFloat", Args().str(pchName).ptr(pData));
    return STATS_OK && read_float_stat(s, &s.user, pchName, pData);
}

S_API bool SteamAPI_ISteamUserStats_SetStatInt32(ISteamUserStats* self, const char* pchName, int32 nData) {
    STATS_CALL("SetStatInt32", Args().str(pchName).i64(nData));
    int i = -1;
    const StatDef* d = stat_def(s, pchName, &i);
    if (!STATS_OK || !d || d->type != StatType::Int) return false;
    StatValue& v = s.user.stats[static_cast<size_t>(i)];
    if (!within_bounds(*d, nData) || (d->increment_only && nData < v.i)) return false;
    v.i = nData;
    return true;
}

S_API bool SteamAPI_ISteamUserStats_SetStatFloat(ISteamUserStats* self, const char* pchName, float fData) {
    STATS_CALL("SetStatFloat", Args().str(pchName).f(fData));
    int i = -1;
    const StatDef* d = stat_def(s, pchName, &i);
    if (!STATS_OK || !d || d->type != StatType::Float || !std::isfinite(fData)) return false;
    StatValue& v = s.user.stats[static_cast<size_t>(i)];
    if (!within_bounds(*d, fData) || (d->increment_only && fData < v.f)) return false;
    v.f = fData;
    return true;
}

S_API bool SteamAPI_ISteamUserStats_UpdateAvgRateStat(ISteamUserStats* self, const char* pchName,
                                                      float flCountThisSession, double dSessionLength) {
    STATS_CALL("UpdateAvgRateStat", Args().str(pchName).f(flCountThisSession).f(dSessionLength));
    int i = -1;
    const StatDef* d = stat_def(s, pchName, &i);
    if (!STATS_OK || !d || d->type != StatType::AvgRate) return false;
    if (!std::isfinite(flCountThisSession) || !std::isfinite(dSessionLength) || dSessionLength <= 0) return false;
    StatValue& v = s.user.stats[static_cast<size_t>(i)];
    // Rate over all sessions so far: (previous rate * previous seconds + count) / all seconds.
    double seconds = v.avg_seconds + dSessionLength;
    double rate = (static_cast<double>(v.f) * v.avg_seconds + flCountThisSession) / seconds;
    if (!within_bounds(*d, rate)) return false;
    v.f = static_cast<float>(rate);
    v.avg_seconds = seconds;
    return true;
}

S_API bool SteamAPI_ISteamUserStats_GetAchievement(ISteamUserStats* self, const char* pchName, bool* pbAchieved) {
    STATS_CALL("GetAchievement", Args().str(pchName).ptr(pbAchieved));
    return STATS_OK && read_achievement(s, &s.user, pchName, pbAchieved, nullptr);
}

S_API bool SteamAPI_ISteamUserStats_SetAchievement(ISteamUserStats* self, const char* pchName) {
    STATS_CALL("SetAchievement", Args().str(pchName));
    int i = s.data.achievement_index(pchName);
    if (!STATS_OK || i < 0) return false;
    AchievementState& a = s.user.achievements[static_cast<size_t>(i)];
    if (!a.unlocked) {
        a.unlocked = true;
        a.unlock_time = s.server_time();
    }
    return true;
}

S_API bool SteamAPI_ISteamUserStats_ClearAchievement(ISteamUserStats* self, const char* pchName) {
    STATS_CALL("ClearAchievement", Args().str(pchName));
    int i = s.data.achievement_index(pchName);
    if (!STATS_OK || i < 0) return false;
    s.user.achievements[static_cast<size_t>(i)] = AchievementState();
    return true;
}

S_API bool SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime(ISteamUserStats* self, const char* pchName,
                                                                bool* pbAchieved, uint32* punUnlockTime) {
    STATS_CALL("GetAchievementAndUnlockTime", Args().str(pchName).ptr(pbAchieved).ptr(punUnlockTime));
    return STATS_OK && punUnlockTime && read_achievement(s, &s.user, pchName, pbAchieved, punUnlockTime);
}

S_API bool SteamAPI_ISteamUserStats_StoreStats(ISteamUserStats* self) {
    STATS_CALL("StoreStats", Args());
    if (!STATS_OK) return false;
    store_stats(s);
    return true;
}

S_API int SteamAPI_ISteamUserStats_GetAchievementIcon(ISteamUserStats* self, const char* pchName) {
    STATS_CALL("GetAchievementIcon", Args().str(pchName));
    (void)s;
    (void)self;
    return 0;  // no icon images in the emulator
}

S_API const char* SteamAPI_ISteamUserStats_GetAchievementDisplayAttribute(ISteamUserStats* self, const char* pchName,
                                                                          const char* pchKey) {
    STATS_CALL("GetAchievementDisplayAttribute", Args().str(pchName).str(pchKey));
    if (!STATS_OK) return nullptr;
    // The strings are the data's own (or literals): valid at least until the next call.
    int i = s.data.achievement_index(pchName);
    if (i >= 0 && pchKey) {
        const AchievementDef& d = s.data.achievements[static_cast<size_t>(i)];
        if (std::strcmp(pchKey, "name") == 0) return d.name.c_str();
        if (std::strcmp(pchKey, "desc") == 0) return d.desc.c_str();
        if (std::strcmp(pchKey, "hidden") == 0) return d.hidden ? "1" : "0";
    }
    return "";  // for an unknown achievement or key, as Steam does
}

S_API bool SteamAPI_ISteamUserStats_IndicateAchievementProgress(ISteamUserStats* self, const char* pchName,
                                                                uint32 nCurProgress, uint32 nMaxProgress) {
    STATS_CALL("IndicateAchievementProgress", Args().str(pchName).u64(nCurProgress).u64(nMaxProgress));
    int i = s.data.achievement_index(pchName);
    if (!STATS_OK || i < 0) return false;
    if (s.user.achievements[static_cast<size_t>(i)].unlocked || nCurProgress >= nMaxProgress) return false;
    s.post(UserAchievementStored_t::k_iCallback, achievement_stored(s, pchName, nCurProgress, nMaxProgress),
           s.net.latency_ms);
    return true;
}

S_API uint32 SteamAPI_ISteamUserStats_GetNumAchievements(ISteamUserStats* self) {
    STATS_CALL("GetNumAchievements", Args());
    return STATS_OK ? static_cast<uint32>(s.data.achievements.size()) : 0;
}

S_API const char* SteamAPI_ISteamUserStats_GetAchievementName(ISteamUserStats* self, uint32 iAchievement) {
    STATS_CALL("GetAchievementName", Args().u64(iAchievement));
    if (!STATS_OK || iAchievement >= s.data.achievements.size()) return nullptr;
    return s.data.achievements[iAchievement].api_name.c_str();  // valid until the data changes
}

S_API bool SteamAPI_ISteamUserStats_ResetAllStats(ISteamUserStats* self, bool bAchievementsToo) {
    STATS_CALL("ResetAllStats", Args().b(bAchievementsToo));
    if (!STATS_OK) return false;
    Player blank = s.data.blank_player(s.user.steam_id);
    s.user.stats = blank.stats;
    if (bAchievementsToo) s.user.achievements = blank.achievements;
    store_stats(s);  // Steam stores a reset at once
    return true;
}

S_API bool SteamAPI_ISteamUserStats_GetAchievementProgressLimitsInt32(ISteamUserStats* self, const char* pchName,
                                                                      int32* pnMinProgress, int32* pnMaxProgress) {
    STATS_CALL("GetAchievementProgressLimitsInt32", Args().str(pchName).ptr(pnMinProgress).ptr(pnMaxProgress));
    int i = s.data.achievement_index(pchName);
    if (!STATS_OK || i < 0 || !pnMinProgress || !pnMaxProgress) return false;
    const AchievementDef& d = s.data.achievements[static_cast<size_t>(i)];
    const StatDef* st = d.has_progress ? stat_def(s, d.progress_stat.c_str(), nullptr) : nullptr;
    if (!st || st->type != StatType::Int) return false;
    *pnMinProgress = static_cast<int32>(d.progress_min);
    *pnMaxProgress = static_cast<int32>(d.progress_max);
    return true;
}

S_API bool SteamAPI_ISteamUserStats_GetAchievementProgressLimitsFloat(ISteamUserStats* self, const char* pchName,
                                                                      float* pfMinProgress, float* pfMaxProgress) {
    STATS_CALL("GetAchievementProgressLimitsFloat", Args().str(pchName).ptr(pfMinProgress).ptr(pfMaxProgress));
    int i = s.data.achievement_index(pchName);
    if (!STATS_OK || i < 0 || !pfMinProgress || !pfMaxProgress) return false;
    const AchievementDef& d = s.data.achievements[static_cast<size_t>(i)];
    const StatDef* st = d.has_progress ? stat_def(s, d.progress_stat.c_str(), nullptr) : nullptr;
    if (!st || st->type == StatType::Int) return false;
    *pfMinProgress = static_cast<float>(d.progress_min);
    *pfMaxProgress = static_cast<float>(d.progress_max);
    return true;
}

// ---- other users ---------------------------------------------------------------------------

S_API SteamAPICall_t SteamAPI_ISteamUserStats_RequestUserStats(ISteamUserStats* self, uint64_steamid steamIDUser) {
    STATS_CALL("RequestUserStats", Args().u64(steamIDUser));
    if (!STATS_OK || !network_ready(s) || !is_individual_account(steamIDUser)) return k_uAPICallInvalid;

    UserStatsReceived_t res{};
    res.m_nGameID = game_id_of(s);
    res.m_steamIDUser = CSteamID(static_cast<uint64>(steamIDUser));
    if (!s.net.online) {
        set_enum(&res.m_eResult, kResultNoConnection);
        return s.start_call(s.net.offline_timeout_ms, UserStatsReceived_t::k_iCallback, bytes_of(res), false, true);
    }

    const uint64_t id = steamIDUser;
    const bool own = id == s.user.steam_id;
    const Player* known = s.data.find_player(id);
    int result = (own || (known && known->stats_readable)) ? kResultOK : kResultFail;
    bool io_failure = false;
    auto scripted = s.next_results.find(id);
    if (scripted == s.next_results.end()) scripted = s.next_results.find(0);
    if (scripted != s.next_results.end()) {
        result = scripted->second.result;
        io_failure = scripted->second.io_failure;
        s.next_results.erase(scripted);
    }
    set_enum(&res.m_eResult, result);
    Effect load;
    if (result == kResultOK && !io_failure && !own) {
        load = [id](State& st) {
            const Player* p = st.data.find_player(id);
            st.loaded_users[id] = p ? *p : st.data.blank_player(id);
        };
    }
    return s.start_call(s.net.latency_ms, UserStatsReceived_t::k_iCallback, bytes_of(res), io_failure, true,
                        std::move(load));
}

S_API bool SteamAPI_ISteamUserStats_GetUserStatInt32(ISteamUserStats* self, uint64_steamid steamIDUser,
                                                     const char* pchName, int32* pData) {
    STATS_CALL("GetUserStatInt32", Args().u64(steamIDUser).str(pchName).ptr(pData));
    return STATS_OK && read_int_stat(s, s.stats_of(steamIDUser), pchName, pData);
}

S_API bool SteamAPI_ISteamUserStats_GetUserStatFloat(ISteamUserStats* self, uint64_steamid steamIDUser,
                                                     const char* pchName, float* pData) {
    STATS_CALL("GetUserStatFloat", Args().u64(steamIDUser).str(pchName).ptr(pData));
    return STATS_OK && read_float_stat(s, s.stats_of(steamIDUser), pchName, pData);
}

S_API bool SteamAPI_ISteamUserStats_GetUserAchievement(ISteamUserStats* self, uint64_steamid steamIDUser,
                                                       const char* pchName, bool* pbAchieved) {
    STATS_CALL("GetUserAchievement", Args().u64(steamIDUser).str(pchName).ptr(pbAchieved));
    return STATS_OK && read_achievement(s, s.stats_of(steamIDUser), pchName, pbAchieved, nullptr);
}

S_API bool SteamAPI_ISteamUserStats_GetUserAchievementAndUnlockTime(ISteamUserStats* self, uint64_steamid steamIDUser,
                                                                    const char* pchName, bool* pbAchieved,
                                                                    uint32* punUnlockTime) {
    STATS_CALL("GetUserAchievementAndUnlockTime",
               Args().u64(steamIDUser).str(pchName).ptr(pbAchieved).ptr(punUnlockTime));
    return STATS_OK && punUnlockTime &&
           read_achievement(s, s.stats_of(steamIDUser), pchName, pbAchieved, punUnlockTime);
}

// ---- players online, global data -------------------------------------------------------------

S_API SteamAPICall_t SteamAPI_ISteamUserStats_GetNumberOfCurrentPlayers(ISteamUserStats* self) {
    STATS_CALL("GetNumberOfCurrentPlayers", Args());
    if (!STATS_OK || !network_ready(s)) return k_uAPICallInvalid;
    NumberOfCurrentPlayers_t res{};
    if (s.net.online) {
        res.m_bSuccess = 1;
        res.m_cPlayers = s.data.current_players;
    }
    return s.start_call(s.network_delay(), NumberOfCurrentPlayers_t::k_iCallback, bytes_of(res), false, false);
}

S_API SteamAPICall_t SteamAPI_ISteamUserStats_RequestGlobalAchievementPercentages(ISteamUserStats* self) {
    STATS_CALL("RequestGlobalAchievementPercentages", Args());
    if (!STATS_OK || !network_ready(s)) return k_uAPICallInvalid;
    GlobalAchievementPercentagesReady_t res{};
    res.m_nGameID = game_id_of(s);
    set_enum(&res.m_eResult, s.net.online ? kResultOK : kResultNoConnection);
    Effect ready;
    if (s.net.online) ready = [](State& st) { st.global_percent_ready = true; };
    return s.start_call(s.network_delay(), GlobalAchievementPercentagesReady_t::k_iCallback, bytes_of(res), false,
                        false, std::move(ready));
}

S_API int SteamAPI_ISteamUserStats_GetMostAchievedAchievementInfo(ISteamUserStats* self, char* pchName,
                                                                  uint32 unNameBufLen, float* pflPercent,
                                                                  bool* pbAchieved) {
    STATS_CALL("GetMostAchievedAchievementInfo", Args().ptr(pchName).u64(unNameBufLen).ptr(pflPercent).ptr(pbAchieved));
    if (!STATS_OK) return -1;
    return achievement_info_at(s, 0, pchName, unNameBufLen, pflPercent, pbAchieved);
}

S_API int SteamAPI_ISteamUserStats_GetNextMostAchievedAchievementInfo(ISteamUserStats* self, int iIteratorPrevious,
                                                                      char* pchName, uint32 unNameBufLen,
                                                                      float* pflPercent, bool* pbAchieved) {
    STATS_CALL("GetNextMostAchievedAchievementInfo",
               Args().i64(iIteratorPrevious).ptr(pchName).u64(unNameBufLen).ptr(pflPercent).ptr(pbAchieved));
    if (!STATS_OK || iIteratorPrevious < 0 || iIteratorPrevious == INT32_MAX) return -1;
    return achievement_info_at(s, iIteratorPrevious + 1, pchName, unNameBufLen, pflPercent, pbAchieved);
}

S_API bool SteamAPI_ISteamUserStats_GetAchievementAchievedPercent(ISteamUserStats* self, const char* pchName,
                                                                  float* pflPercent) {
    STATS_CALL("GetAchievementAchievedPercent", Args().str(pchName).ptr(pflPercent));
    int i = s.data.achievement_index(pchName);
    if (!STATS_OK || i < 0 || !pflPercent || !s.global_percent_ready) return false;
    const AchievementDef& d = s.data.achievements[static_cast<size_t>(i)];
    if (!d.has_global_percent) return false;
    *pflPercent = d.global_percent;
    return true;
}

S_API SteamAPICall_t SteamAPI_ISteamUserStats_RequestGlobalStats(ISteamUserStats* self, int nHistoryDays) {
    STATS_CALL("RequestGlobalStats", Args().i64(nHistoryDays));
    if (!STATS_OK || !network_ready(s) || nHistoryDays < 0 || nHistoryDays > 60) return k_uAPICallInvalid;
    GlobalStatsReceived_t res{};
    res.m_nGameID = game_id_of(s);
    set_enum(&res.m_eResult, s.net.online ? kResultOK : kResultNoConnection);
    Effect ready;
    if (s.net.online) {
        ready = [nHistoryDays](State& st) {
            st.global_stats_ready = true;
            st.global_history_days = nHistoryDays;
        };
    }
    return s.start_call(s.network_delay(), GlobalStatsReceived_t::k_iCallback, bytes_of(res), false, false,
                        std::move(ready));
}

S_API bool SteamAPI_ISteamUserStats_GetGlobalStatInt64(ISteamUserStats* self, const char* pchStatName, int64* pData) {
    STATS_CALL("GetGlobalStatInt64", Args().str(pchStatName).ptr(pData));
    const StatDef* d = stat_def(s, pchStatName, nullptr);
    if (!STATS_OK || !d || !pData || !s.global_stats_ready || !d->has_global || d->type != StatType::Int) return false;
    *pData = d->global_int;
    return true;
}

S_API bool SteamAPI_ISteamUserStats_GetGlobalStatDouble(ISteamUserStats* self, const char* pchStatName, double* pData) {
    STATS_CALL("GetGlobalStatDouble", Args().str(pchStatName).ptr(pData));
    const StatDef* d = stat_def(s, pchStatName, nullptr);
    if (!STATS_OK || !d || !pData || !s.global_stats_ready || !d->has_global || d->type == StatType::Int) return false;
    *pData = d->global_double;
    return true;
}

S_API int32 SteamAPI_ISteamUserStats_GetGlobalStatHistoryInt64(ISteamUserStats* self, const char* pchStatName,
                                                               int64* pData, uint32 cubData) {
    STATS_CALL("GetGlobalStatHistoryInt64", Args().str(pchStatName).ptr(pData).u64(cubData));
    const StatDef* d = stat_def(s, pchStatName, nullptr);
    if (!STATS_OK || !d || !pData || !s.global_stats_ready || !d->has_global || d->type != StatType::Int) return 0;
    size_t n = std::min<size_t>({cubData / sizeof(int64), d->history_int.size(),
                                 static_cast<size_t>(s.global_history_days)});
    for (size_t i = 0; i < n; ++i) pData[i] = d->history_int[i];
    return static_cast<int32>(n);
}

S_API int32 SteamAPI_ISteamUserStats_GetGlobalStatHistoryDouble(ISteamUserStats* self, const char* pchStatName,
                                                                double* pData, uint32 cubData) {
    STATS_CALL("GetGlobalStatHistoryDouble", Args().str(pchStatName).ptr(pData).u64(cubData));
    const StatDef* d = stat_def(s, pchStatName, nullptr);
    if (!STATS_OK || !d || !pData || !s.global_stats_ready || !d->has_global || d->type == StatType::Int) return 0;
    size_t n = std::min<size_t>({cubData / sizeof(double), d->history_double.size(),
                                 static_cast<size_t>(s.global_history_days)});
    for (size_t i = 0; i < n; ++i) pData[i] = d->history_double[i];
    return static_cast<int32>(n);
}

// ---- leaderboards ----------------------------------------------------------------------------

S_API SteamAPICall_t SteamAPI_ISteamUserStats_FindOrCreateLeaderboard(ISteamUserStats* self,
                                                                      const char* pchLeaderboardName,
                                                                      ELeaderboardSortMethod eLeaderboardSortMethod,
                                                                      ELeaderboardDisplayType eLeaderboardDisplayType) {
    STATS_CALL("FindOrCreateLeaderboard", Args()
                                              .str(pchLeaderboardName)
                                              .i64(static_cast<int>(eLeaderboardSortMethod))
                                              .i64(static_cast<int>(eLeaderboardDisplayType)));
    if (!STATS_OK || !network_ready(s) || !valid_leaderboard_name(pchLeaderboardName)) return k_uAPICallInvalid;
    return find_leaderboard(s, pchLeaderboardName, true, eLeaderboardSortMethod, eLeaderboardDisplayType);
}

S_API SteamAPICall_t SteamAPI_ISteamUserStats_FindLeaderboard(ISteamUserStats* self, const char* pchLeaderboardName) {
    STATS_CALL("FindLeaderboard", Args().str(pchLeaderboardName));
    if (!STATS_OK || !network_ready(s) || !valid_leaderboard_name(pchLeaderboardName)) return k_uAPICallInvalid;
    return find_leaderboard(s, pchLeaderboardName, false, k_ELeaderboardSortMethodNone, k_ELeaderboardDisplayTypeNone);
}

S_API const char* SteamAPI_ISteamUserStats_GetLeaderboardName(ISteamUserStats* self, SteamLeaderboard_t hSteamLeaderboard) {
    STATS_CALL("GetLeaderboardName", Args().u64(hSteamLeaderboard));
    if (!STATS_OK) return nullptr;
    Leaderboard* lb = board(s, hSteamLeaderboard);
    s.returned = lb ? lb->name : std::string();
    return s.returned.c_str();
}

S_API int SteamAPI_ISteamUserStats_GetLeaderboardEntryCount(ISteamUserStats* self, SteamLeaderboard_t hSteamLeaderboard) {
    STATS_CALL("GetLeaderboardEntryCount", Args().u64(hSteamLeaderboard));
    Leaderboard* lb = STATS_OK ? board(s, hSteamLeaderboard) : nullptr;
    return lb ? static_cast<int>(lb->entries.size()) : 0;
}

S_API ELeaderboardSortMethod SteamAPI_ISteamUserStats_GetLeaderboardSortMethod(ISteamUserStats* self,
                                                                               SteamLeaderboard_t hSteamLeaderboard) {
    STATS_CALL("GetLeaderboardSortMethod", Args().u64(hSteamLeaderboard));
    Leaderboard* lb = STATS_OK ? board(s, hSteamLeaderboard) : nullptr;
    return lb ? static_cast<ELeaderboardSortMethod>(static_cast<int>(lb->sort)) : k_ELeaderboardSortMethodNone;
}

S_API ELeaderboardDisplayType SteamAPI_ISteamUserStats_GetLeaderboardDisplayType(ISteamUserStats* self,
                                                                                 SteamLeaderboard_t hSteamLeaderboard) {
    STATS_CALL("GetLeaderboardDisplayType", Args().u64(hSteamLeaderboard));
    Leaderboard* lb = STATS_OK ? board(s, hSteamLeaderboard) : nullptr;
    return lb ? static_cast<ELeaderboardDisplayType>(static_cast<int>(lb->display)) : k_ELeaderboardDisplayTypeNone;
}

S_API SteamAPICall_t SteamAPI_ISteamUserStats_DownloadLeaderboardEntries(ISteamUserStats* self,
                                                                         SteamLeaderboard_t hSteamLeaderboard,
                                                                         ELeaderboardDataRequest eLeaderboardDataRequest,
                                                                         int nRangeStart, int nRangeEnd) {
    STATS_CALL("DownloadLeaderboardEntries", Args()
                                                 .u64(hSteamLeaderboard)
                                                 .i64(static_cast<int>(eLeaderboardDataRequest))
                                                 .i64(nRangeStart)
                                                 .i64(nRangeEnd));
    Leaderboard* lb = STATS_OK && network_ready(s) ? board(s, hSteamLeaderboard) : nullptr;
    if (!lb) return k_uAPICallInvalid;
    auto order = ranked(*lb);
    const int n = static_cast<int>(order.size());
    Download d;
    auto take = [&](int rank) {  // 1-based
        d.entries.push_back(*order[static_cast<size_t>(rank - 1)]);
        d.ranks.push_back(rank);
    };
    switch (static_cast<int>(eLeaderboardDataRequest)) {
        case k_ELeaderboardDataRequestGlobal: {
            int first = std::max(nRangeStart, 1);
            int last = std::min(nRangeEnd, n);
            for (int r = first; r <= last; ++r) take(r);
            break;
        }
        case k_ELeaderboardDataRequestGlobalAroundUser: {
            int mine = rank_of(*lb, s.user.steam_id);
            if (mine == 0) break;
            int64_t first = std::max<int64_t>(static_cast<int64_t>(mine) + nRangeStart, 1);
            int64_t last = std::min<int64_t>(static_cast<int64_t>(mine) + nRangeEnd, n);
            for (int64_t r = first; r <= last; ++r) take(static_cast<int>(r));
            break;
        }
        case k_ELeaderboardDataRequestFriends: {
            for (int r = 1; r <= n; ++r) {
                uint64_t id = order[static_cast<size_t>(r - 1)]->steam_id;
                const Player* p = s.data.find_player(id);
                if (id == s.user.steam_id || (p && p->relationship == "friend")) take(r);
            }
            break;
        }
        default:
            return k_uAPICallInvalid;  // Users goes through DownloadLeaderboardEntriesForUsers
    }
    return finish_download(s, hSteamLeaderboard, std::move(d));
}

S_API SteamAPICall_t SteamAPI_ISteamUserStats_DownloadLeaderboardEntriesForUsers(ISteamUserStats* self,
                                                                                 SteamLeaderboard_t hSteamLeaderboard,
                                                                                 CSteamID* prgUsers, int cUsers) {
    STATS_CALL("DownloadLeaderboardEntriesForUsers", Args().u64(hSteamLeaderboard).ptr(prgUsers).i64(cUsers));
    Leaderboard* lb = STATS_OK && network_ready(s) ? board(s, hSteamLeaderboard) : nullptr;
    if (!lb || !prgUsers || cUsers <= 0 || cUsers > kMaxUsersPerDownload) return k_uAPICallInvalid;
    auto order = ranked(*lb);
    Download d;
    for (size_t r = 0; r < order.size(); ++r) {
        for (int u = 0; u < cUsers; ++u) {
            if (prgUsers[u].ConvertToUint64() == order[r]->steam_id) {
                d.entries.push_back(*order[r]);
                d.ranks.push_back(static_cast<int32_t>(r + 1));
                break;
            }
        }
    }
    return finish_download(s, hSteamLeaderboard, std::move(d));
}

S_API bool SteamAPI_ISteamUserStats_GetDownloadedLeaderboardEntry(ISteamUserStats* self,
                                                                  SteamLeaderboardEntries_t hSteamLeaderboardEntries,
                                                                  int index, LeaderboardEntry_t* pLeaderboardEntry,
                                                                  int32* pDetails, int cDetailsMax) {
    STATS_CALL("GetDownloadedLeaderboardEntry",
               Args().u64(hSteamLeaderboardEntries).i64(index).ptr(pLeaderboardEntry).ptr(pDetails).i64(cDetailsMax));
    if (!STATS_OK || !pLeaderboardEntry) return false;
    auto it = s.downloads.find(hSteamLeaderboardEntries);
    if (it == s.downloads.end() || index < 0 || static_cast<size_t>(index) >= it->second.entries.size()) return false;
    const LeaderboardEntry& e = it->second.entries[static_cast<size_t>(index)];
    LeaderboardEntry_t out{};
    out.m_steamIDUser = CSteamID(static_cast<uint64>(e.steam_id));
    out.m_nGlobalRank = it->second.ranks[static_cast<size_t>(index)];
    out.m_nScore = e.score;
    out.m_cDetails = static_cast<int32>(e.details.size());  // details available for this entry
    out.m_hUGC = e.ugc;
    std::memcpy(static_cast<void*>(pLeaderboardEntry), &out, sizeof out);
    if (pDetails && cDetailsMax > 0) {
        size_t n = std::min(e.details.size(), static_cast<size_t>(cDetailsMax));
        for (size_t i = 0; i < n; ++i) pDetails[i] = e.details[i];
    }
    return true;
}

S_API SteamAPICall_t SteamAPI_ISteamUserStats_UploadLeaderboardScore(ISteamUserStats* self,
                                                                     SteamLeaderboard_t hSteamLeaderboard,
                                                                     ELeaderboardUploadScoreMethod eLeaderboardUploadScoreMethod,
                                                                     int32 nScore, const int32* pScoreDetails,
                                                                     int cScoreDetailsCount) {
    STATS_CALL("UploadLeaderboardScore", Args()
                                             .u64(hSteamLeaderboard)
                                             .i64(static_cast<int>(eLeaderboardUploadScoreMethod))
                                             .i64(nScore)
                                             .ptr(pScoreDetails)
                                             .i64(cScoreDetailsCount));
    Leaderboard* lb = STATS_OK && network_ready(s) ? board(s, hSteamLeaderboard) : nullptr;
    int method = static_cast<int>(eLeaderboardUploadScoreMethod);
    if (!lb || (method != k_ELeaderboardUploadScoreMethodKeepBest && method != k_ELeaderboardUploadScoreMethodForceUpdate) ||
        cScoreDetailsCount < 0 || cScoreDetailsCount > k_cLeaderboardDetailsMax ||
        (cScoreDetailsCount > 0 && !pScoreDetails)) {
        return k_uAPICallInvalid;
    }
    LeaderboardScoreUploaded_t res{};
    res.m_hSteamLeaderboard = hSteamLeaderboard;
    res.m_nScore = nScore;
    if (!s.net.online) {
        return s.start_call(s.net.offline_timeout_ms, LeaderboardScoreUploaded_t::k_iCallback, bytes_of(res), false,
                            false);
    }
    const uint64_t me = s.user.steam_id;
    int previous = rank_of(*lb, me);
    LeaderboardEntry* mine = nullptr;
    for (auto& e : lb->entries) {
        if (e.steam_id == me) mine = &e;
    }
    bool change = !mine || method == k_ELeaderboardUploadScoreMethodForceUpdate || better(lb->sort, nScore, mine->score);
    if (change) {
        if (!mine) {
            lb->entries.emplace_back();
            mine = &lb->entries.back();
            mine->steam_id = me;
        }
        mine->score = nScore;
        mine->details.assign(pScoreDetails, pScoreDetails + cScoreDetailsCount);
        mine->order = s.leaderboard_order++;
    }
    res.m_bSuccess = 1;
    res.m_bScoreChanged = change ? 1 : 0;
    res.m_nGlobalRankNew = rank_of(*lb, me);
    res.m_nGlobalRankPrevious = previous;
    return s.start_call(s.net.latency_ms, LeaderboardScoreUploaded_t::k_iCallback, bytes_of(res), false, false);
}

S_API SteamAPICall_t SteamAPI_ISteamUserStats_AttachLeaderboardUGC(ISteamUserStats* self,
                                                                   SteamLeaderboard_t hSteamLeaderboard, UGCHandle_t hUGC) {
    STATS_CALL("AttachLeaderboardUGC", Args().u64(hSteamLeaderboard).u64(hUGC));
    Leaderboard* lb = STATS_OK && network_ready(s) ? board(s, hSteamLeaderboard) : nullptr;
    if (!lb) return k_uAPICallInvalid;
    LeaderboardUGCSet_t res{};
    res.m_hSteamLeaderboard = hSteamLeaderboard;
    int result = kResultNoConnection;
    if (s.net.online) {
        result = kResultFail;  // no entry of the current user to attach to
        for (auto& e : lb->entries) {
            if (e.steam_id == s.user.steam_id) {
                e.ugc = hUGC;
                result = kResultOK;
            }
        }
    }
    set_enum(&res.m_eResult, result);
    return s.start_call(s.network_delay(), LeaderboardUGCSet_t::k_iCallback, bytes_of(res), false, false);
}
