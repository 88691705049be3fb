// ISteamUser and ISteamUtils flat functions.
#include <cstring>

#include "api_common.hpp"

using namespace swemu;

#define USER_CALL(name, args) Api api("SteamAPI_ISteamUser_" name, LAZY_ARGS(args)); State& s = api.s
#define UTILS_CALL(name, args) Api api("SteamAPI_ISteamUtils_" name, LAZY_ARGS(args)); State& s = api.s
#define USER_OK valid_self(s, self, g_user_token)
#define UTILS_OK valid_self(s, self, g_utils_token)

// ---- ISteamUser ----------------------------------------------------------------------------

S_API HSteamUser SteamAPI_ISteamUser_GetHSteamUser(ISteamUser* self) {
    USER_CALL("GetHSteamUser", Args());
    return USER_OK ? kUser : 0;
}

S_API bool SteamAPI_ISteamUser_BLoggedOn(ISteamUser* self) {
    USER_CALL("BLoggedOn", Args());
    return USER_OK && s.net.logged_on;
}

S_API uint64_steamid SteamAPI_ISteamUser_GetSteamID(ISteamUser* self) {
    USER_CALL("GetSteamID", Args());
    return USER_OK ? s.user.steam_id : 0;
}

S_API void SteamAPI_ISteamUser_TrackAppUsageEvent(ISteamUser* self, uint64_gameid gameID, int eAppUsageEvent,
                                                  const char* pchExtraInfo) {
    USER_CALL("TrackAppUsageEvent", Args().u64(gameID).i64(eAppUsageEvent).str(pchExtraInfo));
    (void)s;
    (void)self;
}

S_API int SteamAPI_ISteamUser_GetPlayerSteamLevel(ISteamUser* self) {
    USER_CALL("GetPlayerSteamLevel", Args());
    if (!USER_OK) return 0;
    const Player* p = s.data.find_player(s.user.steam_id);
    return p ? p->level : 0;
}

S_API int SteamAPI_ISteamUser_GetGameBadgeLevel(ISteamUser* self, int nSeries, bool bFoil) {
    USER_CALL("GetGameBadgeLevel", Args().i64(nSeries).b(bFoil));
    (void)s;
    (void)self;
    return 0;
}

S_API bool SteamAPI_ISteamUser_BIsBehindNAT(ISteamUser* self) {
    USER_CALL("BIsBehindNAT", Args());
    (void)s;
    (void)self;
    return false;
}

S_API bool SteamAPI_ISteamUser_BIsPhoneVerified(ISteamUser* self) {
    USER_CALL("BIsPhoneVerified", Args());
    (void)s;
    (void)self;
    return false;
}

S_API bool SteamAPI_ISteamUser_BIsTwoFactorEnabled(ISteamUser* self) {
    USER_CALL("BIsTwoFactorEnabled", Args());
    (void)s;
    (void)self;
    return false;
}

S_API bool SteamAPI_ISteamUser_BIsPhoneIdentifying(ISteamUser* self) {
    USER_CALL("BIsPhoneIdentifying", Args());
    (void)s;
    (void)self;
    return false;
}

S_API bool SteamAPI_ISteamUser_BIsPhoneRequiringVerification(ISteamUser* self) {
    USER_CALL("BIsPhoneRequiringVerification", Args());
    (void)s;
    (void)self;
    return false;
}

// ---- ISteamUtils ---------------------------------------------------------------------------

S_API uint32 SteamAPI_ISteamUtils_GetSecondsSinceAppActive(ISteamUtils* self) {
    UTILS_CALL("GetSecondsSinceAppActive", Args());
    if (!UTILS_OK) return 0;
    return static_cast<uint32>((s.now_ms() - s.init_ms) / 1000);
}

S_API uint32 SteamAPI_ISteamUtils_GetSecondsSinceComputerActive(ISteamUtils* self) {
    UTILS_CALL("GetSecondsSinceComputerActive", Args());
    if (!UTILS_OK) return 0;
    return static_cast<uint32>((s.now_ms() - s.init_ms) / 1000);
}

S_API EUniverse SteamAPI_ISteamUtils_GetConnectedUniverse(ISteamUtils* self) {
    UTILS_CALL("GetConnectedUniverse", Args());
    return UTILS_OK ? k_EUniversePublic : k_EUniverseInvalid;
}

S_API uint32 SteamAPI_ISteamUtils_GetServerRealTime(ISteamUtils* self) {
    UTILS_CALL("GetServerRealTime", Args());
    return UTILS_OK ? s.server_time() : 0;
}

S_API const char* SteamAPI_ISteamUtils_GetIPCountry(ISteamUtils* self) {
    UTILS_CALL("GetIPCountry", Args());
    if (!UTILS_OK) return nullptr;
    s.returned = s.data.ip_country;
    return s.returned.c_str();
}

S_API bool SteamAPI_ISteamUtils_GetImageSize(ISteamUtils* self, int iImage, uint32* pnWidth, uint32* pnHeight) {
    UTILS_CALL("GetImageSize", Args().i64(iImage).ptr(pnWidth).ptr(pnHeight));
    (void)s;
    (void)self;
    return false;  // the emulator has no images
}

S_API bool SteamAPI_ISteamUtils_GetImageRGBA(ISteamUtils* self, int iImage, uint8* pubDest, int nDestBufferSize) {
    UTILS_CALL("GetImageRGBA", Args().i64(iImage).ptr(pubDest).i64(nDestBufferSize));
    (void)s;
    (void)self;
    return false;
}

S_API uint8 SteamAPI_ISteamUtils_GetCurrentBatteryPower(ISteamUtils* self) {
    UTILS_CALL("GetCurrentBatteryPower", Args());
    (void)s;
    (void)self;
    return 255;  // on AC power
}

S_API uint32 SteamAPI_ISteamUtils_GetAppID(ISteamUtils* self) {
    UTILS_CALL("GetAppID", Args());
    return UTILS_OK ? s.app_id : 0;
}

S_API void SteamAPI_ISteamUtils_SetOverlayNotificationPosition(ISteamUtils* self,
                                                               ENotificationPosition eNotificationPosition) {
    UTILS_CALL("SetOverlayNotificationPosition", Args().i64(static_cast<int>(eNotificationPosition)));
    (void)s;
    (void)self;
}

S_API bool SteamAPI_ISteamUtils_IsAPICallCompleted(ISteamUtils* self, SteamAPICall_t hSteamAPICall, bool* pbFailed) {
    UTILS_CALL("IsAPICallCompleted", Args().u64(hSteamAPICall).ptr(pbFailed));
    if (!UTILS_OK) {
        if (pbFailed) *pbFailed = true;
        return false;
    }
    auto it = s.results.find(hSteamAPICall);
    if (it != s.results.end()) {
        if (pbFailed) *pbFailed = it->second.io_failure;
        return true;
    }
    if (pbFailed) *pbFailed = s.pending.count(hSteamAPICall) == 0;
    return false;
}

S_API ESteamAPICallFailure SteamAPI_ISteamUtils_GetAPICallFailureReason(ISteamUtils* self, SteamAPICall_t hSteamAPICall) {
    UTILS_CALL("GetAPICallFailureReason", Args().u64(hSteamAPICall));
    if (!UTILS_OK) return k_ESteamAPICallFailureSteamGone;
    auto f = s.failure_reasons.find(hSteamAPICall);
    if (f != s.failure_reasons.end()) return static_cast<ESteamAPICallFailure>(f->second);
    if (s.pending.count(hSteamAPICall) || s.results.count(hSteamAPICall)) return k_ESteamAPICallFailureNone;
    return k_ESteamAPICallFailureInvalidHandle;
}

S_API bool SteamAPI_ISteamUtils_GetAPICallResult(ISteamUtils* self, SteamAPICall_t hSteamAPICall, void* pCallback,
                                                 int cubCallback, int iCallbackExpected, bool* pbFailed) {
    Api api("SteamAPI_ISteamUtils_GetAPICallResult",
            LAZY_ARGS(Args().u64(hSteamAPICall).ptr(pCallback).i64(cubCallback).i64(iCallbackExpected).ptr(pbFailed)),
            true);
    State& s = api.s;
    if (!UTILS_OK) {
        if (pbFailed) *pbFailed = true;
        return false;
    }
    return call_result(s, hSteamAPICall, pCallback, cubCallback, iCallbackExpected, pbFailed);
}

S_API uint32 SteamAPI_ISteamUtils_GetIPCCallCount(ISteamUtils* self) {
    UTILS_CALL("GetIPCCallCount", Args());
    if (!UTILS_OK) return 0;
    uint32 n = s.ipc_calls;  // calls since the last time this was asked
    s.ipc_calls = 0;
    return n;
}

S_API void SteamAPI_ISteamUtils_SetWarningMessageHook(ISteamUtils* self, SteamAPIWarningMessageHook_t pFunction) {
    UTILS_CALL("SetWarningMessageHook", Args().ptr(reinterpret_cast<const void*>(pFunction)));
    (void)s;
    (void)self;  // the emulator emits no warnings through the hook
}

S_API bool SteamAPI_ISteamUtils_IsOverlayEnabled(ISteamUtils* self) {
    UTILS_CALL("IsOverlayEnabled", Args());
    (void)s;
    (void)self;
    return false;
}

S_API bool SteamAPI_ISteamUtils_BOverlayNeedsPresent(ISteamUtils* self) {
    UTILS_CALL("BOverlayNeedsPresent", Args());
    (void)s;
    (void)self;
    return false;
}

S_API bool SteamAPI_ISteamUtils_ShowGamepadTextInput(ISteamUtils* self, EGamepadTextInputMode eInputMode,
                                                     EGamepadTextInputLineMode eLineInputMode,
                                                     const char* pchDescription, uint32 unCharMax,
                                                     const char* pchExistingText) {
    UTILS_CALL("ShowGamepadTextInput", Args()
                                           .i64(static_cast<int>(eInputMode))
                                           .i64(static_cast<int>(eLineInputMode))
                                           .str(pchDescription)
                                           .u64(unCharMax)
                                           .str(pchExistingText));
    (void)s;
    (void)self;
    return false;  // no Big Picture overlay
}

S_API uint32 SteamAPI_ISteamUtils_GetEnteredGamepadTextLength(ISteamUtils* self) {
    UTILS_CALL("GetEnteredGamepadTextLength", Args());
    (void)s;
    (void)self;
    return 0;
}

S_API bool SteamAPI_ISteamUtils_GetEnteredGamepadTextInput(ISteamUtils* self, char* pchText, uint32 cchText) {
    UTILS_CALL("GetEnteredGamepadTextInput", Args().ptr(pchText).u64(cchText));
    (void)s;
    (void)self;
    if (pchText && cchText > 0) pchText[0] = '\0';
    return false;
}

S_API const char* SteamAPI_ISteamUtils_GetSteamUILanguage(ISteamUtils* self) {
    UTILS_CALL("GetSteamUILanguage", Args());
    if (!UTILS_OK) return nullptr;
    s.returned = s.data.ui_language;
    return s.returned.c_str();
}

S_API bool SteamAPI_ISteamUtils_IsSteamRunningInVR(ISteamUtils* self) {
    UTILS_CALL("IsSteamRunningInVR", Args());
    (void)s;
    (void)self;
    return false;
}

S_API void SteamAPI_ISteamUtils_SetOverlayNotificationInset(ISteamUtils* self, int nHorizontalInset, int nVerticalInset) {
    UTILS_CALL("SetOverlayNotificationInset", Args().i64(nHorizontalInset).i64(nVerticalInset));
    (void)s;
    (void)self;
}

S_API bool SteamAPI_ISteamUtils_IsSteamInBigPictureMode(ISteamUtils* self) {
    UTILS_CALL("IsSteamInBigPictureMode", Args());
    (void)s;
    (void)self;
    return false;
}

S_API void SteamAPI_ISteamUtils_StartVRDashboard(ISteamUtils* self) {
    UTILS_CALL("StartVRDashboard", Args());
    (void)s;
    (void)self;
}

S_API bool SteamAPI_ISteamUtils_IsVRHeadsetStreamingEnabled(ISteamUtils* self) {
    UTILS_CALL("IsVRHeadsetStreamingEnabled", Args());
    (void)s;
    (void)self;
    return false;
}

S_API void SteamAPI_ISteamUtils_SetVRHeadsetStreamingEnabled(ISteamUtils* self, bool bEnabled) {
    UTILS_CALL("SetVRHeadsetStreamingEnabled", Args().b(bEnabled));
    (void)s;
    (void)self;
}

S_API bool SteamAPI_ISteamUtils_IsSteamChinaLauncher(ISteamUtils* self) {
    UTILS_CALL("IsSteamChinaLauncher", Args());
    (void)s;
    (void)self;
    return false;
}

S_API bool SteamAPI_ISteamUtils_InitFilterText(ISteamUtils* self, uint32 unFilterOptions) {
    UTILS_CALL("InitFilterText", Args().u64(unFilterOptions));
    return UTILS_OK;
}

S_API int SteamAPI_ISteamUtils_FilterText(ISteamUtils* self, ETextFilteringContext eContext, uint64_steamid sourceSteamID,
                                          const char* pchInputMessage, char* pchOutFilteredText,
                                          uint32 nByteSizeOutFilteredText) {
    UTILS_CALL("FilterText", Args()
                                 .i64(static_cast<int>(eContext))
                                 .u64(sourceSteamID)
                                 .str(pchInputMessage)
                                 .ptr(pchOutFilteredText)
                                 .u64(nByteSizeOutFilteredText));
    // Nothing is filtered: the text is copied (bounded), and 0 characters were replaced.
    if (pchOutFilteredText && nByteSizeOutFilteredText > 0) {
        copy_message(pchOutFilteredText, nByteSizeOutFilteredText,
                     UTILS_OK && pchInputMessage ? std::string(pchInputMessage) : std::string());
    }
    return 0;
}

S_API void SteamAPI_ISteamUtils_SetGameLauncherMode(ISteamUtils* self, bool bLauncherMode) {
    UTILS_CALL("SetGameLauncherMode", Args().b(bLauncherMode));
    (void)s;
    (void)self;
}

S_API bool SteamAPI_ISteamUtils_DismissFloatingGamepadTextInput(ISteamUtils* self) {
    UTILS_CALL("DismissFloatingGamepadTextInput", Args());
    (void)s;
    (void)self;
    return false;
}

S_API bool SteamAPI_ISteamUtils_DismissGamepadTextInput(ISteamUtils* self) {
    UTILS_CALL("DismissGamepadTextInput", Args());
    (void)s;
    (void)self;
    return false;
}

S_API ESteamHardwareType SteamAPI_ISteamUtils_IsRunningOnSteamHardware(ISteamUtils* self) {
    UTILS_CALL("IsRunningOnSteamHardware", Args());
    (void)s;
    (void)self;
    return k_ESteamHardwareTypeNone;
}

S_API ESteamHardwareDefaultConfig SteamAPI_ISteamUtils_GetSteamHardwareDefaultConfig(ISteamUtils* self) {
    UTILS_CALL("GetSteamHardwareDefaultConfig", Args());
    (void)s;
    (void)self;
    return k_ESteamHardwareDefaultConfigNone;
}

S_API bool SteamAPI_ISteamUtils_IsRunningUnderProton(ISteamUtils* self) {
    UTILS_CALL("IsRunningUnderProton", Args());
    (void)s;
    (void)self;
    return false;
}
