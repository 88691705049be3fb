// steamworks_cy reference SDK: ISteamUtils (app id, time, overlay, images,
// asynchronous call status) and its callbacks.
//
// Written for steamworks_cy. Declares ISteamUtils of Steamworks SDK 1.65a
// (SteamUtils011) with the SDK's names, signatures, annotations, ids and
// layouts. No Valve text.

#ifndef ISTEAMUTILS_H
#define ISTEAMUTILS_H
#ifdef _WIN32
#pragma once
#endif

#include "steam_api_common.h"

// Why an asynchronous call failed (GetAPICallFailureReason).
enum ESteamAPICallFailure
{
	k_ESteamAPICallFailureNone = -1,				// no failure
	k_ESteamAPICallFailureSteamGone = 0,			// the Steam client went away
	k_ESteamAPICallFailureNetworkFailure = 1,		// the Steam servers were unreachable
	k_ESteamAPICallFailureInvalidHandle = 2,		// unknown SteamAPICall_t
	k_ESteamAPICallFailureMismatchedCallback = 3,	// asked for the wrong result struct
};

// Big Picture text input.
enum EGamepadTextInputMode
{
	k_EGamepadTextInputModeNormal = 0,
	k_EGamepadTextInputModePassword = 1
};

enum EGamepadTextInputLineMode
{
	k_EGamepadTextInputLineModeSingleLine = 0,
	k_EGamepadTextInputLineModeMultipleLines = 1
};

// Keyboard shown by ShowFloatingGamepadTextInput.
enum EFloatingGamepadTextInputMode
{
	k_EFloatingGamepadTextInputModeModeSingleLine = 0,
	k_EFloatingGamepadTextInputModeModeMultipleLines = 1,
	k_EFloatingGamepadTextInputModeModeEmail = 2,
	k_EFloatingGamepadTextInputModeModeNumeric = 3,
};

// What FilterText is filtering.
enum ETextFilteringContext
{
	k_ETextFilteringContextUnknown = 0,
	k_ETextFilteringContextGameContent = 1,
	k_ETextFilteringContextChat = 2,
	k_ETextFilteringContextName = 3,
};

// Steam-made hardware the game runs on (IsRunningOnSteamHardware).
enum ESteamHardwareType
{
	k_ESteamHardwareTypeNone = 0,
	k_ESteamHardwareTypeSteamDeck = 1,
	k_ESteamHardwareTypeSteamMachine = 2,
	k_ESteamHardwareTypeSteamFrame = 3,
};

// Graphics preset Steam suggests for this hardware.
enum ESteamHardwareDefaultConfig
{
	k_ESteamHardwareDefaultConfigNone = 0,
	k_ESteamHardwareDefaultConfigLow = 1,
	k_ESteamHardwareDefaultConfigMedium = 2,
	k_ESteamHardwareDefaultConfigHigh = 3,
	k_ESteamHardwareDefaultConfigMax = 4,
	k_ESteamHardwareDefaultConfigSteamDeck = 5,
	k_ESteamHardwareDefaultConfigSteamMachine = 6,
	k_ESteamHardwareDefaultConfigSteamFrame = 7,
};

class ISteamUtils
{
public:
	// Seconds since the user last moved the mouse or used a controller in
	// the game, and on the computer.
	virtual uint32 GetSecondsSinceAppActive() = 0;
	virtual uint32 GetSecondsSinceComputerActive() = 0;

	virtual EUniverse GetConnectedUniverse() = 0;

	// Steam server time, Unix seconds.
	virtual uint32 GetServerRealTime() = 0;

	// Two-letter country code of the user's IP address.
	virtual const char *GetIPCountry() = 0;

	// Images by handle (avatars, achievement icons); RGBA 8 bits per channel.
	virtual bool GetImageSize( int iImage, uint32 *pnWidth, uint32 *pnHeight ) = 0;
	virtual bool GetImageRGBA( int iImage, uint8 *pubDest, int nDestBufferSize ) = 0;

	// Percent 0-100, or 255 on AC power.
	virtual uint8 GetCurrentBatteryPower() = 0;

	// App id of the running game.
	virtual uint32 GetAppID() = 0;

	// Corner of overlay notifications.
	virtual void SetOverlayNotificationPosition( ENotificationPosition eNotificationPosition ) = 0;

	// Polling the state of an asynchronous call.
	virtual bool IsAPICallCompleted( SteamAPICall_t hSteamAPICall, bool *pbFailed ) = 0;
	virtual ESteamAPICallFailure GetAPICallFailureReason( SteamAPICall_t hSteamAPICall ) = 0;
	virtual bool GetAPICallResult( SteamAPICall_t hSteamAPICall, void *pCallback, int cubCallback, int iCallbackExpected, bool *pbFailed ) = 0;

	STEAM_PRIVATE_API( virtual void RunFrame() = 0; )

	// IPC calls made since the last call of this function.
	virtual uint32 GetIPCCallCount() = 0;

	// Receives warnings of the API (debug builds, or -debug_steamapi).
	virtual void SetWarningMessageHook( SteamAPIWarningMessageHook_t pFunction ) = 0;

	// Whether the overlay can be shown in this process.
	virtual bool IsOverlayEnabled() = 0;

	// For games that only repaint when needed: the overlay wants a frame.
	virtual bool BOverlayNeedsPresent() = 0;

	STEAM_CALL_RESULT( CheckFileSignature_t )
	virtual SteamAPICall_t CheckFileSignature( const char *szFileName ) = 0;

	// Big Picture text input; the answer arrives as GamepadTextInputDismissed_t.
	virtual bool ShowGamepadTextInput( EGamepadTextInputMode eInputMode, EGamepadTextInputLineMode eLineInputMode, const char *pchDescription, uint32 unCharMax, const char *pchExistingText ) = 0;
	virtual uint32 GetEnteredGamepadTextLength() = 0;
	virtual bool GetEnteredGamepadTextInput( char *pchText, uint32 cchText ) = 0;

	// Language of the Steam client UI ("english", ...).
	virtual const char *GetSteamUILanguage() = 0;

	virtual bool IsSteamRunningInVR() = 0;

	// Moves overlay notifications away from the screen edge.
	virtual void SetOverlayNotificationInset( int nHorizontalInset, int nVerticalInset ) = 0;

	virtual bool IsSteamInBigPictureMode() = 0;

	// VR.
	virtual void StartVRDashboard() = 0;
	virtual bool IsVRHeadsetStreamingEnabled() = 0;
	virtual void SetVRHeadsetStreamingEnabled( bool bEnabled ) = 0;

	virtual bool IsSteamChinaLauncher() = 0;

	// Profanity filtering of user-written text.
	virtual bool InitFilterText( uint32 unFilterOptions = 0 ) = 0;
	virtual int FilterText( ETextFilteringContext eContext, CSteamID sourceSteamID, const char *pchInputMessage, char *pchOutFilteredText, uint32 nByteSizeOutFilteredText ) = 0;

	virtual ESteamIPv6ConnectivityState GetIPv6ConnectivityState( ESteamIPv6ConnectivityProtocol eProtocol ) = 0;

	// On-screen keyboard over a text field of the game.
	virtual bool ShowFloatingGamepadTextInput( EFloatingGamepadTextInputMode eKeyboardMode, int nTextFieldXPosition, int nTextFieldYPosition, int nTextFieldWidth, int nTextFieldHeight ) = 0;

	// For launchers: controller input behaves as in a desktop application.
	virtual void SetGameLauncherMode( bool bLauncherMode ) = 0;

	virtual bool DismissFloatingGamepadTextInput() = 0;
	virtual bool DismissGamepadTextInput() = 0;

	// Hardware and compatibility layer.
	virtual ESteamHardwareType IsRunningOnSteamHardware() = 0;
	virtual ESteamHardwareDefaultConfig GetSteamHardwareDefaultConfig() = 0;
	virtual bool IsRunningUnderProton() = 0;
};

#define STEAMUTILS_INTERFACE_VERSION "SteamUtils011"

// Unversioned C++ accessors; the flat API exports SteamAPI_SteamUtils_v011
// and SteamAPI_SteamGameServerUtils_v011. Utils are per pipe, not per user.
inline ISteamUtils *SteamUtils();
STEAM_DEFINE_INTERFACE_ACCESSOR( ISteamUtils *, SteamUtils, SteamInternal_FindOrCreateUserInterface( 0, STEAMUTILS_INTERFACE_VERSION ), "user", STEAMUTILS_INTERFACE_VERSION );
inline ISteamUtils *SteamGameServerUtils();
STEAM_DEFINE_INTERFACE_ACCESSOR( ISteamUtils *, SteamGameServerUtils, SteamInternal_FindOrCreateGameServerInterface( 0, STEAMUTILS_INTERFACE_VERSION ), "gameserver", STEAMUTILS_INTERFACE_VERSION );

#if defined( VALVE_CALLBACK_PACK_SMALL )
#pragma pack( push, 4 )
#elif defined( VALVE_CALLBACK_PACK_LARGE )
#pragma pack( push, 8 )
#else
#error steamclientpublic.h defines VALVE_CALLBACK_PACK_SMALL or VALVE_CALLBACK_PACK_LARGE
#endif

// The country of the user's IP address changed.
struct IPCountry_t
{
	enum { k_iCallback = k_iSteamUtilsCallbacks + 1 };
};

// Battery is low; posted every minute from then on.
struct LowBatteryPower_t
{
	enum { k_iCallback = k_iSteamUtilsCallbacks + 2 };
	uint8 m_nMinutesBatteryLeft;
};

// An asynchronous call finished: fetch its m_cubParam-byte result, struct
// id m_iCallback, with GetAPICallResult / ManualDispatch_GetAPICallResult.
struct SteamAPICallCompleted_t
{
	enum { k_iCallback = k_iSteamUtilsCallbacks + 3 };
	SteamAPICall_t m_hAsyncCall;
	int m_iCallback;
	uint32 m_cubParam;
};

// Steam is shutting down.
struct SteamShutdown_t
{
	enum { k_iCallback = k_iSteamUtilsCallbacks + 4 };
};

// Outcome of CheckFileSignature.
enum ECheckFileSignature
{
	k_ECheckFileSignatureInvalidSignature = 0,
	k_ECheckFileSignatureValidSignature = 1,
	k_ECheckFileSignatureFileNotFound = 2,
	k_ECheckFileSignatureNoSignaturesFoundForThisApp = 3,
	k_ECheckFileSignatureNoSignaturesFoundForThisFile = 4,
};

struct CheckFileSignature_t
{
	enum { k_iCallback = k_iSteamUtilsCallbacks + 5 };
	ECheckFileSignature m_eCheckFileSignature;
};

// The Big Picture text input closed.
struct GamepadTextInputDismissed_t
{
	enum { k_iCallback = k_iSteamUtilsCallbacks + 14 };
	bool m_bSubmitted;			// false when cancelled
	uint32 m_unSubmittedText;	// length of the text
	AppId_t m_unAppID;
};

// The machine woke up from suspend.
STEAM_CALLBACK_BEGIN( AppResumingFromSuspend_t, k_iSteamUtilsCallbacks + 36 )
STEAM_CALLBACK_END(0)

// The floating keyboard closed.
struct FloatingGamepadTextInputDismissed_t
{
	enum { k_iCallback = k_iSteamUtilsCallbacks + 38 };
};

// The text filter dictionary of a language changed.
struct FilterTextDictionaryChanged_t
{
	enum { k_iCallback = k_iSteamUtilsCallbacks + 39 };
	int m_eLanguage;
};

#pragma pack( pop )

#endif // ISTEAMUTILS_H
