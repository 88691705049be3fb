// steamworks_cy reference SDK: ISteamUser (the logged-on user, auth
// tickets, voice) and its callbacks.
//
// Written for steamworks_cy. Declares ISteamUser of Steamworks SDK 1.65a
// (SteamUser023) with the SDK's names, signatures, annotations, ids and
// layouts. No Valve text.

#ifndef ISTEAMUSER_H
#define ISTEAMUSER_H
#ifdef _WIN32
#pragma once
#endif

#include "steam_api_common.h"

// The user the game runs as.
class ISteamUser
{
public:
	// Handle of this user on its pipe.
	virtual HSteamUser GetHSteamUser() = 0;

	// True while connected to the Steam servers (false offline).
	virtual bool BLoggedOn() = 0;

	// The user's Steam id; valid even when offline.
	virtual CSteamID GetSteamID() = 0;

	// Old game-server handshake, kept for its vtable slots.
	virtual int InitiateGameConnection_DEPRECATED( void *pAuthBlob, int cbMaxAuthBlob, CSteamID steamIDGameServer, uint32 unIPServer, uint16 usPortServer, bool bSecure ) = 0;
	virtual void TerminateGameConnection_DEPRECATED( uint32 unIPServer, uint16 usPortServer ) = 0;

	virtual void TrackAppUsageEvent( CGameID gameID, int eAppUsageEvent, const char *pchExtraInfo = "" ) = 0;

	// Per-user data directory of the app.
	virtual bool GetUserDataFolder( char *pchBuffer, int cubBuffer ) = 0;

	// Voice capture.
	virtual void StartVoiceRecording( ) = 0;
	virtual void StopVoiceRecording( ) = 0;
	virtual EVoiceResult GetAvailableVoice( uint32 *pcbCompressed, uint32 *pcbUncompressed_Deprecated = 0, uint32 nUncompressedVoiceDesiredSampleRate_Deprecated = 0 ) = 0;
	virtual EVoiceResult GetVoice( bool bWantCompressed, void *pDestBuffer, uint32 cbDestBufferSize, uint32 *nBytesWritten, bool bWantUncompressed_Deprecated = false, void *pUncompressedDestBuffer_Deprecated = 0, uint32 cbUncompressedDestBufferSize_Deprecated = 0, uint32 *nUncompressBytesWritten_Deprecated = 0, uint32 nUncompressedVoiceDesiredSampleRate_Deprecated = 0 ) = 0;
	virtual EVoiceResult DecompressVoice( const void *pCompressed, uint32 cbCompressed, void *pDestBuffer, uint32 cbDestBufferSize, uint32 *nBytesWritten, uint32 nDesiredSampleRate ) = 0;
	virtual uint32 GetVoiceOptimalSampleRate() = 0;

	// Auth session tickets; the outcome arrives as GetAuthSessionTicketResponse_t.
	virtual HAuthTicket GetAuthSessionTicket( void *pTicket, int cbMaxTicket, uint32 *pcbTicket, const SteamNetworkingIdentity *pSteamNetworkingIdentity ) = 0;

	// Ticket for a web API; delivered in GetTicketForWebApiResponse_t.
	virtual HAuthTicket GetAuthTicketForWebApi( const char *pchIdentity ) = 0;

	// Checking a ticket received from another player.
	virtual EBeginAuthSessionResult BeginAuthSession( const void *pAuthTicket, int cbAuthTicket, CSteamID steamID ) = 0;
	virtual void EndAuthSession( CSteamID steamID ) = 0;
	virtual void CancelAuthTicket( HAuthTicket hAuthTicket ) = 0;

	// Ownership of an app by an authenticated user.
	virtual EUserHasLicenseForAppResult UserHasLicenseForApp( CSteamID steamID, AppId_t appID ) = 0;

	virtual bool BIsBehindNAT() = 0;

	// Tells friends which game server the user plays on.
	virtual void AdvertiseGame( CSteamID steamIDGameServer, uint32 unIPServer, uint16 usPortServer ) = 0;

	// Encrypted app tickets.
	STEAM_CALL_RESULT( EncryptedAppTicketResponse_t )
	virtual SteamAPICall_t RequestEncryptedAppTicket( void *pDataToInclude, int cbDataToInclude ) = 0;

	virtual bool GetEncryptedAppTicket( void *pTicket, int cbMaxTicket, uint32 *pcbTicket ) = 0;

	// Badge and Steam levels.
	virtual int GetGameBadgeLevel( int nSeries, bool bFoil ) = 0;
	virtual int GetPlayerSteamLevel() = 0;

	// Web login URL for the in-game store.
	STEAM_CALL_RESULT( StoreAuthURLResponse_t )
	virtual SteamAPICall_t RequestStoreAuthURL( const char *pchRedirectURL ) = 0;

	// Account security state.
	virtual bool BIsPhoneVerified() = 0;
	virtual bool BIsTwoFactorEnabled() = 0;
	virtual bool BIsPhoneIdentifying() = 0;
	virtual bool BIsPhoneRequiringVerification() = 0;

	STEAM_CALL_RESULT( MarketEligibilityResponse_t )
	virtual SteamAPICall_t GetMarketEligibility() = 0;

	// Play-time limits (anti-indulgence).
	STEAM_CALL_RESULT( DurationControl_t )
	virtual SteamAPICall_t GetDurationControl() = 0;

	virtual bool BSetDurationControlOnlineState( EDurationControlOnlineState eNewState ) = 0;
};

#define STEAMUSER_INTERFACE_VERSION "SteamUser023"

// Unversioned C++ accessor; the flat API exports SteamAPI_SteamUser_v023.
inline ISteamUser *SteamUser();
STEAM_DEFINE_USER_INTERFACE_ACCESSOR( ISteamUser *, SteamUser, STEAMUSER_INTERFACE_VERSION );

#if defined( VALVE_CALLBACK_PACK_SMALL )
#pragma pack( push, 4 )
#elif defined( VALVE_CALLBACK_PACK_LARGE )
#pragma pack( push, 8 )
#else
#error steamclientpublic.h defines VALVE_CALLBACK_PACK_SMALL or VALVE_CALLBACK_PACK_LARGE
#endif

// Connected (again) to the Steam servers.
struct SteamServersConnected_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 1 };
};

// A connection attempt failed.
struct SteamServerConnectFailure_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 2 };
	EResult m_eResult;
	bool m_bStillRetrying;
};

// Lost the connection to the Steam servers.
struct SteamServersDisconnected_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 3 };
	EResult m_eResult;
};

// A game server asked the client to disconnect.
struct ClientGameServerDeny_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 13 };
	uint32 m_uAppID;
	uint32 m_unGameServerIP;
	uint16 m_usGameServerPort;
	uint16 m_bSecure;
	uint32 m_uReason;
};

// The connection to the Steam client broke; the game should exit.
struct IPCFailure_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 17 };
	enum EFailureType
	{
		k_EFailureFlushedCallbackQueue,
		k_EFailurePipeFail,
	};
	uint8 m_eFailureType;
};

// The user's licenses changed.
struct LicensesUpdated_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 25 };
};

// Verdict on a ticket passed to BeginAuthSession.
struct ValidateAuthTicketResponse_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 43 };
	CSteamID m_SteamID;
	EAuthSessionResponse m_eAuthSessionResponse;
	CSteamID m_OwnerSteamID;	// differs from m_SteamID for a borrowed game
};

// The user answered a microtransaction authorization dialog.
struct MicroTxnAuthorizationResponse_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 52 };
	uint32 m_unAppID;
	uint64 m_ulOrderID;
	uint8 m_bAuthorized;
};

// Result of RequestEncryptedAppTicket.
struct EncryptedAppTicketResponse_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 54 };
	EResult m_eResult;
};

// A ticket from GetAuthSessionTicket is ready (or failed).
struct GetAuthSessionTicketResponse_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 63 };
	HAuthTicket m_hAuthTicket;
	EResult m_eResult;
};

// A steam://gamewebcallback URL was opened.
struct GameWebCallback_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 64 };
	char m_szURL[256];
};

// Result of RequestStoreAuthURL.
struct StoreAuthURLResponse_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 65 };
	char m_szURL[512];
};

// Result of GetMarketEligibility.
struct MarketEligibilityResponse_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 66 };
	bool m_bAllowed;
	EMarketNotAllowedReasonFlags m_eNotAllowedReason;
	RTime32 m_rtAllowedAtTime;
	int m_cdaySteamGuardRequiredDays;
	int m_cdayNewDeviceCooldown;
};

// Result of GetDurationControl, also posted when the state changes.
struct DurationControl_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 67 };
	EResult	m_eResult;
	AppId_t m_appid;
	bool	m_bApplicable;
	int32	m_csecsLast5h;
	EDurationControlProgress m_progress;
	EDurationControlNotification m_notification;
	int32	m_csecsToday;
	int32	m_csecsRemaining;
};

// A ticket from GetAuthTicketForWebApi is ready (or failed).
struct GetTicketForWebApiResponse_t
{
	enum { k_iCallback = k_iSteamUserCallbacks + 68 };
	HAuthTicket m_hAuthTicket;
	EResult m_eResult;
	int m_cubTicket;
	static const int k_nCubTicketMaxLength = 2560;
	uint8 m_rgubTicket[k_nCubTicketMaxLength];
};

#pragma pack( pop )

#endif // ISTEAMUSER_H
