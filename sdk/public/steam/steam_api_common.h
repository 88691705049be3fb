// steamworks_cy reference SDK: linkage macros, pipe/user handles, callbacks.
//
// Written for steamworks_cy. Declares the subset of Steamworks SDK 1.65a that
// the project covers, with the SDK's names and signatures. No Valve text.

#ifndef STEAM_API_COMMON_H
#define STEAM_API_COMMON_H

#include "steamtypes.h"
#include "steamclientpublic.h"

// S_API: C linkage for every function exported by the steam_api library.
// Define STEAM_API_EXPORTS when building a library that implements them.
#if defined( _WIN32 ) && !defined( _X360 )
	#if defined( STEAM_API_EXPORTS )
	#define S_API extern "C" __declspec( dllexport )
	#elif defined( STEAM_API_NODLL )
	#define S_API extern "C"
	#else
	#define S_API extern "C" __declspec( dllimport )
	#endif
#elif defined( __GNUC__ )
	#if defined( STEAM_API_EXPORTS )
	#define S_API extern "C" __attribute__ ((visibility("default")))
	#else
	#define S_API extern "C"
	#endif
#else
	#define S_API extern "C"
#endif

#if defined( __cplusplus ) && ( __cplusplus >= 201103L )
	#define S_OVERRIDE override
#else
	#define S_OVERRIDE
#endif

// Interface methods that exist in the vtable but are not for callers: they
// keep their slot and become protected outside the library.
#if ( defined(STEAM_API_EXPORTS) || defined(STEAM_API_NODLL) ) && !defined(API_GEN)
#define STEAM_PRIVATE_API( ... ) __VA_ARGS__
#elif defined(STEAM_API_EXPORTS) && defined(API_GEN)
#define STEAM_PRIVATE_API( ... )
#else
#define STEAM_PRIVATE_API( ... ) protected: __VA_ARGS__ public:
#endif

// A connection to the Steam client process.
typedef int32 HSteamPipe;
// A user logged in over a pipe.
typedef int32 HSteamUser;

// Buffer for the error text of SteamAPI_InitFlat.
const int k_cchMaxSteamErrMsg = 1024;
typedef char SteamErrMsg[ k_cchMaxSteamErrMsg ];

// S_CALLTYPE is __cdecl; that keyword means nothing outside Windows.
#ifndef _WIN32
	#define __cdecl
#endif

// Receives warning text from ISteamUtils::SetWarningMessageHook.
extern "C" typedef void ( S_CALLTYPE *SteamAPIWarningMessageHook_t )( int, const char * );

// Runs the registered callback and call-result handlers of the client side.
// Not used together with manual dispatch (see steam_api.h).
S_API void S_CALLTYPE SteamAPI_RunCallbacks();

// The same for a game server.
S_API void S_CALLTYPE SteamGameServer_RunCallbacks();

// Pipe and user handles, callback ids, CallbackMsg_t and the annotation macros.
#include "steam_api_internal.h"

#endif // STEAM_API_COMMON_H
