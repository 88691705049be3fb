"""Declarative special cases of the generator, each entry with a one-line reason."""

from __future__ import annotations

from typing import Dict, Tuple

GENERATOR_VERSION = "0.1.0"

#: Headers whose `S_API` lines are exported functions we bind (others hold only inline helpers).
FUNCTION_HEADERS: Dict[str, str] = {
    "steam_api_flat.h": "one S_API line per flattened interface method, accessor and struct helper",
    "steam_api.h": "SteamAPI_InitFlat, SteamAPI_Shutdown and the ManualDispatch_* functions",
    "steam_api_common.h": "SteamAPI_RunCallbacks and the pipe/user handle functions",
    "steam_api_internal.h": "SteamAPI_GetHSteamPipe / SteamAPI_GetHSteamUser",
}

#: Headers the include walk starts from, in this order; headers not reached are scanned after.
ROOT_HEADERS: Tuple[str, ...] = ("steam_api_flat.h", "steam_api.h")

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

#: Pointer parameters that are arrays although no annotation says so: (function, param) -> count.
UNANNOTATED_ARRAYS: Dict[Tuple[str, str], str] = {
    ("SteamAPI_ISteamUserStats_GetDownloadedLeaderboardEntry", "pDetails"): "cDetailsMax",
}

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
)
