"""Cross-check: compare the model of our headers with Valve's steam_api.json.

For every declaration the model holds and the JSON describes, report each difference:
flat functions (name, return type, parameter types and names in order; interface methods are
compared without their `self`, using the JSON's `*_flat` spelling where it gives one), interface
accessors, callback structs (id, field names and types in order), plain structs' fields, enums
(enumerator names and values in order) and constants (type and value). A declaration the JSON
lacks is a difference too, except the non-interface functions of steam_api.h and friends (init,
dispatch), which the JSON does not describe, anonymous enums, and class-scoped enums and
constants (the JSON lists only a few of those; the ones it lists are compared).

Types are compared as Valve spells them: `const char *`, `uint8 [16]`, `const X &`,
`ISteamHTMLSurface::EHTMLMouseButton`; whitespace around `*`/`&` is normalised on both sides.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any, Dict, List, Tuple

from . import model, tables
from .parse import EvaluationError, HeaderParseError, evaluate_expression, parse_sdk
from .scan import ScanError


def normalize_type(text: str) -> str:
    """One spelling per type: `const char*` / `const char *` -> `const char *`, `T&` -> `T &`,
    `uint8[16]` -> `uint8 [16]`."""
    text = re.sub(r"\s+", " ", text.strip())
    text = re.sub(r"\s*([*&])\s*", r" \1", text)
    text = re.sub(r"([*&]) (?=[*&])", r"\1", text)
    text = re.sub(r"\s*\[\s*", " [", text)
    text = re.sub(r"\s*\]", "]", text)
    return text.strip()


class Report:
    def __init__(self) -> None:
        self.differences: List[str] = []
        self.checked: Dict[str, int] = {}

    def add(self, what: str, message: str) -> None:
        self.differences.append(f"{what}: {message}")

    def count(self, kind: str) -> None:
        self.checked[kind] = self.checked.get(kind, 0) + 1


def _json_functions(
    data: Dict[str, Any],
) -> Dict[str, Tuple[str, List[Tuple[str, str]], str | None]]:
    """flat name -> (return type, [(type, name)], owner) from interfaces' and structs' methods."""
    out: Dict[str, Tuple[str, List[Tuple[str, str]], str | None]] = {}
    for iface in data.get("interfaces", []):
        for m in iface.get("methods", []):
            params = [
                (p.get("paramtype_flat", p["paramtype"]), p["paramname"]) for p in m["params"]
            ]
            out[m["methodname_flat"]] = (
                m.get("returntype_flat", m["returntype"]),
                params,
                iface["classname"],
            )
    for st in data.get("structs", []) + data.get("callback_structs", []):
        for m in st.get("methods", []):
            params = [
                (p.get("paramtype_flat", p["paramtype"]), p["paramname"]) for p in m["params"]
            ]
            out[m["methodname_flat"]] = (
                m.get("returntype_flat", m["returntype"]),
                params,
                st["struct"],
            )
    return out


def _json_accessors(data: Dict[str, Any]) -> Dict[str, str]:
    out = {}
    for iface in data.get("interfaces", []):
        for acc in iface.get("accessors", []):
            out[acc["name_flat"]] = iface["classname"]
    return out


def _json_enums(data: Dict[str, Any]) -> Dict[str, List[Tuple[str, str]]]:
    out: Dict[str, List[Tuple[str, str]]] = {}
    groups = [data.get("enums", [])]
    for holder in (
        data.get("interfaces", []) + data.get("callback_structs", []) + data.get("structs", [])
    ):
        groups.append(holder.get("enums", []))
    for group in groups:
        for enum in group:
            key = enum.get("fqname", enum["enumname"])
            out[key] = [(v["name"], v["value"]) for v in enum["values"]]
    return out


def _json_consts(data: Dict[str, Any]) -> Dict[str, Tuple[str, str]]:
    out = {c["constname"]: (c["consttype"], c["constval"]) for c in data.get("consts", [])}
    for holder in data.get("callback_structs", []) + data.get("structs", []):
        for c in holder.get("consts", []):
            out[f"{holder['struct']}::{c['constname']}"] = (c["consttype"], c["constval"])
    return out


def _value(text: str, symbols: Dict[str, Any], typedefs: List[str]) -> Any:
    try:
        return evaluate_expression(text, symbols, typedefs)
    except EvaluationError:
        return text


def _undescribed(header: str) -> bool:
    return header in tables.JSON_UNDESCRIBED_HEADERS


def crosscheck(api: model.Api, data: Dict[str, Any], subset: bool = False) -> Report:
    """Every difference between the model and the JSON (see the module docstring). With
    `subset` (headers that declare part of the SDK, like our reference SDK), what the JSON
    describes and the headers lack is not a difference."""
    report = Report()
    functions = _json_functions(data)
    accessors = _json_accessors(data)
    skipped = {s.name for s in api.skipped}
    ours_names = {fn.name for fn in api.functions}
    for name in sorted(set(functions) | set(accessors)):
        if name not in ours_names and not subset:
            if name in skipped:
                report.count("skipped")
            else:
                report.add(f"function {name}", "in steam_api.json, not found in the headers")
    for fn in api.functions:
        what = f"function {fn.name}"
        if fn.kind == "accessor":
            report.count("accessors")
            if fn.name not in accessors:
                report.add(what, "accessor not in steam_api.json")
            elif accessors[fn.name] != fn.interface:
                report.add(what, f"returns {fn.interface}, JSON says {accessors[fn.name]}")
            continue
        if fn.kind == "api":
            continue  # init/dispatch functions: steam_api.json does not describe them
        report.count("functions")
        if fn.name not in functions:
            report.add(what, "not in steam_api.json")
            continue
        ret, params, _owner = functions[fn.name]
        ours_ret = normalize_type(fn.returns.spelling(cpp=True))
        if ours_ret != normalize_type(ret):
            report.add(what, f"returns {ours_ret!r}, JSON {normalize_type(ret)!r}")
        ours = [(normalize_type(p.type.spelling(cpp=True)), p.name) for p in fn.params[1:]]
        theirs = [(normalize_type(t), n) for t, n in params]
        if ours != theirs:
            for index in range(max(len(ours), len(theirs))):
                a = ours[index] if index < len(ours) else None
                b = theirs[index] if index < len(theirs) else None
                if a != b:
                    report.add(what, f"parameter {index + 1}: ours {a}, JSON {b}")
        if fn.call_result is not None:
            pass
    json_callbacks: Dict[str, Dict[str, Any]] = {
        c["struct"]: c for c in data.get("callback_structs", [])
    }
    json_structs: Dict[str, Dict[str, Any]] = {s["struct"]: s for s in data.get("structs", [])}
    callback_names = {cb.name for cb in api.callbacks}
    for name in sorted(set(json_callbacks) - callback_names if not subset else ()):
        report.add(f"callback {name}", "in steam_api.json, not found in the headers")
    for cb in api.callbacks:
        report.count("callbacks")
        what = f"callback {cb.name}"
        entry = json_callbacks.get(cb.name)
        if entry is None:
            if _undescribed(cb.struct.header):
                report.count("not described by the JSON")
            else:
                report.add(what, "not in steam_api.json")
            continue
        if entry["callback_id"] != cb.id:
            report.add(what, f"id {cb.id}, JSON {entry['callback_id']}")
        _compare_fields(report, what, cb.struct, entry)
    for st in api.structs:
        if st.name in callback_names or st.opaque:
            continue
        entry = json_structs.get(st.name)
        if entry is None:
            continue  # structs the JSON leaves out (CallbackMsg_t, ...): nothing to compare
        report.count("structs")
        _compare_fields(report, f"struct {st.name}", st, entry)
    enums = _json_enums(data)
    for en in api.enums:
        if en.name is None:
            continue
        report.count("enums")
        what = f"enum {en.qualified}"
        their_enum = enums.get(en.qualified or en.name)
        if their_enum is None:
            if _undescribed(en.header):
                report.count("not described by the JSON")
            elif not en.scope:  # enums of classes the JSON does not describe (CGameID)
                report.add(what, "not in steam_api.json")
            continue
        # enumerators are 32-bit: Valve's JSON spells 0xffffffff as -1
        ours_values = [(v.name, v.value % (1 << 32)) for v in en.values]
        their_values = [
            (n, value % (1 << 32) if isinstance(value, int) else value)
            for n, value in ((n, _value(v, {}, [])) for n, v in their_enum)
        ]
        if ours_values != their_values:
            our_enumerators = [n for n, _ in ours_values]
            their_enumerators = [n for n, _ in their_values]
            if our_enumerators != their_enumerators:
                report.add(
                    what, f"enumerators differ: ours {our_enumerators}, JSON {their_enumerators}"
                )
            else:
                for (n, mine), (_, valve) in zip(ours_values, their_values):
                    if mine != valve:
                        report.add(what, f"{n} = {mine}, JSON {valve}")
    consts = _json_consts(data)
    symbols: Dict[str, Any] = {c.name: c.value for c in api.constants}
    typedef_names = [t.name for t in api.typedefs] + ["uint32", "uint16", "int32", "uint64"]
    for const in api.constants:
        report.count("constants")
        key = f"{const.scope}::{const.name}" if const.scope else const.name
        what = f"constant {key}"
        theirs_c = consts.get(key)
        if theirs_c is None:
            if _undescribed(const.header):
                report.count("not described by the JSON")
            elif not const.scope:  # the JSON lists few class constants: only compare those
                report.add(what, "not in steam_api.json")
            continue
        ctype, cval = theirs_c
        ours_type = normalize_type(const.type.spelling())
        ours_type = (
            ours_type[len("const ") :]
            if ours_type.startswith("const ") and not const.type.pointer
            else ours_type
        )
        if normalize_type(ctype) != ours_type:
            report.add(what, f"type {const.type.spelling()!r}, JSON {ctype!r}")
        their_value = _value(cval, symbols, sorted(set(typedef_names)))
        ours_value = const.value
        if isinstance(their_value, int) and isinstance(ours_value, int):
            size = tables.INTEGER_TYPES.get(const.type.resolved, 8)
            bits = 8 * size  # `const int X = 0xffffffff` is -1, as the JSON does not say
            if (their_value - ours_value) % (1 << bits) != 0:
                report.add(what, f"value {ours_value}, JSON {cval}")
        elif their_value != ours_value:
            report.add(what, f"value {ours_value!r}, JSON {cval!r}")
    return report


def _compare_fields(report: Report, what: str, st: model.Struct, entry: Dict[str, Any]) -> None:
    """Fields in order; the members of one anonymous union count as one field, matching the
    JSON's when it names any of them (Valve's JSON lists one member per union)."""
    theirs = [(f["fieldname"], normalize_type(f["fieldtype"])) for f in entry.get("fields", [])]
    ours: List[Tuple[str, str]] = []
    index = 0
    fields = list(st.fields)
    while index < len(fields):
        f = fields[index]
        group = [f]
        while (
            f.union is not None
            and index + len(group) < len(fields)
            and fields[index + len(group)].union == f.union
        ):
            group.append(fields[index + len(group)])
        if f.union is not None:
            slot = len(ours)
            candidates = [(g.name, normalize_type(g.type.spelling(cpp=True))) for g in group]
            wanted = theirs[slot] if slot < len(theirs) else None
            named = f.union if f.union != "<anonymous>" else None
            for name, ctype in candidates:
                short = name.split(".")[-1]
                if wanted is not None and (short, ctype) == wanted:
                    ours.append((wanted[0], ctype))
                    break
            else:
                ours.append(candidates[0] if named is None else (named, "union"))
        else:
            ours.append((f.name, normalize_type(f.type.spelling(cpp=True))))
        index += len(group)
    if ours == theirs:
        return
    for index in range(max(len(ours), len(theirs))):
        a = ours[index] if index < len(ours) else None
        b = theirs[index] if index < len(theirs) else None
        if a != b:
            report.add(what, f"field {index + 1}: ours {a}, JSON {b}")


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m codegen check",
        description="Compare the declarations of SDK headers with Valve's steam_api.json.",
    )
    parser.add_argument("--sdk", required=True, help="folder of the SDK headers (public/steam)")
    parser.add_argument(
        "--json", required=True, help="Valve's steam_api.json of the same SDK version"
    )
    args = parser.parse_args(argv)
    try:
        api = parse_sdk(args.sdk)
    except (HeaderParseError, ScanError) as exc:
        print(f"codegen check: {exc}", file=sys.stderr)
        return 2
    with open(args.json, encoding="utf-8") as fh:
        data = json.load(fh)
    report = crosscheck(api, data)
    checked = ", ".join(f"{n} {k}" for k, n in sorted(report.checked.items()))
    for line in report.differences:
        print(line)
    print(f"codegen check: {checked}; {len(report.differences)} difference(s)")
    return 1 if report.differences else 0
