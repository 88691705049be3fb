// steamworks_cy reference SDK: handles, interface lookup, callback ids and
// the annotation macros. Included by steam_api_common.h only.
//
// Written for steamworks_cy. Declares the subset of Steamworks SDK 1.65a that
// the project covers, with the SDK's names and signatures. No Valve text.

#ifndef STEAM_API_INTERNAL_H
#define STEAM_API_INTERNAL_H

#ifndef STEAM_API_COMMON_H
#error "include steam_api_common.h (or steam_api.h) instead of steam_api_internal.h"
#endif

// Pipe and user of the client session opened by SteamAPI_Init*.
S_API HSteamPipe S_CALLTYPE SteamAPI_GetHSteamPipe();
S_API HSteamUser S_CALLTYPE SteamAPI_GetHSteamUser();
// Pipe and user of the game server session.
S_API HSteamPipe S_CALLTYPE SteamGameServer_GetHSteamPipe();
S_API HSteamUser S_CALLTYPE SteamGameServer_GetHSteamUser();

// Interface lookup by version string ("SteamUser023", ...).
S_API void *S_CALLTYPE SteamInternal_ContextInit( void *pContextInitData );
S_API void *S_CALLTYPE SteamInternal_CreateInterface( const char *ver );
S_API void *S_CALLTYPE SteamInternal_FindOrCreateUserInterface( HSteamUser hSteamUser, const char *pszVersion );
S_API void *S_CALLTYPE SteamInternal_FindOrCreateGameServerInterface( HSteamUser hSteamUser, const char *pszVersion );

// Unversioned C++ accessors (SteamUser(), ...). Ours are plain inline
// functions that look the interface up on every call; nothing is exported.
#define STEAM_DEFINE_INTERFACE_ACCESSOR( type, name, expr, kind, version ) \
	inline type name() { return static_cast< type >( expr ); }
#define STEAM_DEFINE_USER_INTERFACE_ACCESSOR( type, name, version ) \
	STEAM_DEFINE_INTERFACE_ACCESSOR( type, name, SteamInternal_FindOrCreateUserInterface( SteamAPI_GetHSteamUser(), version ), "user", version )
#define STEAM_DEFINE_GAMESERVER_INTERFACE_ACCESSOR( type, name, version ) \
	STEAM_DEFINE_INTERFACE_ACCESSOR( type, name, SteamInternal_FindOrCreateGameServerInterface( SteamGameServer_GetHSteamUser(), version ), "gameserver", version )

// Callback structs are packed to 4 on Linux/macOS and 8 on Windows.
#if defined( VALVE_CALLBACK_PACK_SMALL )
#pragma pack( push, 4 )
#elif defined( VALVE_CALLBACK_PACK_LARGE )
#pragma pack( push, 8 )
#else
#error steamclientpublic.h defines VALVE_CALLBACK_PACK_SMALL or VALVE_CALLBACK_PACK_LARGE
#endif

// One queued callback, as returned by SteamAPI_ManualDispatch_GetNextCallback.
// m_pubParam stays valid until SteamAPI_ManualDispatch_FreeLastCallback.
struct CallbackMsg_t
{
	HSteamUser m_hSteamUser;	// user the callback is for
	int m_iCallback;			// the struct's k_iCallback
	uint8 *m_pubParam;			// the callback struct
	int m_cubParam;				// its size in bytes
};
#pragma pack( pop )

// Some callback structs are declared with these macros instead of a plain
// struct with an enum inside; both forms give the same struct.
#define STEAM_CALLBACK_BEGIN( callbackname, callbackid )	struct callbackname { enum { k_iCallback = callbackid };
#define STEAM_CALLBACK_MEMBER( varidx, vartype, varname )	vartype varname ;
#define STEAM_CALLBACK_MEMBER_ARRAY( varidx, vartype, varname, varcount ) vartype varname [ varcount ];
#define STEAM_CALLBACK_END(nArgs) };

// The interfaces, declared in their own headers.
class ISteamClient;
class ISteamUser;
class ISteamGameServer;
class ISteamFriends;
class ISteamUtils;
class ISteamMatchmaking;
class ISteamContentServer;
class ISteamMatchmakingServers;
class ISteamUserStats;
class ISteamApps;
class ISteamNetworking;
class ISteamRemoteStorage;
class ISteamScreenshots;
class ISteamMusic;
class ISteamGameServerStats;
class ISteamHTTP;
class ISteamController;
class ISteamUGC;
class ISteamHTMLSurface;
class ISteamInventory;
class ISteamVideo;
class ISteamParentalSettings;
class ISteamInput;
class ISteamParties;
class ISteamRemotePlay;

// Used by pointer in ISteamUser::GetAuthSessionTicket.
struct SteamNetworkingIdentity;

// Each interface numbers its callbacks from its own base: a callback's id is
// base + n, stored in the struct as enum { k_iCallback = ... }.
enum { k_iSteamUserCallbacks = 100 };
enum { k_iSteamGameServerCallbacks = 200 };
enum { k_iSteamFriendsCallbacks = 300 };
enum { k_iSteamBillingCallbacks = 400 };
enum { k_iSteamMatchmakingCallbacks = 500 };
enum { k_iSteamContentServerCallbacks = 600 };
enum { k_iSteamUtilsCallbacks = 700 };
enum { k_iSteamAppsCallbacks = 1000 };
enum { k_iSteamUserStatsCallbacks = 1100 };
enum { k_iSteamNetworkingCallbacks = 1200 };
enum { k_iSteamNetworkingSocketsCallbacks = 1220 };
enum { k_iSteamNetworkingMessagesCallbacks = 1250 };
enum { k_iSteamNetworkingUtilsCallbacks = 1280 };
enum { k_iSteamRemoteStorageCallbacks = 1300 };
enum { k_iSteamGameServerItemsCallbacks = 1500 };
enum { k_iSteamGameCoordinatorCallbacks = 1700 };
enum { k_iSteamGameServerStatsCallbacks = 1800 };
enum { k_iSteam2AsyncCallbacks = 1900 };
enum { k_iSteamGameStatsCallbacks = 2000 };
enum { k_iSteamHTTPCallbacks = 2100 };
enum { k_iSteamScreenshotsCallbacks = 2300 };
enum { k_iSteamStreamLauncherCallbacks = 2600 };
enum { k_iSteamControllerCallbacks = 2800 };
enum { k_iSteamUGCCallbacks = 3400 };
enum { k_iSteamStreamClientCallbacks = 3500 };
enum { k_iSteamMusicCallbacks = 4000 };
enum { k_iSteamGameNotificationCallbacks = 4400 };
enum { k_iSteamHTMLSurfaceCallbacks = 4500 };
enum { k_iSteamVideoCallbacks = 4600 };
enum { k_iSteamInventoryCallbacks = 4700 };
enum { k_ISteamParentalSettingsCallbacks = 5000 };
enum { k_iSteamGameSearchCallbacks = 5200 };
enum { k_iSteamPartiesCallbacks = 5300 };
enum { k_iSteamSTARCallbacks = 5500 };
enum { k_iSteamRemotePlayCallbacks = 5700 };
enum { k_iSteamChatCallbacks = 5900 };
enum { k_iSteamTimelineCallbacks = 6000 };

// Annotations on interface methods and parameters. They expand to nothing
// for the compiler; binding generators read them from the source text.
//   STEAM_OUT_STRUCT()                 parameter is a struct filled by the call
//   STEAM_OUT_STRING()                 parameter receives a string
//   STEAM_OUT_STRING_COUNT(n)          string out-parameter, buffer size in n
//   STEAM_ARRAY_COUNT(n)               input array with n elements
//   STEAM_ARRAY_COUNT_D(n, text)       same, with a description
//   STEAM_OUT_ARRAY_COUNT(n, text)     output array with room for n elements
//   STEAM_OUT_ARRAY_CALL(n, f, args)   output array sized by calling f(args)
//   STEAM_BUFFER_COUNT(n)              input buffer of n bytes
//   STEAM_OUT_BUFFER_COUNT(n)          output buffer of n bytes
//   STEAM_DESC(text)                   description only
//   STEAM_CALL_RESULT(T)               returns a SteamAPICall_t completing as T
//   STEAM_CALL_BACK(T)                 triggers callback T
//   STEAM_FLAT_NAME(name)              name of this overload in the flat API
#define STEAM_CLANG_ATTR(ATTR)
#define STEAM_OUT_STRUCT()
#define STEAM_OUT_STRING()
#define STEAM_OUT_ARRAY_CALL(COUNTER,FUNCTION,PARAMS)
#define STEAM_OUT_ARRAY_COUNT(COUNTER, DESC)
#define STEAM_ARRAY_COUNT(COUNTER)
#define STEAM_ARRAY_COUNT_D(COUNTER, DESC)
#define STEAM_BUFFER_COUNT(COUNTER)
#define STEAM_OUT_BUFFER_COUNT(COUNTER)
#define STEAM_OUT_STRING_COUNT(COUNTER)
#define STEAM_DESC(DESC)
#define STEAM_CALL_RESULT(RESULT_TYPE)
#define STEAM_CALL_BACK(RESULT_TYPE)
#define STEAM_FLAT_NAME(NAME)

#endif // STEAM_API_INTERNAL_H
