"""How each parameter of a flat function crosses into Python (`model.Param.kind`).

Decided once, here, from three sources in this order:

1. `tables.PARAM_OVERRIDES`: declarative special cases (an unannotated out string, an "array" that
   Steam writes, a count in bytes), each with its reason;
2. the interface headers' annotation macros, recorded by the scanner before lowering erased them
   (`STEAM_OUT_STRUCT`, `STEAM_OUT_STRING_COUNT(n)`, `STEAM_ARRAY_COUNT(n)`,
   `STEAM_OUT_ARRAY_COUNT(n, ...)`, `STEAM_BUFFER_COUNT(n)`, `STEAM_OUT_BUFFER_COUNT(n)`, ...);
3. the rules of `tables.POINTER_RULES` for unannotated pointers followed by their size, then
   scalar out-parameters (a non-const pointer to one bool/int/enum/float).

Whatever none of them covers stays a raw address (an int): always callable, never guessed. A
conversion the wrapper cannot make (an array of pointers, say) falls back to an address too,
and its count parameter becomes a plain int argument again.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, replace
from typing import Callable, Dict, List, Optional, Sequence, Set

from . import model, tables
from .scan import ParamNote

_IDENT = re.compile(r"[A-Za-z_]\w*$")


@dataclass
class _Decision:
    kind: str
    length: Optional[str] = None
    fixed: Optional[int] = None
    unit: str = "elements"
    valid: Optional[str] = None
    note: Optional[str] = None


def _is_integer(p: Optional[model.Param]) -> bool:
    return p is not None and not p.type.pointer and not p.type.array and p.type.category == "int"


def _is_int_pointer(p: Optional[model.Param]) -> bool:
    t = p.type if p is not None else None
    return t is not None and t.pointer == 1 and not t.const and t.category == "int"


def _is_char(t: model.CType) -> bool:
    return (
        t.category == "int"
        and t.resolved in ("char", "signed char")
        and t.base
        in (
            "char",
            "signed char",
        )
    )


def _counts(t: model.CType) -> bool:
    """A return type that can be the number of elements written (a plain integer)."""
    return not t.pointer and t.category == "int" and t.base not in tables.ID_TYPEDEFS


def element_kind(t: model.CType, structs: Set[str]) -> Optional[str]:
    """How one element behind the pointer `t` converts: "scalar", "id" (CSteamID/CGameID as
    an int), "struct" (a record of a struct we know) or None (not convertible)."""
    if t.pointer != 1 or t.array:
        return None
    if t.base in tables.ID_FIELD_CONVERSIONS:
        return "id"
    if t.category in ("int", "enum", "float", "bool") and not _is_char(t):
        return "scalar"
    if t.category == "struct" and t.base in structs:
        return "struct"
    return None


def result_name(name: str) -> str:
    """A Pythonic name for an out value: `pbAchieved` -> `achieved`, `punUnlockTime` ->
    `unlock_time`, `pchName` -> `name`, `ppchName` -> `name`, `pIDs` -> `ids`,
    `psteamIDOwner` -> `steam_id_owner`, `pOutConnection1` -> `out_connection1`."""
    core = (
        re.sub(r"^p?p(?=steam)", "", name, flags=re.IGNORECASE)
        if name.lower().startswith(("psteam", "ppsteam"))
        else name
    )
    if core == name:
        core = re.sub(
            r"^p{1,2}(?:ch|sz|cb|cub|cch|un|ul|us|n|b|fl|f|e|h|i|ub|vec|rg|rgch|u|c|dbl|v)?(?=[A-Z])",
            "",
            name,
        )
    if core == name:
        core = re.sub(r"^(?:ch|sz|cb|cub|cch|un|ul|n|b|fl|e|h|ub|c)(?=[A-Z])", "", name)
    core = re.sub(r"IDs(?![a-z])", "Ids", core)
    core = re.sub(r"^steamid", "steamId", core, flags=re.IGNORECASE)
    core = re.sub(r"^steam(?=ID|Id)", "steam", core, flags=re.IGNORECASE)
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", core).lower()
    snake = re.sub(r"[^a-z0-9_]", "_", snake).strip("_")
    return snake


def _result_names(fn: model.Function, params: List[model.Param]) -> List[model.Param]:
    """Fill `result_name` of the result parameters: Pythonic, unique, never a keyword, never
    `ok`/`result` (the return value's field); the C name where that fails."""
    taken = {"ok", "result"}
    out = []
    for p in params:
        if p.kind in model.RESULT_KINDS:
            name = result_name(p.name)
            if name in taken and re.match(r"p?cu?b[A-Z]", p.name):
                name += "_size"  # pcbTicket next to pTicket: ticket, ticket_size
            if (
                not name
                or not _IDENT.match(name)
                or keyword.iskeyword(name)
                or name in taken
                or name.startswith("_")
                or name[0].isdigit()
            ):
                name = p.name
            while name in taken or keyword.iskeyword(name):
                name += "_out"  # `result` out-parameter next to the return value's `result`
            taken.add(name)
            p = replace(p, result_name=name)
        out.append(p)
    return out


class ParamClassifier:
    """Decides `kind` (and counts) of every parameter of one function; see the module docstring."""

    def __init__(
        self,
        structs: Set[str],
        constant: Callable[[str], Optional[int]],
        array_typedefs: Dict[str, model.CType],
    ) -> None:
        self.structs = structs  # structs with fields (they have a Python record class)
        self.constant = constant
        self.array_typedefs = array_typedefs  # typedef name -> its array type (SteamErrMsg)

    def classify(
        self, fn: model.Function, notes: Sequence[ParamNote], has_self: bool
    ) -> List[model.Param]:
        params = list(fn.params)
        names = [p.name for p in params]
        by_name = {p.name: p for p in params}
        annotations: Dict[str, List[ParamNote]] = {}
        for note in notes:
            annotations.setdefault(note.name, []).append(note)
        decided: Dict[str, _Decision] = {}

        for index, p in enumerate(params):
            following = params[index + 1] if index + 1 < len(params) else None
            if index == 0 and has_self:
                decided[p.name] = _Decision("self")
                continue
            override = tables.PARAM_OVERRIDES.get((fn.name, p.name))
            if override is not None:
                decided[p.name] = _Decision(
                    override.kind,
                    override.length,
                    override.fixed,
                    override.unit,
                    override.valid,
                    override.reason,
                )
                continue
            found = {n.kind: n.argument for n in annotations.get(p.name, [])}
            decision = self._annotated(p, found, by_name, following)
            if decision is None:
                decision = self._by_rule(p, following)
            decided[p.name] = decision

        # counts: what each length parameter becomes
        for p in params:
            d = decided[p.name]
            if d.length is None:
                continue
            target = decided.get(d.length)
            count = by_name.get(d.length)
            if count is None or target is None:
                d.length = None
                continue
            if d.kind in ("in_array", "in_buffer"):
                if target.kind in ("capacity", "inout_capacity"):
                    d.kind = "address"  # shared with an out array: keep it raw
                    continue
                target.kind = "length"
            elif d.kind in ("out_array", "out_buffer", "out_string"):
                if _is_int_pointer(count):
                    target.kind = "inout_capacity"
                    if d.kind != "out_string" and d.valid is None:
                        d.valid = d.length  # Steam writes the count back
                else:
                    target.kind = "capacity"

        # conversions the wrapper cannot make fall back to an address
        for p in params:
            d = decided[p.name]
            ok = True
            if d.kind in ("in_array", "out_array"):
                ok = element_kind(p.type, self.structs) is not None
            elif d.kind in ("in_buffer", "out_buffer"):
                ok = p.type.pointer == 1
            elif d.kind == "out_string":
                ok = (p.type.pointer == 1 and _is_char(p.type) and not p.type.const) or (
                    self._char_array(p.type) is not None
                )
            if d.kind in ("in_array", "out_array", "in_buffer", "out_buffer", "out_string"):
                if d.length is None and d.fixed is None and self._char_array(p.type) is None:
                    ok = False
            if not ok:
                decided[p.name] = _Decision("address", note=d.note)
                if d.length and decided[d.length].kind in ("length", "capacity", "inout_capacity"):
                    if not any(
                        decided[q].length == d.length and decided[q].kind != "address"
                        for q in names
                        if q != p.name
                    ):
                        decided[d.length] = _Decision(
                            "value" if _is_integer(by_name[d.length]) else "address"
                        )
            d = decided[p.name]
            if d.kind in ("out_array", "out_buffer") and d.valid is None:
                d.valid = tables.VALID_COUNTS.get((fn.name, p.name))
                if d.valid is None and d.kind == "out_array" and _counts(fn.returns):
                    d.valid = "return"
            if (
                d.valid
                and d.valid != "return"
                and (
                    d.valid not in decided or decided[d.valid].kind not in ("out", "inout_capacity")
                )
            ):
                d.valid = None  # only a value the wrapper receives can cut the result

        out = []
        for p in params:
            d = decided[p.name]
            role = "out" if d.kind in model.RESULT_KINDS else "in"
            out.append(
                replace(
                    p,
                    role=role,
                    annotation=self._annotation_of(annotations.get(p.name, [])),
                    kind=d.kind,
                    length_param=d.length,
                    fixed_count=d.fixed,
                    unit=d.unit,
                    valid_count=d.valid,
                    note=d.note,
                )
            )
        return _result_names(fn, out)

    # -- helpers

    @staticmethod
    def _annotation_of(notes: Sequence[ParamNote]) -> Optional[str]:
        kinds = [n.kind for n in notes if n.kind != "desc"]
        return kinds[-1] if kinds else None

    def _char_array(self, t: model.CType) -> Optional[int]:
        """Size of the char array behind `SteamErrMsg *` (a typedef of `char [1024]`)."""
        if t.pointer != 1 or t.const:
            return None
        target = self.array_typedefs.get(t.base)
        if target is None or len(target.array) != 1 or not _is_char(target):
            return None
        return target.array[0]

    def _count(self, argument: Optional[str], by_name: Dict[str, model.Param]) -> tuple:
        """(length parameter, fixed count) named by an annotation's argument."""
        if not argument:
            return None, None
        argument = argument.strip()
        if argument in by_name:
            return argument, None
        if _IDENT.match(argument):
            return None, self.constant(argument)
        try:
            return None, int(argument, 0)
        except ValueError:
            return None, None

    def _annotated(
        self,
        p: model.Param,
        found: Dict[str, Optional[str]],
        by_name: Dict[str, model.Param],
        following: Optional[model.Param],
    ) -> Optional[_Decision]:
        t = p.type
        if "out_struct" in found:
            if t.pointer == 1 and (t.base in tables.ID_FIELD_CONVERSIONS or t.base in self.structs):
                return _Decision("out_struct")
            return _Decision("address")
        if "out_string_count" in found:
            length, fixed = self._count(found["out_string_count"], by_name)
            return _Decision("out_string", length, fixed)
        if "out_string" in found:
            if t.pointer == 2 and _is_char(t):
                return _Decision("out_string_ptr")
            return _Decision("address")  # no capacity given: a raw buffer address
        out_array = "out_array_count" in found or "out_array_call" in found
        if "array_count" in found or out_array:
            # STEAM_ARRAY_COUNT names the count; STEAM_OUT_ARRAY_COUNT says Steam writes it
            length, fixed = self._count(found.get("array_count"), by_name)
            if length is None and fixed is None:
                length, fixed = self._count(
                    found.get("out_array_count") or found.get("out_array_call"), by_name
                )
            return _Decision("out_array" if out_array else "in_array", length, fixed)
        if "buffer_count" in found or "out_buffer_count" in found:
            out = "out_buffer_count" in found
            length, fixed = self._count(
                found.get("out_buffer_count" if out else "buffer_count"), by_name
            )
            if (
                length is None
                and fixed is None
                and following is not None
                and (_is_integer(following) or _is_int_pointer(following))
            ):
                length = following.name  # the macro names something else: the size follows
            return _Decision("out_buffer" if out else "in_buffer", length, fixed, unit="bytes")
        return None

    def _by_rule(self, p: model.Param, following: Optional[model.Param]) -> _Decision:
        t = p.type
        if t.pointer == 0 and not t.array:
            if t.category in ("pointer", "funcptr"):
                return _Decision("address")  # a pointer typedef (a callback function, say)
            if t.category in ("struct", "opaque") and t.base not in tables.ID_FIELD_CONVERSIONS:
                return _Decision("struct_value" if t.base in self.structs else "address")
            return _Decision("value")
        if t.pointer == 1 and t.const and _is_char(t):
            return _Decision("string")
        size = self._char_array(t)
        if size is not None:
            return _Decision("out_string", fixed=size)
        sized = _is_integer(following) or (
            not t.const and _is_int_pointer(following)  # capacity in, count out
        )
        if sized and following is not None:
            for rule in tables.POINTER_RULES:
                if _rule_matches(rule, t):
                    return _Decision(rule.kind, following.name, unit=rule.unit)
        if t.pointer == 1 and t.const and t.category == "struct" and t.base in self.structs:
            return _Decision("struct_ptr")
        if (
            t.pointer == 1
            and not t.const
            and not t.array
            and t.category in ("bool", "int", "enum", "float")
            and not _is_char(t)
            and not (t.category == "int" and t.resolved in ("unsigned char", "signed char"))
        ):
            if (
                following is not None
                and _is_integer(following)
                and re.search(tables.COUNT_NAME_PATTERN, following.name)
            ):
                return _Decision("address")  # an array with its count: see COUNT_NAME_PATTERN
            return _Decision("out")
        return _Decision("address")


def _rule_matches(rule: tables.PointerRule, t: model.CType) -> bool:
    if t.pointer != 1 or t.const != rule.const or t.array:
        return False
    if rule.pointee == "char":
        return _is_char(t)
    return t.base == "void" or (
        t.category == "int" and t.resolved in ("unsigned char",) and t.base != "char"
    )
