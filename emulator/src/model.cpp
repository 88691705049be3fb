// Loading and validating the emulator's JSON data, the state file, and file helpers.
#include "model.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

#ifdef _WIN32
#include <io.h>
#include <process.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace swemu {

namespace {

constexpr size_t kMaxNameLength = 127;  // Steam's 128-byte name buffers, NUL included
constexpr size_t kMaxLeaderboardDetails = 64;

// Collects the first validation error, with the JSON path where it happened.
class Checker {
public:
    std::string error;

    bool fail(const std::string& path, const std::string& what) {
        if (error.empty()) error = (path.empty() ? std::string("(top level)") : path) + ": " + what;
        return false;
    }

    bool expect(const json::Value& v, json::Kind kind, const std::string& path) {
        if (v.kind == kind) return true;
        return fail(path, std::string("expected ") + json::kind_name(kind) + ", found " +
                              json::kind_name(v.kind));
    }

    // Every member must be one of `allowed` (members starting with '_' are comments).
    bool only_keys(const json::Value& obj, std::initializer_list<const char*> allowed,
                   const std::string& path) {
        for (const auto& m : obj.members) {
            if (!m.first.empty() && m.first[0] == '_') continue;
            bool ok = false;
            for (const char* a : allowed) {
                if (m.first == a) ok = true;
            }
            if (!ok) return fail(join(path, m.first), "unknown key");
        }
        return true;
    }

    static std::string join(const std::string& path, const std::string& key) {
        return path.empty() ? key : path + "." + key;
    }
    static std::string index(const std::string& path, size_t i) {
        return path + "[" + std::to_string(i) + "]";
    }

    bool get_string(const json::Value& obj, const char* key, const std::string& path,
                    std::string* out, bool required) {
        const json::Value* v = obj.find(key);
        if (!v || (!required && v->is_null())) {
            if (required) return fail(join(path, key), "missing");
            return true;
        }
        if (!expect(*v, json::Kind::String, join(path, key))) return false;
        *out = v->text;
        return true;
    }

    bool get_bool(const json::Value& obj, const char* key, const std::string& path, bool* out) {
        const json::Value* v = obj.find(key);
        if (!v) return true;
        if (!expect(*v, json::Kind::Bool, join(path, key))) return false;
        *out = v->boolean;
        return true;
    }

    bool int_value(const json::Value& v, const std::string& path, int64_t lo, int64_t hi,
                   int64_t* out) {
        if (!expect(v, json::Kind::Number, path)) return false;
        int64_t x = 0;
        if (!v.as_int64(&x)) return fail(path, "expected an integer, found " + v.text);
        if (x < lo || x > hi) {
            return fail(path, "value " + v.text + " is out of range [" + std::to_string(lo) + ", " +
                                  std::to_string(hi) + "]");
        }
        *out = x;
        return true;
    }

    bool get_int(const json::Value& obj, const char* key, const std::string& path, int64_t lo,
                 int64_t hi, int64_t* out) {
        const json::Value* v = obj.find(key);
        if (!v) return true;
        return int_value(*v, join(path, key), lo, hi, out);
    }

    bool number_value(const json::Value& v, const std::string& path, double* out) {
        if (!expect(v, json::Kind::Number, path)) return false;
        if (!v.as_double(out)) return fail(path, "number out of range: " + v.text);
        return true;
    }

    bool get_number(const json::Value& obj, const char* key, const std::string& path,
                    double* out, bool* present) {
        const json::Value* v = obj.find(key);
        if (present) *present = false;
        if (!v) return true;
        if (!number_value(*v, join(path, key), out)) return false;
        if (present) *present = true;
        return true;
    }

    bool name_value(const std::string& name, const std::string& path) {
        if (name.empty()) return fail(path, "must not be empty");
        if (name.size() > kMaxNameLength) {
            return fail(path, "longer than " + std::to_string(kMaxNameLength) + " bytes");
        }
        return true;
    }

    bool steam_id_value(const json::Value& v, const std::string& path, uint64_t* out) {
        if (!v.is_string()) {
            return fail(path, std::string("a Steam id must be a decimal string, found ") +
                                  json::kind_name(v.kind));
        }
        uint64_t id = 0;
        if (!v.as_uint64(&id)) return fail(path, "not a decimal 64-bit Steam id: \"" + v.text + "\"");
        if (!is_individual_account(id)) {
            return fail(path, "not a valid individual Steam account id: " + v.text);
        }
        *out = id;
        return true;
    }
};

bool parse_stat(Checker& c, const json::Value& v, const std::string& path, StatDef* s) {
    if (!c.expect(v, json::Kind::Object, path)) return false;
    if (!c.only_keys(v, {"name", "type", "display_name", "default", "min", "max", "increment_only",
                         "window", "global"},
                     path)) {
        return false;
    }
    if (!c.get_string(v, "name", path, &s->name, true)) return false;
    if (!c.name_value(s->name, Checker::join(path, "name"))) return false;
    std::string type = "INT";
    if (!c.get_string(v, "type", path, &type, false)) return false;
    if (type == "INT") {
        s->type = StatType::Int;
    } else if (type == "FLOAT") {
        s->type = StatType::Float;
    } else if (type == "AVGRATE") {
        s->type = StatType::AvgRate;
    } else {
        return c.fail(Checker::join(path, "type"), "expected \"INT\", \"FLOAT\" or \"AVGRATE\", found \"" + type + "\"");
    }
    if (!c.get_string(v, "display_name", path, &s->display_name, false)) return false;
    auto read_bound = [&](const char* key, double* out, bool* present) {
        const json::Value* b = v.find(key);
        *present = false;
        if (!b || b->is_null()) return true;
        if (s->type == StatType::Int) {
            int64_t x = 0;
            if (!c.int_value(*b, Checker::join(path, key), INT32_MIN, INT32_MAX, &x)) return false;
            *out = static_cast<double>(x);
        } else if (!c.number_value(*b, Checker::join(path, key), out)) {
            return false;
        }
        *present = true;
        return true;
    };
    bool present = false;
    if (!read_bound("default", &s->default_value, &present)) return false;
    if (!read_bound("min", &s->min, &s->has_min)) return false;
    if (!read_bound("max", &s->max, &s->has_max)) return false;
    if (s->has_min && s->has_max && s->min > s->max) return c.fail(path, "min is greater than max");
    if (!c.get_bool(v, "increment_only", path, &s->increment_only)) return false;
    if (!c.get_number(v, "window", path, &s->window, nullptr)) return false;
    if (const json::Value* g = v.find("global")) {
        std::string gp = Checker::join(path, "global");
        if (!c.expect(*g, json::Kind::Object, gp)) return false;
        if (!c.only_keys(*g, {"total", "history"}, gp)) return false;
        s->has_global = true;
        const json::Value* total = g->find("total");
        const json::Value* hist = g->find("history");
        if (hist && !c.expect(*hist, json::Kind::Array, Checker::join(gp, "history"))) return false;
        if (s->type == StatType::Int) {
            if (total && !c.int_value(*total, Checker::join(gp, "total"), INT64_MIN, INT64_MAX, &s->global_int)) return false;
            if (hist) {
                for (size_t i = 0; i < hist->items.size(); ++i) {
                    int64_t x = 0;
                    if (!c.int_value(hist->items[i], Checker::index(Checker::join(gp, "history"), i), INT64_MIN, INT64_MAX, &x)) return false;
                    s->history_int.push_back(x);
                }
            }
        } else {
            if (total && !c.number_value(*total, Checker::join(gp, "total"), &s->global_double)) return false;
            if (hist) {
                for (size_t i = 0; i < hist->items.size(); ++i) {
                    double x = 0;
                    if (!c.number_value(hist->items[i], Checker::index(Checker::join(gp, "history"), i), &x)) return false;
                    s->history_double.push_back(x);
                }
            }
        }
    }
    return true;
}

bool parse_achievement(Checker& c, const json::Value& v, const std::string& path,
                       AchievementDef* a) {
    if (!c.expect(v, json::Kind::Object, path)) return false;
    if (!c.only_keys(v, {"api_name", "name", "desc", "hidden", "icon", "progress", "global_percent"}, path)) {
        return false;
    }
    if (!c.get_string(v, "api_name", path, &a->api_name, true)) return false;
    if (!c.name_value(a->api_name, Checker::join(path, "api_name"))) return false;
    if (!c.get_string(v, "name", path, &a->name, false)) return false;
    if (!c.get_string(v, "desc", path, &a->desc, false)) return false;
    if (!c.get_bool(v, "hidden", path, &a->hidden)) return false;
    if (!c.get_string(v, "icon", path, &a->icon, false)) return false;
    bool present = false;
    double pct = 0;
    if (!c.get_number(v, "global_percent", path, &pct, &present)) return false;
    if (present) {
        if (pct < 0 || pct > 100) return c.fail(Checker::join(path, "global_percent"), "must be within [0, 100]");
        a->has_global_percent = true;
        a->global_percent = static_cast<float>(pct);
    }
    if (const json::Value* p = v.find("progress")) {
        std::string pp = Checker::join(path, "progress");
        if (!c.expect(*p, json::Kind::Object, pp)) return false;
        if (!c.only_keys(*p, {"stat", "min", "max"}, pp)) return false;
        if (!c.get_string(*p, "stat", pp, &a->progress_stat, true)) return false;
        bool has_max = false;
        if (!c.get_number(*p, "min", pp, &a->progress_min, nullptr)) return false;
        if (!c.get_number(*p, "max", pp, &a->progress_max, &has_max)) return false;
        if (!has_max) return c.fail(Checker::join(pp, "max"), "missing");
        if (a->progress_min >= a->progress_max) return c.fail(pp, "min must be less than max");
        a->has_progress = true;
    }
    return true;
}

bool parse_stat_value(Checker& c, const StatDef& def, const json::Value& v,
                      const std::string& path, StatValue* out) {
    switch (def.type) {
        case StatType::Int: {
            int64_t x = 0;
            if (!c.int_value(v, path, INT32_MIN, INT32_MAX, &x)) return false;
            out->i = static_cast<int32_t>(x);
            return true;
        }
        case StatType::Float: {
            double x = 0;
            if (!c.number_value(v, path, &x)) return false;
            out->f = static_cast<float>(x);
            return true;
        }
        case StatType::AvgRate: {
            double x = 0;
            if (v.is_object()) {
                if (!c.only_keys(v, {"value", "seconds"}, path)) return false;
                const json::Value* val = v.find("value");
                if (!val) return c.fail(Checker::join(path, "value"), "missing");
                if (!c.number_value(*val, Checker::join(path, "value"), &x)) return false;
                double secs = 0;
                if (!c.get_number(v, "seconds", path, &secs, nullptr)) return false;
                if (secs < 0) return c.fail(Checker::join(path, "seconds"), "must not be negative");
                out->avg_seconds = secs;
            } else if (!c.number_value(v, path, &x)) {
                return false;
            }
            out->f = static_cast<float>(x);
            return true;
        }
    }
    return false;
}

bool parse_stats_object(Checker& c, const AppData& app, const json::Value& v,
                        const std::string& path, Player* p) {
    if (!c.expect(v, json::Kind::Object, path)) return false;
    for (const auto& m : v.members) {
        if (!m.first.empty() && m.first[0] == '_') continue;
        int idx = app.stat_index(m.first.c_str());
        std::string mp = Checker::join(path, m.first);
        if (idx < 0) return c.fail(mp, "no stat of this name in \"stats\"");
        if (!parse_stat_value(c, app.stats[static_cast<size_t>(idx)], m.second, mp,
                              &p->stats[static_cast<size_t>(idx)])) {
            return false;
        }
    }
    return true;
}

bool parse_achievements_object(Checker& c, const AppData& app, const json::Value& v,
                               const std::string& path, Player* p) {
    if (!c.expect(v, json::Kind::Object, path)) return false;
    for (const auto& m : v.members) {
        if (!m.first.empty() && m.first[0] == '_') continue;
        int idx = app.achievement_index(m.first.c_str());
        std::string mp = Checker::join(path, m.first);
        if (idx < 0) return c.fail(mp, "no achievement of this name in \"achievements\"");
        AchievementState& st = p->achievements[static_cast<size_t>(idx)];
        if (m.second.is_bool()) {
            st.unlocked = m.second.boolean;
            st.unlock_time = 0;
            continue;
        }
        int64_t t = 0;
        if (!c.int_value(m.second, mp, 0, UINT32_MAX, &t)) {
            c.error += " (an unlock time in Unix seconds, or true/false)";
            return false;
        }
        st.unlocked = true;
        st.unlock_time = static_cast<uint32_t>(t);
    }
    return true;
}

const char* const kRelationships[] = {"none",    "blocked",           "request_recipient",
                                      "friend",  "request_initiator", "ignored",
                                      "ignored_friend"};

bool parse_player(Checker& c, const AppData& app, const json::Value& v, const std::string& path,
                  Player* p) {
    if (!c.expect(v, json::Kind::Object, path)) return false;
    if (!c.only_keys(v, {"steam_id", "persona_name", "relationship", "stats_readable", "level",
                         "achievements", "stats"},
                     path)) {
        return false;
    }
    const json::Value* id = v.find("steam_id");
    if (!id) return c.fail(Checker::join(path, "steam_id"), "missing");
    if (!c.steam_id_value(*id, Checker::join(path, "steam_id"), &p->steam_id)) return false;
    *p = app.blank_player(p->steam_id);
    if (!c.get_string(v, "persona_name", path, &p->persona_name, false)) return false;
    if (!c.get_string(v, "relationship", path, &p->relationship, false)) return false;
    bool known = false;
    for (const char* r : kRelationships) {
        if (p->relationship == r) known = true;
    }
    if (!known) {
        return c.fail(Checker::join(path, "relationship"),
                      "unknown relationship \"" + p->relationship +
                          "\" (none, friend, blocked, ignored, ignored_friend, request_recipient, "
                          "request_initiator)");
    }
    if (!c.get_bool(v, "stats_readable", path, &p->stats_readable)) return false;
    int64_t level = 0;
    if (!c.get_int(v, "level", path, 0, INT32_MAX, &level)) return false;
    p->level = static_cast<int>(level);
    if (const json::Value* s = v.find("stats")) {
        if (!parse_stats_object(c, app, *s, Checker::join(path, "stats"), p)) return false;
    }
    if (const json::Value* a = v.find("achievements")) {
        if (!parse_achievements_object(c, app, *a, Checker::join(path, "achievements"), p)) return false;
    }
    return true;
}

bool parse_leaderboard(Checker& c, const json::Value& v, const std::string& path,
                       Leaderboard* lb) {
    if (!c.expect(v, json::Kind::Object, path)) return false;
    if (!c.only_keys(v, {"name", "sort", "display", "entries"}, path)) return false;
    if (!c.get_string(v, "name", path, &lb->name, true)) return false;
    if (lb->name.empty() || lb->name.size() > 128) {
        return c.fail(Checker::join(path, "name"), "must be 1 to 128 bytes long");
    }
    std::string sort = "descending";
    if (!c.get_string(v, "sort", path, &sort, false)) return false;
    if (sort == "ascending") {
        lb->sort = SortMethod::Ascending;
    } else if (sort == "descending") {
        lb->sort = SortMethod::Descending;
    } else {
        return c.fail(Checker::join(path, "sort"), "expected \"ascending\" or \"descending\"");
    }
    std::string display = "numeric";
    if (!c.get_string(v, "display", path, &display, false)) return false;
    if (display == "numeric") {
        lb->display = DisplayType::Numeric;
    } else if (display == "time_seconds") {
        lb->display = DisplayType::TimeSeconds;
    } else if (display == "time_milliseconds") {
        lb->display = DisplayType::TimeMilliSeconds;
    } else {
        return c.fail(Checker::join(path, "display"),
                      "expected \"numeric\", \"time_seconds\" or \"time_milliseconds\"");
    }
    const json::Value* entries = v.find("entries");
    if (!entries) return true;
    std::string ep = Checker::join(path, "entries");
    if (!c.expect(*entries, json::Kind::Array, ep)) return false;
    std::set<uint64_t> seen;
    for (size_t i = 0; i < entries->items.size(); ++i) {
        const json::Value& e = entries->items[i];
        std::string p = Checker::index(ep, i);
        if (!c.expect(e, json::Kind::Object, p)) return false;
        if (!c.only_keys(e, {"steam_id", "score", "details", "ugc"}, p)) return false;
        LeaderboardEntry entry;
        entry.order = i;
        const json::Value* id = e.find("steam_id");
        if (!id) return c.fail(Checker::join(p, "steam_id"), "missing");
        if (!c.steam_id_value(*id, Checker::join(p, "steam_id"), &entry.steam_id)) return false;
        if (!seen.insert(entry.steam_id).second) {
            return c.fail(Checker::join(p, "steam_id"), "this player already has an entry");
        }
        const json::Value* score = e.find("score");
        if (!score) return c.fail(Checker::join(p, "score"), "missing");
        int64_t s = 0;
        if (!c.int_value(*score, Checker::join(p, "score"), INT32_MIN, INT32_MAX, &s)) return false;
        entry.score = static_cast<int32_t>(s);
        if (const json::Value* d = e.find("details")) {
            std::string dp = Checker::join(p, "details");
            if (!c.expect(*d, json::Kind::Array, dp)) return false;
            if (d->items.size() > kMaxLeaderboardDetails) return c.fail(dp, "at most 64 details");
            for (size_t k = 0; k < d->items.size(); ++k) {
                int64_t x = 0;
                if (!c.int_value(d->items[k], Checker::index(dp, k), INT32_MIN, INT32_MAX, &x)) return false;
                entry.details.push_back(static_cast<int32_t>(x));
            }
        }
        if (const json::Value* u = e.find("ugc")) {
            if (!u->is_string() || !u->as_uint64(&entry.ugc)) {
                return c.fail(Checker::join(p, "ugc"), "expected a decimal string");
            }
        }
        lb->entries.push_back(std::move(entry));
    }
    return true;
}

bool parse_network(Checker& c, const json::Value& v, const std::string& path, Network* n) {
    if (!c.expect(v, json::Kind::Object, path)) return false;
    if (!c.only_keys(v, {"online", "latency_ms", "offline_timeout_ms", "logged_on"}, path)) return false;
    if (!c.get_bool(v, "online", path, &n->online)) return false;
    if (!c.get_bool(v, "logged_on", path, &n->logged_on)) return false;
    constexpr int64_t kDay = 86400000;
    if (!c.get_int(v, "latency_ms", path, 0, kDay, &n->latency_ms)) return false;
    if (!c.get_int(v, "offline_timeout_ms", path, 0, kDay, &n->offline_timeout_ms)) return false;
    return true;
}

bool parse_app_data(Checker& c, const json::Value& root, AppData* app) {
    if (!c.expect(root, json::Kind::Object, "")) return false;
    if (!c.only_keys(root, {"format", "app", "achievements", "stats", "current_user", "players",
                            "leaderboards", "network"},
                     "")) {
        return false;
    }
    std::string format;
    if (!c.get_string(root, "format", "", &format, false)) return false;
    if (!format.empty() && format != "steamworks_cy-emulator/1") {
        return c.fail("format", "unsupported format \"" + format + "\" (expected \"steamworks_cy-emulator/1\")");
    }

    const json::Value* a = root.find("app");
    if (!a) return c.fail("app", "missing");
    if (!c.expect(*a, json::Kind::Object, "app")) return false;
    if (!c.only_keys(*a, {"id", "name", "current_players", "ip_country", "ui_language"}, "app")) return false;
    const json::Value* id = a->find("id");
    if (!id) return c.fail("app.id", "missing");
    int64_t app_id = 0;
    if (!c.int_value(*id, "app.id", 1, UINT32_MAX, &app_id)) return false;
    app->app_id = static_cast<uint32_t>(app_id);
    if (!c.get_string(*a, "name", "app", &app->app_name, false)) return false;
    int64_t players_now = 0;
    if (!c.get_int(*a, "current_players", "app", 0, INT32_MAX, &players_now)) return false;
    app->current_players = static_cast<int32_t>(players_now);
    if (!c.get_string(*a, "ip_country", "app", &app->ip_country, false)) return false;
    if (!c.get_string(*a, "ui_language", "app", &app->ui_language, false)) return false;

    if (const json::Value* stats = root.find("stats")) {
        if (!c.expect(*stats, json::Kind::Array, "stats")) return false;
        for (size_t i = 0; i < stats->items.size(); ++i) {
            StatDef s;
            if (!parse_stat(c, stats->items[i], Checker::index("stats", i), &s)) return false;
            if (app->stat_index(s.name.c_str()) >= 0) {
                return c.fail(Checker::index("stats", i) + ".name", "duplicate stat \"" + s.name + "\"");
            }
            app->add_stat(std::move(s));
        }
    }
    if (const json::Value* achs = root.find("achievements")) {
        if (!c.expect(*achs, json::Kind::Array, "achievements")) return false;
        for (size_t i = 0; i < achs->items.size(); ++i) {
            AchievementDef d;
            std::string p = Checker::index("achievements", i);
            if (!parse_achievement(c, achs->items[i], p, &d)) return false;
            if (app->achievement_index(d.api_name.c_str()) >= 0) {
                return c.fail(p + ".api_name", "duplicate achievement \"" + d.api_name + "\"");
            }
            if (d.has_progress && app->stat_index(d.progress_stat.c_str()) < 0) {
                return c.fail(p + ".progress.stat", "no stat named \"" + d.progress_stat + "\"");
            }
            app->add_achievement(std::move(d));
        }
    }

    const json::Value* cu = root.find("current_user");
    if (!cu) return c.fail("current_user", "missing");
    if (!c.steam_id_value(*cu, "current_user", &app->current_user)) return false;

    const json::Value* players = root.find("players");
    if (players) {
        if (!c.expect(*players, json::Kind::Array, "players")) return false;
        for (size_t i = 0; i < players->items.size(); ++i) {
            Player p;
            std::string path = Checker::index("players", i);
            if (!parse_player(c, *app, players->items[i], path, &p)) return false;
            if (app->find_player(p.steam_id)) {
                return c.fail(path + ".steam_id", "duplicate player " + std::to_string(p.steam_id));
            }
            app->players.push_back(std::move(p));
        }
    }
    if (!app->find_player(app->current_user)) {
        // The current user needs no entry when everything is at its default.
        app->players.push_back(app->blank_player(app->current_user));
    }

    if (const json::Value* lbs = root.find("leaderboards")) {
        if (!c.expect(*lbs, json::Kind::Array, "leaderboards")) return false;
        for (size_t i = 0; i < lbs->items.size(); ++i) {
            Leaderboard lb;
            std::string p = Checker::index("leaderboards", i);
            if (!parse_leaderboard(c, lbs->items[i], p, &lb)) return false;
            for (const Leaderboard& other : app->leaderboards) {
                if (other.name == lb.name) return c.fail(p + ".name", "duplicate leaderboard \"" + lb.name + "\"");
            }
            app->leaderboards.push_back(std::move(lb));
        }
    }
    if (const json::Value* net = root.find("network")) {
        if (!parse_network(c, *net, "network", &app->network)) return false;
        app->has_network = true;
    }
    return true;
}

void append_player_values(std::string& out, const AppData& app, const Player& p) {
    out += "\"stats\": {";
    for (size_t i = 0; i < app.stats.size(); ++i) {
        if (i) out += ", ";
        json::append_string(out, app.stats[i].name);
        out += ": ";
        const StatValue& v = p.stats[i];
        switch (app.stats[i].type) {
            case StatType::Int:
                out += std::to_string(v.i);
                break;
            case StatType::Float:
                json::append_double(out, static_cast<double>(v.f));
                break;
            case StatType::AvgRate:
                out += "{\"value\": ";
                json::append_double(out, static_cast<double>(v.f));
                out += ", \"seconds\": ";
                json::append_double(out, v.avg_seconds);
                out += "}";
                break;
        }
    }
    out += "}, \"achievements\": {";
    bool first = true;
    for (size_t i = 0; i < app.achievements.size(); ++i) {
        if (!p.achievements[i].unlocked) continue;
        if (!first) out += ", ";
        first = false;
        json::append_string(out, app.achievements[i].api_name);
        out += ": " + std::to_string(p.achievements[i].unlock_time);
    }
    out += "}";
}

const char* stat_type_name(StatType t) {
    switch (t) {
        case StatType::Int: return "INT";
        case StatType::Float: return "FLOAT";
        case StatType::AvgRate: return "AVGRATE";
    }
    return "INT";
}

void append_stat_number(std::string& out, StatType t, double v) {
    if (t == StatType::Int) {
        out += std::to_string(static_cast<int64_t>(v));
    } else {
        json::append_double(out, v);
    }
}

void append_key(std::string& out, const char* key, bool first = false) {
    if (!first) out += ", ";
    json::append_string(out, key);
    out += ": ";
}

}  // namespace

std::string app_data_to_json(const AppData& app) {
    std::string out = "{\"format\": \"steamworks_cy-emulator/1\",\n \"app\": {";
    append_key(out, "id", true);
    out += std::to_string(app.app_id);
    append_key(out, "name");
    json::append_string(out, app.app_name);
    append_key(out, "current_players");
    out += std::to_string(app.current_players);
    append_key(out, "ip_country");
    json::append_string(out, app.ip_country);
    append_key(out, "ui_language");
    json::append_string(out, app.ui_language);
    out += "},\n \"achievements\": [";
    for (size_t i = 0; i < app.achievements.size(); ++i) {
        const AchievementDef& a = app.achievements[i];
        out += i ? ",\n  {" : "\n  {";
        append_key(out, "api_name", true);
        json::append_string(out, a.api_name);
        append_key(out, "name");
        json::append_string(out, a.name);
        append_key(out, "desc");
        json::append_string(out, a.desc);
        append_key(out, "hidden");
        out += a.hidden ? "true" : "false";
        if (!a.icon.empty()) {
            append_key(out, "icon");
            json::append_string(out, a.icon);
        }
        if (a.has_progress) {
            append_key(out, "progress");
            out += "{\"stat\": ";
            json::append_string(out, a.progress_stat);
            out += ", \"min\": ";
            json::append_double(out, a.progress_min);
            out += ", \"max\": ";
            json::append_double(out, a.progress_max);
            out += "}";
        }
        if (a.has_global_percent) {
            append_key(out, "global_percent");
            json::append_double(out, static_cast<double>(a.global_percent));
        }
        out += "}";
    }
    out += "],\n \"stats\": [";
    for (size_t i = 0; i < app.stats.size(); ++i) {
        const StatDef& st = app.stats[i];
        out += i ? ",\n  {" : "\n  {";
        append_key(out, "name", true);
        json::append_string(out, st.name);
        append_key(out, "type");
        json::append_string(out, stat_type_name(st.type));
        if (!st.display_name.empty()) {
            append_key(out, "display_name");
            json::append_string(out, st.display_name);
        }
        append_key(out, "default");
        append_stat_number(out, st.type, st.default_value);
        if (st.has_min) {
            append_key(out, "min");
            append_stat_number(out, st.type, st.min);
        }
        if (st.has_max) {
            append_key(out, "max");
            append_stat_number(out, st.type, st.max);
        }
        append_key(out, "increment_only");
        out += st.increment_only ? "true" : "false";
        if (st.window != 0) {
            append_key(out, "window");
            json::append_double(out, st.window);
        }
        if (st.has_global) {
            append_key(out, "global");
            out += "{\"total\": ";
            if (st.type == StatType::Int) {
                out += std::to_string(st.global_int);
            } else {
                json::append_double(out, st.global_double);
            }
            out += ", \"history\": [";
            size_t n = st.type == StatType::Int ? st.history_int.size() : st.history_double.size();
            for (size_t k = 0; k < n; ++k) {
                if (k) out += ", ";
                if (st.type == StatType::Int) {
                    out += std::to_string(st.history_int[k]);
                } else {
                    json::append_double(out, st.history_double[k]);
                }
            }
            out += "]}";
        }
        out += "}";
    }
    out += "],\n \"current_user\": \"" + std::to_string(app.current_user) + "\",\n \"players\": [";
    for (size_t i = 0; i < app.players.size(); ++i) {
        const Player& p = app.players[i];
        out += i ? ",\n  {" : "\n  {";
        append_key(out, "steam_id", true);
        out += "\"" + std::to_string(p.steam_id) + "\"";
        append_key(out, "persona_name");
        json::append_string(out, p.persona_name);
        append_key(out, "relationship");
        json::append_string(out, p.relationship);
        append_key(out, "stats_readable");
        out += p.stats_readable ? "true" : "false";
        append_key(out, "level");
        out += std::to_string(p.level);
        out += ", ";
        append_player_values(out, app, p);
        out += "}";
    }
    out += "],\n \"leaderboards\": [";
    for (size_t i = 0; i < app.leaderboards.size(); ++i) {
        const Leaderboard& lb = app.leaderboards[i];
        out += i ? ",\n  {" : "\n  {";
        append_key(out, "name", true);
        json::append_string(out, lb.name);
        append_key(out, "sort");
        out += lb.sort == SortMethod::Ascending ? "\"ascending\"" : "\"descending\"";
        append_key(out, "display");
        out += lb.display == DisplayType::TimeSeconds        ? "\"time_seconds\""
               : lb.display == DisplayType::TimeMilliSeconds ? "\"time_milliseconds\""
                                                              : "\"numeric\"";
        append_key(out, "entries");
        out += "[";
        // In arrival order, so that ties keep ranking the same way after a reload.
        std::vector<const LeaderboardEntry*> entries;
        for (const auto& e : lb.entries) entries.push_back(&e);
        std::stable_sort(entries.begin(), entries.end(),
                         [](const LeaderboardEntry* x, const LeaderboardEntry* y) { return x->order < y->order; });
        for (size_t k = 0; k < entries.size(); ++k) {
            const LeaderboardEntry& e = *entries[k];
            out += k ? ", {" : "{";
            append_key(out, "steam_id", true);
            out += "\"" + std::to_string(e.steam_id) + "\"";
            append_key(out, "score");
            out += std::to_string(e.score);
            append_key(out, "details");
            out += "[";
            for (size_t d = 0; d < e.details.size(); ++d) {
                if (d) out += ", ";
                out += std::to_string(e.details[d]);
            }
            out += "]";
            if (e.ugc != 0xFFFFFFFFFFFFFFFFull) {
                append_key(out, "ugc");
                out += "\"" + std::to_string(e.ugc) + "\"";
            }
            out += "}";
        }
        out += "]}";
    }
    out += "]";
    if (app.has_network) {
        out += ",\n \"network\": {";
        append_key(out, "online", true);
        out += app.network.online ? "true" : "false";
        append_key(out, "latency_ms");
        out += std::to_string(app.network.latency_ms);
        append_key(out, "offline_timeout_ms");
        out += std::to_string(app.network.offline_timeout_ms);
        append_key(out, "logged_on");
        out += app.network.logged_on ? "true" : "false";
        out += "}";
    }
    out += "}\n";
    return out;
}

bool is_individual_account(uint64_t steam_id) {
    uint32_t account = static_cast<uint32_t>(steam_id & 0xFFFFFFFFu);
    uint32_t instance = static_cast<uint32_t>((steam_id >> 32) & 0xFFFFFu);
    uint32_t type = static_cast<uint32_t>((steam_id >> 52) & 0xFu);
    uint32_t universe = static_cast<uint32_t>(steam_id >> 56);
    return universe == 1 && type == 1 && instance == 1 && account != 0;
}

void AppData::add_stat(StatDef def) {
    stat_names.emplace(def.name, static_cast<int>(stats.size()));
    stats.push_back(std::move(def));
}

void AppData::add_achievement(AchievementDef def) {
    achievement_names.emplace(def.api_name, static_cast<int>(achievements.size()));
    achievements.push_back(std::move(def));
}

int AppData::stat_index(const char* name) const {
    if (!name) return -1;
    auto it = stat_names.find(std::string_view(name));
    return it == stat_names.end() ? -1 : it->second;
}

int AppData::achievement_index(const char* name) const {
    if (!name) return -1;
    auto it = achievement_names.find(std::string_view(name));
    return it == achievement_names.end() ? -1 : it->second;
}

Player* AppData::find_player(uint64_t steam_id) {
    for (Player& p : players) {
        if (p.steam_id == steam_id) return &p;
    }
    return nullptr;
}

const Player* AppData::find_player(uint64_t steam_id) const {
    for (const Player& p : players) {
        if (p.steam_id == steam_id) return &p;
    }
    return nullptr;
}

Player AppData::blank_player(uint64_t steam_id) const {
    Player p;
    p.steam_id = steam_id;
    p.stats.resize(stats.size());
    for (size_t i = 0; i < stats.size(); ++i) {
        if (stats[i].type == StatType::Int) {
            p.stats[i].i = static_cast<int32_t>(stats[i].default_value);
        } else {
            p.stats[i].f = static_cast<float>(stats[i].default_value);
        }
    }
    p.achievements.resize(achievements.size());
    return p;
}

bool load_app_data(const std::string& text, AppData* out, std::string* error) {
    json::Value root;
    std::string perr;
    if (!json::parse(text, &root, &perr)) {
        *error = "invalid JSON: " + perr;
        return false;
    }
    Checker c;
    AppData app;
    if (!parse_app_data(c, root, &app)) {
        *error = c.error;
        return false;
    }
    *out = std::move(app);
    return true;
}

std::string state_to_json(const AppData& app, const Player& user) {
    std::string out = "{\"format\": \"steamworks_cy-emulator-state/1\", \"app_id\": ";
    out += std::to_string(app.app_id);
    out += ", \"steam_id\": \"" + std::to_string(user.steam_id) + "\", ";
    append_player_values(out, app, user);
    out += "}\n";
    return out;
}

bool apply_state_json(const std::string& text, const AppData& app, Player* user, bool* applied,
                      std::string* error) {
    *applied = false;
    json::Value root;
    std::string perr;
    if (!json::parse(text, &root, &perr)) {
        *error = "invalid JSON: " + perr;
        return false;
    }
    Checker c;
    if (!c.expect(root, json::Kind::Object, "")) {
        *error = c.error;
        return false;
    }
    if (!c.only_keys(root, {"format", "app_id", "steam_id", "stats", "achievements"}, "")) {
        *error = c.error;
        return false;
    }
    const json::Value* app_id = root.find("app_id");
    const json::Value* steam_id = root.find("steam_id");
    int64_t aid = 0;
    uint64_t sid = 0;
    if (!app_id || !c.int_value(*app_id, "app_id", 0, UINT32_MAX, &aid) || !steam_id ||
        !c.steam_id_value(*steam_id, "steam_id", &sid)) {
        *error = c.error.empty() ? std::string("app_id and steam_id are required") : c.error;
        return false;
    }
    if (static_cast<uint32_t>(aid) != app.app_id || sid != user->steam_id) return true;  // not ours
    Player copy = *user;
    for (auto& a : copy.achievements) a = AchievementState();
    if (const json::Value* s = root.find("stats")) {
        if (!parse_stats_object(c, app, *s, "stats", &copy)) {
            *error = c.error;
            return false;
        }
    }
    if (const json::Value* a = root.find("achievements")) {
        if (!parse_achievements_object(c, app, *a, "achievements", &copy)) {
            *error = c.error;
            return false;
        }
    }
    *user = std::move(copy);
    *applied = true;
    return true;
}

bool read_file(const std::string& path, std::string* out, std::string* error) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        *error = std::strerror(errno);
        return false;
    }
    std::string data;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    bool bad = std::ferror(f) != 0;
    std::fclose(f);
    if (bad) {
        *error = "read error";
        return false;
    }
    *out = std::move(data);
    return true;
}

bool write_file_atomic(const std::string& path, const std::string& data, std::string* error) {
#ifdef _WIN32
    std::string tmp = path + ".tmp" + std::to_string(_getpid());
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        *error = std::string("cannot create ") + tmp + ": " + std::strerror(errno);
        return false;
    }
    bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    ok = std::fflush(f) == 0 && ok;
    ok = _commit(_fileno(f)) == 0 && ok;
    ok = std::fclose(f) == 0 && ok;
    if (!ok || !MoveFileExA(tmp.c_str(), path.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        *error = "cannot write " + path;
        std::remove(tmp.c_str());
        return false;
    }
    return true;
#else
    std::string tmp = path + ".tmp" + std::to_string(static_cast<long>(getpid()));
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        *error = "cannot create " + tmp + ": " + std::strerror(errno);
        return false;
    }
    size_t off = 0;
    while (off < data.size()) {
        ssize_t w = ::write(fd, data.data() + off, data.size() - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            *error = "cannot write " + tmp + ": " + std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return false;
        }
        off += static_cast<size_t>(w);
    }
    if (::fsync(fd) != 0) {
        *error = "fsync failed for " + tmp + ": " + std::strerror(errno);
        ::close(fd);
        ::unlink(tmp.c_str());
        return false;
    }
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        *error = "cannot rename " + tmp + " to " + path + ": " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return false;
    }
    // Make the rename itself durable (best effort).
    std::string dir = ".";
    size_t slash = path.find_last_of('/');
    if (slash != std::string::npos) dir = slash == 0 ? "/" : path.substr(0, slash);
    int dfd = ::open(dir.c_str(), O_RDONLY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
#endif
}

}  // namespace swemu
