// steamworks_cy reference SDK: the Steam universes.
//
// Written for steamworks_cy (SDK 1.65a subset, no Valve text).

#ifndef STEAMUNIVERSE_H
#define STEAMUNIVERSE_H
#ifdef _WIN32
#pragma once
#endif

// Top 8 bits of a CSteamID. Public is the one games see.
enum EUniverse
{
	k_EUniverseInvalid = 0,
	k_EUniversePublic = 1,
	k_EUniverseBeta = 2,
	k_EUniverseInternal = 3,
	k_EUniverseDev = 4,
	k_EUniverseMax = 5,
};
#endif // STEAMUNIVERSE_H
