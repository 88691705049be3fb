"""Upgrade report: what changed between the declarations of two SDK versions.

`python -m codegen diff OLD_SDK NEW_SDK` lists the functions, interface accessors, callbacks,
structs, enums and constants added, removed and changed, for a developer to read before
upgrading (a removed function is a `MissingFunctionError` waiting to happen; a moved accessor
needs regenerated bindings).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from typing import Any, Dict, List, Sequence, Tuple

from . import model

SECTIONS = ("interfaces", "functions", "callbacks", "structs", "enums", "constants")


@dataclass
class Section:
    """Added, removed and changed items of one kind (changed: (name, what changed))."""

    added: List[str] = field(default_factory=list)
    removed: List[str] = field(default_factory=list)
    changed: List[Tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass
class Diff:
    old_version: str
    new_version: str
    sections: Dict[str, Section] = field(default_factory=dict)

    def to_dict(self) -> Dict[str, Any]:
        return {
            "old": self.old_version,
            "new": self.new_version,
            **{
                name: {
                    "added": sec.added,
                    "removed": sec.removed,
                    "changed": [{"name": n, "change": c} for n, c in sec.changed],
                }
                for name, sec in self.sections.items()
            },
        }

    def text(self) -> str:
        lines = [f"SDK {self.old_version} -> {self.new_version}"]
        for name in SECTIONS:
            sec = self.sections.get(name, Section())
            counts = (
                f"{len(sec.added)} added, {len(sec.removed)} removed, {len(sec.changed)} changed"
            )
            lines.append("")
            lines.append(f"{name}: {counts}")
            lines += [f"  + {item}" for item in sec.added]
            lines += [f"  - {item}" for item in sec.removed]
            lines += [f"  ~ {item}: {change}" for item, change in sec.changed]
        return "\n".join(lines) + "\n"


def _signature(fn: model.Function) -> str:
    return fn.c_signature()


def _compare(old: Dict[str, Any], new: Dict[str, Any], describe: Any) -> Section:
    sec = Section()
    sec.added = sorted(set(new) - set(old))
    sec.removed = sorted(set(old) - set(new))
    for name in sorted(set(old) & set(new)):
        change = describe(old[name], new[name])
        if change:
            sec.changed.append((name, change))
    return sec


def _fields_text(st: model.Struct) -> List[str]:
    return [f"{f.type.spelling(cpp=True)} {f.name}" for f in st.fields]


def _field_change(a: model.Struct, b: model.Struct) -> str:
    old, new = _fields_text(a), _fields_text(b)
    if old == new:
        return ""
    gone = [f for f in old if f not in new]
    came = [f for f in new if f not in old]
    parts = []
    if gone:
        parts.append("removed " + "; ".join(gone))
    if came:
        parts.append("added " + "; ".join(came))
    return ", ".join(parts) or "fields reordered"


def diff(old: model.Api, new: model.Api) -> Diff:
    """The differences between two models (see the module docstring)."""
    result = Diff(old.sdk_version, new.sdk_version)

    def interfaces(api: model.Api) -> Dict[str, model.Interface]:
        return {i.name: i for i in api.interfaces}

    def iface_change(a: model.Interface, b: model.Interface) -> str:
        parts = []
        if a.accessors != b.accessors:
            parts.append(
                f"accessor {', '.join(a.accessors) or '-'} -> {', '.join(b.accessors) or '-'}"
            )
        if a.version_string != b.version_string:
            parts.append(f"version {a.version_string} -> {b.version_string}")
        return "; ".join(parts)

    result.sections["interfaces"] = _compare(interfaces(old), interfaces(new), iface_change)

    def functions(api: model.Api) -> Dict[str, model.Function]:
        return {f.name: f for f in api.functions}

    def fn_change(a: model.Function, b: model.Function) -> str:
        sa, sb = _signature(a), _signature(b)
        return f"{sa} -> {sb}" if sa != sb else ""

    result.sections["functions"] = _compare(functions(old), functions(new), fn_change)

    def callbacks(api: model.Api) -> Dict[str, model.Callback]:
        return {c.name: c for c in api.callbacks}

    def cb_change(a: model.Callback, b: model.Callback) -> str:
        parts = []
        if a.id != b.id:
            parts.append(f"id {a.id} -> {b.id}")
        fields = _field_change(a.struct, b.struct)
        if fields:
            parts.append(fields)
        return "; ".join(parts)

    result.sections["callbacks"] = _compare(callbacks(old), callbacks(new), cb_change)

    def structs(api: model.Api) -> Dict[str, model.Struct]:
        names = {c.name for c in api.callbacks}
        return {s.qualified: s for s in api.structs if s.name not in names and not s.opaque}

    result.sections["structs"] = _compare(structs(old), structs(new), _field_change)

    def enums(api: model.Api) -> Dict[str, model.Enum]:
        return {e.qualified: e for e in api.enums if e.qualified}

    def enum_change(a: model.Enum, b: model.Enum) -> str:
        va = {v.name: v.value for v in a.values}
        vb = {v.name: v.value for v in b.values}
        parts = []
        came = [n for n in vb if n not in va]
        gone = [n for n in va if n not in vb]
        moved = [f"{n} {va[n]} -> {vb[n]}" for n in va if n in vb and va[n] != vb[n]]
        if came:
            parts.append("added " + ", ".join(f"{n} = {vb[n]}" for n in came))
        if gone:
            parts.append("removed " + ", ".join(gone))
        if moved:
            parts.append("changed " + ", ".join(moved))
        return "; ".join(parts)

    result.sections["enums"] = _compare(enums(old), enums(new), enum_change)

    def constants(api: model.Api) -> Dict[str, model.Constant]:
        return {(f"{c.scope}::{c.name}" if c.scope else c.name): c for c in api.constants}

    def const_change(a: model.Constant, b: model.Constant) -> str:
        parts = []
        if a.value != b.value:
            parts.append(f"{a.value!r} -> {b.value!r}")
        if a.type.spelling() != b.type.spelling():
            parts.append(f"type {a.type.spelling()} -> {b.type.spelling()}")
        return "; ".join(parts)

    result.sections["constants"] = _compare(constants(old), constants(new), const_change)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    from .cli import find_headers
    from .parse import HeaderParseError, parse_sdk
    from .scan import ScanError

    parser = argparse.ArgumentParser(
        prog="python -m codegen diff",
        description="List what changed between two SDK versions: functions, accessors, "
        "callbacks, structs, enums and constants added, removed and changed.",
    )
    parser.add_argument("old", help="the SDK you use now (an SDK root or its public/steam)")
    parser.add_argument("new", help="the SDK you upgrade to")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--old-version", help="version of the old SDK when its path does not say")
    parser.add_argument("--new-version", help="version of the new SDK when its path does not say")
    args = parser.parse_args(argv)
    try:
        old = parse_sdk(find_headers(args.old), args.old_version)
        new = parse_sdk(find_headers(args.new), args.new_version)
    except (HeaderParseError, ScanError, FileNotFoundError) as exc:
        print(f"codegen diff: {exc}", file=sys.stderr)
        return 2
    report = diff(old, new)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, sort_keys=True))
    else:
        sys.stdout.write(report.text())
    return 0
