"""The typed model between the parser and the templates: what the SDK headers declare.

Every class is a frozen dataclass naming the C construct it stands for. C types are decomposed
once (`CType`), so templates only print fields; nothing here knows about pycparser or Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Tuple, Union

#: Categories a `CType` is resolved to (through typedefs), used to choose a conversion.
CATEGORIES = (
    "void",  # void (only as a return type or behind a pointer)
    "bool",  # C++ bool
    "int",  # any integer type, including 64-bit ones, char and enums
    "enum",  # an enum type (an int with a name)
    "float",  # float or double
    "struct",  # a struct or class with a body we know
    "opaque",  # a class whose body we do not model (interfaces, CSteamID, CGameID)
    "funcptr",  # a pointer-to-function typedef
    "array",  # a typedef of an array type (SteamErrMsg)
)


@dataclass(frozen=True)
class CType:
    """A C type as used in a declaration, e.g. `const char *`, `uint8 [16]`, `CSteamID`.

    `base` is the type name as written (lowered: `ISteamHTMLSurface::EHTMLMouseButton` becomes
    `EHTMLMouseButton`, with the C++ spelling kept in `qualified`); `const` qualifies the base;
    `pointer` counts `*` (a C++ reference counts as one pointer and sets `reference`);
    `array` holds evaluated array dimensions. `category` and `resolved` are the base type
    after following typedefs (`SteamAPICall_t` -> int / `unsigned long long`).
    """

    base: str
    const: bool = False
    pointer: int = 0
    reference: bool = False
    array: Tuple[int, ...] = ()
    qualified: str | None = None
    category: str = "int"
    resolved: str = ""

    @property
    def cpp_base(self) -> str:
        """The base type as C++ spells it (`ISteamHTMLSurface::EHTMLMouseButton`)."""
        return self.qualified or self.base

    def spelling(self, cpp: bool = False) -> str:
        """Valve's spelling of the type: `const char *`, `uint8 [16]`, `const X &` (cpp=True)."""
        text = ("const " if self.const else "") + (self.cpp_base if cpp else self.base)
        stars = self.pointer
        if cpp and self.reference:
            stars -= 1
        if stars:
            text += " " + "*" * stars
        if cpp and self.reference:
            text += " &"
        if self.array:
            text += " " + "".join(f"[{n}]" for n in self.array)
        return text

    @property
    def is_pointer(self) -> bool:
        return self.pointer > 0

    @property
    def is_64bit(self) -> bool:
        return not self.pointer and "long long" in self.resolved


@dataclass(frozen=True)
class Param:
    """One parameter of a flat function, e.g. `bool * pbAchieved` in `GetAchievement`.

    `role` is "in" or "out" (a scalar written through a pointer and returned by the wrapper).
    `annotation` is the interface header's macro kind (`out_string_count`, `array_count`, ...)
    with `length_param` naming the parameter that gives its size, when it names one.
    """

    name: str
    type: CType
    role: str = "in"
    annotation: str | None = None
    length_param: str | None = None


@dataclass(frozen=True)
class Function:
    """An exported `S_API` function: `S_API bool SteamAPI_ISteamUserStats_GetStatInt32(...)`.

    `kind` is "method" (flattened interface method, first parameter `self`), "accessor"
    (versioned `SteamAPI_SteamUserStats_v013()`), "helper" (method of a struct, e.g.
    `SteamAPI_SteamIPAddress_t_IsSet`) or "api" (steam_api.h and friends: init, dispatch).
    """

    name: str
    header: str
    line: int
    returns: CType
    params: Tuple[Param, ...]
    kind: str = "api"
    interface: str | None = None
    method: str | None = None
    call_result: str | None = None
    callback: str | None = None

    @property
    def outs(self) -> Tuple[Param, ...]:
        return tuple(p for p in self.params if p.role == "out")

    @property
    def ins(self) -> Tuple[Param, ...]:
        return tuple(p for p in self.params if p.role != "out")

    def c_signature(self) -> str:
        """`bool SteamAPI_X( ISteamX * self, const char * pchName )`, as the flat header has it."""
        args = ", ".join(f"{p.type.spelling(cpp=True)} {p.name}" for p in self.params)
        return (
            f"{self.returns.spelling(cpp=True)} {self.name}( {args} )"
            if args
            else (f"{self.returns.spelling(cpp=True)} {self.name}()")
        )


@dataclass(frozen=True)
class Field:
    """A data member of a struct: `uint64 m_nGameID;` or `char m_rgchName[ k_cchStatNameMax ];`."""

    name: str
    type: CType


@dataclass(frozen=True)
class Struct:
    """A `struct`/`class` with data members (methods dropped), e.g. `struct LeaderboardEntry_t`.

    `opaque` structs (interfaces' helpers like CSteamID) are declared without fields.
    `scope` names the enclosing class of a nested struct; `pack` is the `#pragma pack` in force.
    """

    name: str
    header: str
    line: int
    fields: Tuple[Field, ...] = ()
    pack: int | None = None
    opaque: bool = False
    scope: str | None = None

    @property
    def qualified(self) -> str:
        return f"{self.scope}::{self.name}" if self.scope else self.name


@dataclass(frozen=True)
class Callback:
    """A callback struct: a struct whose body has `enum { k_iCallback = <id> };`
    (or a `STEAM_CALLBACK_BEGIN( name, id )` block). Ids are not unique across structs."""

    struct: Struct
    id: int
    id_expr: str

    @property
    def name(self) -> str:
        return self.struct.name


@dataclass(frozen=True)
class EnumValue:
    """One enumerator: `k_EResultOK = 1`."""

    name: str
    value: int
    expr: str


@dataclass(frozen=True)
class Enum:
    """An `enum E { ... };` (name None for an anonymous `enum { k_cchStatNameMax = 128 };`);
    `scope` names the class of a class-scoped enum (`ISteamHTMLSurface::EHTMLMouseButton`)."""

    name: str | None
    header: str
    line: int
    values: Tuple[EnumValue, ...]
    scope: str | None = None

    @property
    def qualified(self) -> str | None:
        if self.name is None:
            return None
        return f"{self.scope}::{self.name}" if self.scope else self.name


@dataclass(frozen=True)
class Constant:
    """A `const int k_cchMaxSteamErrMsg = 1024;` (or a `static const` class member, with scope)."""

    name: str
    header: str
    line: int
    type: CType
    value: Union[int, float, str]
    expr: str
    scope: str | None = None


@dataclass(frozen=True)
class Typedef:
    """A `typedef unsigned int uint32;` or a function-pointer typedef (`funcptr` then holds the
    declaration text, e.g. `void (*)( int, const char * )`)."""

    name: str
    header: str
    line: int
    type: CType
    funcptr: str | None = None
    funcptr_returns: CType | None = None
    funcptr_params: Tuple[CType, ...] = ()


@dataclass(frozen=True)
class Interface:
    """A `class ISteamUserStats` of pure virtual methods, with its versioned accessors
    (`SteamAPI_SteamUserStats_v013`) and version string (`STEAMUSERSTATS_INTERFACE_VERSION013`)."""

    name: str
    header: str
    line: int
    accessors: Tuple[str, ...] = ()
    version_string: str | None = None
    methods: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """A declaration the generator met but does not bind, with the reason."""

    name: str
    reason: str


@dataclass(frozen=True)
class Api:
    """Everything the headers of one SDK folder declare, in header order."""

    sdk_version: str
    input_hash: str
    headers: Tuple[str, ...]
    typedefs: Tuple[Typedef, ...] = ()
    enums: Tuple[Enum, ...] = ()
    constants: Tuple[Constant, ...] = ()
    structs: Tuple[Struct, ...] = ()
    callbacks: Tuple[Callback, ...] = ()
    interfaces: Tuple[Interface, ...] = ()
    functions: Tuple[Function, ...] = ()
    opaque: Tuple[Struct, ...] = ()
    skipped: Tuple[Skipped, ...] = field(default=())
    #: (header, first line, last line) runs in the order the compiler reads them (an included
    #: header's run sits at its #include); declarations are emitted in this order.
    segments: Tuple[Tuple[str, int, int], ...] = ()

    def reading_position(self, header: str, line: int) -> int:
        """Index of the segment holding `header:line` (declarations sort by it, then by line)."""
        for index, (name, first, last) in enumerate(self.segments):
            if name == header and first <= line <= last:
                return index
        return len(self.segments)

    def function(self, name: str) -> Function:
        for fn in self.functions:
            if fn.name == name:
                return fn
        raise KeyError(name)

    def struct(self, name: str) -> Struct:
        for st in self.structs:
            if st.name == name:
                return st
        raise KeyError(name)

    def callback(self, name: str) -> Callback:
        for cb in self.callbacks:
            if cb.name == name:
                return cb
        raise KeyError(name)

    def enum(self, name: str) -> Enum:
        for en in self.enums:
            if en.name == name:
                return en
        raise KeyError(name)
