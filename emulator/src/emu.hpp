// The emulator's process-wide state: configuration, clock, data, the current session, the
// timeline of future events, the queue of ready callbacks, call results and the call log.
//
// Every exported function takes the one mutex through `Api` (flat functions) or `Control`
// (SteamEmu_ functions) and works on `State` while holding it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model.hpp"

namespace swemu {

constexpr int32_t kPipe = 1;  // the one pipe handed out while initialised
constexpr int32_t kUser = 1;  // the one user on that pipe

// ESteamAPICallFailure values.
constexpr int kFailureNone = -1;
constexpr int kFailureNetwork = 1;
constexpr int kFailureInvalidHandle = 2;
constexpr int kFailureMismatched = 3;

// EResult values used by the emulator.
constexpr int kResultOK = 1;
constexpr int kResultFail = 2;
constexpr int kResultNoConnection = 3;
constexpr int kResultIOFailure = 15;

// A callback payload or call result: zero-filled bytes of a fixed size. Up to kInline bytes
// (every callback struct the emulator produces except UserAchievementStored_t) live inside the
// object, so queueing, handing out and copying them does not allocate. data() is nullptr when
// empty (as std::vector's), else aligned to 8 bytes.
class Bytes {
public:
    static constexpr size_t kInline = 32;

    Bytes() = default;
    explicit Bytes(size_t n) : size_(n) {
        if (n > kInline) heap_.reset(new uint8_t[n]);
        if (n) std::memset(data(), 0, n);
    }
    Bytes(const Bytes& o) : Bytes(o.size_) {
        if (size_) std::memcpy(data(), o.data(), size_);
    }
    Bytes(Bytes&& o) noexcept { take(o); }
    Bytes& operator=(const Bytes& o) {
        if (this != &o) {
            Bytes copy(o);
            take(copy);
        }
        return *this;
    }
    Bytes& operator=(Bytes&& o) noexcept {
        if (this != &o) take(o);
        return *this;
    }

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    uint8_t* data() { return size_ == 0 ? nullptr : heap_ ? heap_.get() : inline_; }
    const uint8_t* data() const { return size_ == 0 ? nullptr : heap_ ? heap_.get() : inline_; }

private:
    void take(Bytes& o) noexcept {
        size_ = o.size_;
        heap_ = std::move(o.heap_);
        if (!heap_ && size_) std::memcpy(inline_, o.inline_, size_);
        o.size_ = 0;
    }

    size_t size_ = 0;
    std::unique_ptr<uint8_t[]> heap_;
    alignas(8) uint8_t inline_[kInline];
};

template <class T>
Bytes bytes_of(const T& value) {
    static_assert(std::is_trivially_copyable<T>::value, "callback structs are copied as bytes");
    Bytes out(sizeof(T));
    std::memcpy(out.data(), &value, sizeof(T));
    return out;
}

// Stores an int into an enum-typed struct field without forming an out-of-range enum value.
template <class E>
void set_enum(E* field, int value) {
    static_assert(sizeof(E) == sizeof(int), "Steam enums are 32-bit");
    std::memcpy(field, &value, sizeof value);
}

// A FIFO queue in a ring buffer whose capacity is a power of two: pushing and popping reuse its
// storage (no allocation once it has grown to the largest backlog seen; release() frees it).
template <class T>
class Fifo {
public:
    bool empty() const { return count_ == 0; }
    size_t size() const { return count_; }
    T& front() { return buf_[head_]; }
    void push_back(T value) {
        if (count_ == buf_.size()) grow();
        buf_[(head_ + count_) & (buf_.size() - 1)] = std::move(value);
        ++count_;
    }
    void pop_front() {
        buf_[head_] = T();  // drops what the element still owns
        head_ = (head_ + 1) & (buf_.size() - 1);
        --count_;
    }
    void clear() {
        while (count_) pop_front();
        head_ = 0;
    }
    void release() {
        std::vector<T>().swap(buf_);
        head_ = count_ = 0;
    }

private:
    void grow() {
        std::vector<T> bigger(buf_.empty() ? 16 : buf_.size() * 2);
        for (size_t i = 0; i < count_; ++i) bigger[i] = std::move(buf_[(head_ + i) & (buf_.size() - 1)]);
        buf_.swap(bigger);
        head_ = 0;
    }

    std::vector<T> buf_;
    size_t head_ = 0;
    size_t count_ = 0;
};

struct State;
using Effect = std::function<void(State&)>;

struct Callback {
    int id = 0;
    Bytes payload;
};

// Something that happens at a due time: a callback becomes ready, or a call completes.
struct Event {
    bool is_completion = false;
    Callback callback;  // the callback to queue (posted callbacks)
    // Completion of an asynchronous call:
    uint64_t call = 0;
    bool io_failure = false;
    bool broadcast = false;  // also queue the result as a broadcast callback
    Effect effect;           // runs when the event becomes due (before anything is queued)
};

struct CallResult {
    int id = 0;
    Bytes payload;
    bool io_failure = false;
};

struct NextResult {
    int result = kResultFail;
    bool io_failure = false;
};

struct Download {
    uint64_t leaderboard = 0;
    std::vector<LeaderboardEntry> entries;
    std::vector<int32_t> ranks;
};

struct State {
    std::mutex mu;

    // Configuration (SteamEmu_Reset restores these).
    Network net;
    bool steam_running = true;
    bool call_log = true;       // SteamEmu_SetCallLog: keep a log of the flat calls at all
    bool log_dispatch = false;  // SteamEmu_SetLogDispatch: also the per-frame dispatch calls
    std::string state_file;  // set by SteamEmu_SetStateFile; empty = use the environment

    // Clock, in milliseconds. The real clock is monotonic; the manual one moves only when told.
    bool manual_clock = false;
    int64_t manual_now = 0;
    int64_t clock_offset = 0;
    int64_t steady_origin = 0;
    int64_t wall_origin_ms = 0;  // Unix time in ms when the clock read 0

    // Data: what Steam's servers know. StoreStats writes the current user's values back here.
    AppData data;
    std::string data_origin;  // "default", "env:<path>", or "explicit"

    // The session between SteamAPI_InitFlat and SteamAPI_Shutdown.
    bool initialised = false;
    bool manual_dispatch = false;
    uint32_t app_id = 0;
    int64_t init_ms = 0;
    std::string active_state_file;
    Player user;         // current user's live values
    Player stored_user;  // as of the last StoreStats (or init)
    std::map<uint64_t, Player> loaded_users;  // other users' stats in the client's cache
    bool global_percent_ready = false;
    bool global_stats_ready = false;
    int global_history_days = 0;

    // Scripted results: steam id -> next RequestUserStats outcome (0 = any player).
    std::map<uint64_t, NextResult> next_results;

    // Asynchronous machinery.
    std::map<std::pair<int64_t, uint64_t>, Event> timeline;  // (due ms, sequence) -> event
    uint64_t sequence = 0;
    Fifo<Callback> ready;        // due callbacks, in order
    Callback current;            // handed out by GetNextCallback, freed by FreeLastCallback
    bool has_current = false;
    std::unordered_map<uint64_t, CallResult> results;   // completed, not yet fetched
    Fifo<uint64_t> result_order;                         // completion order, to bound `results`
    std::unordered_map<uint64_t, bool> pending;          // issued, not yet completed
    std::map<uint64_t, int> failure_reasons;             // last ESteamAPICallFailure per handle (rare)
    uint64_t next_call = 0x1000;                         // never reset: handles stay unique
    std::map<uint64_t, Download> downloads;
    uint64_t next_download = 0x100;
    uint64_t leaderboard_order = 1000000;

    // Diagnostics.
    std::deque<std::string> log;
    uint64_t log_dropped = 0;
    int protocol_errors = 0;
    std::string last_error;
    uint32_t ipc_calls = 0;

    // Strings returned to callers; valid until the next call.
    std::string returned;

    State();

    int64_t now_ms() const;
    uint32_t server_time() const;  // Unix seconds
    void set_manual_clock(bool enabled);

    // Moves due events from the timeline into `ready` / `results`. Reads the clock only when
    // something is scheduled.
    void pump() {
        if (!timeline.empty()) pump_due();
    }
    void pump_due();
    void schedule(int64_t delay_ms, Event event);
    void post(int callback_id, Bytes payload, int64_t delay_ms, Effect on_due = nullptr);
    // Issues a call handle completing after `delay_ms` with `result` (callback `id`).
    uint64_t start_call(int64_t delay_ms, int id, Bytes result, bool io_failure, bool broadcast,
                        Effect effect = nullptr);
    // Delay for a network round trip: the latency online, the offline timeout offline.
    int64_t network_delay() const { return net.online ? net.latency_ms : net.offline_timeout_ms; }

    void end_session();      // drops the session (queues, pending calls, caches)
    void reset_config();     // network defaults, Steam running, real clock, no state file
    void reload_session();   // current user from data, caches cleared (after new data)

    uint64_t game_id() const { return static_cast<uint64_t>(app_id ? app_id : data.app_id); }
    // The stats of `steam_id` when the client has them (current user or a loaded user).
    Player* stats_of(uint64_t steam_id);

    // Whether a call is logged (dispatch: one of the per-frame dispatch calls).
    bool logs(bool dispatch) const { return call_log && (!dispatch || log_dispatch); }
    void log_call(const char* function, const std::string& args);
};

State& state();

// Builds the "args" array of a call-log entry.
class Args {
public:
    Args& u64(uint64_t v);
    Args& i64(int64_t v);
    Args& b(bool v);
    Args& f(double v);
    Args& str(const char* s);
    Args& ptr(const void* p);
    const std::string& text() const { return text_; }

private:
    void sep();
    std::string text_;
};

// Lock + pump + log for one flat API call. `make_args` is a callable returning the Args of
// the call; it runs only when the call is logged, so a call that is not logged formats nothing.
class Api {
public:
    template <class MakeArgs>
    Api(const char* function, MakeArgs&& make_args, bool dispatch = false) : s(state()), lock_(s.mu) {
        ++s.ipc_calls;
        s.pump();
        if (s.logs(dispatch)) s.log_call(function, make_args().text());
    }
    State& s;

private:
    std::lock_guard<std::mutex> lock_;
};

// The arguments of an Api, evaluated only when the call is logged:
// Api api("SteamAPI_X", LAZY_ARGS(Args().u64(id).str(name)));
#define LAZY_ARGS(args) [&]() { return args; }

// Lock (+ pump) for one control call; never logged.
class Control {
public:
    Control();
    State& s;

private:
    std::lock_guard<std::mutex> lock_;
};

// The default data embedded at build time (NUL-terminated JSON).
extern const char* const kDefaultDataJSON;
extern const size_t kDefaultDataSize;

// Loads data text into the state (parsing first; the state is unchanged on error).
bool load_data_text(State& s, const std::string& text, const std::string& origin, std::string* error);

// Bounded copy of a message into a caller's buffer, always NUL-terminated.
void copy_message(char* dest, size_t cap, const std::string& msg);

}  // namespace swemu
