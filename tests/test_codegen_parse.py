"""Scanner/lowering and parser-to-model tests: one small fixture header per dialect construct."""

# ruff: noqa: E501  (expectations are whole declarations, one per line)

from __future__ import annotations

import os

import pytest

from codegen import model, tables
from codegen.cli import find_headers
from codegen.params import result_name
from codegen.parse import HeaderParseError, evaluate_expression, parse_sdk, version_from_path
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
        text = f"{obj.kind} {describe(obj.type)} {obj.name}"
        count = obj.length_param or (str(obj.fixed_count) if obj.fixed_count else "")
        if count:
            text += f" [{count}{' bytes' if obj.unit == 'bytes' else ''}]"
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
        "method uint32 SteamAPI_ISteamUserStats_GetNumAchievements(self ISteamUserStats * self)",
        "method SteamAPICall_t SteamAPI_ISteamUserStats_RequestUserStats(self ISteamUserStats * self, value uint64_steamid steamIDUser)",
        "method bool SteamAPI_ISteamUserStats_GetAchievement(self ISteamUserStats * self, string const char * pchName, out bool * pbAchieved)",
        "method void SteamAPI_ISteamUserStats_SetAddress(self ISteamUserStats * self, struct_ptr const SteamIPAddress_t & addr)",
        "helper bool SteamAPI_SteamIPAddress_t_IsSet(self SteamIPAddress_t * self)",
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
        "GetStatInt32": "self ISteamUserStats * self, string const char * pchName, out int32 * pData)",
        "GetStatFloat": "self ISteamUserStats * self, string const char * pchName, out float * pData)",
        "RequestUserStats": "self ISteamUserStats * self, value uint64_steamid steamIDUser) -> UserStatsReceived_t",
        "GetMostAchievedAchievementInfo": "self ISteamUserStats * self, out_string char * pchName [unNameBufLen], "
        "capacity uint32 unNameBufLen, out float * pflPercent, out bool * pbAchieved)",
        "DownloadEntries": "self ISteamUserStats * self, in_array CSteamID * prgUsers [cUsers], length int cUsers)",
        "GetHistory": "self ISteamUserStats * self, out_array uint64 * pData [cubData], capacity uint32 cubData)",
        "GetTicket": "self ISteamUserStats * self, out_buffer void * pTicket [cbMax bytes], capacity int cbMax, "
        "out_struct CSteamID * pOwner)",
        "SendBytes": "self ISteamUserStats * self, in_buffer const void * pData [cb bytes], length uint32 cb, "
        "in_array const uint32 * pIds [cIds], length uint32 cIds)",
        # STEAM_OUT_STRING without a count: a raw address (no capacity to allocate)
        "GetName": "self ISteamUserStats * self, address char * pchName) ~> SomethingHappened_t",
    }
    annotations = {
        p.name: p.annotation for p in api.function("SteamAPI_ISteamUserStats_GetTicket").params
    }
    assert annotations == {
        "self": None,
        "pTicket": "out_buffer_count",
        "cbMax": None,
        "pOwner": "out_struct",
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
    assert describe(param) == "value ISteamHTMLSurface::EHTMLMouseButton eMouseButton"


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
        ("CCallResult", "C++ template"),
        ("Max", "C++ template"),
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


def test_anonymous_unions_are_hoisted_and_private_members_marked():
    api = parse_sdk(fixture("anonymous_union"))
    assert [describe(s) for s in api.structs] == [
        "struct SteamIPAddress_t pack=None { uint32 m_unIPv4; uint8 [16] m_rgubIPv6; ESteamIPType m_eType }",
        "struct SteamNetworkingConfigValue_t pack=None { int32 m_eValue; int32 m_val.m_int32; "
        "int64 m_val.m_int64; const char * m_val.m_string }",
        "struct MouseMotion_t pack=None { int32 m_nDeltaX; int32 m_nDeltaY }",
        # char padding[ 64 - ( sizeof( m_unSessionID ) + sizeof( m_eType ) ) ]
        "struct RemotePlayInput_t pack=None { uint32 m_unSessionID; ESteamIPType m_eType; "
        "MouseMotion_t m_MouseMotion; char [56] padding }",
        "struct servernetadr_t pack=None { uint32 m_unIP; int32 m_nPublic }",
    ]
    unions = {f.name: f.union for s in api.structs for f in s.fields if f.union}
    assert unions["m_unIPv4"] == unions["m_rgubIPv6"] == "<anonymous>"
    assert unions["m_val.m_int64"] == "m_val"
    fields = api.struct("servernetadr_t").fields
    assert [(f.name, f.private) for f in fields] == [("m_unIP", True), ("m_nPublic", False)]
    assert api.struct("SteamNetworkingConfigValue_t").fields[1].pyname == "m_val_m_int32"


def test_class_members_of_the_same_name_stay_apart():
    api = parse_sdk(fixture("scoped_members"))
    assert [describe(s) for s in api.structs] == [
        "struct SteamNetworkingIPAddr pack=None { char [48] m_buf }",
        "struct SteamNetworkingIdentity pack=None { char [128] m_szUnknownRawString; int [4] m_rgSlots }",
        "struct IdentityRender_t pack=None { char [128] buf }",
    ]
    assert [(e.scope, [(v.name, v.value) for v in e.values]) for e in api.enums] == [
        ("SteamNetworkingIPAddr", [("k_cchMaxString", 48)]),
        ("SteamNetworkingIdentity", [("k_cchMaxString", 128), ("k_cbMaxGenericBytes", 32)]),
    ]
    (slots,) = api.constants
    assert (slots.scope, slots.name, slots.value) == ("SteamNetworkingIdentity", "k_nSlots", 4)
    assert slots.expr == "SteamNetworkingIdentity::k_cbMaxGenericBytes / 8"


def test_headers_the_roots_skip_are_scanned_on_their_own():
    api = parse_sdk(fixture("extra_headers"))
    assert [describe(c) for c in api.callbacks] == [
        "callback GCMessageFailed_t = 1702 (k_iSteamGameCoordinatorCallbacks + 2)",
        "callback GCMessageAvailable_t = 1701 (k_iSteamGameCoordinatorCallbacks + 1)",
    ]
    includes = dict(api.includes)
    assert includes["isteamgamecoordinator.h"] == "isteamgamecoordinator.h"
    assert includes["steam_api.h"] == "steam_api_flat.h"
    assert [f.name for f in api.functions] == [
        "SteamAPI_RunCallbacks",
        "SteamAPI_Shutdown",
        "SteamGameServer_Shutdown",
        "SteamGameServer_GetSteamID",
    ]
    assert {(s.name, s.reason.split(";")[0].split(",")[0]) for s in api.skipped} == {
        ("SteamAPI_RegisterCallback", "needs a C++ CCallbackBase object"),
        (
            "SteamEncryptedAppTicket_BIsTicketForApp",
            "exported by Valve's separate sdkencryptedappticket library",
        ),
        (
            "steamps3params.h",
            "header not scanned: PlayStation 3 only (SteamPS3Params_t for the PS3 build of the library)",
        ),
    }


def test_unannotated_pointers_follow_the_tables_and_rules():
    api = parse_sdk(fixture("unannotated"))
    assert [describe(f).split("(", 1)[1] for f in api.functions] == [
        # tables.PARAM_OVERRIDES: no STEAM_OUT_STRING_COUNT in the headers
        "self ISteamUserStats * self, out_string char * pchName [unNameBufLen], capacity uint32 unNameBufLen, "
        "out float * pflPercent, out bool * pbAchieved)",
        # tables.PARAM_OVERRIDES: Steam fills the array, the function returns how many
        "self ISteamApps * self, value AppId_t appID, out_array DepotId_t * pvecDepots [cMaxDepots], "
        "capacity uint32 cMaxDepots)",
        "self ISteamUGC * self, in_array PublishedFileId_t * pvecPublishedFileID [unNumPublishedFileIDs], "
        "length uint32 unNumPublishedFileIDs)",
        # tables.POINTER_RULES: char / const void / void buffers followed by their size
        "self ISteamExample * self, out_string char * pchTitle [cchTitle bytes], capacity int cchTitle)",
        "self ISteamExample * self, in_buffer const void * pubData [cubData bytes], length uint32 cubData)",
        "self ISteamExample * self, out_buffer void * pubDest [cubDest bytes], capacity uint32 cubDest, "
        "out uint32 * pcubMsgSize)",
        # an int pointer followed by a count is an array, not a scalar out: a raw address
        "self ISteamExample * self, address int32 * pValues, value int cValues)",
        "self ISteamExample * self, out int32 * pnSize, value int nChannel)",
        "self ISteamExample * self, value int nMessages, address ISteamExample *const * pMessages)",
        "self ISteamExample * self, out int32 * result)",
    ]
    fn = api.function("SteamAPI_ISteamApps_GetInstalledDepots")
    assert fn.param("pvecDepots").valid_count == "return"
    assert fn.param("pvecDepots").note == tables.PARAM_OVERRIDES[(fn.name, "pvecDepots")].reason
    ptr = api.function("SteamAPI_ISteamExample_SendMessages").params[2].type
    assert ptr.pointer_const == (True, False)


def test_result_names_are_pythonic_and_unique():
    api = parse_sdk(fixture("unannotated"))
    fn = api.function("SteamAPI_ISteamUserStats_GetMostAchievedAchievementInfo")
    assert fn.result_fields == (
        ("result", None),
        ("name", "pchName"),
        ("percent", "pflPercent"),
        ("achieved", "pbAchieved"),
    )
    assert [p.name for p in fn.ins] == ["self", "unNameBufLen"]
    location = api.function("SteamAPI_ISteamExample_GetLocation")
    assert location.result_fields == (("result", None), ("result_out", "result"))


@pytest.mark.parametrize(
    "name, expected",
    [
        ("pbAchieved", "achieved"),
        ("punUnlockTime", "unlock_time"),
        ("ppchName", "name"),
        ("pIDs", "ids"),
        ("psteamIDGameServer", "steam_id_game_server"),
        ("pOutConnection1", "out_connection1"),
        ("peChatEntryType", "chat_entry_type"),
    ],
)
def test_result_name(name, expected):
    assert result_name(name) == expected


def test_param_override_table_is_consistent():
    for (function, param), override in tables.PARAM_OVERRIDES.items():
        assert override.kind in model.PARAM_KINDS, (function, param)
        assert override.reason, (function, param)
        assert function.startswith("SteamAPI_"), function
    for rule in tables.POINTER_RULES:
        assert rule.kind in model.PARAM_KINDS


@pytest.mark.parametrize(
    "path, version",
    [
        ("/sdks/1.65a/public/steam", "1.65a"),
        ("/x/steamworks_sdk_162/sdk/public/steam", "1.62"),
        ("/x/sdk/public/steam", None),
    ],
)
def test_sdk_version_from_path(path, version):
    assert version_from_path(path) == version


def test_find_headers_accepts_an_sdk_root(tmp_path):
    steam = tmp_path / "sdk" / "public" / "steam"
    steam.mkdir(parents=True)
    (steam / "steam_api_flat.h").write_text("")
    for given in (tmp_path, tmp_path / "sdk", tmp_path / "sdk" / "public", steam):
        assert find_headers(str(given)) == str(steam)
    with pytest.raises(FileNotFoundError):
        find_headers(str(tmp_path / "nothing"))
