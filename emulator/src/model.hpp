// The emulator's data model: one app, its achievements and stats, the players Steam knows,
// leaderboards and network settings, loaded from the JSON format described in emulator/README.md.
//
// Nothing here knows the Steamworks headers; the API layer converts to Steam's types.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "json.hpp"

namespace swemu {

enum class StatType { Int, Float, AvgRate };

struct StatDef {
    std::string name;
    StatType type = StatType::Int;
    std::string display_name;
    double default_value = 0;  // int stats hold an exact int32 here
    bool has_min = false, has_max = false;
    double min = 0, max = 0;
    bool increment_only = false;
    double window = 0;  // AVGRATE window in hours (informational)
    // Global (all players) aggregate, for RequestGlobalStats.
    bool has_global = false;
    int64_t global_int = 0;
    double global_double = 0;
    std::vector<int64_t> history_int;     // day 0 = today
    std::vector<double> history_double;
};

struct AchievementDef {
    std::string api_name;
    std::string name;  // localized display name
    std::string desc;  // localized description
    bool hidden = false;
    std::string icon;  // optional file name (informational)
    bool has_progress = false;
    std::string progress_stat;  // stat that drives progress; unlocks at StoreStats when >= max
    double progress_min = 0, progress_max = 0;
    bool has_global_percent = false;
    float global_percent = 0;
};

struct StatValue {
    int32_t i = 0;
    float f = 0;
    double avg_seconds = 0;  // AVGRATE: session seconds accumulated behind f
};

struct AchievementState {
    bool unlocked = false;
    uint32_t unlock_time = 0;
};

struct Player {
    uint64_t steam_id = 0;
    std::string persona_name;
    std::string relationship = "none";
    bool stats_readable = true;
    int level = 0;
    std::vector<StatValue> stats;                 // index = App::stats index
    std::vector<AchievementState> achievements;   // index = App::achievements index
};

struct LeaderboardEntry {
    uint64_t steam_id = 0;
    int32_t score = 0;
    std::vector<int32_t> details;
    uint64_t ugc = 0xFFFFFFFFFFFFFFFFull;  // k_UGCHandleInvalid
    uint64_t order = 0;  // arrival order, breaks ties between equal scores
};

enum class SortMethod { None = 0, Ascending = 1, Descending = 2 };
enum class DisplayType { None = 0, Numeric = 1, TimeSeconds = 2, TimeMilliSeconds = 3 };

struct Leaderboard {
    std::string name;
    SortMethod sort = SortMethod::Descending;
    DisplayType display = DisplayType::Numeric;
    std::vector<LeaderboardEntry> entries;  // unordered; ranked on demand
};

struct Network {
    bool online = true;
    int64_t latency_ms = 50;
    int64_t offline_timeout_ms = 70000;
    bool logged_on = true;
};

struct AppData {
    uint32_t app_id = 0;
    std::string app_name;
    int32_t current_players = 0;
    std::string ip_country = "US";
    std::string ui_language = "english";
    std::vector<AchievementDef> achievements;  // add with add_achievement (keeps the index)
    std::vector<StatDef> stats;                // add with add_stat (keeps the index)
    uint64_t current_user = 0;
    std::vector<Player> players;
    std::vector<Leaderboard> leaderboards;
    bool has_network = false;
    Network network;

    // Name -> position in `stats` / `achievements` (transparent: looked up by string_view).
    std::map<std::string, int, std::less<>> stat_names;
    std::map<std::string, int, std::less<>> achievement_names;

    void add_stat(StatDef def);
    void add_achievement(AchievementDef def);
    // Lookups by name without allocating; -1 when unknown (or name is NULL).
    int stat_index(const char* name) const;
    int achievement_index(const char* name) const;
    Player* find_player(uint64_t steam_id);
    const Player* find_player(uint64_t steam_id) const;
    // A player record with every stat at its default and nothing unlocked.
    Player blank_player(uint64_t steam_id) const;
};

// True for a valid individual account in the public universe (instance 1, account id != 0).
bool is_individual_account(uint64_t steam_id);

// Loads and validates data. On failure returns false with a message naming the JSON path
// ("players[2].stats.NumWins: expected an integer").
bool load_app_data(const std::string& text, AppData* out, std::string* error);

// The data in its JSON format (reads back through load_app_data to the same data).
std::string app_data_to_json(const AppData& app);

// The state file: the current user's stats and achievements as last stored.
std::string state_to_json(const AppData& app, const Player& user);
// Applies a state file to `user` when it belongs to this app and user; false on a malformed file.
bool apply_state_json(const std::string& text, const AppData& app, Player* user, bool* applied,
                      std::string* error);

// Reads a whole file; false with an OS error message when it cannot be read.
bool read_file(const std::string& path, std::string* out, std::string* error);
// Writes a file atomically: temp file in the same directory, fsync, rename.
bool write_file_atomic(const std::string& path, const std::string& data, std::string* error);

}  // namespace swemu
