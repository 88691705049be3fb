// A stand-in for Steam's library, exporting the flat functions of the fixture SDK
// (tests/codegen/fixtures/sdk) with fixed, easily checked behaviour. Compiled by
// tests/test_codegen_compile.py; SteamAPI_ISteamExample_GetMode is left out on purpose.
#include <cstdio>
#include <cstring>

#include "steam/steam_api_flat.h"

namespace {
unsigned char g_example[ 8 ];  // the interface "object": only its address is used
ExampleEntry_t *g_last_entries = nullptr;
}

S_API ESteamAPIInitResult SteamAPI_InitFlat( SteamErrMsg *pOutErrMsg )
{
	std::snprintf( *pOutErrMsg, sizeof( *pOutErrMsg ), "stub: no Steam here" );
	return k_ESteamAPIInitResult_FailedGeneric;
}
S_API void SteamAPI_RunCallbacks() {}
S_API void SteamAPI_ManualDispatch_Init() {}
S_API bool SteamAPI_ManualDispatch_GetNextCallback( HSteamPipe hSteamPipe, CallbackMsg_t *pCallbackMsg )
{
	pCallbackMsg->m_hSteamUser = hSteamPipe + 1;
	pCallbackMsg->m_iCallback = 703;
	pCallbackMsg->m_pubParam = nullptr;
	pCallbackMsg->m_cubParam = 16;
	return true;
}
S_API bool SteamAPI_ManualDispatch_GetAPICallResult( HSteamPipe, SteamAPICall_t, void *pCallback, int cubCallback, int, bool *pbFailed )
{
	std::memset( pCallback, 0xab, cubCallback );
	*pbFailed = true;
	return true;
}
S_API ISteamExample *SteamAPI_SteamExample_v001() { return reinterpret_cast< ISteamExample * >( g_example ); }
S_API bool SteamAPI_ISteamExample_GetName( ISteamExample *, uint32 iIndex, char *pchName, int cchName )
{
	std::snprintf( pchName, cchName, "name-%u", iIndex );
	return true;
}
S_API bool SteamAPI_ISteamExample_GetValueInt32( ISteamExample *, const char *pchKey, int32 *pnValue )
{
	*pnValue = -static_cast< int32 >( std::strlen( pchKey ) );
	return true;
}
S_API bool SteamAPI_ISteamExample_GetValueFloat( ISteamExample *, const char *, float *pflValue )
{
	*pflValue = 1.5f;
	return true;
}
S_API SteamAPICall_t SteamAPI_ISteamExample_Request( ISteamExample *, uint64_steamid steamID ) { return steamID + 1; }
S_API const char *SteamAPI_ISteamExample_GetLabel( ISteamExample *, ISteamExample::EMode eMode )
{
	return eMode == ISteamExample::k_EModeB ? "b\xff" : nullptr;
}
S_API bool SteamAPI_ISteamExample_GetAchievementAndUnlockTime( ISteamExample *, const char *pchName, bool *pbAchieved, uint32 *punUnlockTime )
{
	if ( std::strcmp( pchName, "ACH_WIN_ONE_GAME" ) != 0 )
		return false;
	*pbAchieved = true;
	*punUnlockTime = 1700000000u;
	return true;
}
S_API bool SteamAPI_ISteamExample_GetEntry( ISteamExample *, int32 iIndex, ExampleEntry_t *pEntry, CSteamID *pSteamIDOwner )
{
	pEntry->m_steamIDUser.SetFromUint64( 76561197960265728ull + iIndex );
	pEntry->m_nScore = iIndex * 10;
	std::snprintf( pEntry->m_szName, sizeof( pEntry->m_szName ), "entry %d", iIndex );
	pEntry->m_unIPv4 = 0x7f000001u;
	pEntry->m_val.m_int32 = -5;
	pSteamIDOwner->SetFromUint64( 0xffffffffffffffffull );
	return iIndex >= 0;
}
S_API SteamAPICall_t SteamAPI_ISteamExample_DownloadUsers( ISteamExample *, CSteamID *prgUsers, int cUsers )
{
	uint64 sum = 0;
	for ( int i = 0; i < cUsers; ++i )
		sum += prgUsers[ i ].ConvertToUint64() * static_cast< uint64 >( i + 1 );
	return sum;
}
S_API int32 SteamAPI_ISteamExample_SumScores( ISteamExample *, const int32 *pScores, const uint32 *pWeights, uint32 nCount )
{
	int32 sum = 0;
	for ( uint32 i = 0; i < nCount; ++i )
		sum += pScores[ i ] * static_cast< int32 >( pWeights[ i ] );
	return sum;
}
S_API int SteamAPI_ISteamExample_GetHandles( ISteamExample *, uint64 *handlesOut )
{
	handlesOut[ 0 ] = 0x8000000000000001ull;
	handlesOut[ 1 ] = 2;
	handlesOut[ 2 ] = 3;
	return 3;
}
S_API bool SteamAPI_ISteamExample_GetIDs( ISteamExample *, uint32 *pIDs, uint32 *punIDsArraySize )
{
	uint32 available = 5;
	if ( pIDs == nullptr || *punIDsArraySize == 0 )
	{
		*punIDsArraySize = available;
		return true;
	}
	uint32 n = *punIDsArraySize < available ? *punIDsArraySize : available;
	for ( uint32 i = 0; i < n; ++i )
		pIDs[ i ] = 10 + i;
	*punIDsArraySize = n;
	return true;
}
S_API bool SteamAPI_ISteamExample_SendData( ISteamExample *, const void *pubData, uint32 cubData )
{
	return cubData == 3 && std::memcmp( pubData, "abc", 3 ) == 0;
}
S_API bool SteamAPI_ISteamExample_ReadData( ISteamExample *, void *pubDest, uint32 cubDest, uint32 *pcubMsgSize )
{
	*pcubMsgSize = 5;
	if ( cubDest < 5 )
		return false;
	std::memcpy( pubDest, "hello", 5 );
	return true;
}
S_API int SteamAPI_ISteamExample_GetTitle( ISteamExample *, char *pchTitle, int cchTitle )
{
	return std::snprintf( pchTitle, cchTitle, "Caf\xc3\xa9 title" );
}
S_API bool SteamAPI_ISteamExample_GetOwnName( ISteamExample *, char **ppchName )
{
	static char name[] = "owner";
	*ppchName = name;
	return true;
}
S_API ExampleEntry_t SteamAPI_ISteamExample_Echo( ISteamExample *, const ExampleEntry_t &entry )
{
	ExampleEntry_t copy = entry;
	copy.m_nScore += 1;
	return copy;
}
S_API void SteamAPI_ISteamExample_Fill( ISteamExample *, int32 *pValues, int cValues )
{
	for ( int i = 0; i < cValues; ++i )
		pValues[ i ] = i * i;
}
S_API int SteamAPI_ISteamExample_SendEntries( ISteamExample *, int nEntries, ExampleEntry_t *const *pEntries )
{
	g_last_entries = nEntries > 0 ? pEntries[ 0 ] : nullptr;
	return nEntries;
}
S_API bool SteamAPI_ExampleAddress_t_IsSet( ExampleAddress_t *self ) { return self->IsSet(); }
