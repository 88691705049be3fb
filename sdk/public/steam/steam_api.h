// steamworks_cy reference SDK: initialisation, shutdown and manual dispatch.
//
// Written for steamworks_cy. Declares the subset of Steamworks SDK 1.65a that
// the project covers, with the SDK's names and signatures. No Valve text.

#ifndef STEAM_API_H
#define STEAM_API_H
#ifdef _WIN32
#pragma once
#endif

#include <stddef.h>

#include "steam_api_common.h"

// The interfaces this reference SDK declares.
#include "isteamuser.h"
#include "isteamutils.h"
#include "isteamuserstats.h"
#include "isteamremotestorage.h"

// Result of SteamAPI_InitFlat / SteamAPI_InitEx.
enum ESteamAPIInitResult
{
	k_ESteamAPIInitResult_OK = 0,
	k_ESteamAPIInitResult_FailedGeneric = 1,	// anything else
	k_ESteamAPIInitResult_NoSteamClient = 2,	// no running Steam client to talk to
	k_ESteamAPIInitResult_VersionMismatch = 3,	// the Steam client is older than this SDK
};

// C++ convenience entry points; both are inline, the library exports only
// SteamAPI_InitFlat and SteamInternal_SteamAPI_Init.
inline ESteamAPIInitResult SteamAPI_InitEx( SteamErrMsg *pOutErrMsg );
inline bool SteamAPI_Init()
{
	return SteamAPI_InitEx( NULL ) == k_ESteamAPIInitResult_OK;
}

// Connects to the running Steam client. The app id comes from the SteamAppId
// environment variable or steam_appid.txt. On failure a message is written
// to *pOutErrMsg when it is not NULL.
S_API ESteamAPIInitResult S_CALLTYPE SteamAPI_InitFlat( SteamErrMsg *pOutErrMsg );

// Closes the connection; safe to call when init failed.
S_API void S_CALLTYPE SteamAPI_Shutdown();

// True when the game was not started by Steam; Steam then relaunches it and
// the caller should exit. Launches Steam, so only call it with a real app id.
S_API bool S_CALLTYPE SteamAPI_RestartAppIfNecessary( uint32 unOwnAppID );

// Frees per-thread memory held by the API (RunCallbacks does this itself).
S_API void S_CALLTYPE SteamAPI_ReleaseCurrentThreadMemory();

// True when a Steam client process is running for this user.
S_API bool S_CALLTYPE SteamAPI_IsSteamRunning();

// Manual dispatch: the game pulls callbacks instead of registering handlers.
// Per frame: RunFrame, then GetNextCallback / handle / FreeLastCallback until
// GetNextCallback returns false. A SteamAPICallCompleted_t message means a
// call result is ready; fetch it with GetAPICallResult.

// Switches the process to manual dispatch; call once after init.
S_API void S_CALLTYPE SteamAPI_ManualDispatch_Init();

// Does the per-frame work of the pipe.
S_API void S_CALLTYPE SteamAPI_ManualDispatch_RunFrame( HSteamPipe hSteamPipe );

// Takes the next queued callback; on true FreeLastCallback must follow.
S_API bool S_CALLTYPE SteamAPI_ManualDispatch_GetNextCallback( HSteamPipe hSteamPipe, CallbackMsg_t *pCallbackMsg );

// Releases the callback returned by GetNextCallback.
S_API void S_CALLTYPE SteamAPI_ManualDispatch_FreeLastCallback( HSteamPipe hSteamPipe );

// Copies a completed call result into pCallback (cubCallback bytes, of the
// struct with id iCallbackExpected); *pbFailed reports an IO failure.
S_API bool S_CALLTYPE SteamAPI_ManualDispatch_GetAPICallResult( HSteamPipe hSteamPipe, SteamAPICall_t hSteamAPICall, void *pCallback, int cubCallback, int iCallbackExpected, bool *pbFailed );

// Init entry used by SteamAPI_InitEx: the list holds the interface versions
// the caller was compiled with, each NUL-terminated, ending with an empty one.
S_API ESteamAPIInitResult S_CALLTYPE SteamInternal_SteamAPI_Init( const char *pszInternalCheckInterfaceVersions, SteamErrMsg *pOutErrMsg );
inline ESteamAPIInitResult SteamAPI_InitEx( SteamErrMsg *pOutErrMsg )
{
	const char *pszInternalCheckInterfaceVersions =
		STEAMUTILS_INTERFACE_VERSION "\0"
		STEAMUSER_INTERFACE_VERSION "\0"
		STEAMUSERSTATS_INTERFACE_VERSION "\0"
		"\0";
	return SteamInternal_SteamAPI_Init( pszInternalCheckInterfaceVersions, pOutErrMsg );
}

#endif // STEAM_API_H
