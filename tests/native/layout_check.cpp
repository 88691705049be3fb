// Compile-time checks of the reference SDK headers in sdk/public/steam.
//
// Built by tests/test_sdk_headers_compile.py with -Wall -Wextra -Werror.
// The layout expectations are those of Linux/macOS (callback pack 4) on a
// 64-bit target and of Windows x64 (pack 8); other targets only check the
// platform-independent facts.

#include "steam/steam_api.h"
#include "steam/steam_api_flat.h"

#include <stddef.h>
#include <type_traits>

// Scalar types.
static_assert( sizeof( uint8 ) == 1 && sizeof( int8 ) == 1, "8-bit ints" );
static_assert( sizeof( uint16 ) == 2 && sizeof( int16 ) == 2, "16-bit ints" );
static_assert( sizeof( uint32 ) == 4 && sizeof( int32 ) == 4, "32-bit ints" );
static_assert( sizeof( uint64 ) == 8 && sizeof( int64 ) == 8, "64-bit ints" );
static_assert( sizeof( intp ) == sizeof( void * ), "intp holds a pointer" );
static_assert( sizeof( SteamAPICall_t ) == 8, "SteamAPICall_t is 64-bit" );
static_assert( sizeof( HSteamPipe ) == 4 && sizeof( HSteamUser ) == 4, "pipe/user handles" );
static_assert( sizeof( SteamErrMsg ) == 1024, "SteamErrMsg is char[1024]" );
static_assert( sizeof( uint64_steamid ) == 8 && sizeof( uint64_gameid ) == 8, "flat id types" );

// CSteamID / CGameID: 8 bytes, byte-aligned, bits as documented.
static_assert( sizeof( CSteamID ) == 8, "CSteamID size" );
static_assert( alignof( CSteamID ) == 1, "CSteamID is pack(1)" );
static_assert( sizeof( CGameID ) == 8, "CGameID size" );
static_assert( alignof( CGameID ) == 1, "CGameID is pack(1)" );

// Enum values the binding relies on.
static_assert( k_EResultOK == 1 && k_EResultFail == 2 && k_EResultNoConnection == 3, "EResult" );
static_assert( k_EResultInvalidParam == 8 && k_EResultTimeout == 16 && k_EResultInvalidSteamID == 19, "EResult" );
static_assert( k_EResultNotLoggedOn == 21 && k_EResultRateLimitExceeded == 84, "EResult" );
static_assert( k_ESteamAPIInitResult_OK == 0 && k_ESteamAPIInitResult_FailedGeneric == 1, "init result" );
static_assert( k_ESteamAPIInitResult_NoSteamClient == 2 && k_ESteamAPIInitResult_VersionMismatch == 3, "init result" );
static_assert( k_ESteamAPICallFailureNone == -1, "ESteamAPICallFailure" );
static_assert( k_cchStatNameMax == 128 && k_cchLeaderboardNameMax == 128 && k_cLeaderboardDetailsMax == 64, "limits" );

// Callback ids.
static_assert( SteamServersConnected_t::k_iCallback == 101, "id" );
static_assert( SteamServersDisconnected_t::k_iCallback == 103, "id" );
static_assert( IPCFailure_t::k_iCallback == 117, "id" );
static_assert( GetTicketForWebApiResponse_t::k_iCallback == 168, "id" );
static_assert( SteamAPICallCompleted_t::k_iCallback == 703, "id" );
static_assert( AppResumingFromSuspend_t::k_iCallback == 736, "id" );
static_assert( FilterTextDictionaryChanged_t::k_iCallback == 739, "id" );
static_assert( UserStatsReceived_t::k_iCallback == 1101, "id" );
static_assert( UserStatsStored_t::k_iCallback == 1102, "id" );
static_assert( UserAchievementStored_t::k_iCallback == 1103, "id" );
static_assert( LeaderboardFindResult_t::k_iCallback == 1104, "id" );
static_assert( LeaderboardScoresDownloaded_t::k_iCallback == 1105, "id" );
static_assert( LeaderboardScoreUploaded_t::k_iCallback == 1106, "id" );
static_assert( NumberOfCurrentPlayers_t::k_iCallback == 1107, "id" );
static_assert( UserStatsUnloaded_t::k_iCallback == 1108, "id" );
static_assert( UserAchievementIconFetched_t::k_iCallback == 1109, "id" );
static_assert( GlobalAchievementPercentagesReady_t::k_iCallback == 1110, "id" );
static_assert( LeaderboardUGCSet_t::k_iCallback == 1111, "id" );
static_assert( GlobalStatsReceived_t::k_iCallback == 1112, "id" );

// Layouts that do not depend on the callback pack.
static_assert( sizeof( SteamServersDisconnected_t ) == 4, "size" );
static_assert( sizeof( UserStatsUnloaded_t ) == 8, "size" );
static_assert( sizeof( NumberOfCurrentPlayers_t ) == 8, "size" );
static_assert( sizeof( GetTicketForWebApiResponse_t ) == 12 + 2560, "size" );
static_assert( offsetof( UserAchievementStored_t, m_rgchAchievementName ) == 9, "offset" );
static_assert( offsetof( UserAchievementStored_t, m_nCurProgress ) == 140, "offset" );
static_assert( sizeof( UserAchievementIconFetched_t ) == 144, "size" );
static_assert( offsetof( UserAchievementIconFetched_t, m_nIconHandle ) == 140, "offset" );

#if defined( VALVE_CALLBACK_PACK_SMALL ) && ( defined( __x86_64__ ) || defined( __aarch64__ ) )

// Linux / macOS, 64-bit: callbacks packed to 4, so 64-bit members sit on
// 4-byte boundaries.
static_assert( sizeof( CallbackMsg_t ) == 20, "CallbackMsg_t size" );
static_assert( offsetof( CallbackMsg_t, m_iCallback ) == 4, "offset" );
static_assert( offsetof( CallbackMsg_t, m_pubParam ) == 8, "offset" );
static_assert( offsetof( CallbackMsg_t, m_cubParam ) == 16, "offset" );

static_assert( sizeof( SteamAPICallCompleted_t ) == 16, "size" );
static_assert( offsetof( SteamAPICallCompleted_t, m_iCallback ) == 8, "offset" );
static_assert( offsetof( SteamAPICallCompleted_t, m_cubParam ) == 12, "offset" );

static_assert( sizeof( UserStatsReceived_t ) == 20, "size" );
static_assert( offsetof( UserStatsReceived_t, m_nGameID ) == 0, "offset" );
static_assert( offsetof( UserStatsReceived_t, m_eResult ) == 8, "offset" );
static_assert( offsetof( UserStatsReceived_t, m_steamIDUser ) == 12, "offset" );

static_assert( sizeof( UserStatsStored_t ) == 12, "size" );
static_assert( sizeof( UserAchievementStored_t ) == 148, "size" );
static_assert( sizeof( GlobalAchievementPercentagesReady_t ) == 12, "size" );
static_assert( sizeof( GlobalStatsReceived_t ) == 12, "size" );
static_assert( sizeof( LeaderboardFindResult_t ) == 12, "size" );
static_assert( sizeof( LeaderboardScoresDownloaded_t ) == 20, "size" );
static_assert( sizeof( LeaderboardScoreUploaded_t ) == 28, "size" );
static_assert( offsetof( LeaderboardScoreUploaded_t, m_hSteamLeaderboard ) == 4, "offset" );
static_assert( sizeof( LeaderboardUGCSet_t ) == 12, "size" );
static_assert( offsetof( LeaderboardUGCSet_t, m_hSteamLeaderboard ) == 4, "offset" );
static_assert( sizeof( LeaderboardEntry_t ) == 28, "size" );
static_assert( offsetof( LeaderboardEntry_t, m_hUGC ) == 20, "offset" );
static_assert( sizeof( MicroTxnAuthorizationResponse_t ) == 16, "size" );
static_assert( sizeof( ValidateAuthTicketResponse_t ) == 20, "size" );

#elif defined( VALVE_CALLBACK_PACK_LARGE ) && defined( _WIN64 )

// Windows x64: callbacks packed to 8.
static_assert( sizeof( CallbackMsg_t ) == 24, "CallbackMsg_t size" );
static_assert( sizeof( SteamAPICallCompleted_t ) == 16, "size" );
static_assert( sizeof( UserStatsReceived_t ) == 24, "size" );
static_assert( offsetof( UserStatsReceived_t, m_steamIDUser ) == 12, "offset" );
static_assert( sizeof( LeaderboardEntry_t ) == 32, "size" );
static_assert( offsetof( LeaderboardEntry_t, m_hUGC ) == 24, "offset" );
static_assert( sizeof( UserAchievementStored_t ) == 152, "size" );

#endif

// The flat functions have exactly the declared types.
#define CHECK_FN_TYPE( fn, type ) static_assert( std::is_same< decltype( &fn ), type >::value, #fn " has the wrong type" )
CHECK_FN_TYPE( SteamAPI_ISteamUserStats_GetStatInt32, bool (*)( ISteamUserStats *, const char *, int32 * ) );
CHECK_FN_TYPE( SteamAPI_ISteamUserStats_RequestUserStats, SteamAPICall_t (*)( ISteamUserStats *, uint64_steamid ) );
CHECK_FN_TYPE( SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime, bool (*)( ISteamUserStats *, const char *, bool *, uint32 * ) );
CHECK_FN_TYPE( SteamAPI_ISteamUserStats_GetDownloadedLeaderboardEntry, bool (*)( ISteamUserStats *, SteamLeaderboardEntries_t, int, LeaderboardEntry_t *, int32 *, int ) );
CHECK_FN_TYPE( SteamAPI_ISteamUser_GetSteamID, uint64_steamid (*)( ISteamUser * ) );
CHECK_FN_TYPE( SteamAPI_ISteamUtils_GetAppID, uint32 (*)( ISteamUtils * ) );
CHECK_FN_TYPE( SteamAPI_SteamUserStats_v013, ISteamUserStats *(*)() );
CHECK_FN_TYPE( SteamAPI_InitFlat, ESteamAPIInitResult (*)( SteamErrMsg * ) );
CHECK_FN_TYPE( SteamAPI_ManualDispatch_GetNextCallback, bool (*)( HSteamPipe, CallbackMsg_t * ) );
CHECK_FN_TYPE( SteamAPI_ManualDispatch_GetAPICallResult, bool (*)( HSteamPipe, SteamAPICall_t, void *, int, int, bool * ) );
CHECK_FN_TYPE( SteamAPI_GetHSteamPipe, HSteamPipe (*)() );
CHECK_FN_TYPE( SteamAPI_RunCallbacks, void (*)() );

// Inline members of CSteamID / CGameID. The program needs no Steam library:
// the test links and runs it when it can, and exits 1 on a wrong answer.
int main()
{
	CSteamID id( 76561197960287930ull );
	CSteamID same( 22202u, 1u, k_EUniversePublic, k_EAccountTypeIndividual );
	CGameID game( 480u );
	bool ok = id.ConvertToUint64() == 76561197960287930ull
		&& id.GetAccountID() == 22202u
		&& id.GetUnAccountInstance() == 1u
		&& id.GetEAccountType() == k_EAccountTypeIndividual
		&& id.GetEUniverse() == k_EUniversePublic
		&& id.BIndividualAccount() && id.IsValid()
		&& id == same
		&& !CSteamID().IsValid()
		&& game.AppID() == 480u && game.ToUint64() == 480u && game.IsValid();
	return ok ? 0 : 1;
}
