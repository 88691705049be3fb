// steamworks_cy reference SDK: result codes, account enums, CSteamID, CGameID.
//
// Written for steamworks_cy. Declares the subset of Steamworks SDK 1.65a that
// the project covers, with the SDK's names, values and layouts. No Valve text.

#ifndef STEAMCLIENTPUBLIC_H
#define STEAMCLIENTPUBLIC_H

#include "steamtypes.h"
#include "steamuniverse.h"

// Outcome of most Steam operations; 1 means success.
enum EResult
{
	k_EResultNone = 0,
	k_EResultOK = 1,
	k_EResultFail = 2,
	k_EResultNoConnection = 3,
	k_EResultInvalidPassword = 5,
	k_EResultLoggedInElsewhere = 6,
	k_EResultInvalidProtocolVer = 7,
	k_EResultInvalidParam = 8,
	k_EResultFileNotFound = 9,
	k_EResultBusy = 10,
	k_EResultInvalidState = 11,
	k_EResultInvalidName = 12,
	k_EResultInvalidEmail = 13,
	k_EResultDuplicateName = 14,
	k_EResultAccessDenied = 15,
	k_EResultTimeout = 16,
	k_EResultBanned = 17,
	k_EResultAccountNotFound = 18,
	k_EResultInvalidSteamID = 19,
	k_EResultServiceUnavailable = 20,
	k_EResultNotLoggedOn = 21,
	k_EResultPending = 22,
	k_EResultEncryptionFailure = 23,
	k_EResultInsufficientPrivilege = 24,
	k_EResultLimitExceeded = 25,
	k_EResultRevoked = 26,
	k_EResultExpired = 27,
	k_EResultAlreadyRedeemed = 28,
	k_EResultDuplicateRequest = 29,
	k_EResultAlreadyOwned = 30,
	k_EResultIPNotFound = 31,
	k_EResultPersistFailed = 32,
	k_EResultLockingFailed = 33,
	k_EResultLogonSessionReplaced = 34,
	k_EResultConnectFailed = 35,
	k_EResultHandshakeFailed = 36,
	k_EResultIOFailure = 37,
	k_EResultRemoteDisconnect = 38,
	k_EResultShoppingCartNotFound = 39,
	k_EResultBlocked = 40,
	k_EResultIgnored = 41,
	k_EResultNoMatch = 42,
	k_EResultAccountDisabled = 43,
	k_EResultServiceReadOnly = 44,
	k_EResultAccountNotFeatured = 45,
	k_EResultAdministratorOK = 46,
	k_EResultContentVersion = 47,
	k_EResultTryAnotherCM = 48,
	k_EResultPasswordRequiredToKickSession = 49,
	k_EResultAlreadyLoggedInElsewhere = 50,
	k_EResultSuspended = 51,
	k_EResultCancelled = 52,
	k_EResultDataCorruption = 53,
	k_EResultDiskFull = 54,
	k_EResultRemoteCallFailed = 55,
	k_EResultPasswordUnset = 56,
	k_EResultExternalAccountUnlinked = 57,
	k_EResultPSNTicketInvalid = 58,
	k_EResultExternalAccountAlreadyLinked = 59,
	k_EResultRemoteFileConflict = 60,
	k_EResultIllegalPassword = 61,
	k_EResultSameAsPreviousValue = 62,
	k_EResultAccountLogonDenied = 63,
	k_EResultCannotUseOldPassword = 64,
	k_EResultInvalidLoginAuthCode = 65,
	k_EResultAccountLogonDeniedNoMail = 66,
	k_EResultHardwareNotCapableOfIPT = 67,
	k_EResultIPTInitError = 68,
	k_EResultParentalControlRestricted = 69,
	k_EResultFacebookQueryError = 70,
	k_EResultExpiredLoginAuthCode = 71,
	k_EResultIPLoginRestrictionFailed = 72,
	k_EResultAccountLockedDown = 73,
	k_EResultAccountLogonDeniedVerifiedEmailRequired = 74,
	k_EResultNoMatchingURL = 75,
	k_EResultBadResponse = 76,
	k_EResultRequirePasswordReEntry = 77,
	k_EResultValueOutOfRange = 78,
	k_EResultUnexpectedError = 79,
	k_EResultDisabled = 80,
	k_EResultInvalidCEGSubmission = 81,
	k_EResultRestrictedDevice = 82,
	k_EResultRegionLocked = 83,
	k_EResultRateLimitExceeded = 84,
	k_EResultAccountLoginDeniedNeedTwoFactor = 85,
	k_EResultItemDeleted = 86,
	k_EResultAccountLoginDeniedThrottle = 87,
	k_EResultTwoFactorCodeMismatch = 88,
	k_EResultTwoFactorActivationCodeMismatch = 89,
	k_EResultAccountAssociatedToMultiplePartners = 90,
	k_EResultNotModified = 91,
	k_EResultNoMobileDevice = 92,
	k_EResultTimeNotSynced = 93,
	k_EResultSmsCodeFailed = 94,
	k_EResultAccountLimitExceeded = 95,
	k_EResultAccountActivityLimitExceeded = 96,
	k_EResultPhoneActivityLimitExceeded = 97,
	k_EResultRefundToWallet = 98,
	k_EResultEmailSendFailure = 99,
	k_EResultNotSettled = 100,
	k_EResultNeedCaptcha = 101,
	k_EResultGSLTDenied = 102,
	k_EResultGSOwnerDenied = 103,
	k_EResultInvalidItemType = 104,
	k_EResultIPBanned = 105,
	k_EResultGSLTExpired = 106,
	k_EResultInsufficientFunds = 107,
	k_EResultTooManyPending = 108,
	k_EResultNoSiteLicensesFound = 109,
	k_EResultWGNetworkSendExceeded = 110,
	k_EResultAccountNotFriends = 111,
	k_EResultLimitedUserAccount = 112,
	k_EResultCantRemoveItem = 113,
	k_EResultAccountDeleted = 114,
	k_EResultExistingUserCancelledLicense = 115,
	k_EResultCommunityCooldown = 116,
	k_EResultNoLauncherSpecified = 117,
	k_EResultMustAgreeToSSA = 118,
	k_EResultLauncherMigrated = 119,
	k_EResultSteamRealmMismatch = 120,
	k_EResultInvalidSignature = 121,
	k_EResultParseFailure = 122,
	k_EResultNoVerifiedPhone = 123,
	k_EResultInsufficientBattery = 124,
	k_EResultChargerRequired = 125,
	k_EResultCachedCredentialInvalid = 126,
	K_EResultPhoneNumberIsVOIP = 127,
	k_EResultNotSupported = 128,
	k_EResultFamilySizeLimitExceeded = 129,
	k_EResultOfflineAppCacheInvalid = 130,
	k_EResultTryLater = 131,
};

// GetVoice / DecompressVoice outcome.
enum EVoiceResult
{
	k_EVoiceResultOK = 0,
	k_EVoiceResultNotInitialized = 1,
	k_EVoiceResultNotRecording = 2,
	k_EVoiceResultNoData = 3,
	k_EVoiceResultBufferTooSmall = 4,
	k_EVoiceResultDataCorrupted = 5,
	k_EVoiceResultRestricted = 6,
	k_EVoiceResultUnsupportedCodec = 7,
	k_EVoiceResultReceiverOutOfDate = 8,
	k_EVoiceResultReceiverDidNotAnswer = 9,
};

// Why a game server refused a client.
enum EDenyReason
{
	k_EDenyInvalid = 0,
	k_EDenyInvalidVersion = 1,
	k_EDenyGeneric = 2,
	k_EDenyNotLoggedOn = 3,
	k_EDenyNoLicense = 4,
	k_EDenyCheater = 5,
	k_EDenyLoggedInElseWhere = 6,
	k_EDenyUnknownText = 7,
	k_EDenyIncompatibleAnticheat = 8,
	k_EDenyMemoryCorruption = 9,
	k_EDenyIncompatibleSoftware = 10,
	k_EDenySteamConnectionLost = 11,
	k_EDenySteamConnectionError = 12,
	k_EDenySteamResponseTimedOut = 13,
	k_EDenySteamValidationStalled = 14,
	k_EDenySteamOwnerLeftGuestUser = 15,
};

// Handle of an auth session ticket.
typedef uint32 HAuthTicket;
const HAuthTicket k_HAuthTicketInvalid = 0;

// BeginAuthSession outcome.
enum EBeginAuthSessionResult
{
	k_EBeginAuthSessionResultOK = 0,
	k_EBeginAuthSessionResultInvalidTicket = 1,
	k_EBeginAuthSessionResultDuplicateRequest = 2,
	k_EBeginAuthSessionResultInvalidVersion = 3,
	k_EBeginAuthSessionResultGameMismatch = 4,
	k_EBeginAuthSessionResultExpiredTicket = 5,
};

// Verdict delivered later in ValidateAuthTicketResponse_t.
enum EAuthSessionResponse
{
	k_EAuthSessionResponseOK = 0,
	k_EAuthSessionResponseUserNotConnectedToSteam = 1,
	k_EAuthSessionResponseNoLicenseOrExpired = 2,
	k_EAuthSessionResponseVACBanned = 3,
	k_EAuthSessionResponseLoggedInElseWhere = 4,
	k_EAuthSessionResponseVACCheckTimedOut = 5,
	k_EAuthSessionResponseAuthTicketCanceled = 6,
	k_EAuthSessionResponseAuthTicketInvalidAlreadyUsed = 7,
	k_EAuthSessionResponseAuthTicketInvalid = 8,
	k_EAuthSessionResponsePublisherIssuedBan = 9,
	k_EAuthSessionResponseAuthTicketNetworkIdentityFailure = 10,
};

// UserHasLicenseForApp outcome.
enum EUserHasLicenseForAppResult
{
	k_EUserHasLicenseResultHasLicense = 0,
	k_EUserHasLicenseResultDoesNotHaveLicense = 1,
	k_EUserHasLicenseResultNoAuth = 2,
};

// Bits 52-55 of a CSteamID.
enum EAccountType
{
	k_EAccountTypeInvalid = 0,
	k_EAccountTypeIndividual = 1,
	k_EAccountTypeMultiseat = 2,
	k_EAccountTypeGameServer = 3,
	k_EAccountTypeAnonGameServer = 4,
	k_EAccountTypePending = 5,
	k_EAccountTypeContentServer = 6,
	k_EAccountTypeClan = 7,
	k_EAccountTypeChat = 8,
	k_EAccountTypeConsoleUser = 9,
	k_EAccountTypeAnonUser = 10,
	k_EAccountTypeMax = 11,
};

enum EChatEntryType
{
	k_EChatEntryTypeInvalid = 0,
	k_EChatEntryTypeChatMsg = 1,
	k_EChatEntryTypeTyping = 2,
	k_EChatEntryTypeInviteGame = 3,
	k_EChatEntryTypeEmote = 4,
	k_EChatEntryTypeLeftConversation = 6,
	k_EChatEntryTypeEntered = 7,
	k_EChatEntryTypeWasKicked = 8,
	k_EChatEntryTypeWasBanned = 9,
	k_EChatEntryTypeDisconnected = 10,
	k_EChatEntryTypeHistoricalChat = 11,
	k_EChatEntryTypeLinkBlocked = 14,
};

enum EChatRoomEnterResponse
{
	k_EChatRoomEnterResponseSuccess = 1,
	k_EChatRoomEnterResponseDoesntExist = 2,
	k_EChatRoomEnterResponseNotAllowed = 3,
	k_EChatRoomEnterResponseFull = 4,
	k_EChatRoomEnterResponseError = 5,
	k_EChatRoomEnterResponseBanned = 6,
	k_EChatRoomEnterResponseLimited = 7,
	k_EChatRoomEnterResponseClanDisabled = 8,
	k_EChatRoomEnterResponseCommunityBan = 9,
	k_EChatRoomEnterResponseMemberBlockedYou = 10,
	k_EChatRoomEnterResponseYouBlockedMember = 11,
	k_EChatRoomEnterResponseRatelimitExceeded = 15,
};

// Masks for the parts of a CSteamID below the account type.
const unsigned int k_unSteamAccountIDMask = 0xFFFFFFFF;
const unsigned int k_unSteamAccountInstanceMask = 0x000FFFFF;
// Every individual (user) account uses instance 1.
const unsigned int k_unSteamUserDefaultInstance	= 1;

// Flags kept in the instance field of chat ids.
enum EChatSteamIDInstanceFlags
{
	k_EChatAccountInstanceMask = 0xfff,
	k_EChatInstanceFlagClan = 0x80000,
	k_EChatInstanceFlagLobby = 0x40000,
	k_EChatInstanceFlagMMSLobby = 0x20000,
};

// Corner of the screen used by overlay notifications.
enum ENotificationPosition
{
	k_EPositionInvalid = -1,
	k_EPositionTopLeft = 0,
	k_EPositionTopRight = 1,
	k_EPositionBottomLeft = 2,
	k_EPositionBottomRight = 3,
};

enum EBroadcastUploadResult
{
	k_EBroadcastUploadResultNone = 0,
	k_EBroadcastUploadResultOK = 1,
	k_EBroadcastUploadResultInitFailed = 2,
	k_EBroadcastUploadResultFrameFailed = 3,
	k_EBroadcastUploadResultTimeout = 4,
	k_EBroadcastUploadResultBandwidthExceeded = 5,
	k_EBroadcastUploadResultLowFPS = 6,
	k_EBroadcastUploadResultMissingKeyFrames = 7,
	k_EBroadcastUploadResultNoConnection = 8,
	k_EBroadcastUploadResultRelayFailed = 9,
	k_EBroadcastUploadResultSettingsChanged = 10,
	k_EBroadcastUploadResultMissingAudio = 11,
	k_EBroadcastUploadResultTooFarBehind = 12,
	k_EBroadcastUploadResultTranscodeBehind = 13,
	k_EBroadcastUploadResultNotAllowedToPlay = 14,
	k_EBroadcastUploadResultBusy = 15,
	k_EBroadcastUploadResultBanned = 16,
	k_EBroadcastUploadResultAlreadyActive = 17,
	k_EBroadcastUploadResultForcedOff = 18,
	k_EBroadcastUploadResultAudioBehind = 19,
	k_EBroadcastUploadResultShutdown = 20,
	k_EBroadcastUploadResultDisconnect = 21,
	k_EBroadcastUploadResultVideoInitFailed = 22,
	k_EBroadcastUploadResultAudioInitFailed = 23,
};

// Bit flags of MarketEligibilityResponse_t::m_eNotAllowedReason.
enum EMarketNotAllowedReasonFlags
{
	k_EMarketNotAllowedReason_None = 0,
	k_EMarketNotAllowedReason_TemporaryFailure = 0x1,
	k_EMarketNotAllowedReason_AccountDisabled = 0x2,
	k_EMarketNotAllowedReason_AccountLockedDown = 0x4,
	k_EMarketNotAllowedReason_AccountLimited = 0x8,
	k_EMarketNotAllowedReason_TradeBanned = 0x10,
	k_EMarketNotAllowedReason_AccountNotTrusted = 0x20,
	k_EMarketNotAllowedReason_SteamGuardNotEnabled = 0x40,
	k_EMarketNotAllowedReason_SteamGuardOnlyRecentlyEnabled = 0x80,
	k_EMarketNotAllowedReason_RecentPasswordReset = 0x100,
	k_EMarketNotAllowedReason_NewPaymentMethod = 0x200,
	k_EMarketNotAllowedReason_InvalidCookie = 0x400,
	k_EMarketNotAllowedReason_UsingNewDevice = 0x800,
	k_EMarketNotAllowedReason_RecentSelfRefund = 0x1000,
	k_EMarketNotAllowedReason_NewPaymentMethodCannotBeVerified = 0x2000,
	k_EMarketNotAllowedReason_NoRecentPurchases = 0x4000,
	k_EMarketNotAllowedReason_AcceptedWalletGift = 0x8000,
	k_EMarketNotAllowedReason_TradeCooldown = 0x10000,
};

// Parental / anti-indulgence play-time state (DurationControl_t).
enum EDurationControlProgress
{
	k_EDurationControlProgress_Full = 0,
	k_EDurationControlProgress_Half = 1,
	k_EDurationControlProgress_None = 2,
	k_EDurationControl_ExitSoon_3h = 3,
	k_EDurationControl_ExitSoon_5h = 4,
	k_EDurationControl_ExitSoon_Night = 5,
};

enum EDurationControlNotification
{
	k_EDurationControlNotification_None = 0,
	k_EDurationControlNotification_1Hour = 1,
	k_EDurationControlNotification_3Hours = 2,
	k_EDurationControlNotification_HalfProgress = 3,
	k_EDurationControlNotification_NoProgress = 4,
	k_EDurationControlNotification_ExitSoon_3h = 5,
	k_EDurationControlNotification_ExitSoon_5h = 6,
	k_EDurationControlNotification_ExitSoon_Night = 7,
};

enum EDurationControlOnlineState
{
	k_EDurationControlOnlineState_Invalid = 0,
	k_EDurationControlOnlineState_Offline = 1,
	k_EDurationControlOnlineState_Online = 2,
	k_EDurationControlOnlineState_OnlineHighPri = 3,
};

enum EBetaBranchFlags
{
	k_EBetaBranch_None = 0,
	k_EBetaBranch_Default = 0x1,
	k_EBetaBranch_Available = 0x2,
	k_EBetaBranch_Private = 0x4,
	k_EBetaBranch_Selected = 0x8,
	k_EBetaBranch_Installed = 0x10,
};

#pragma pack( push, 1 )

#define CSTEAMID_DEFINED

// A 64-bit Steam id: bits 0-31 account id, 32-51 instance, 52-55 account
// type, 56-63 universe. Passed by value; flat functions take it as uint64.
class CSteamID
{
public:

	CSteamID()
	{
		m_steamid.m_unAll64Bits = 0;
	}

	CSteamID( uint32 unAccountID, EUniverse eUniverse, EAccountType eAccountType )
	{
		Set( unAccountID, eUniverse, eAccountType );
	}

	CSteamID( uint32 unAccountID, unsigned int unAccountInstance, EUniverse eUniverse, EAccountType eAccountType )
	{
		InstancedSet( unAccountID, unAccountInstance, eUniverse, eAccountType );
	}

	CSteamID( uint64 ulSteamID )
	{
		SetFromUint64( ulSteamID );
	}

	// Individual accounts get instance 1, clans and game servers instance 0.
	void Set( uint32 unAccountID, EUniverse eUniverse, EAccountType eAccountType )
	{
		unsigned int unInstance = ( eAccountType == k_EAccountTypeIndividual ) ? k_unSteamUserDefaultInstance : 0;
		InstancedSet( unAccountID, unInstance, eUniverse, eAccountType );
	}

	void InstancedSet( uint32 unAccountID, uint32 unInstance, EUniverse eUniverse, EAccountType eAccountType )
	{
		m_steamid.m_comp.m_unAccountID = unAccountID;
		m_steamid.m_comp.m_unAccountInstance = unInstance & k_unSteamAccountInstanceMask;
		m_steamid.m_comp.m_EAccountType = static_cast< unsigned int >( eAccountType ) & 0xFu;
		m_steamid.m_comp.m_EUniverse = eUniverse;
	}

	void SetFromUint64( uint64 ulSteamID )
	{
		m_steamid.m_unAll64Bits = ulSteamID;
	}

	void Clear()
	{
		m_steamid.m_unAll64Bits = 0;
	}

	uint64 ConvertToUint64() const
	{
		return m_steamid.m_unAll64Bits;
	}

	// Account id plus instance and type: stable across universes.
	uint64 GetStaticAccountKey() const
	{
		return ( static_cast< uint64 >( m_steamid.m_comp.m_EAccountType ) << 52 ) +
			( static_cast< uint64 >( m_steamid.m_comp.m_unAccountInstance ) << 32 ) +
			m_steamid.m_comp.m_unAccountID;
	}

	bool BBlankAnonAccount() const
	{
		return m_steamid.m_comp.m_unAccountID == 0 && BAnonAccount() && m_steamid.m_comp.m_unAccountInstance == 0;
	}

	bool BGameServerAccount() const
	{
		return m_steamid.m_comp.m_EAccountType == k_EAccountTypeGameServer ||
			m_steamid.m_comp.m_EAccountType == k_EAccountTypeAnonGameServer;
	}

	bool BPersistentGameServerAccount() const
	{
		return m_steamid.m_comp.m_EAccountType == k_EAccountTypeGameServer;
	}

	bool BAnonGameServerAccount() const
	{
		return m_steamid.m_comp.m_EAccountType == k_EAccountTypeAnonGameServer;
	}

	bool BContentServerAccount() const
	{
		return m_steamid.m_comp.m_EAccountType == k_EAccountTypeContentServer;
	}

	bool BClanAccount() const
	{
		return m_steamid.m_comp.m_EAccountType == k_EAccountTypeClan;
	}

	bool BChatAccount() const
	{
		return m_steamid.m_comp.m_EAccountType == k_EAccountTypeChat;
	}

	bool IsLobby() const
	{
		return BChatAccount() && ( m_steamid.m_comp.m_unAccountInstance & k_EChatInstanceFlagLobby ) != 0;
	}

	// A user account (including multiseat and console users).
	bool BIndividualAccount() const
	{
		return m_steamid.m_comp.m_EAccountType == k_EAccountTypeIndividual ||
			m_steamid.m_comp.m_EAccountType == k_EAccountTypeConsoleUser;
	}

	bool BAnonAccount() const
	{
		return m_steamid.m_comp.m_EAccountType == k_EAccountTypeAnonUser ||
			m_steamid.m_comp.m_EAccountType == k_EAccountTypeAnonGameServer;
	}

	bool BAnonUserAccount() const
	{
		return m_steamid.m_comp.m_EAccountType == k_EAccountTypeAnonUser;
	}

	bool BConsoleUserAccount() const
	{
		return m_steamid.m_comp.m_EAccountType == k_EAccountTypeConsoleUser;
	}

	void SetAccountID( uint32 unAccountID )				{ m_steamid.m_comp.m_unAccountID = unAccountID; }
	void SetAccountInstance( uint32 unInstance )		{ m_steamid.m_comp.m_unAccountInstance = unInstance & k_unSteamAccountInstanceMask; }

	AccountID_t GetAccountID() const					{ return m_steamid.m_comp.m_unAccountID; }
	uint32 GetUnAccountInstance() const					{ return m_steamid.m_comp.m_unAccountInstance; }
	EAccountType GetEAccountType() const				{ return static_cast< EAccountType >( m_steamid.m_comp.m_EAccountType ); }
	EUniverse GetEUniverse() const						{ return m_steamid.m_comp.m_EUniverse; }
	void SetEUniverse( EUniverse eUniverse )			{ m_steamid.m_comp.m_EUniverse = eUniverse; }

	// Plausible id: known type and universe, and the rules of its type.
	bool IsValid() const;

	inline bool operator==( const CSteamID &val ) const { return m_steamid.m_unAll64Bits == val.m_steamid.m_unAll64Bits; }
	inline bool operator!=( const CSteamID &val ) const { return m_steamid.m_unAll64Bits != val.m_steamid.m_unAll64Bits; }
	inline bool operator<( const CSteamID &val ) const { return m_steamid.m_unAll64Bits < val.m_steamid.m_unAll64Bits; }
	inline bool operator>( const CSteamID &val ) const { return m_steamid.m_unAll64Bits > val.m_steamid.m_unAll64Bits; }

private:
	// Declared and never defined, so a 32-bit value cannot silently become an id.
	CSteamID( uint32 );
	CSteamID( int32 );

	union SteamID_t
	{
		struct SteamIDComponent_t
		{
#ifdef VALVE_BIG_ENDIAN
			EUniverse			m_EUniverse : 8;
			unsigned int		m_EAccountType : 4;
			unsigned int		m_unAccountInstance : 20;
			uint32				m_unAccountID : 32;
#else
			uint32				m_unAccountID : 32;
			unsigned int		m_unAccountInstance : 20;
			unsigned int		m_EAccountType : 4;		// unsigned, not EAccountType, so 4 bits suffice
			EUniverse			m_EUniverse : 8;
#endif
		} m_comp;

		uint64 m_unAll64Bits;
	} m_steamid;
};

inline bool CSteamID::IsValid() const
{
	const unsigned int eType = m_steamid.m_comp.m_EAccountType;
	const EUniverse eUniverse = m_steamid.m_comp.m_EUniverse;
	if ( eType == k_EAccountTypeInvalid || eType >= k_EAccountTypeMax )
		return false;
	if ( eUniverse == k_EUniverseInvalid || eUniverse >= k_EUniverseMax )
		return false;
	switch ( eType )
	{
	case k_EAccountTypeIndividual:
		return m_steamid.m_comp.m_unAccountID != 0 && m_steamid.m_comp.m_unAccountInstance == k_unSteamUserDefaultInstance;
	case k_EAccountTypeClan:
		return m_steamid.m_comp.m_unAccountID != 0 && m_steamid.m_comp.m_unAccountInstance == 0;
	case k_EAccountTypeGameServer:
		return m_steamid.m_comp.m_unAccountID != 0;
	default:
		return true;
	}
}

// The all-zero (invalid) id.
#define k_steamIDNil CSteamID()

// A game id: an app id, or a mod / shortcut / P2P file identified by a
// hash in the high 32 bits. Flat functions take it as uint64.
class CGameID
{
public:

	enum EGameIDType
	{
		k_EGameIDTypeApp		= 0,
		k_EGameIDTypeGameMod	= 1,
		k_EGameIDTypeShortcut	= 2,
		k_EGameIDTypeP2P		= 3,
	};

	CGameID()
	{
		m_ulGameID = 0;
	}

	explicit CGameID( uint64 ulGameID )
	{
		m_ulGameID = ulGameID;
	}

	explicit CGameID( int32 nAppID )
	{
		m_ulGameID = 0;
		m_gameID.m_nAppID = static_cast< uint32 >( nAppID ) & 0xFFFFFFu;
	}

	explicit CGameID( uint32 nAppID )
	{
		m_ulGameID = 0;
		m_gameID.m_nAppID = nAppID & 0xFFFFFFu;
	}

	explicit CGameID( uint32 nAppID, uint32 nModID, CGameID::EGameIDType nType )
	{
		m_gameID.m_nAppID = nAppID & 0xFFFFFFu;
		m_gameID.m_nModID = nModID;
		m_gameID.m_nType = static_cast< unsigned int >( nType ) & 0xFFu;
	}

	CGameID( const CGameID &that )
	{
		m_ulGameID = that.m_ulGameID;
	}

	CGameID& operator=( const CGameID & that )
	{
		m_ulGameID = that.m_ulGameID;
		return *this;
	}

	uint64 ToUint64() const
	{
		return m_ulGameID;
	}

	uint64 *GetUint64Ptr()
	{
		return &m_ulGameID;
	}

	void Set( uint64 ulGameID )
	{
		m_ulGameID = ulGameID;
	}

	bool IsMod() const				{ return m_gameID.m_nType == k_EGameIDTypeGameMod; }
	bool IsShortcut() const			{ return m_gameID.m_nType == k_EGameIDTypeShortcut; }
	bool IsP2PFile() const			{ return m_gameID.m_nType == k_EGameIDTypeP2P; }
	bool IsSteamApp() const			{ return m_gameID.m_nType == k_EGameIDTypeApp; }

	uint32 ModID() const			{ return m_gameID.m_nModID; }
	uint32 AppID() const			{ return m_gameID.m_nAppID; }

	bool operator == ( const CGameID &rhs ) const	{ return m_ulGameID == rhs.m_ulGameID; }
	bool operator != ( const CGameID &rhs ) const	{ return m_ulGameID != rhs.m_ulGameID; }
	bool operator < ( const CGameID &rhs ) const	{ return m_ulGameID < rhs.m_ulGameID; }

	// An app id must be set for apps and mods; the other kinds carry a
	// hash with the top bit set instead.
	bool IsValid() const
	{
		const bool bHighBit = ( m_gameID.m_nModID & 0x80000000 ) != 0;
		switch ( m_gameID.m_nType )
		{
		case k_EGameIDTypeApp:
			return m_gameID.m_nAppID != k_uAppIdInvalid;
		case k_EGameIDTypeGameMod:
			return m_gameID.m_nAppID != k_uAppIdInvalid && bHighBit;
		case k_EGameIDTypeShortcut:
			return m_gameID.m_nAppID == k_uAppIdInvalid && bHighBit && m_gameID.m_nModID >= ( 5000u | 0x80000000u );
		case k_EGameIDTypeP2P:
			return m_gameID.m_nAppID == k_uAppIdInvalid && bHighBit;
		default:
			return false;
		}
	}

	void Reset()
	{
		m_ulGameID = 0;
	}

	struct GameID_t
	{
#ifdef VALVE_BIG_ENDIAN
		unsigned int m_nModID : 32;
		unsigned int m_nType : 8;
		unsigned int m_nAppID : 24;
#else
		unsigned int m_nAppID : 24;
		unsigned int m_nType : 8;
		unsigned int m_nModID : 32;
#endif
	};

	union
	{
		uint64 m_ulGameID;
		GameID_t m_gameID;
	};
};

#pragma pack( pop )

const int k_cchGameExtraInfoMax = 64;

// Hook called just before a crash dump is written.
typedef void (*PFNPreMinidumpCallback)(void *context);

enum ESteamIPv6ConnectivityProtocol
{
	k_ESteamIPv6ConnectivityProtocol_Invalid = 0,
	k_ESteamIPv6ConnectivityProtocol_HTTP = 1,
	k_ESteamIPv6ConnectivityProtocol_UDP = 2,
};

enum ESteamIPv6ConnectivityState
{
	k_ESteamIPv6ConnectivityState_Unknown = 0,
	k_ESteamIPv6ConnectivityState_Good = 1,
	k_ESteamIPv6ConnectivityState_Bad = 2,
};

// Packing of callback structs. 32-bit gcc aligns 64-bit members to 4 bytes;
// to keep one layout per platform, Linux and macOS pack callbacks to 4 (also
// on 64-bit) and Windows packs them to 8.
#if defined(__linux__) || defined(__APPLE__) || defined(__FreeBSD__)
#define VALVE_CALLBACK_PACK_SMALL
#else
#define VALVE_CALLBACK_PACK_LARGE
#endif

#endif // STEAMCLIENTPUBLIC_H
