// The emulator's state: clock, scheduler, call results, call log and data loading.
#include "emu.hpp"

#include <charconv>
#include <chrono>

#include "steam.hpp"

namespace swemu {

namespace {

constexpr size_t kMaxLogEntries = 100000;  // oldest entries are dropped beyond this
constexpr size_t kMaxFailureReasons = 4096;
constexpr size_t kMaxUnreadResults = 16384;  // a game that never fetches results stays bounded

int64_t steady_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

int64_t wall_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

State& state() {
    // Never destroyed: a thread still calling in while the process exits must not find it gone.
    static State* s = new State();
    return *s;
}

State::State() {
    steady_origin = steady_ms();
    wall_origin_ms = wall_ms();
    std::string error;
    if (!load_data_text(*this, std::string(kDefaultDataJSON, kDefaultDataSize), "default", &error)) {
        // The embedded data is checked by the tests; keep a usable (empty) app if it is broken.
        last_error = "embedded default data is invalid: " + error;
        data = AppData();
        data.app_id = 480;
        data.current_user = 76561197960266729ull;
        data.players.push_back(data.blank_player(data.current_user));
    }
}

int64_t State::now_ms() const {
    if (manual_clock) return manual_now;
    return steady_ms() - steady_origin + clock_offset;
}

uint32_t State::server_time() const {
    return static_cast<uint32_t>((wall_origin_ms + now_ms()) / 1000);
}

void State::set_manual_clock(bool enabled) {
    if (enabled == manual_clock) return;
    if (enabled) {
        manual_now = now_ms();
        manual_clock = true;
    } else {
        // Continue from where the manual clock stopped; the clock never goes backwards.
        clock_offset = manual_now - (steady_ms() - steady_origin);
        manual_clock = false;
    }
}

void State::schedule(int64_t delay_ms, Event event) {
    if (delay_ms < 0) delay_ms = 0;
    timeline.emplace(std::make_pair(now_ms() + delay_ms, ++sequence), std::move(event));
}

void State::post(int callback_id, Bytes payload, int64_t delay_ms, Effect on_due) {
    Event ev;
    ev.callback.id = callback_id;
    ev.callback.payload = std::move(payload);
    ev.effect = std::move(on_due);
    schedule(delay_ms, std::move(ev));
}

uint64_t State::start_call(int64_t delay_ms, int id, Bytes result, bool io_failure,
                           bool broadcast, Effect effect) {
    uint64_t call = next_call++;
    Event ev;
    ev.is_completion = true;
    ev.call = call;
    ev.callback.id = id;
    ev.callback.payload = std::move(result);
    ev.io_failure = io_failure;
    ev.broadcast = broadcast && !io_failure;
    ev.effect = std::move(effect);
    pending[call] = true;
    schedule(delay_ms, std::move(ev));
    return call;
}

void State::pump_due() {
    const int64_t now = now_ms();
    while (!timeline.empty() && timeline.begin()->first.first <= now) {
        Event ev = std::move(timeline.begin()->second);
        timeline.erase(timeline.begin());
        if (ev.effect) ev.effect(*this);
        if (!ev.is_completion) {
            ready.push_back(std::move(ev.callback));
            continue;
        }
        pending.erase(ev.call);
        if (ev.io_failure) {
            if (failure_reasons.size() >= kMaxFailureReasons) failure_reasons.erase(failure_reasons.begin());
            failure_reasons[ev.call] = kFailureNetwork;
        }
        SteamAPICallCompleted_t done{};
        done.m_hAsyncCall = ev.call;
        done.m_iCallback = ev.callback.id;
        done.m_cubParam = static_cast<uint32>(ev.callback.payload.size());
        ready.push_back(Callback{SteamAPICallCompleted_t::k_iCallback, bytes_of(done)});
        if (ev.broadcast) ready.push_back(ev.callback);
        CallResult& r = results[ev.call];
        r.id = ev.callback.id;
        r.payload = std::move(ev.callback.payload);
        r.io_failure = ev.io_failure;
        result_order.push_back(ev.call);
        while (result_order.size() > kMaxUnreadResults) {
            results.erase(result_order.front());  // oldest unread (or already fetched) first
            result_order.pop_front();
        }
    }
}

void State::end_session() {
    initialised = false;
    manual_dispatch = false;
    timeline.clear();
    ready.release();
    current = Callback();
    has_current = false;
    results.clear();
    result_order.release();
    pending.clear();
    failure_reasons.clear();
    downloads.clear();
    loaded_users.clear();
    global_percent_ready = false;
    global_stats_ready = false;
    returned.clear();
    returned.shrink_to_fit();
}

void State::reset_config() {
    net = Network();
    steam_running = true;
    call_log = true;
    log_dispatch = false;
    state_file.clear();
    set_manual_clock(false);
}

void State::reload_session() {
    const Player* p = data.find_player(data.current_user);
    user = p ? *p : data.blank_player(data.current_user);
    stored_user = user;
    loaded_users.clear();
    global_percent_ready = false;
    global_stats_ready = false;
}

Player* State::stats_of(uint64_t steam_id) {
    if (!initialised) return nullptr;
    if (steam_id == user.steam_id) return &user;
    auto it = loaded_users.find(steam_id);
    return it == loaded_users.end() ? nullptr : &it->second;
}

void State::log_call(const char* function, const std::string& args) {
    std::string entry;
    entry.reserve(std::strlen(function) + args.size() + 24);
    entry += "{\"fn\": \"";
    entry += function;
    entry += "\", \"args\": [";
    entry += args;
    entry += "]}";
    log.push_back(std::move(entry));
    while (log.size() > kMaxLogEntries) {
        log.pop_front();
        ++log_dropped;
    }
}

bool load_data_text(State& s, const std::string& text, const std::string& origin,
                    std::string* error) {
    AppData parsed;
    if (!load_app_data(text, &parsed, error)) return false;
    s.data = std::move(parsed);
    s.data_origin = origin;
    if (s.data.has_network) s.net = s.data.network;
    if (s.initialised) {
        s.app_id = s.data.app_id;
        s.reload_session();
    }
    return true;
}

void copy_message(char* dest, size_t cap, const std::string& msg) {
    if (!dest || cap == 0) return;
    size_t n = msg.size() < cap - 1 ? msg.size() : cap - 1;
    std::memcpy(dest, msg.data(), n);
    dest[n] = '\0';
}

// ---- call log ------------------------------------------------------------------------------

void Args::sep() {
    if (!text_.empty()) text_ += ", ";
}

Args& Args::u64(uint64_t v) {
    sep();
    char buf[24];
    text_.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    return *this;
}

Args& Args::i64(int64_t v) {
    sep();
    char buf[24];
    text_.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    return *this;
}

Args& Args::b(bool v) {
    sep();
    text_ += v ? "true" : "false";
    return *this;
}

Args& Args::f(double v) {
    sep();
    json::append_double(text_, v);
    return *this;
}

Args& Args::str(const char* s) {
    sep();
    if (!s) {
        text_ += "null";
    } else {
        json::append_string(text_, s);
    }
    return *this;
}

Args& Args::ptr(const void* p) {
    sep();
    text_ += p ? "\"ptr\"" : "null";
    return *this;
}

Control::Control() : s(state()), lock_(s.mu) { s.pump(); }

}  // namespace swemu
