// Shared helpers of the flat API implementation files.
#pragma once

#include "emu.hpp"
#include "steam.hpp"

namespace swemu {

// What an interface accessor returns: an object of ours, only compared, never dereferenced as
// the interface class (the C++ virtual interface is not provided).
struct Token {
    uint32_t magic;
};

extern Token g_user_token;
extern Token g_utils_token;
extern Token g_stats_token;

template <class I>
I* token_as(Token& t) {
    return reinterpret_cast<I*>(&t);
}

// True when `self` is the interface object we handed out and the API is initialised.
template <class I>
bool valid_self(const State& s, const I* self, Token& t) {
    return s.initialised && self != nullptr && self == token_as<I>(t);
}

// Shared by ISteamUtils::GetAPICallResult and ManualDispatch_GetAPICallResult.
bool call_result(State& s, uint64_t call, void* buf, int size, int expected, bool* failed);

}  // namespace swemu
