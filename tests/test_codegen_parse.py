"""Scanner/lowering and parser-to-model tests: one small fixture header per dialect construct."""

# ruff: noqa: E501  (expectations are whole declarations, one per line)

from __future__ import annotations

import os

import pytest

from codegen import model
from codegen.parse import HeaderParseError, evaluate_expression, parse_sdk
from codegen.scan import (
    SourceLine,
    decode_header,
    eval_pp_condition,
    scan,
    split_items,
    strip_comments,
    tokenize,
)

FIXTURES = os.path.join(os.path.dirname(__file__), "codegen", "fixtures", "constructs")


def fixture(name: str) -> str:
    return os.path.join(FIXTURES, name)


def describe(obj: object) -> str:
    """A compact one-line description of a model object, for short expectations."""
    if isinstance(obj, model.CType):
        return obj.spelling(cpp=True)
    if isinstance(obj, model.Param):
        text = f"{obj.role} {describe(obj.type)} {obj.name}"
        if obj.annotation:
            text += f" [{obj.annotation}{':' + obj.length_param if obj.length_param else ''}]"
        return text
    if isinstance(obj, model.Function):
        params = ", ".join(describe(p) for p in obj.params)
        extra = f" -> {obj.call_result}" if obj.call_result else ""
        extra += f" ~> {obj.callback}" if obj.callback else ""
        return f"{obj.kind} {describe(obj.returns)} {obj.name}({params}){extra}"
    if isinstance(obj, model.Struct):
        fields = "; ".join(f"{describe(f.type)} {f.name}" for f in obj.fields)
        return f"struct {obj.qualified} pack={obj.pack}{' opaque' if obj.opaque else ''} {{ {fields} }}"
    if isinstance(obj, model.Callback):
        return f"callback {obj.name} = {obj.id} ({obj.id_expr})"
    if isinstance(obj, model.Enum):
        values = ", ".join(f"{v.name}={v.value}" for v in obj.values)
        return f"enum {obj.qualified or '<anon>'} {{ {values} }}"
    if isinstance(obj, model.Constant):
        return f"const {describe(obj.type)} {obj.name} = {obj.value!r}"
    raise TypeError(obj)


# ------------------------------------------------------------------------------ scanner pieces


def test_decode_header_falls_back_to_cp1252():
    assert decode_header(b"// \xa9 Valve\n") == "// \u00a9 Valve\n"
    assert decode_header("// \u00e9\r\n".encode("utf-8")) == "// \u00e9\n"


def test_strip_comments_keeps_lines_and_literals():
    text = 'a /* one\ntwo */ b // c\n"// not a comment"'
    assert strip_comments(text) == 'a  \n b  \n"// not a comment"'


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("defined( VALVE_CALLBACK_PACK_SMALL )", True),
        ("defined(_WIN32) && !defined(__GNUC__)", False),
        ("defined(__linux__) || defined(__APPLE__)", True),
        ("__GNUC__ < 4", False),
        ("defined( __cplusplus ) && ( __cplusplus >= 201103L )", True),
    ],
)
def test_pp_conditions(expr, expected):
    defines = {
        "VALVE_CALLBACK_PACK_SMALL": "",
        "__linux__": "1",
        "__GNUC__": "13",
        "__cplusplus": "201703",
    }
    assert eval_pp_condition(expr, defines) is expected


def test_split_items_handles_bodies_and_callback_macros():
    lines = [
        SourceLine(1, "inline int f() { return 1; }", None),
        SourceLine(2, "struct A { int x; };", None),
        SourceLine(
            3,
            "STEAM_CALLBACK_BEGIN( B_t, 1 ) STEAM_CALLBACK_MEMBER( 0, int, m_x ) STEAM_CALLBACK_END(1)",
            None,
        ),
        SourceLine(4, 'extern "C" { typedef int T; }', None),
    ]
    items = [" ".join(t.text for t in item) for item in split_items(tokenize(lines))]
    assert items == [
        "inline int f ( ) { return 1 ; }",
        "struct A { int x ; } ;",
        "STEAM_CALLBACK_BEGIN ( B_t , 1 ) STEAM_CALLBACK_MEMBER ( 0 , int , m_x ) STEAM_CALLBACK_END ( 1 )",
        "typedef int T ;",
    ]


# ------------------------------------------------------------------------------- constructs


def test_s_api_lines():
    api = parse_sdk(fixture("s_api"))
    assert [describe(f) for f in api.functions] == [
        "accessor ISteamUserStats * SteamAPI_SteamUserStats_v013()",
        "method uint32 SteamAPI_ISteamUserStats_GetNumAchievements(in ISteamUserStats * self)",
        "method SteamAPICall_t SteamAPI_ISteamUserStats_RequestUserStats(in ISteamUserStats * self, in uint64_steamid steamIDUser)",
        "method bool SteamAPI_ISteamUserStats_GetAchievement(in ISteamUserStats * self, in const char * pchName, out bool * pbAchieved)",
        "method void SteamAPI_ISteamUserStats_SetAddress(in ISteamUserStats * self, in const SteamIPAddress_t & addr)",
        "helper bool SteamAPI_SteamIPAddress_t_IsSet(in SteamIPAddress_t * self)",
        "api void SteamAPI_Shutdown()",
    ]
    ref = api.function("SteamAPI_ISteamUserStats_SetAddress").params[1].type
    assert (ref.pointer, ref.reference, ref.spelling()) == (1, True, "const SteamIPAddress_t *")
    assert [(i.name, i.accessors) for i in api.interfaces] == [
        ("ISteamUserStats", ("SteamAPI_SteamUserStats_v013",))
    ]
    assert (
        "SteamAPI_SteamUserStats",
        "inline function, not exported",
    ) not in api.skipped  # not S_API


def test_pack_pragma_and_k_icallback():
    api = parse_sdk(fixture("pack"))
    assert [describe(s) for s in api.structs] == [
        "struct UserStatsStored_t pack=4 { uint64 m_nGameID; uint32 m_eResult }",
        "struct Unpacked_t pack=None { uint32 m_a }",
    ]
    assert [describe(c) for c in api.callbacks] == [
        "callback UserStatsStored_t = 1102 (k_iSteamUserStatsCallbacks + 2)",
    ]
    # the k_iCallback enum is erased from the lowered struct
    lowered = [d.text for d in scan(fixture("pack")).decls if d.name == "UserStatsStored_t"][0]
    assert "k_iCallback" not in lowered


def test_steam_callback_begin_block():
    api = parse_sdk(fixture("callback_macro"))
    assert [describe(s) for s in api.structs] == [
        "struct HTML_URLChanged_t pack=None { HHTMLBrowser unBrowserHandle; const char * pchURL; char [64] m_szTitle }",
    ]
    assert [describe(c) for c in api.callbacks] == [
        "callback HTML_URLChanged_t = 4505 (k_iSteamHTMLSurfaceCallbacks + 5)"
    ]


def test_annotations_matched_to_flat_functions():
    api = parse_sdk(fixture("annotations"))
    got = {f.name.rsplit("_", 1)[-1]: describe(f).split("(", 1)[1] for f in api.functions}
    assert got == {
        "GetStatInt32": "in ISteamUserStats * self, in const char * pchName, out int32 * pData)",
        "GetStatFloat": "in ISteamUserStats * self, in const char * pchName, out float * pData)",
        "RequestUserStats": "in ISteamUserStats * self, in uint64_steamid steamIDUser) -> UserStatsReceived_t",
        "GetMostAchievedAchievementInfo": "in ISteamUserStats * self, in char * pchName [out_string_count:unNameBufLen], "
        "in uint32 unNameBufLen, out float * pflPercent, out bool * pbAchieved)",
        "DownloadEntries": "in ISteamUserStats * self, in CSteamID * prgUsers [array_count:cUsers], in int cUsers)",
        "GetHistory": "in ISteamUserStats * self, in uint64 * pData [out_array_count:cubData], in uint32 cubData)",
        "GetTicket": "in ISteamUserStats * self, in void * pTicket [out_buffer_count:cbMax], in int cbMax, "
        "in CSteamID * pOwner [out_struct])",
        "SendBytes": "in ISteamUserStats * self, in const void * pData [buffer_count:cb], in uint32 cb, "
        "in const uint32 * pIds [array_count:cIds], in uint32 cIds)",
        "GetName": "in ISteamUserStats * self, in char * pchName [out_string]) ~> SomethingHappened_t",
    }
    stat = api.function("SteamAPI_ISteamUserStats_GetStatFloat")
    assert (stat.interface, stat.method) == ("ISteamUserStats", "GetStat")
    # STEAM_PRIVATE_API methods are not flattened
    assert "SteamAPI_ISteamUserStats_RunFrame" not in scan(fixture("annotations")).methods


def test_class_scoped_enum():
    api = parse_sdk(fixture("class_enum"))
    assert [describe(e) for e in api.enums] == [
        "enum ISteamHTMLSurface::EHTMLMouseButton { eHTMLMouseButton_Left=0, eHTMLMouseButton_Right=1 }"
    ]
    param = api.function("SteamAPI_ISteamHTMLSurface_MouseUp").params[2]
    assert (param.type.base, param.type.qualified, param.type.category) == (
        "EHTMLMouseButton",
        "ISteamHTMLSurface::EHTMLMouseButton",
        "enum",
    )
    assert describe(param) == "in ISteamHTMLSurface::EHTMLMouseButton eMouseButton"


def test_cp1252_header():
    result = scan(fixture("cp1252"))
    assert "\u00a9" in result.raw_lines["isteamvideo.h"][0]
    assert [describe(e) for e in parse_sdk(fixture("cp1252")).enums] == [
        "enum EFoo { k_EFooOne=1 }"
    ]


def test_const_int_as_array_size():
    api = parse_sdk(fixture("const_array"))
    assert [describe(c) for c in api.constants] == [
        "const const int k_cchPersonaNameMax = 128",
        "const const uint32 k_unMask = 4294967295",
    ]
    assert [describe(s) for s in api.structs] == [
        "struct PersonaName_t pack=None { char [128] m_rgchName; uint32 [8][2] m_rgOrigins }"
    ]


def test_negative_enum_values_and_force32bit():
    api = parse_sdk(fixture("negative_enum"))
    assert [describe(e) for e in api.enums] == [
        "enum ESteamNetworkingConnectionState { k_ESteamNetworkingConnectionState_None=0, "
        "k_ESteamNetworkingConnectionState_Connecting=1, k_ESteamNetworkingConnectionState_FinWait=-1, "
        "k_ESteamNetworkingConnectionState_Linger=-2, k_ESteamNetworkingConnectionState_Dead=-1, "
        "k_ESteamNetworkingConnectionState__Force32Bit=2147483647 }"
    ]


def test_inline_methods_templates_operators_skipped():
    api = parse_sdk(fixture("cpp_skips"))
    assert [describe(s) for s in api.structs] == [
        "struct FriendGameInfo_t pack=None { CSteamID m_steamIDLobby; uint32 m_unGameIP }"
    ]
    assert [s.name for s in api.opaque] == ["CSteamID"]
    assert {(s.name, s.reason) for s in api.skipped} >= {
        ("CCallResult", "template"),
        ("Max", "template"),
        ("FriendGameInfo_t.m_bits", "bit-field member"),
    }
    assert api.functions == ()


def test_parse_error_quotes_header_line_and_text():
    with pytest.raises(HeaderParseError) as info:
        parse_sdk(fixture("parse_error"))
    err = info.value
    assert (err.header, err.line) == ("steam_api_flat.h", 4)
    assert "S_API uint32 SteamAPI_Broken( uint32 a uint32 b );" in str(err)
    assert str(err).startswith("steam_api_flat.h:4: cannot parse")


def test_evaluate_expression_like_the_json_spells_values():
    assert evaluate_expression("- 1") == -1
    assert evaluate_expression("100 * 1024 * 1024") == 104857600
    assert evaluate_expression("0xffffffffffffffffull") == 2**64 - 1
    assert (
        evaluate_expression(
            "( ( uint32 ) 'd' << 16U ) | ( ( uint32 ) 'e' << 8U ) | ( uint32 ) 'v'",
            typedefs=["uint32"],
        )
        == 0x646576
    )
