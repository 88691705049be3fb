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
from typing import Any, Callable, Dict, List, Sequence, Tuple

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


def cname(qualified: str | None) -> str:
    """` "A::B"` (a Cython cname string) for a class-scoped name, else nothing."""
    return f' "{qualified}"' if qualified and "::" in qualified else ""


def pyname(name: str) -> str:
    """A C parameter name usable as a Python/Cython identifier (`lambda` -> `lambda_`)."""
    if keyword.iskeyword(name) or name in tables.RESERVED_NAMES or name.startswith("_"):
        return name + "_"
    return name


def pyclass(struct_name: str) -> str:
    """Python class of a callback struct: `UserStatsReceived_t` -> `UserStatsReceived`
    (Cython does not allow a cdef class to share the C struct's name in one module)."""
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
    and `char *` results), addr (any other pointer, as an int), struct (bytes of a struct by
    value), void."""
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
    """Conversion of one wrapper argument: out (scalar out-parameter), or `value_kind`;
    `char *` arguments that are not `const` are addresses (buffers Steam writes)."""
    if param.role == "out":
        return "out"
    kind = value_kind(param.type)
    if kind == "cstr" and not param.type.const:
        return "addr"
    return kind


def field_kind(field: model.Field) -> str:
    """Conversion of one callback field: id (CSteamID/CGameID as int), chars (char array as
    str), array (tuple), cstr, addr, struct (bytes), or a scalar kind."""
    t = field.type
    if t.array:
        if _is_char(t) and len(t.array) == 1:
            return "chars"
        return "array"
    if t.pointer == 0 and t.base in tables.ID_FIELD_CONVERSIONS:
        return "id"
    return value_kind(t)


def element_expr(ctype: model.CType, expr: str) -> str:
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
        return f"(<const char*>&{expr})[:sizeof({expr})]"
    return expr


def array_expr(ctype: model.CType, expr: str, depth: int = 0) -> str:
    """A tuple comprehension reading a (possibly nested) array field."""
    if depth == len(ctype.array):
        return element_expr(ctype, expr)
    var = f"_i{depth}"
    inner = array_expr(ctype, f"{expr}[{var}]", depth + 1)
    return f"tuple([{inner} for {var} in range({ctype.array[depth]})])"


def pyi_type(ctype: model.CType, kind: str | None = None) -> str:
    """Python annotation of a value of this type (`kind` defaults to `value_kind`)."""
    kind = kind or value_kind(ctype)
    return {
        "int": "int",
        "enum": "int",
        "bool": "bool",
        "float": "float",
        "void": "None",
        "cstr": "str | None",
        "addr": "int",
        "struct": "bytes",
        "id": "int",
        "chars": "str",
        "array": "tuple[Any, ...]",
        "out": "int",
    }[kind]


def pyi_arg(param: model.Param) -> str:
    kind = param_kind(param)
    if kind == "cstr":
        return "str | bytes | None"
    if kind in ("addr", "struct"):
        return "int | None"
    if kind == "float":
        return "float"
    return pyi_type(param.type, kind)


def pyi_out(param: model.Param) -> str:
    t = param.type
    base = model.CType(t.base, False, 0, False, (), t.qualified, t.category, t.resolved)
    return pyi_type(base)


def pyi_return(fn: model.Function) -> str:
    ret = pyi_type(fn.returns)
    outs = [pyi_out(p) for p in fn.outs]
    if not outs:
        return ret
    parts = ([] if ret == "None" else [ret]) + outs
    return f"tuple[{', '.join(parts)}]"


def c_literal(value: Any) -> str:
    """A Python literal for a generated constant (ints stay ints, never floats)."""
    return repr(value)


def out_base(param: model.Param) -> str:
    """Cython type of the local receiving a scalar out-parameter."""
    t = param.type
    return cy_base(t)


FILTERS: Dict[str, Callable[..., Any]] = {
    "cy_base": cy_base,
    "cy_type": cy_type,
    "cy_decl": cy_decl,
    "cy_value_type": cy_value_type,
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
    "pyi_out": pyi_out,
    "out_base": out_base,
    "literal": c_literal,
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
    """A run of consecutive declarations of one header: one `cdef extern from` block."""

    header: str
    items: Tuple[Tuple[str, Any], ...]  # (kind, model object) in header order


def _blocks(api: model.Api, skipped: List[model.Skipped]) -> List[Block]:
    """Declarations grouped per header in the order the compiler reads them, without names
    Cython would see twice."""
    seen: set = set(tables.GENERATED_NAMES)
    entries: List[Tuple[str, int, int, str, Any]] = []

    def claim(name: str | None, what: str) -> bool:
        if name is None:
            return True
        if name in seen:
            skipped.append(model.Skipped(name, f"{what} declared twice; the first one is kept"))
            return False
        seen.add(name)
        return True

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
    current: List[Tuple[str, Any]] = []
    header = None
    for hdr, _, _, kind, item in entries:
        if kind == "enum":
            values = [v for v in item.values if claim(v.name, "enumerator")]
            if item.name is not None and not claim(item.name, "enum"):
                continue
            item = model.Enum(item.name, item.header, item.line, tuple(values), item.scope)
        elif kind == "struct":
            if item.opaque or not claim(item.name, "struct"):
                continue
        elif not claim(item.name, kind):
            continue
        if hdr != header and current:
            blocks.append(Block(header or "", tuple(current)))
            current = []
        header = hdr
        current.append((kind, item))
    if current:
        blocks.append(Block(header or "", tuple(current)))
    return blocks


def _opaque(api: model.Api) -> List[model.Struct]:
    seen: set = set()
    out = []
    for st in api.opaque:
        if st.name not in seen and st.name not in {s.name for s in api.structs if not s.opaque}:
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


def context(api: model.Api, command: str) -> Dict[str, Any]:
    skipped: List[model.Skipped] = list(api.skipped)
    blocks = _blocks(api, skipped)
    declared_structs = {s.name for s in api.structs if not s.opaque}
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
        "declared_structs": declared_structs,
        "functions": list(api.functions),
        "function_names": sorted(f.name for f in api.functions),
        "accessors": {i.name: i.accessors[-1] for i in api.interfaces if i.accessors},
        "callbacks": callbacks,
        "callbacks_by_id": sorted(by_id.items()),
        "stdint": stdint,
        "root_header": root,
        "skipped": sorted(set(skipped), key=lambda s: (s.name, s.reason)),
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
        "structs": sorted(s.name for s in api.structs),
        "skipped": [{"name": s.name, "reason": s.reason} for s in skipped],
        "counts": {
            "functions": len(api.functions),
            "callbacks": len(api.callbacks),
            "structs": len(api.structs),
            "enums": len(api.enums),
            "constants": len(api.constants),
            "typedefs": len(api.typedefs),
            "interfaces": len(api.interfaces),
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
