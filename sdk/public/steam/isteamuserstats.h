// steamworks_cy reference SDK: ISteamUserStats (stats, achievements,
// leaderboards, global stats) and its callbacks.
//
// Written for steamworks_cy. Declares ISteamUserStats of Steamworks SDK 1.65a
// (STEAMUSERSTATS_INTERFACE_VERSION013) with the SDK's names, signatures,
// annotations, ids and layouts. No Valve text.

#ifndef ISTEAMUSERSTATS_H
#define ISTEAMUSERSTATS_H
#ifdef _WIN32
#pragma once
#endif

#include "steam_api_common.h"
#include "isteamremotestorage.h"

// Longest API name of a stat or achievement, including the terminating NUL.
enum { k_cchStatNameMax = 128 };

// Longest leaderboard name, including the terminating NUL.
enum { k_cchLeaderboardNameMax = 128 };

// Most int32 details one leaderboard entry can carry.
enum { k_cLeaderboardDetailsMax = 64 };

// Handle of a leaderboard found with FindLeaderboard / FindOrCreateLeaderboard.
typedef uint64 SteamLeaderboard_t;

// Handle of a downloaded set of entries (LeaderboardScoresDownloaded_t).
typedef uint64 SteamLeaderboardEntries_t;

// Which entries DownloadLeaderboardEntries returns.
enum ELeaderboardDataRequest
{
	k_ELeaderboardDataRequestGlobal = 0,			// ranks [nRangeStart, nRangeEnd]
	k_ELeaderboardDataRequestGlobalAroundUser = 1,	// offsets around the current user
	k_ELeaderboardDataRequestFriends = 2,			// the user and friends; range ignored
	k_ELeaderboardDataRequestUsers = 3				// only via DownloadLeaderboardEntriesForUsers
};

// Ordering of scores.
enum ELeaderboardSortMethod
{
	k_ELeaderboardSortMethodNone = 0,
	k_ELeaderboardSortMethodAscending = 1,	// lowest score is rank 1
	k_ELeaderboardSortMethodDescending = 2,	// highest score is rank 1
};

// How the Steam community shows the score.
enum ELeaderboardDisplayType
{
	k_ELeaderboardDisplayTypeNone = 0,
	k_ELeaderboardDisplayTypeNumeric = 1,
	k_ELeaderboardDisplayTypeTimeSeconds = 2,
	k_ELeaderboardDisplayTypeTimeMilliSeconds = 3,
};

// Whether an upload may lower the stored score.
enum ELeaderboardUploadScoreMethod
{
	k_ELeaderboardUploadScoreMethodNone = 0,
	k_ELeaderboardUploadScoreMethodKeepBest = 1,	// keep the better of old and new
	k_ELeaderboardUploadScoreMethodForceUpdate = 2,	// always replace
};

#if defined( VALVE_CALLBACK_PACK_SMALL )
#pragma pack( push, 4 )
#elif defined( VALVE_CALLBACK_PACK_LARGE )
#pragma pack( push, 8 )
#else
#error steamclientpublic.h defines VALVE_CALLBACK_PACK_SMALL or VALVE_CALLBACK_PACK_LARGE
#endif

// One row of a downloaded leaderboard (GetDownloadedLeaderboardEntry).
struct LeaderboardEntry_t
{
	CSteamID m_steamIDUser;	// the player
	int32 m_nGlobalRank;	// 1-based rank
	int32 m_nScore;
	int32 m_cDetails;		// number of int32 details stored with the score
	UGCHandle_t m_hUGC;		// attached content, or k_UGCHandleInvalid
};

#pragma pack( pop )

// Stats and achievements of the current user (after the client has synced
// them), of other users (after RequestUserStats), global achievement
// percentages, global stats and leaderboards.
class ISteamUserStats
{
public:
	// Stats of the current user. False for an unknown name or a type mismatch.
	STEAM_FLAT_NAME( GetStatInt32 )
	virtual bool GetStat( const char *pchName, int32 *pData ) = 0;

	STEAM_FLAT_NAME( GetStatFloat )
	virtual bool GetStat( const char *pchName, float *pData ) = 0;

	// Changes are local until StoreStats.
	STEAM_FLAT_NAME( SetStatInt32 )
	virtual bool SetStat( const char *pchName, int32 nData ) = 0;

	STEAM_FLAT_NAME( SetStatFloat )
	virtual bool SetStat( const char *pchName, float fData ) = 0;

	// Adds a session to an AVGRATE stat.
	virtual bool UpdateAvgRateStat( const char *pchName, float flCountThisSession, double dSessionLength ) = 0;

	// Achievements of the current user.
	virtual bool GetAchievement( const char *pchName, bool *pbAchieved ) = 0;
	virtual bool SetAchievement( const char *pchName ) = 0;
	virtual bool ClearAchievement( const char *pchName ) = 0;

	// Unlock time is Unix seconds, 0 when locked.
	virtual bool GetAchievementAndUnlockTime( const char *pchName, bool *pbAchieved, uint32 *punUnlockTime ) = 0;

	// Sends changed stats and achievements to Steam; the outcome arrives as
	// UserStatsStored_t and, per achievement, UserAchievementStored_t.
	virtual bool StoreStats() = 0;

	// Image handle for ISteamUtils::GetImageRGBA; 0 while it is being fetched
	// (UserAchievementIconFetched_t follows).
	virtual int GetAchievementIcon( const char *pchName ) = 0;

	// "name", "desc" or "hidden" (as "0"/"1"); "" when unknown.
	virtual const char *GetAchievementDisplayAttribute( const char *pchName, const char *pchKey ) = 0;

	// Shows a progress notification; does not unlock anything.
	virtual bool IndicateAchievementProgress( const char *pchName, uint32 nCurProgress, uint32 nMaxProgress ) = 0;

	// Enumeration of the app's achievements by index.
	virtual uint32 GetNumAchievements() = 0;
	virtual const char *GetAchievementName( uint32 iAchievement ) = 0;

	// Loads another user's stats into the local cache.
	STEAM_CALL_RESULT( UserStatsReceived_t )
	virtual SteamAPICall_t RequestUserStats( CSteamID steamIDUser ) = 0;

	// Readers of a cached user's stats; false until loaded and after eviction.
	STEAM_FLAT_NAME( GetUserStatInt32 )
	virtual bool GetUserStat( CSteamID steamIDUser, const char *pchName, int32 *pData ) = 0;

	STEAM_FLAT_NAME( GetUserStatFloat )
	virtual bool GetUserStat( CSteamID steamIDUser, const char *pchName, float *pData ) = 0;

	virtual bool GetUserAchievement( CSteamID steamIDUser, const char *pchName, bool *pbAchieved ) = 0;
	virtual bool GetUserAchievementAndUnlockTime( CSteamID steamIDUser, const char *pchName, bool *pbAchieved, uint32 *punUnlockTime ) = 0;

	// Resets the current user's stats (and achievements when asked) on the server.
	virtual bool ResetAllStats( bool bAchievementsToo ) = 0;

	// Leaderboards.
	STEAM_CALL_RESULT(LeaderboardFindResult_t)
	virtual SteamAPICall_t FindOrCreateLeaderboard( const char *pchLeaderboardName, ELeaderboardSortMethod eLeaderboardSortMethod, ELeaderboardDisplayType eLeaderboardDisplayType ) = 0;

	STEAM_CALL_RESULT( LeaderboardFindResult_t )
	virtual SteamAPICall_t FindLeaderboard( const char *pchLeaderboardName ) = 0;

	virtual const char *GetLeaderboardName( SteamLeaderboard_t hSteamLeaderboard ) = 0;
	virtual int GetLeaderboardEntryCount( SteamLeaderboard_t hSteamLeaderboard ) = 0;
	virtual ELeaderboardSortMethod GetLeaderboardSortMethod( SteamLeaderboard_t hSteamLeaderboard ) = 0;
	virtual ELeaderboardDisplayType GetLeaderboardDisplayType( SteamLeaderboard_t hSteamLeaderboard ) = 0;

	STEAM_CALL_RESULT( LeaderboardScoresDownloaded_t )
	virtual SteamAPICall_t DownloadLeaderboardEntries( SteamLeaderboard_t hSteamLeaderboard, ELeaderboardDataRequest eLeaderboardDataRequest, int nRangeStart, int nRangeEnd ) = 0;

	STEAM_CALL_RESULT( LeaderboardScoresDownloaded_t )
	virtual SteamAPICall_t DownloadLeaderboardEntriesForUsers( SteamLeaderboard_t hSteamLeaderboard,
		STEAM_ARRAY_COUNT_D(cUsers, Array of users to retrieve) CSteamID *prgUsers, int cUsers ) = 0;

	// Row index of a downloaded set; pDetails receives up to cDetailsMax details.
	virtual bool GetDownloadedLeaderboardEntry( SteamLeaderboardEntries_t hSteamLeaderboardEntries, int index, LeaderboardEntry_t *pLeaderboardEntry, int32 *pDetails, int cDetailsMax ) = 0;

	STEAM_CALL_RESULT( LeaderboardScoreUploaded_t )
	virtual SteamAPICall_t UploadLeaderboardScore( SteamLeaderboard_t hSteamLeaderboard, ELeaderboardUploadScoreMethod eLeaderboardUploadScoreMethod, int32 nScore, const int32 *pScoreDetails, int cScoreDetailsCount ) = 0;

	STEAM_CALL_RESULT( LeaderboardUGCSet_t )
	virtual SteamAPICall_t AttachLeaderboardUGC( SteamLeaderboard_t hSteamLeaderboard, UGCHandle_t hUGC ) = 0;

	// Players currently in the game, counted by Steam.
	STEAM_CALL_RESULT( NumberOfCurrentPlayers_t )
	virtual SteamAPICall_t GetNumberOfCurrentPlayers() = 0;

	// Global achievement percentages, then iterated with the two functions
	// below (each returns an iterator, -1 at the end).
	STEAM_CALL_RESULT( GlobalAchievementPercentagesReady_t )
	virtual SteamAPICall_t RequestGlobalAchievementPercentages() = 0;

	virtual int GetMostAchievedAchievementInfo( char *pchName, uint32 unNameBufLen, float *pflPercent, bool *pbAchieved ) = 0;
	virtual int GetNextMostAchievedAchievementInfo( int iIteratorPrevious, char *pchName, uint32 unNameBufLen, float *pflPercent, bool *pbAchieved ) = 0;

	virtual bool GetAchievementAchievedPercent( const char *pchName, float *pflPercent ) = 0;

	// Global (all players) stats, with up to nHistoryDays of daily history.
	STEAM_CALL_RESULT( GlobalStatsReceived_t )
	virtual SteamAPICall_t RequestGlobalStats( int nHistoryDays ) = 0;

	STEAM_FLAT_NAME( GetGlobalStatInt64 )
	virtual bool GetGlobalStat( const char *pchStatName, int64 *pData ) = 0;

	STEAM_FLAT_NAME( GetGlobalStatDouble )
	virtual bool GetGlobalStat( const char *pchStatName, double *pData ) = 0;

	// Fills pData with daily values, newest first; cubData is the buffer size
	// in bytes. Returns the number of values written.
	STEAM_FLAT_NAME( GetGlobalStatHistoryInt64 )
	virtual int32 GetGlobalStatHistory( const char *pchStatName, STEAM_ARRAY_COUNT(cubData) int64 *pData, uint32 cubData ) = 0;

	STEAM_FLAT_NAME( GetGlobalStatHistoryDouble )
	virtual int32 GetGlobalStatHistory( const char *pchStatName, STEAM_ARRAY_COUNT(cubData) double *pData, uint32 cubData ) = 0;

	// Progress range of an achievement driven by a stat.
	STEAM_FLAT_NAME( GetAchievementProgressLimitsInt32 )
	virtual bool GetAchievementProgressLimits( const char *pchName, int32 *pnMinProgress, int32 *pnMaxProgress ) = 0;

	STEAM_FLAT_NAME( GetAchievementProgressLimitsFloat )
	virtual bool GetAchievementProgressLimits( const char *pchName, float *pfMinProgress, float *pfMaxProgress ) = 0;
};

#define STEAMUSERSTATS_INTERFACE_VERSION "STEAMUSERSTATS_INTERFACE_VERSION013"

// Unversioned C++ accessor; the flat API exports SteamAPI_SteamUserStats_v013.
inline ISteamUserStats *SteamUserStats();
STEAM_DEFINE_USER_INTERFACE_ACCESSOR( ISteamUserStats *, SteamUserStats, STEAMUSERSTATS_INTERFACE_VERSION );

#if defined( VALVE_CALLBACK_PACK_SMALL )
#pragma pack( push, 4 )
#elif defined( VALVE_CALLBACK_PACK_LARGE )
#pragma pack( push, 8 )
#else
#error steamclientpublic.h defines VALVE_CALLBACK_PACK_SMALL or VALVE_CALLBACK_PACK_LARGE
#endif

// A user's stats were loaded (RequestUserStats), or failed to load. Also
// posted without a request when the current user's stats arrive.
struct UserStatsReceived_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 1 };
	uint64		m_nGameID;		// game the stats belong to
	EResult		m_eResult;		// k_EResultOK, or why it failed
	CSteamID	m_steamIDUser;	// whose stats
};

// Outcome of StoreStats.
struct UserStatsStored_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 2 };
	uint64		m_nGameID;
	EResult		m_eResult;
};

// An achievement was stored, or progress was shown (m_nMaxProgress != 0).
struct UserAchievementStored_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 3 };
	uint64		m_nGameID;
	bool		m_bGroupAchievement;
	char		m_rgchAchievementName[k_cchStatNameMax];
	uint32		m_nCurProgress;
	uint32		m_nMaxProgress;
};

// Result of FindLeaderboard / FindOrCreateLeaderboard.
struct LeaderboardFindResult_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 4 };
	SteamLeaderboard_t m_hSteamLeaderboard;
	uint8 m_bLeaderboardFound;	// 0 when not found
};

// Result of DownloadLeaderboardEntries*.
struct LeaderboardScoresDownloaded_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 5 };
	SteamLeaderboard_t m_hSteamLeaderboard;
	SteamLeaderboardEntries_t m_hSteamLeaderboardEntries;	// for GetDownloadedLeaderboardEntry
	int m_cEntryCount;
};

// Result of UploadLeaderboardScore.
struct LeaderboardScoreUploaded_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 6 };
	uint8 m_bSuccess;
	SteamLeaderboard_t m_hSteamLeaderboard;
	int32 m_nScore;
	uint8 m_bScoreChanged;
	int m_nGlobalRankNew;
	int m_nGlobalRankPrevious;	// 0 when there was no previous score
};

// Result of GetNumberOfCurrentPlayers.
struct NumberOfCurrentPlayers_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 7 };
	uint8 m_bSuccess;
	int32 m_cPlayers;
};

// Another user's stats were dropped from the cache; request them again
// before reading them.
struct UserStatsUnloaded_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 8 };
	CSteamID	m_steamIDUser;
};

// An achievement icon became available (see GetAchievementIcon).
struct UserAchievementIconFetched_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 9 };
	CGameID		m_nGameID;
	char		m_rgchAchievementName[k_cchStatNameMax];
	bool		m_bAchieved;	// icon of the unlocked (true) or locked state
	int			m_nIconHandle;
};

// Result of RequestGlobalAchievementPercentages.
struct GlobalAchievementPercentagesReady_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 10 };
	uint64		m_nGameID;
	EResult		m_eResult;
};

// Result of AttachLeaderboardUGC.
struct LeaderboardUGCSet_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 11 };
	EResult m_eResult;
	SteamLeaderboard_t m_hSteamLeaderboard;
};

// Result of RequestGlobalStats.
struct GlobalStatsReceived_t
{
	enum { k_iCallback = k_iSteamUserStatsCallbacks + 12 };
	uint64	m_nGameID;
	EResult	m_eResult;
};

#pragma pack( pop )

#endif // ISTEAMUSERSTATS_H
