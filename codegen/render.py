"""Renderer: model -> generated files, through the Jinja templates in `templates/`.

The Jinja environment is configured here and nowhere else; helpers are named filters (unit
tested in tests/test_codegen_golden.py); `OUTPUTS` maps each template to the file it renders.
Files are written only when their content changed, so a second run touches nothing.
"""

from __future__ import annotations

import json
import keyword
import os
from dataclasses import dataclass
from typing import AbstractSet, Any, Callable, Dict, List, Optional, Sequence, Set, Tuple

import jinja2

from . import model, tables

TEMPLATE_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "templates"
)

#: template -> output file (relative to the output folder); manifest.json is written from the model.
OUTPUTS: Dict[str, str] = {
    "flat.pxd.j2": "flat.pxd",
    "flat.pyx.j2": "flat.pyx",
    "flat.pyi.j2": "flat.pyi",
    "__init__.py.j2": "__init__.py",
}
MANIFEST = "manifest.json"

DEFAULT_COMMAND = "python -m codegen --sdk sdk/public/steam --out steamworks_cy/_generated"


# ------------------------------------------------------------------------------------- filters


def cy_base(ctype: model.CType) -> str:
    """Cython name of a type's base: `bool` -> `cpp_bool`, else the C name."""
    return tables.CYTHON_BUILTINS.get(ctype.base, ctype.base)


def cy_type(ctype: model.CType) -> str:
    """Cython spelling of a type without array dimensions: `const char*`, `ISteamUserStats*`."""
    if ctype.category == "funcptr" and "(" in ctype.base:
        return "void*" + "*" * ctype.pointer
    return ("const " if ctype.const else "") + cy_base(ctype) + "*" * ctype.pointer


def cy_value_type(ctype: model.CType) -> str:
    """Cython type of a local holding a by-value argument (top-level `const` dropped)."""
    if ctype.pointer or ctype.array:
        return cy_type(ctype)
    return cy_base(ctype)


def cy_decl(ctype: model.CType, name: str) -> str:
    """A Cython declaration: `char m_rgchName[128]`, `const char* pchName`, `uint64 m_nGameID`."""
    return f"{cy_type(ctype)} {name}" + "".join(f"[{n}]" for n in ctype.array)


def cy_element(ctype: model.CType) -> str:
    """Cython type of one element behind a pointer parameter (`const uint32 *` -> `uint32`)."""
    return cy_base(ctype) if ctype.pointer == 1 else cy_type(ctype.pointee().without_const())


def cname(qualified: str | None) -> str:
    """` "A::B"` (a Cython cname string) for a class-scoped name, else nothing."""
    return f' "{qualified}"' if qualified and ("::" in qualified or "." in qualified) else ""


def pyname(name: str) -> str:
    """A C parameter name usable as a Python/Cython identifier (`lambda` -> `lambda_`)."""
    if keyword.iskeyword(name) or name in tables.RESERVED_NAMES or name.startswith("_"):
        return name + "_"
    return name


def pyclass(struct_name: str) -> str:
    """Short Python name of a callback struct's record class: `UserStatsReceived_t` ->
    `UserStatsReceived` (a name without `_t` gets `Callback` appended)."""
    if struct_name.endswith("_t") and len(struct_name) > 2:
        return struct_name[:-2]
    return struct_name + "Callback"


def _is_char(ctype: model.CType) -> bool:
    return (
        ctype.category == "int"
        and ctype.resolved in ("char", "signed char")
        and ctype.base in ("char", "signed char")
    )


def value_kind(ctype: model.CType) -> str:
    """How a value of this type crosses into Python: int, enum, bool, float, cstr (`const char *`
    and `char *` results), addr (any other pointer, as an int), struct (a struct by value),
    void."""
    if ctype.pointer == 0 and not ctype.array:
        if ctype.category in ("int", "enum", "bool", "float", "void"):
            return ctype.category
        if ctype.category in ("pointer", "funcptr"):
            return "addr"
        return "struct"
    if ctype.pointer == 1 and _is_char(ctype):
        return "cstr"
    return "addr"


def param_kind(param: model.Param) -> str:
    """The conversion of one parameter (`model.PARAM_KINDS`)."""
    return param.kind


def field_kind(field: model.Field) -> str:
    """Conversion of one struct field: id (CSteamID/CGameID as int), chars (char array as
    str), array (tuple), record (an embedded struct with a record class), cstr, addr, bytes
    (other embedded data), or a scalar kind. Pointers in unions are addresses."""
    t = field.type
    if t.array:
        if _is_char(t) and len(t.array) == 1:
            return "chars"
        return "array"
    if t.pointer == 0 and t.base in tables.ID_FIELD_CONVERSIONS:
        return "id"
    kind = value_kind(t)
    if kind == "struct":
        return "record" if t.category == "struct" else "bytes"
    if kind == "cstr" and field.union is not None:
        return "addr"  # only one union member is valid: never follow a pointer we cannot trust
    return kind


def element_expr(ctype: model.CType, expr: str, records: AbstractSet[str] = frozenset()) -> str:
    """Python value of one scalar element `expr` of type `ctype` (array items, fields)."""
    if ctype.base in tables.ID_FIELD_CONVERSIONS and not ctype.pointer:
        return tables.ID_FIELD_CONVERSIONS[ctype.base].format(expr)
    kind = value_kind(
        model.CType(
            ctype.base,
            ctype.const,
            ctype.pointer,
            False,
            (),
            ctype.qualified,
            ctype.category,
            ctype.resolved,
        )
    )
    if kind == "enum":
        return f"<int>{expr}"
    if kind == "cstr":
        return f"_decode({expr})"
    if kind == "addr":
        return f"<uintptr_t>{expr}"
    if kind == "struct":
        if ctype.base in records:
            return f"_rec_{ctype.base}(&{expr})"
        return f"(<const char*>&{expr})[:sizeof({expr})]"
    return expr


def array_expr(
    ctype: model.CType, expr: str, depth: int = 0, records: AbstractSet[str] = frozenset()
) -> str:
    """A tuple comprehension reading a (possibly nested) array field."""
    if depth == len(ctype.array):
        return element_expr(ctype, expr, records)
    var = f"_i{depth}"
    inner = array_expr(ctype, f"{expr}[{var}]", depth + 1, records)
    return f"tuple([{inner} for {var} in range({ctype.array[depth]})])"


def pyi_type(ctype: model.CType, kind: str | None = None) -> str:
    """Python annotation of a value of this type (`kind` defaults to `value_kind`)."""
    kind = kind or value_kind(ctype)
    if kind in ("record", "struct") and ctype.category == "struct":
        return ctype.base
    return {
        "int": "int",
        "enum": "int",
        "bool": "bool",
        "float": "float",
        "void": "None",
        "cstr": "str | None",
        "addr": "int",
        "struct": "bytes",
        "bytes": "bytes",
        "id": "int",
        "chars": "str",
        "array": "tuple[Any, ...]",
        "out": "int",
    }[kind]


def _element_pyi(ctype: model.CType, records: AbstractSet[str]) -> str:
    t = ctype.pointee().without_const() if ctype.pointer else ctype
    if t.base in tables.ID_FIELD_CONVERSIONS:
        return "int"
    if t.category == "struct" and t.base in records:
        return t.base
    return pyi_type(t)


def pyi_arg(param: model.Param, records: AbstractSet[str] = frozenset()) -> str:
    """Python annotation of a wrapper argument."""
    kind = param.kind
    t = param.type
    if kind == "string":
        return "str | bytes | None"
    if kind in ("self", "address"):
        return "int | None"
    if kind in ("struct_value", "struct_ptr"):
        base = t.base if t.base in records else None
        return (
            f"{base} | bytes | int" + (" | None" if kind == "struct_ptr" else "")
            if base
            else ("bytes | int | None")
        )
    if kind == "in_array":
        return f"Sequence[{_element_pyi(t, records)}]"
    if kind == "in_buffer":
        return "bytes | bytearray | memoryview"
    if kind in ("capacity", "inout_capacity"):
        return "int"
    if kind == "value":
        if t.category == "float":
            return "float"
        if t.category == "bool":
            return "bool"
        return "int"
    return "int"


def pyi_out(param: model.Param, records: AbstractSet[str] = frozenset()) -> str:
    """Python annotation of one result value."""
    kind = param.kind
    t = param.type
    if kind in ("out_string",):
        return "str"
    if kind == "out_string_ptr":
        return "str | None"
    if kind == "out_buffer":
        return "bytes"
    if kind == "out_array":
        return f"list[{_element_pyi(t, records)}]"
    if kind == "out_struct":
        return _element_pyi(t, records)
    if kind == "inout_capacity":
        return "int"
    base = t.pointee().without_const()
    return pyi_type(base)


def pyi_return(fn: model.Function, records: AbstractSet[str] = frozenset()) -> str:
    """Python annotation of a wrapper's return value (its typed result class with outs)."""
    if fn.outs:
        return result_class(fn)
    return pyi_value(fn.returns, records)


def pyi_value(ctype: model.CType, records: AbstractSet[str] = frozenset()) -> str:
    kind = value_kind(ctype)
    if kind == "struct":
        return ctype.base if ctype.base in records else "bytes"
    return pyi_type(ctype, kind)


def result_class(fn: model.Function) -> str:
    """Name of the typed result class of a function with out-parameters."""
    return f"{fn.name}_Result"


def c_literal(value: Any) -> str:
    """A Python literal for a generated constant (ints stay ints, never floats)."""
    return repr(value)


def out_base(param: model.Param) -> str:
    """Cython type of the local receiving an out-parameter (the pointee, without const)."""
    return cy_element(param.type)


def py_args(fn: model.Function) -> List[Tuple[model.Param, Optional[int]]]:
    """The wrapper's arguments with their defaults: the capacities of out strings at the end
    of the argument list default to `tables.DEFAULT_STRING_CAPACITY`."""
    ins = list(fn.ins)
    string_capacities = {
        p.length_param for p in fn.params if p.kind == "out_string" and p.length_param
    }
    defaults: List[Optional[int]] = [None] * len(ins)
    for index in range(len(ins) - 1, -1, -1):
        p = ins[index]
        if p.kind == "capacity" and p.name in string_capacities:
            defaults[index] = tables.DEFAULT_STRING_CAPACITY
        else:
            break
    return list(zip(ins, defaults))


def _value_doc(t: model.CType) -> str:
    if t.category == "enum":
        return f"int ({t.cpp_base})"
    if t.base in tables.ID_TYPEDEFS:
        return "int (64-bit id, never a float)"
    if t.category == "float":
        return "float"
    if t.category == "bool":
        return "bool"
    return "int" if t.base in tables.INTEGER_TYPES else f"int ({t.base})"


def doc_line(param: model.Param) -> str:
    """One line of a wrapper's docstring describing how an argument or result converts."""
    kind = param.kind
    count = param.length_param or (str(param.fixed_count) if param.fixed_count else "")
    unit = " bytes" if param.unit == "bytes" else ""
    text = {
        "value": _value_doc(param.type),
        "string": "str (UTF-8), bytes or None",
        "self": "the interface/struct address (int)",
        "address": "raw address (int); 0/None is NULL",
        "struct_value": f"a {param.type.base} record, its bytes, or an address",
        "struct_ptr": f"a {param.type.base} record, its bytes, an address, or None",
        "in_array": f"a sequence; its length is passed as {count}",
        "in_buffer": f"bytes-like; its size is passed as {count}"
        if param.length_param
        else (f"bytes-like of {count} bytes"),
        "capacity": "capacity of the out string/array/buffer",
        "inout_capacity": "capacity in (0: ask for the size); the count Steam writes is a result",
        "out": f"from {param.name}",
        "out_struct": f"from {param.name}",
        "out_string": f"from {param.name} (at most {count} bytes)",
        "out_string_ptr": f"from {param.name}",
        "out_array": f"from {param.name} (capacity {count}{unit})",
        "out_buffer": f"from {param.name} (capacity {count}{unit})",
    }.get(kind, "")
    if param.valid_count:
        text += (
            f", cut to {'the return value' if param.valid_count == 'return' else param.valid_count}"
        )
    if param.note:
        text += f" [{param.note}]"
    return text


FILTERS: Dict[str, Callable[..., Any]] = {
    "cy_base": cy_base,
    "cy_type": cy_type,
    "cy_decl": cy_decl,
    "cy_value_type": cy_value_type,
    "cy_element": cy_element,
    "cname": cname,
    "pyname": pyname,
    "pyclass": pyclass,
    "value_kind": value_kind,
    "param_kind": param_kind,
    "field_kind": field_kind,
    "element_expr": element_expr,
    "array_expr": array_expr,
    "pyi_type": pyi_type,
    "pyi_arg": pyi_arg,
    "pyi_return": pyi_return,
    "pyi_value": pyi_value,
    "pyi_out": pyi_out,
    "out_base": out_base,
    "literal": c_literal,
    "result_class": result_class,
    "py_args": py_args,
    "doc_line": doc_line,
}


def environment() -> jinja2.Environment:
    """The one Jinja environment of the generator."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(FILTERS)
    return env


# ------------------------------------------------------------------------------------- context


@dataclass(frozen=True)
class Block:
    """A run of consecutive declarations of one header: one `cdef extern from` block.
    Items are (kind, model object, Cython names): for enums one (name, C++ name) pair per
    enumerator, for constants one pair."""

    header: str
    include: str
    items: Tuple[Tuple[str, Any, Tuple[Tuple[str, str], ...]], ...]


def _blocks(api: model.Api, skipped: List[model.Skipped]) -> List[Block]:
    """Declarations grouped per header in the order the compiler reads them. A name Cython
    would see twice is renamed when it is a class member (`SteamNetworkingIdentity_k_x`
    for `SteamNetworkingIdentity::k_x`) and skipped otherwise."""
    seen: set = set(tables.GENERATED_NAMES)
    entries: List[Tuple[str, int, int, str, Any]] = []
    includes = dict(api.includes)

    def claim(name: str | None, what: str, scope: str | None = None) -> str | None:
        if name is None:
            return None
        if name not in seen:
            seen.add(name)
            return name
        if scope and f"{scope}_{name}" not in seen:
            seen.add(f"{scope}_{name}")
            return f"{scope}_{name}"
        skipped.append(model.Skipped(name, f"{what} declared twice; the first one is kept"))
        return ""

    position = 0
    for kind, items in (
        ("typedef", api.typedefs),
        ("enum", api.enums),
        ("constant", api.constants),
        ("struct", api.structs),
    ):
        for item in items:
            entries.append((item.header, item.line, position, kind, item))
            position += 1
    entries.sort(key=lambda e: (api.reading_position(e[0], e[1]), e[1], e[2]))
    blocks: List[Block] = []
    current: List[Tuple[str, Any, Tuple[Tuple[str, str], ...]]] = []
    header = None
    typedefs: Dict[str, model.CType] = {}
    for hdr, _, _, kind, item in entries:
        names: Tuple[Tuple[str, str], ...] = ()
        if kind == "enum":
            pairs = []
            for v in item.values:
                cy = claim(v.name, "enumerator", item.scope)
                if cy:
                    pairs.append((cy, f"{item.scope}::{v.name}" if item.scope else v.name))
            if item.name is not None and claim(item.name, "enum") == "":
                continue
            names = tuple(pairs)
        elif kind == "struct":
            if item.opaque or claim(item.name, "struct") == "":
                continue
        elif kind == "constant":
            cy = claim(item.name, "constant", item.scope)
            if not cy:
                continue
            names = ((cy, f"{item.scope}::{item.name}" if item.scope else item.name),)
        elif kind == "typedef" and item.name in typedefs:
            if typedefs[item.name] != item.type:
                skipped.append(
                    model.Skipped(item.name, "typedef declared twice; the first one is kept")
                )
            continue  # C++ allows repeating a typedef identically (steamtypes.h's uint8)
        elif claim(item.name, kind) == "":
            continue
        if kind == "typedef":
            typedefs[item.name] = item.type
        if hdr != header and current:
            blocks.append(Block(header or "", includes.get(header or "", ""), tuple(current)))
            current = []
        header = hdr
        current.append((kind, item, names))
    if current:
        blocks.append(Block(header or "", includes.get(header or "", ""), tuple(current)))
    return blocks


def _opaque(api: model.Api) -> List[model.Struct]:
    seen: set = set()
    declared = {s.name for s in api.structs if not s.opaque}
    out = []
    for st in api.opaque:
        if st.name not in seen and st.name not in declared:
            seen.add(st.name)
            out.append(st)
    return out


def banner_lines(api: model.Api, command: str) -> List[str]:
    """The DO NOT EDIT banner: generator version, input headers' hash, regenerate command."""
    return [
        f"DO NOT EDIT: generated by steamworks_cy codegen {tables.GENERATOR_VERSION} "
        f"from SDK {api.sdk_version} headers (input hash {api.input_hash}).",
        f"Regenerate with: {command}",
    ]


def _c_names(api: model.Api) -> Set[str]:
    """Every name flat.pxd declares at C level (a Python name in flat.pyx may not reuse one)."""
    names: Set[str] = set(tables.GENERATED_NAMES)
    names.update(t.name for t in api.typedefs)
    names.update(s.name for s in api.structs)
    names.update(s.name for s in api.opaque)
    for en in api.enums:
        if en.name:
            names.add(en.name)
        names.update(v.name for v in en.values)
    names.update(c.name for c in api.constants)
    names.update(f"{f.name}_fn" for f in api.functions)
    return names


def _user_accessor(interface: model.Interface) -> str:
    """The accessor a game uses (`SteamAPI_SteamUtils_v011`, not the game server's
    `SteamAPI_SteamGameServerUtils_v011`)."""
    for name in interface.accessors:
        if "GameServer" not in name:
            return name
    return interface.accessors[0]


def accessor_stem(name: str) -> str:
    """`SteamAPI_SteamUserStats_v013` -> `SteamUserStats` (the name without version)."""
    stem = name[len("SteamAPI_") :] if name.startswith("SteamAPI_") else name
    head, _, version = stem.rpartition("_v")
    return head if head and version.isdigit() else stem


def _accessor_functions(api: model.Api) -> List[Tuple[str, model.Function]]:
    """(stem, accessor) of every versioned accessor, by stem; the newest version per stem."""
    found: Dict[str, model.Function] = {}
    for fn in api.functions:
        if fn.kind == "accessor":
            stem = accessor_stem(fn.name)
            if stem not in found or fn.name > found[stem].name:
                found[stem] = fn
    return sorted(found.items())


def _record_structs(api: model.Api) -> List[model.Struct]:
    """Structs that get a Python record class: those with fields and every callback struct
    (some have no fields), each name once."""
    seen: Set[str] = set()
    callbacks = {id(cb.struct) for cb in api.callbacks}
    out = []
    for st in api.structs:
        if st.name in seen or not (id(st) in callbacks or (st.fields and not st.opaque)):
            continue
        seen.add(st.name)
        out.append(st)
    return out


def _aliases(api: model.Api, records: Sequence[model.Struct]) -> Dict[str, str]:
    """Short Python aliases of record classes (`UserStatsReceived` for `UserStatsReceived_t`;
    callbacks without `_t` get `...Callback`), unless the name is taken."""
    taken = (
        _c_names(api) | {f.name for f in api.functions} | {result_class(f) for f in api.functions}
    )
    taken |= {e.name for e in api.enums if e.name}
    callbacks = {cb.name for cb in api.callbacks}
    out: Dict[str, str] = {}
    for st in records:
        if st.name.endswith("_t") or st.name in callbacks:
            alias = pyclass(st.name)
            if alias not in taken and alias != st.name:
                taken.add(alias)
                out[st.name] = alias
    return out


def _enums(api: model.Api) -> List[Tuple[str, model.Enum]]:
    """(Python name, enum) of every named enum: the plain name, or `Scope_Name` when two
    classes declare enums of the same name."""
    counts: Dict[str, int] = {}
    for en in api.enums:
        if en.name:
            counts[en.name] = counts.get(en.name, 0) + 1
    out = []
    seen: Set[str] = set()
    for en in api.enums:
        if not en.name:
            continue
        name = en.name if counts[en.name] == 1 else f"{en.scope or 'global'}_{en.name}"
        if name in seen:
            continue
        seen.add(name)
        out.append((name, en))
    return out


def _constants(api: model.Api) -> Dict[str, Any]:
    """CONSTANTS: every constant and every enumerator of an anonymous enum, by name (class
    members as `Class::name`)."""
    out: Dict[str, Any] = {}
    for en in api.enums:
        if en.name is None:
            for v in en.values:
                out.setdefault(f"{en.scope}::{v.name}" if en.scope else v.name, v.value)
    for c in api.constants:
        if isinstance(c.value, (int, float)) or (
            isinstance(c.value, str) and c.type.pointer and _is_char(c.type)
        ):
            out.setdefault(f"{c.scope}::{c.name}" if c.scope else c.name, c.value)
    return dict(sorted(out.items()))


def context(api: model.Api, command: str) -> Dict[str, Any]:
    skipped: List[model.Skipped] = list(api.skipped)
    blocks = _blocks(api, skipped)
    callbacks = list(api.callbacks)
    by_id: Dict[int, List[model.Callback]] = {}
    for cb in callbacks:
        by_id.setdefault(cb.id, []).append(cb)
    stdint = sorted(
        {
            name
            for name in tables.BUILTIN_TYPEDEFS
            if name not in ("bool", "wchar_t", "size_t") and _uses(api, name)
        }
    )
    root = api.headers[0] if api.headers else "steam_api_flat.h"
    for h in api.headers:
        if h == "steam_api_flat.h":
            root = h
    records = _record_structs(api)
    record_names = {st.name for st in records}
    interfaces = {i.name: i for i in api.interfaces}
    extra_includes = sorted({inc for _, inc in api.includes if inc and inc != root})
    return {
        "api": api,
        "banner": banner_lines(api, command),
        "command": command,
        "generator_version": tables.GENERATOR_VERSION,
        "blocks": blocks,
        "opaque": _opaque(api),
        "opaque_methods": {k: v[1] for k, v in tables.OPAQUE_CLASSES.items()},
        "forward": sorted(
            [s for s in api.structs if not s.opaque] + _opaque(api), key=lambda s: s.name
        ),
        "functions": list(api.functions),
        "function_names": sorted(f.name for f in api.functions),
        "accessors": {i.name: _user_accessor(i) for i in api.interfaces if i.accessors},
        "accessor_functions": _accessor_functions(api),
        "versions": {
            name: i.version_string
            for name, i in sorted(interfaces.items())
            if i.version_string and i.accessors
        },
        "callbacks": callbacks,
        "callbacks_by_id": sorted(by_id.items()),
        "records": records,
        "record_names": record_names,
        "aliases": _aliases(api, records),
        "enums": _enums(api),
        "constants": _constants(api),
        "stdint": stdint,
        "root_header": root,
        "extra_includes": extra_includes,
        "skipped": sorted(set(skipped), key=lambda s: (s.name, s.reason)),
        "string_capacity": tables.DEFAULT_STRING_CAPACITY,
    }


def _uses(api: model.Api, name: str) -> bool:
    types: List[model.CType] = []
    for fn in api.functions:
        types.append(fn.returns)
        types.extend(p.type for p in fn.params)
    for st in api.structs:
        types.extend(f.type for f in st.fields)
    for td in api.typedefs:
        types.append(td.type)
        types.extend(td.funcptr_params)
        if td.funcptr_returns:
            types.append(td.funcptr_returns)
    types.extend(c.type for c in api.constants)
    return any(t.base == name for t in types)


def manifest(api: model.Api, skipped: Sequence[model.Skipped], command: str) -> str:
    """manifest.json: the model's public facts, sorted, for tools and reviews."""
    data = {
        "generator_version": tables.GENERATOR_VERSION,
        "regenerate": command,
        "sdk_version": api.sdk_version,
        "sdk_version_source": api.sdk_version_source,
        "input_hash": api.input_hash,
        "headers": sorted(api.headers),
        "functions": sorted(
            (
                {
                    "name": f.name,
                    "header": f.header,
                    "kind": f.kind,
                    "interface": f.interface,
                    "return": f.returns.spelling(cpp=True),
                    "params": [[p.type.spelling(cpp=True), p.name] for p in f.params],
                    "conversions": {
                        p.name: p.kind for p in f.params if p.kind not in ("value", "self")
                    },
                    "outs": [p.name for p in f.outs],
                    "call_result": f.call_result,
                }
                for f in api.functions
            ),
            key=lambda d: str(d["name"]),
        ),
        "callbacks": sorted(
            (
                {
                    "name": c.name,
                    "id": c.id,
                    "header": c.struct.header,
                    "pack": c.struct.pack,
                    "fields": [[fl.type.spelling(), fl.name] for fl in c.struct.fields],
                }
                for c in api.callbacks
            ),
            key=lambda d: (str(d["id"]).zfill(12), str(d["name"])),
        ),
        "interfaces": sorted(
            (
                {
                    "name": i.name,
                    "accessors": list(i.accessors),
                    "version_string": i.version_string,
                    "methods": len(i.methods),
                }
                for i in api.interfaces
            ),
            key=lambda d: str(d["name"]),
        ),
        "enums": sorted(
            (
                {
                    "name": e.qualified or f"<anonymous {e.header}:{e.line}>",
                    "values": {v.name: v.value for v in e.values},
                }
                for e in api.enums
            ),
            key=lambda d: str(d["name"]),
        ),
        "constants": sorted(
            (
                {
                    "name": (f"{c.scope}::{c.name}" if c.scope else c.name),
                    "type": c.type.spelling(),
                    "value": c.value,
                }
                for c in api.constants
            ),
            key=lambda d: str(d["name"]),
        ),
        "structs": sorted(s.qualified for s in api.structs),
        "skipped": [{"name": s.name, "reason": s.reason} for s in skipped],
        "counts": {
            "functions": len(api.functions),
            "flat_functions": sum(1 for f in api.functions if f.header == "steam_api_flat.h"),
            "callbacks": len(api.callbacks),
            "structs": len(api.structs),
            "enums": len(api.enums),
            "named_enums": sum(1 for e in api.enums if e.name),
            "constants": len(api.constants),
            "typedefs": len(api.typedefs),
            "interfaces": len(api.interfaces),
            "skipped": len(skipped),
        },
    }
    return json.dumps(data, sort_keys=True, indent=2) + "\n"


# -------------------------------------------------------------------------------------- output


def render(api: model.Api, command: str = DEFAULT_COMMAND) -> Dict[str, str]:
    """Every output file's text, keyed by its name in the output folder."""
    env = environment()
    ctx = context(api, command)
    files = {out: env.get_template(tpl).render(**ctx) for tpl, out in sorted(OUTPUTS.items())}
    files[MANIFEST] = manifest(api, ctx["skipped"], command)
    return files


def write_if_changed(path: str, text: str) -> bool:
    """Write `text` to `path` unless it already holds exactly that; True when written."""
    data = text.encode("utf-8")
    try:
        with open(path, "rb") as fh:
            if fh.read() == data:
                return False
    except FileNotFoundError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
    return True


def write(api: model.Api, out_dir: str, command: str = DEFAULT_COMMAND) -> List[str]:
    """Render into `out_dir`; returns the names of the files that changed."""
    os.makedirs(out_dir, exist_ok=True)
    changed = []
    for name, text in sorted(render(api, command).items()):
        if write_if_changed(os.path.join(out_dir, name), text):
            changed.append(name)
    return changed
