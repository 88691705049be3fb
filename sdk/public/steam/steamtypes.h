// steamworks_cy reference SDK: basic scalar types and handles.
//
// Written for steamworks_cy. Declares the subset of Steamworks SDK 1.65a that
// the project covers, with the SDK's names, types and layouts. No Valve text.

#ifndef STEAMTYPES_H
#define STEAMTYPES_H

// Calling convention of every exported function. On POSIX, steam_api_common.h
// makes __cdecl expand to nothing.
#define S_CALLTYPE __cdecl

// 64-bit targets.
#if defined(__LP64__) || defined(__x86_64__) || defined(_WIN64) || defined(__aarch64__) || defined(__s390x__)
#define X64BITS
#endif

#if !defined(VALVE_BIG_ENDIAN)
#if defined( __GNUC__ ) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define VALVE_BIG_ENDIAN 1
#endif
#endif

typedef unsigned char uint8;
typedef signed char int8;

#if defined( _WIN32 ) && !defined( __GNUC__ )

// MSVC spelling of the fixed-width integers.
typedef __int16 int16;
typedef unsigned __int16 uint16;
typedef __int32 int32;
typedef unsigned __int32 uint32;
typedef __int64 int64;
typedef unsigned __int64 uint64;

typedef int64 lint64;
typedef uint64 ulint64;

#ifdef X64BITS
typedef __int64 intp;
typedef unsigned __int64 uintp;
#else
typedef __int32 intp;
typedef unsigned __int32 uintp;
#endif

#else // not MSVC

typedef short int16;
typedef unsigned short uint16;
typedef int int32;
typedef unsigned int uint32;
typedef long long int64;
typedef unsigned long long uint64;

// A 64-bit integer spelled 'long' (LP64), for code that has to match
// platform headers declaring int64_t as long.
typedef long int lint64;
typedef unsigned long int ulint64;

// Integers wide enough to hold a pointer.
#ifdef X64BITS
typedef long long intp;
typedef unsigned long long uintp;
#else
typedef int intp;
typedef unsigned int uintp;
#endif

#endif // _WIN32 && !__GNUC__

// Steam application and depot ids share one number space.
typedef uint32 AppId_t;
const AppId_t k_uAppIdInvalid = 0x0;

typedef uint32 DepotId_t;
const DepotId_t k_uDepotIdInvalid = 0x0;

// Unix time in seconds, always 32 bits and unsigned.
typedef uint32 RTime32;

// Handle of an asynchronous call; its result arrives as a call result.
typedef uint64 SteamAPICall_t;
const SteamAPICall_t k_uAPICallInvalid = 0x0;

// The low 32 bits of a CSteamID.
typedef uint32 AccountID_t;
const AccountID_t k_uAccountIdInvalid = 0;

typedef uint64 PartyBeaconID_t;
const PartyBeaconID_t k_ulPartyBeaconIdInvalid = 0;

enum ESteamIPType
{
	k_ESteamIPTypeIPv4 = 0,
	k_ESteamIPTypeIPv6 = 1,
};

#endif // STEAMTYPES_H
