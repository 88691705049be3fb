"""Declarative special cases of the generator, each entry with a one-line reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Tuple

GENERATOR_VERSION = "0.2.0"

#: Headers whose `S_API` lines are exported functions we bind (others hold only inline helpers).
FUNCTION_HEADERS: Dict[str, str] = {
    "steam_api_flat.h": "one S_API line per flattened interface method, accessor and struct helper",
    "steam_api.h": "SteamAPI_InitFlat, SteamAPI_Shutdown and the ManualDispatch_* functions",
    "steam_api_common.h": "SteamAPI_RunCallbacks and the pipe/user handle functions",
    "steam_api_internal.h": "SteamAPI_GetHSteamPipe / SteamAPI_GetHSteamUser",
    "steam_gameserver.h": "SteamGameServer_Shutdown / _BSecure / _GetSteamID and the game server init",
}

#: Headers the include walk starts from, in this order; headers not reached are scanned after
#: (each as a root of its own, included on its own by the generated code), except these:
ROOT_HEADERS: Tuple[str, ...] = ("steam_api_flat.h", "steam_api.h")

#: Headers of an SDK folder the generator does not scan, with the reason.
UNSCANNED_HEADERS: Dict[str, str] = {
    "isteamps3overlayrenderer.h": "PlayStation 3 only; includes the PS3 SDK's cell/pad.h",
    "steamps3params.h": "PlayStation 3 only (SteamPS3Params_t for the PS3 build of the library)",
}

#: Headers whose `S_API` functions belong to another library than libsteam_api (recorded as
#: skipped, with this reason, instead of bound).
FOREIGN_FUNCTION_HEADERS: Dict[str, str] = {
    "steamencryptedappticket.h": "exported by Valve's separate sdkencryptedappticket library, "
    "not by libsteam_api",
}

#: Macros the preprocessor pass treats as defined (we target what g++ on Linux x86_64 sees).
PREDEFINED_MACROS: Dict[str, int] = {
    "__linux__": 1,  # the platform CI builds and tests on; picks VALVE_CALLBACK_PACK_SMALL
    "__GNUC__": 13,  # g++ compiles the extension; header version checks want >= 4
    "__cplusplus": 201703,  # the extension is C++17
    "__LP64__": 1,  # 64-bit build
    "__x86_64__": 1,  # 64-bit build
    "__BYTE_ORDER__": 1234,  # little endian (compared with __ORDER_BIG_ENDIAN__)
    "__ORDER_LITTLE_ENDIAN__": 1234,  # see __BYTE_ORDER__
    "__ORDER_BIG_ENDIAN__": 4321,  # see __BYTE_ORDER__
}

#: Headers whose declarations Valve's steam_api.json does not describe (the cross-check counts
#: their declarations instead of reporting them as missing from the JSON).
JSON_UNDESCRIBED_HEADERS: Dict[str, str] = {
    "isteamgamecoordinator.h": "the game coordinator interface is not flattened",
    "isteamdualsense.h": "PlayStation controller trigger effect structs, used through a pointer",
    "steamencryptedappticket.h": "functions of the separate sdkencryptedappticket library",
    "steam_gameserver.h": "game server init/shutdown functions (not interface methods)",
    "isteamappticket.h": "an interface that is not flattened",
}

#: Exported functions the generator does not bind, with the reason (listed as skipped).
SKIPPED_FUNCTIONS: Dict[str, str] = {
    "SteamAPI_RegisterCallback": "needs a C++ CCallbackBase object; steamworks_cy dispatches "
    "callbacks manually (SteamAPI_ManualDispatch_*)",
    "SteamAPI_UnregisterCallback": "needs a C++ CCallbackBase object (see SteamAPI_RegisterCallback)",
    "SteamAPI_RegisterCallResult": "needs a C++ CCallbackBase object; call results arrive through "
    "manual dispatch",
    "SteamAPI_UnregisterCallResult": "needs a C++ CCallbackBase object (see "
    "SteamAPI_RegisterCallResult)",
    "SteamInternal_ContextInit": "support of the headers' inline accessors (a C++ context with a "
    "callback pointer); the versioned accessors are bound instead",
}

#: Function-like annotation macros in front of a parameter: name -> (kind, argument index of the
#: length parameter or count, or None).
PARAM_ANNOTATIONS: Dict[str, Tuple[str, object]] = {
    "STEAM_OUT_STRUCT": ("out_struct", None),  # the pointer receives one struct
    "STEAM_OUT_STRING": ("out_string", None),  # the pointer receives a NUL-terminated string
    "STEAM_OUT_STRING_COUNT": ("out_string_count", 0),  # out string, buffer size in arg 0
    "STEAM_ARRAY_COUNT": ("array_count", 0),  # in array, element count in arg 0
    "STEAM_ARRAY_COUNT_D": ("array_count", 0),  # same, with a description
    "STEAM_OUT_ARRAY_COUNT": ("out_array_count", 0),  # out array, capacity in arg 0
    "STEAM_OUT_ARRAY_CALL": ("out_array_call", 0),  # out array sized by another call
    "STEAM_BUFFER_COUNT": ("buffer_count", 0),  # in byte buffer, size in arg 0
    "STEAM_OUT_BUFFER_COUNT": ("out_buffer_count", 0),  # out byte buffer, size in arg 0
    "STEAM_DESC": ("desc", None),  # documentation only
}

#: Function-like annotation macros in front of an interface method.
METHOD_ANNOTATIONS: Dict[str, str] = {
    "STEAM_CALL_RESULT": "call_result",  # returns a SteamAPICall_t completing as this struct
    "STEAM_CALL_BACK": "callback",  # the answer arrives as this broadcast callback
    "STEAM_FLAT_NAME": "flat_name",  # overload: the flat function uses this method name
    "STEAM_DESC": "desc",  # documentation only
}

#: Tokens that carry no meaning once lowered to C.
DROPPED_TOKENS: Dict[str, str] = {
    "S_API": 'expands to extern "C" (plus visibility)',
    "S_CALLTYPE": "calling convention (__cdecl), the default on every platform we build",
    "STEAM_PRIVATE_API": "wraps methods that are not flattened",
    "virtual": "interface methods are reached through the flat functions",
    "explicit": "constructor keyword",
    "mutable": "member keyword without C meaning",
}

#: Classes with bodies we do not model field by field; declared opaque with these methods.
OPAQUE_CLASSES: Dict[str, Tuple[str, Tuple[str, ...]]] = {
    "CSteamID": (
        "pack(1) class around a bit-field union; read as its 64-bit value",
        (
            "CSteamID()",
            "CSteamID(uint64 ulSteamID)",
            "uint64 ConvertToUint64() const",
            "void SetFromUint64(uint64 ulSteamID)",
        ),
    ),
    "CGameID": (
        "class around a bit-field union; read as its 64-bit value",
        ("CGameID()", "CGameID(uint64 ulGameID)", "uint64 ToUint64() const"),
    ),
}

#: Struct field types converted through a method rather than copied: type -> C++ expression.
ID_FIELD_CONVERSIONS: Dict[str, str] = {
    "CSteamID": "{}.ConvertToUint64()",  # Python sees the 64-bit steam id as an int
    "CGameID": "{}.ToUint64()",  # Python sees the 64-bit game id as an int
}

#: Flat parameter types that hold a Steam id or game id as a plain 64-bit integer.
ID_TYPEDEFS: Dict[str, str] = {
    "uint64_steamid": "CSteamID passed by value in the flat API",
    "uint64_gameid": "CGameID passed by value in the flat API",
}


@dataclass(frozen=True)
class Override:
    """How one parameter converts (a `model.PARAM_KINDS` kind), decided by hand: `length` names
    its count parameter (or `fixed` is a constant count) in `unit`s; `valid` says what gives the
    number of elements written ("return" or an out parameter); `reason` says why."""

    kind: str
    length: Optional[str] = None
    fixed: Optional[int] = None
    unit: str = "elements"
    valid: Optional[str] = None
    reason: str = ""


_NO_STRING_ANNOTATION = "a char buffer and its size without STEAM_OUT_STRING_COUNT in the headers"
_UNANNOTATED_OUT = "Steam fills this array (no STEAM_OUT_ARRAY_COUNT in the headers)"
_UNANNOTATED_IN = "an array of ids with its count (no STEAM_ARRAY_COUNT in the headers)"
_WRITTEN_ARRAY = (
    "annotated STEAM_ARRAY_COUNT, but Steam writes the array (and the count is in bytes)"
)
_INPUT_BUFFER = "input data although the pointer is not const"
_FILLED_STRUCT = "Steam fills this struct (no STEAM_OUT_STRUCT in the headers)"

#: Per-parameter special cases: (flat function, parameter) -> Override. Checked before the
#: annotations and the rules; names are stable across SDK versions (absent ones are ignored).
PARAM_OVERRIDES: Dict[Tuple[str, str], Override] = {
    ("SteamAPI_ISteamUserStats_GetMostAchievedAchievementInfo", "pchName"): Override(
        "out_string", "unNameBufLen", reason=_NO_STRING_ANNOTATION
    ),
    ("SteamAPI_ISteamUserStats_GetNextMostAchievedAchievementInfo", "pchName"): Override(
        "out_string", "unNameBufLen", reason=_NO_STRING_ANNOTATION
    ),
    ("SteamAPI_ISteamUserStats_GetDownloadedLeaderboardEntry", "pDetails"): Override(
        "out_array", "cDetailsMax", reason="Steam writes up to cDetailsMax details (unannotated)"
    ),
    ("SteamAPI_ISteamUserStats_UploadLeaderboardScore", "pScoreDetails"): Override(
        "in_array", "cScoreDetailsCount", reason="score details and their count (unannotated)"
    ),
    ("SteamAPI_ISteamUserStats_GetGlobalStatHistoryInt64", "pData"): Override(
        "out_array", "cubData", unit="bytes", valid="return", reason=_WRITTEN_ARRAY
    ),
    ("SteamAPI_ISteamUserStats_GetGlobalStatHistoryDouble", "pData"): Override(
        "out_array", "cubData", unit="bytes", valid="return", reason=_WRITTEN_ARRAY
    ),
    ("SteamAPI_ISteamApps_GetInstalledDepots", "pvecDepots"): Override(
        "out_array", "cMaxDepots", valid="return", reason=_UNANNOTATED_OUT
    ),
    ("SteamAPI_ISteamUGC_GetQueryUGCChildren", "pvecPublishedFileID"): Override(
        "out_array", "cMaxEntries", reason=_UNANNOTATED_OUT
    ),
    ("SteamAPI_ISteamUGC_GetQueryUGCContentDescriptors", "pvecDescriptors"): Override(
        "out_array", "cMaxEntries", valid="return", reason=_UNANNOTATED_OUT
    ),
    ("SteamAPI_ISteamUGC_GetSubscribedItems", "pvecPublishedFileID"): Override(
        "out_array", "cMaxEntries", valid="return", reason=_UNANNOTATED_OUT
    ),
    ("SteamAPI_ISteamUGC_GetUserContentDescriptorPreferences", "pvecDescriptors"): Override(
        "out_array", "cMaxEntries", valid="return", reason=_UNANNOTATED_OUT
    ),
    ("SteamAPI_ISteamUGC_GetDownloadedItems", "pvecPublishedFileIDs"): Override(
        "out_array", "cMaxEntries", valid="return", reason=_UNANNOTATED_OUT
    ),
    ("SteamAPI_ISteamUGC_CreateQueryUGCDetailsRequest", "pvecPublishedFileID"): Override(
        "in_array", "unNumPublishedFileIDs", reason=_UNANNOTATED_IN
    ),
    ("SteamAPI_ISteamUGC_StartPlaytimeTracking", "pvecPublishedFileID"): Override(
        "in_array", "unNumPublishedFileIDs", reason=_UNANNOTATED_IN
    ),
    ("SteamAPI_ISteamUGC_StopPlaytimeTracking", "pvecPublishedFileID"): Override(
        "in_array", "unNumPublishedFileIDs", reason=_UNANNOTATED_IN
    ),
    ("SteamAPI_ISteamUGC_SetItemsDisabledLocally", "pvecPublishedFileIDs"): Override(
        "in_array", "unNumPublishedFileIDs", reason=_UNANNOTATED_IN
    ),
    ("SteamAPI_ISteamNetworkingSockets_ConfigureConnectionLanes", "pLanePriorities"): Override(
        "in_array", "nNumLanes", reason="one priority per lane (unannotated)"
    ),
    ("SteamAPI_ISteamNetworkingSockets_ConfigureConnectionLanes", "pLaneWeights"): Override(
        "in_array", "nNumLanes", reason="one weight per lane (unannotated)"
    ),
    ("SteamAPI_ISteamNetworkingUtils_GetPOPList", "list"): Override(
        "out_array", "nListSz", valid="return", reason="Steam fills up to nListSz POP ids"
    ),
    ("SteamAPI_SteamNetworkingIPAddr_SetIPv6", "ipv6"): Override(
        "in_buffer", fixed=16, unit="bytes", reason="an IPv6 address: 16 bytes, no count"
    ),
    ("SteamAPI_ISteamNetworking_SendDataOnSocket", "pubData"): Override(
        "in_buffer", "cubData", unit="bytes", reason=_INPUT_BUFFER
    ),
    ("SteamAPI_ISteamScreenshots_WriteScreenshot", "pubRGB"): Override(
        "in_buffer", "cubRGB", unit="bytes", reason=_INPUT_BUFFER
    ),
    ("SteamAPI_ISteamHTTP_SetHTTPRequestRawPostBody", "pubBody"): Override(
        "in_buffer", "unBodyLen", unit="bytes", reason=_INPUT_BUFFER
    ),
    ("SteamAPI_ISteamUser_RequestEncryptedAppTicket", "pDataToInclude"): Override(
        "in_buffer", "cbDataToInclude", unit="bytes", reason=_INPUT_BUFFER
    ),
    ("SteamAPI_ISteamRemotePlay_CreateMouseCursor", "pBGRA"): Override(
        "address", reason="nHeight rows of nPitch bytes: the size is not one parameter"
    ),
    ("SteamAPI_WriteMiniDump", "pvExceptionInfo"): Override(
        "address", reason="a Windows EXCEPTION_POINTERS address, not a buffer"
    ),
    ("SteamAPI_ManualDispatch_GetNextCallback", "pCallbackMsg"): Override(
        "out_struct", reason="Steam fills one CallbackMsg_t (unannotated in steam_api.h)"
    ),
    ("SteamAPI_ISteamUserStats_GetDownloadedLeaderboardEntry", "pLeaderboardEntry"): Override(
        "out_struct", reason=_FILLED_STRUCT
    ),
    ("SteamAPI_ISteamUGC_GetQueryUGCResult", "pDetails"): Override(
        "out_struct", reason=_FILLED_STRUCT
    ),
    ("SteamAPI_ISteamNetworking_GetP2PSessionState", "pConnectionState"): Override(
        "out_struct", reason=_FILLED_STRUCT
    ),
    ("SteamAPI_ISteamNetworking_ReadP2PPacket", "psteamIDRemote"): Override(
        "out_struct", reason=_FILLED_STRUCT
    ),
    ("SteamAPI_ISteamParties_GetBeaconDetails", "pSteamIDBeaconOwner"): Override(
        "out_struct", reason=_FILLED_STRUCT
    ),
    ("SteamAPI_ISteamNetworkingSockets_GetConnectionInfo", "pInfo"): Override(
        "out_struct", reason=_FILLED_STRUCT
    ),
    ("SteamAPI_ISteamNetworkingSockets_GetIdentity", "pIdentity"): Override(
        "out_struct", reason=_FILLED_STRUCT
    ),
    ("SteamAPI_ISteamNetworkingUtils_GetLocalPingLocation", "result"): Override(
        "out_struct", reason=_FILLED_STRUCT
    ),
    ("SteamAPI_ISteamParties_GetAvailableBeaconLocations", "pLocationList"): Override(
        "out_array", "uMaxNumLocations", reason="Steam fills up to uMaxNumLocations locations"
    ),
    ("SteamAPI_ISteamRemotePlay_GetInput", "pInput"): Override(
        "out_array", "unMaxEvents", valid="return", reason="Steam fills up to unMaxEvents events"
    ),
}

#: What gives the number of bytes/elements Steam wrote to an out buffer or array, where not
#: the whole capacity: (flat function, parameter) -> "return" or the out parameter's name.
#: (Out arrays of functions returning an integer count are cut to it without an entry.)
VALID_COUNTS: Dict[Tuple[str, str], str] = {
    ("SteamAPI_ISteamUser_GetAuthSessionTicket", "pTicket"): "pcbTicket",
    ("SteamAPI_ISteamGameServer_GetAuthSessionTicket", "pTicket"): "pcbTicket",
    ("SteamAPI_ISteamUser_GetEncryptedAppTicket", "pTicket"): "pcbTicket",
    ("SteamAPI_ISteamUser_GetVoice", "pDestBuffer"): "nBytesWritten",
    ("SteamAPI_ISteamUser_GetVoice", "pUncompressedDestBuffer_Deprecated"): (
        "nUncompressBytesWritten_Deprecated"
    ),
    ("SteamAPI_ISteamUser_DecompressVoice", "pDestBuffer"): "nBytesWritten",
    ("SteamAPI_ISteamUser_InitiateGameConnection_DEPRECATED", "pAuthBlob"): "return",
    ("SteamAPI_ISteamRemoteStorage_FileRead", "pvData"): "return",
    ("SteamAPI_ISteamRemoteStorage_UGCRead", "pvData"): "return",
    ("SteamAPI_ISteamFriends_GetClanChatMessage", "prgchText"): "return",
    ("SteamAPI_ISteamFriends_GetFriendMessage", "pvData"): "return",
    ("SteamAPI_ISteamMatchmaking_GetLobbyChatEntry", "pvData"): "return",
    ("SteamAPI_ISteamNetworking_ReadP2PPacket", "pubDest"): "pcubMsgSize",
    ("SteamAPI_ISteamNetworking_RetrieveDataFromSocket", "pubDest"): "pcubMsgSize",
    ("SteamAPI_ISteamNetworking_RetrieveData", "pubDest"): "pcubMsgSize",
    ("SteamAPI_ISteamGameServer_GetNextOutgoingPacket", "pOut"): "return",
}


@dataclass(frozen=True)
class PointerRule:
    """An unannotated pointer of this shape, followed by an integer parameter, converts to
    `kind` with that parameter as its count in `unit`s."""

    pointee: str  # "char", "bytes" (void, uint8, unsigned char)
    const: bool
    kind: str
    unit: str
    reason: str


#: Rules for unannotated pointers followed by their size (Valve annotates few of them).
POINTER_RULES: Tuple[PointerRule, ...] = (
    PointerRule("char", False, "out_string", "bytes", "Steam writes a string of at most that size"),
    PointerRule("bytes", True, "in_buffer", "bytes", "bytes Steam reads, and how many"),
    PointerRule("bytes", False, "out_buffer", "bytes", "a buffer Steam fills, and its size"),
)

#: A scalar pointer followed by an integer named like this is an array with its count, not a
#: scalar out-parameter: without a table entry it stays a raw address (never a one-element
#: local that Steam could overrun).
COUNT_NAME_PATTERN = r"^(c|cb|cch|cub|cu)[A-Z]|Size|Max|Len|Count|Capacity|Num"

#: Capacity of an out string when the caller does not give one (a trailing argument only).
DEFAULT_STRING_CAPACITY = 1024

#: Typedef names every translation unit may use without a declaration in the headers.
BUILTIN_TYPEDEFS: Dict[str, str] = {
    "bool": "_Bool",  # C++ keyword; pycparser knows _Bool
    "int8_t": "signed char",  # <stdint.h>
    "uint8_t": "unsigned char",  # <stdint.h>
    "int16_t": "short",  # <stdint.h>
    "uint16_t": "unsigned short",  # <stdint.h>
    "int32_t": "int",  # <stdint.h>
    "uint32_t": "unsigned int",  # <stdint.h>
    "int64_t": "long long",  # <stdint.h>
    "uint64_t": "unsigned long long",  # <stdint.h>
    "intptr_t": "long long",  # <stdint.h>, 64-bit target
    "uintptr_t": "unsigned long long",  # <stdint.h>, 64-bit target
    "size_t": "unsigned long long",  # <stddef.h>, 64-bit target
    "wchar_t": "int",  # C++ keyword
}

#: Cython spellings of C builtin types (the rest are declared by name in flat.pxd).
CYTHON_BUILTINS: Dict[str, str] = {
    "bool": "cpp_bool",  # libcpp.bool is C++'s one-byte bool (bint would be an int)
    "_Bool": "cpp_bool",  # see bool
}

#: C builtin integer spellings, normalised, with their size in bytes (for ranges and stubs).
INTEGER_TYPES: Dict[str, int] = {
    "char": 1,
    "signed char": 1,
    "unsigned char": 1,
    "short": 2,
    "unsigned short": 2,
    "int": 4,
    "unsigned int": 4,
    "long": 8,
    "unsigned long": 8,
    "long long": 8,
    "unsigned long long": 8,
}

FLOAT_TYPES: Tuple[str, ...] = ("float", "double")

#: Python keywords and Cython reserved words a C parameter name may not keep as is.
RESERVED_NAMES: Tuple[str, ...] = (
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "cdef",
    "cpdef",
    "ctypedef",
    "cimport",
    "include",
    "extern",
    "struct",
    "union",
    "enum",
    "inline",
    "public",
    "api",
    "readonly",
    "nogil",
    "gil",
    "sizeof",
    "print",
    "exec",
    "type",
    "object",
    "char",
    "int",
    "float",
    "double",
    "long",
    "short",
    "unsigned",
    "signed",
    "const",
    "volatile",
    "bint",
    "NULL",
    "self_",
)

#: Names the generated flat.pyx uses itself; a C declaration with one of them is an error.
GENERATED_NAMES: Tuple[str, ...] = (
    "FlatTable",
    "flat_table",
    "bind_table",
    "unbind_table",
    "SymbolResolver",
    "convert_callback",
    "missing_functions",
    "callback_from_bytes",
    "SDK_VERSION",
    "INPUT_HASH",
    "FUNCTION_NAMES",
    "INTERFACE_ACCESSORS",
    "CALLBACK_IDS",
    "CALLBACK_TYPES",
    "GENERATOR_VERSION",
    "REGENERATE",
    "INTERFACE_VERSIONS",
    "ENUMS",
    "CONSTANTS",
    "SKIPPED",
    "bind_with",
    "accessor_mismatches",
    "cpp_bool",
    "vector",
)
