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
    #: `const` of each pointer level, from the base outwards (`T *const *` -> (True, False))
    pointer_const: Tuple[bool, ...] = ()

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
            levels = [
                "*const" if index < len(self.pointer_const) and self.pointer_const[index] else "*"
                for index in range(stars)
            ]
            text += " " + " ".join(levels).replace("* *", "**").replace("* *", "**")
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

    def pointee(self) -> CType:
        """The type one pointer level down (`const char *` -> `const char`); `const` of the
        pointee stays on the base when the pointer count reaches zero."""
        return CType(
            self.base,
            self.const,
            max(self.pointer - 1, 0),
            False,
            self.array,
            self.qualified,
            self.category,
            self.resolved,
            self.pointer_const[: max(self.pointer - 1, 0)],
        )

    def without_const(self) -> CType:
        return CType(
            self.base,
            False,
            self.pointer,
            self.reference,
            self.array,
            self.qualified,
            self.category,
            self.resolved,
            self.pointer_const,
        )


#: How a parameter crosses into Python (`Param.kind`); see `Param`.
PARAM_KINDS = {
    "self": "the interface or struct pointer of a method: an int address",
    "value": "a scalar by value (int, enum, bool, float, 64-bit id): a Python int/float/bool",
    "string": "`const char *` in: str (UTF-8), bytes or None",
    "struct_value": "a struct by value: an instance of its class, its bytes, or an address",
    "struct_ptr": "`const T *` to one struct: an instance of its class, its bytes, an address or None",
    "address": "any other pointer: an int address (0/None is NULL)",
    "in_array": "`const T *` with an element count: a sequence of T (the count is computed)",
    "in_buffer": "`const void *` with a byte count: a bytes-like object (the count is computed)",
    "length": "the count of an in array/buffer: not a Python argument",
    "capacity": "the capacity of an out string/array/buffer: a Python int argument",
    "inout_capacity": "a pointer to the capacity, updated with the count written: a Python int "
    "argument, and a result",
    "out": "a scalar out-parameter: a result",
    "out_struct": "an out struct (STEAM_OUT_STRUCT): a result (an instance of its class; ids as int)",
    "out_string": "an out string with its capacity: a result (str)",
    "out_string_ptr": "`char **` set to Steam's own string: a result (str or None)",
    "out_array": "an out array with its capacity: a result (list)",
    "out_buffer": "an out byte buffer with its capacity: a result (bytes)",
}

#: Kinds whose value is part of a wrapper's result.
RESULT_KINDS = (
    "out",
    "out_struct",
    "out_string",
    "out_string_ptr",
    "out_array",
    "out_buffer",
    "inout_capacity",
)


@dataclass(frozen=True)
class Param:
    """One parameter of a flat function, e.g. `bool * pbAchieved` in `GetAchievement`.

    `role` is "in" or "out" (the wrapper returns what the function writes there).
    `annotation` is the interface header's macro kind (`out_string_count`, `array_count`, ...).
    `kind` says how the wrapper converts it (`PARAM_KINDS`); for arrays, buffers and strings
    `length_param` names the parameter giving their count (or `fixed_count` is a constant
    capacity), counted in `unit` ("elements" or "bytes"); `valid_count` says what gives the
    number of elements actually written to an out array/buffer ("return", a parameter name,
    or None: all of them). `result_name` is the field of the typed result holding an out value.
    `note` is the reason of a `tables.PARAM_OVERRIDES` entry that decided the kind.
    """

    name: str
    type: CType
    role: str = "in"
    annotation: str | None = None
    length_param: str | None = None
    kind: str = "value"
    fixed_count: int | None = None
    unit: str = "elements"
    valid_count: str | None = None
    result_name: str | None = None
    note: str | None = None


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
        """Parameters whose value is part of the result, in C order."""
        return tuple(p for p in self.params if p.kind in RESULT_KINDS)

    @property
    def ins(self) -> Tuple[Param, ...]:
        """Parameters that are Python arguments, in C order."""
        return tuple(
            p
            for p in self.params
            if p.kind not in RESULT_KINDS or p.kind == "inout_capacity"
            if p.kind != "length"
        )

    @property
    def result_fields(self) -> Tuple[Tuple[str, str | None], ...]:
        """(field name, parameter name or None for the return value) of the typed result;
        empty when the wrapper returns the plain value (no out-parameters)."""
        outs = self.outs
        if not outs:
            return ()
        fields: list = []
        if not (self.returns.category == "void" and not self.returns.pointer):
            fields.append(("ok" if self.returns.category == "bool" else "result", None))
        fields.extend((p.result_name or p.name, p.name) for p in outs)
        return tuple(fields)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

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
    """A data member of a struct: `uint64 m_nGameID;` or `char m_rgchName[ k_cchStatNameMax ];`.

    Members of an anonymous union (`union { uint32 m_unIPv4; uint8 m_rgubIPv6[16]; };`) are
    fields of the struct with `union` set to "<anonymous>"; members of a named member of an
    anonymous union type (`union { int32 m_int32; ... } m_val;`) are named by their C++ access
    path (`m_val.m_int32`) with `union` set to the member (`m_val`).
    """

    name: str
    type: CType
    union: str | None = None
    private: bool = False  # private or protected in C++: declared for layout, never read

    @property
    def pyname(self) -> str:
        """The field's name as a Python attribute (`m_val.m_int32` -> `m_val_m_int32`)."""
        return self.name.replace(".", "_")


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
    #: where `sdk_version` comes from: "header", "option", "path" or "unknown"
    sdk_version_source: str = "unknown"
    #: header -> the header the generated code #includes to declare it (a root header)
    includes: Tuple[Tuple[str, str], ...] = ()
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
