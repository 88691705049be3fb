"""Parser: lowered C (from `scan`) -> pycparser AST -> the typed model (`model.Api`).

This is the only module that imports pycparser. The scanner's declarations are joined into one
translation unit after a typedef prelude (the builtin names of `tables.BUILTIN_TYPEDEFS`, an
opaque `typedef struct X X;` for every struct and class, `typedef int E;` for every enum, since
C++ needs no `struct`/`enum` keyword where C does), each declaration behind a `# line "header"`
marker so pycparser's coordinates are the header's. A pycparser error becomes a `HeaderParseError`
quoting header, line and the header's own text.
"""

from __future__ import annotations

import copy
import os
import re
from typing import Dict, List, Sequence, Tuple, Union

from pycparser import c_ast, c_generator, c_parser

from . import model, tables
from .params import ParamClassifier
from .scan import Decl, ScanResult, scan

Value = Union[int, float, str]

_CALLBACK_SENTINEL = "__steamworks_cy_callback_id_"


class HeaderParseError(Exception):
    """A declaration pycparser could not read, with the header, line and text it comes from."""

    def __init__(self, header: str, line: int, text: str, message: str) -> None:
        super().__init__(f"{header}:{line}: {message}\n    {text.strip()}")
        self.header = header
        self.line = line
        self.text = text
        self.message = message


class EvaluationError(Exception):
    """A constant expression the evaluator cannot compute."""


# ---------------------------------------------------------------------------- translation unit


def build_unit(result: ScanResult) -> Tuple[str, List[Tuple[int, Decl]]]:
    """The translation unit text and, per declaration, the first line of the unit it occupies."""
    lines: List[str] = []
    for name, target in tables.BUILTIN_TYPEDEFS.items():
        lines.append(f"typedef {target} {name};")
    declared = {d.name for d in result.decls if d.kind == "typedef"}
    for name, kind in sorted(result.type_names.items()):
        if name in declared or name in tables.BUILTIN_TYPEDEFS:
            continue
        if kind == "enum":
            lines.append(f"typedef int {name};")
        else:
            lines.append(f"typedef struct {name} {name};")
    placed: List[Tuple[int, Decl]] = []
    for index, decl in enumerate(result.decls):
        if decl.kind == "opaque" and not decl.callback_expr:
            continue
        lines.append(f'# {decl.line} "{decl.header}"')
        placed.append((len(lines) + 1, decl))
        if decl.kind != "opaque":
            lines.append(decl.text)
        if decl.callback_expr:
            lines.append(f'# {decl.line} "{decl.header}"')
            lines.append(f"enum {{ {_CALLBACK_SENTINEL}{index} = ( {decl.callback_expr} ) }};")
    return "\n".join(lines) + "\n", placed


def parse_unit(text: str, result: ScanResult) -> c_ast.FileAST:
    try:
        return c_parser.CParser().parse(text, "<prelude>")
    except c_parser.ParseError as exc:
        raise convert_parse_error(exc, result) from None


def convert_parse_error(exc: Exception, result: ScanResult) -> HeaderParseError:
    """`foo.h:12:5: before: x` from pycparser -> HeaderParseError quoting foo.h line 12."""
    message = str(exc)
    m = re.match(r"(.+?):(\d+):(?:\d+:)?\s*(.*)$", message, re.DOTALL)
    if not m:
        header = message.split(":", 1)[0] if ":" in message else "<unknown>"
        return HeaderParseError(header, 0, "", message)
    header, line, what = m.group(1), int(m.group(2)), m.group(3).strip()
    raw = result.raw_lines.get(header, [])
    text = raw[line - 1] if 0 < line <= len(raw) else ""
    return HeaderParseError(header, line, text, f"cannot parse the lowered declaration ({what})")


# --------------------------------------------------------------------------------------- types


def _builtin_name(names: Sequence[str]) -> str:
    text = " ".join(names)
    text = re.sub(r"\bsigned (char)\b", r"signed \1", text)
    text = re.sub(r"^signed\b\s*(?!char)", "", text).strip() or "int"
    text = re.sub(r"\s+int$", "", text) if text not in ("unsigned int", "int") else text
    return {"unsigned": "unsigned int", "long int": "long"}.get(text, text)


def _unnamed(node: c_ast.Node) -> c_ast.Node:
    """A copy of a declarator with every declared name removed (`void (*)(int *)`)."""
    node = copy.deepcopy(node)
    for child in _walk(node):
        if isinstance(child, c_ast.TypeDecl):
            child.declname = None
        if isinstance(child, (c_ast.Decl, c_ast.Typename)):
            child.name = None
    return node


def _walk(node: c_ast.Node):
    yield node
    for _, child in node.children():
        yield from _walk(child)


class TypeResolver:
    """Turns pycparser type nodes into `model.CType`, following typedefs for `category`."""

    def __init__(self, result: ScanResult, evaluator: Evaluator) -> None:
        self.result = result
        self.evaluator = evaluator
        self.typedefs: Dict[str, c_ast.Node] = {}
        self.enum_names: set = set()
        self.struct_names: set = set()
        self.qualified: Dict[str, str] = {}
        self.generator = c_generator.CGenerator()

    def ctype(self, node: c_ast.Node, reference: bool = False) -> model.CType:
        pointer = 0
        array: List[int] = []
        pointer_const: List[bool] = []  # outermost first while walking
        while True:
            if isinstance(node, c_ast.PtrDecl):
                pointer += 1
                pointer_const.append("const" in (node.quals or []))
                node = node.type
            elif isinstance(node, c_ast.ArrayDecl):
                array.append(self.evaluator.int_value(node.dim) if node.dim is not None else 0)
                node = node.type
            elif isinstance(node, c_ast.FuncDecl):
                text = self.generator.visit(
                    c_ast.Typename(None, [], None, c_ast.PtrDecl([], _unnamed(node)))
                )
                return model.CType(
                    base=text, pointer=max(pointer - 1, 0), category="funcptr", resolved=text
                )
            else:
                break
        if not isinstance(node, c_ast.TypeDecl):
            raise EvaluationError(f"unexpected type node {type(node).__name__}")
        const = "const" in node.quals
        inner = node.type
        if isinstance(inner, c_ast.IdentifierType):
            base = _builtin_name(inner.names)
        elif isinstance(inner, (c_ast.Struct, c_ast.Union, c_ast.Enum)):
            base = inner.name or "<anonymous>"
        else:
            raise EvaluationError(f"unexpected type {type(inner).__name__}")
        category, resolved = self.categorize(base)
        levels = tuple(reversed(pointer_const))
        return model.CType(
            base=base,
            const=const,
            pointer=pointer,
            reference=reference,
            array=tuple(array),
            qualified=self.qualified.get(base),
            category=category,
            resolved=resolved,
            pointer_const=levels if any(levels) else (),
        )

    def size_of(self, ctype: model.CType) -> int:
        """sizeof of a scalar, enum or pointer type on the target (LP64); others raise."""
        count = 1
        for n in ctype.array:
            count *= n
        if ctype.pointer or ctype.category in ("pointer", "funcptr"):
            return 8 * count
        if ctype.category == "bool":
            return count
        if ctype.category == "enum":
            return 4 * count
        if ctype.category == "float":
            return (4 if ctype.resolved == "float" else 8) * count
        if ctype.category == "int" and ctype.resolved in tables.INTEGER_TYPES:
            return tables.INTEGER_TYPES[ctype.resolved] * count
        raise EvaluationError(f"sizeof({ctype.spelling()}) is not evaluated")

    def categorize(self, base: str, depth: int = 0) -> Tuple[str, str]:
        """(category, resolved spelling) of a base type name, following typedefs."""
        if depth > 20:
            raise EvaluationError(f"typedef loop at {base}")
        if base == "void":
            return "void", "void"
        if base in ("bool", "_Bool"):
            return "bool", "bool"
        if base in tables.FLOAT_TYPES:
            return "float", base
        if base in tables.INTEGER_TYPES:
            return "int", base
        if base in tables.BUILTIN_TYPEDEFS:
            return self.categorize(_builtin_name(tables.BUILTIN_TYPEDEFS[base].split()), depth + 1)
        if base in self.typedefs:
            target = self.typedefs[base]
            inner = self.ctype(target)
            if inner.category == "funcptr":
                return "funcptr", inner.resolved
            if inner.array:
                return "array", inner.spelling()
            if inner.pointer:
                return "pointer", inner.spelling()
            return inner.category, inner.resolved
        if base in self.enum_names:
            return "enum", "int"
        if base in self.struct_names:
            return "struct", base
        return "opaque", base


# ------------------------------------------------------------------------------------ evaluator


def _int_literal(text: str) -> int:
    body = text.rstrip("uUlL")
    if re.match(r"0[0-7]+$", body):
        return int(body, 8)
    return int(body, 0)


def _char_literal(text: str) -> int:
    body = text[1:-1]
    escapes = {"n": 10, "t": 9, "r": 13, "0": 0, "\\": 92, "'": 39, '"': 34}
    if body.startswith("\\"):
        if body[1] in escapes and len(body) == 2:
            return escapes[body[1]]
        if body[1] == "x":
            return int(body[2:], 16)
        return int(body[1:], 8)
    return ord(body)


class Evaluator:
    """Computes enum values, constants, array sizes and callback ids from their AST, looking up
    identifiers among enumerators and constants (lazily, so order does not matter)."""

    def __init__(self) -> None:
        self.exprs: Dict[str, Tuple[c_ast.Node | None, str | None]] = {}
        self.values: Dict[str, Value] = {}
        self._active: set = set()
        self.resolver: TypeResolver | None = None
        #: fields of the struct being read so far (for `sizeof( m_field )` in array sizes)
        self.fields: Dict[str, model.CType] = {}

    def size_of(self, node: c_ast.Node) -> int:
        """`sizeof( m_field )` of a field declared earlier in the struct being read, or
        `sizeof( type )` of a scalar type."""
        if self.resolver is None:
            raise EvaluationError("sizeof without types")
        if isinstance(node, c_ast.ID) and node.name in self.fields:
            return self.resolver.size_of(self.fields[node.name])
        if isinstance(node, c_ast.Typename):
            return self.resolver.size_of(self.resolver.ctype(node.type))
        raise EvaluationError("sizeof of an expression is not evaluated")

    def define(self, name: str, node: c_ast.Node | None, previous: str | None = None) -> None:
        """`name = node`; with node None, the value of `previous` plus one (or 0)."""
        self.exprs.setdefault(name, (node, previous))

    def lookup(self, name: str) -> Value:
        if name in self.values:
            return self.values[name]
        if name not in self.exprs or name in self._active:
            raise EvaluationError(f"unknown constant {name}")
        self._active.add(name)
        try:
            node, previous = self.exprs[name]
            if node is not None:
                value = self.evaluate(node)
            elif previous is None:
                value = 0
            else:
                value = self.int_of(self.lookup(previous)) + 1
        finally:
            self._active.discard(name)
        self.values[name] = value
        return value

    @staticmethod
    def int_of(value: Value) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise EvaluationError(f"{value!r} is not an integer")
        return value

    def int_value(self, node: c_ast.Node) -> int:
        return self.int_of(self.evaluate(node))

    def evaluate(self, node: c_ast.Node) -> Value:
        if isinstance(node, c_ast.Constant):
            if node.type == "char":
                return _char_literal(node.value)
            if node.type == "string":
                return node.value[1:-1]
            if node.type in ("float", "double"):
                return float(node.value.rstrip("fFlL"))
            return _int_literal(node.value)
        if isinstance(node, c_ast.ID):
            return self.lookup(node.name)
        if isinstance(node, c_ast.UnaryOp):
            if node.op == "sizeof":
                return self.size_of(node.expr)
            v = self.evaluate(node.expr)
            ops = {
                "-": lambda x: -x,
                "+": lambda x: x,
                "~": lambda x: ~self.int_of(x),
                "!": lambda x: int(not x),
            }
            if node.op not in ops:
                raise EvaluationError(f"operator {node.op}")
            return ops[node.op](v)
        if isinstance(node, c_ast.BinaryOp):
            a, b = self.evaluate(node.left), self.evaluate(node.right)
            return self._binary(node.op, a, b)
        if isinstance(node, c_ast.TernaryOp):
            return (
                self.evaluate(node.iftrue)
                if self.evaluate(node.cond)
                else self.evaluate(node.iffalse)
            )
        if isinstance(node, c_ast.Cast):
            value = self.evaluate(node.expr)
            return self.cast(node.to_type, value)
        raise EvaluationError(f"cannot evaluate {type(node).__name__}")

    @staticmethod
    def _binary(op: str, a: Value, b: Value) -> Value:
        if isinstance(a, str) or isinstance(b, str):
            raise EvaluationError("string arithmetic")
        if op == "/":
            if isinstance(a, int) and isinstance(b, int):
                q = abs(a) // abs(b)
                return q if (a >= 0) == (b >= 0) else -q
            return a / b
        table = {
            "+": lambda: a + b,
            "-": lambda: a - b,
            "*": lambda: a * b,
            "%": lambda: Evaluator.int_of(a) % Evaluator.int_of(b),
            "<<": lambda: Evaluator.int_of(a) << Evaluator.int_of(b),
            ">>": lambda: Evaluator.int_of(a) >> Evaluator.int_of(b),
            "&": lambda: Evaluator.int_of(a) & Evaluator.int_of(b),
            "|": lambda: Evaluator.int_of(a) | Evaluator.int_of(b),
            "^": lambda: Evaluator.int_of(a) ^ Evaluator.int_of(b),
            "&&": lambda: int(bool(a) and bool(b)),
            "||": lambda: int(bool(a) or bool(b)),
            "==": lambda: int(a == b),
            "!=": lambda: int(a != b),
            "<": lambda: int(a < b),
            ">": lambda: int(a > b),
            "<=": lambda: int(a <= b),
            ">=": lambda: int(a >= b),
        }
        if op not in table:
            raise EvaluationError(f"operator {op}")
        return table[op]()

    def cast(self, to_type: c_ast.Node, value: Value) -> Value:
        if self.resolver is None:
            return value
        ctype = self.resolver.ctype(to_type.type)
        if ctype.pointer:
            return value
        if ctype.category == "float":
            return float(value)
        resolved = ctype.resolved
        if ctype.category in ("int", "enum") and resolved in tables.INTEGER_TYPES:
            bits = 8 * tables.INTEGER_TYPES[resolved]
            v = self.int_of(value) & ((1 << bits) - 1)
            if not resolved.startswith("unsigned") and v >= 1 << (bits - 1):
                v -= 1 << bits
            return v
        return value


_EXPR_PARSER: c_parser.CParser | None = None


def evaluate_expression(
    text: str, symbols: Dict[str, Value] | None = None, typedefs: Sequence[str] = ()
) -> Value:
    """Evaluate a C constant expression given as text (e.g. a `constval` of steam_api.json)."""
    global _EXPR_PARSER
    if _EXPR_PARSER is None:
        _EXPR_PARSER = c_parser.CParser()
    prelude = "".join(f"typedef unsigned long long {t};\n" for t in typedefs)
    try:
        ast = _EXPR_PARSER.parse(f"{prelude}int __x = ( {text} );", "<expr>")
    except c_parser.ParseError as exc:
        raise EvaluationError(f"{text!r}: {exc}") from None
    evaluator = Evaluator()
    for name, value in (symbols or {}).items():
        evaluator.values[name] = value
    return evaluator.evaluate(ast.ext[-1].init)


# --------------------------------------------------------------------------------------- model


class ModelBuilder:
    def __init__(self, result: ScanResult, sdk_version: str | None) -> None:
        self.result = result
        guessed = version_from_path(result.sdk_dir)
        if result.sdk_version:
            self.sdk_version, self.version_source = result.sdk_version, "header"
        elif sdk_version:
            self.sdk_version, self.version_source = sdk_version, "option"
        elif guessed:
            self.sdk_version, self.version_source = guessed, "path"
        else:
            self.sdk_version, self.version_source = "unknown", "unknown"
        self.evaluator = Evaluator()
        self.types = TypeResolver(result, self.evaluator)
        self.evaluator.resolver = self.types
        self.skipped: List[model.Skipped] = [model.Skipped(n, r) for n, r in result.skipped]
        self._param_classifier: ParamClassifier | None = None

    def build(self) -> model.Api:
        text, placed = build_unit(self.result)
        unit = parse_unit(text, self.result)
        nodes = self._assign(unit, placed)
        # first pass: names and symbols
        for decl in self.result.decls:
            if decl.kind == "enum" and decl.name:
                self.types.enum_names.add(decl.name)
            if decl.kind == "struct" and decl.name:
                self.types.struct_names.add(decl.name)
            if decl.scope and decl.name and decl.kind in ("enum", "struct"):
                self.types.qualified[decl.name] = f"{decl.scope}::{decl.name}"
        for decl, node in nodes:
            if decl.kind == "typedef" and isinstance(node, c_ast.Typedef):
                self.types.typedefs[node.name] = node.type
            for enum in self._enums_in(node):
                previous = None
                for item in enum.values.enumerators if enum.values else ():
                    self.evaluator.define(item.name, item.value, previous)
                    previous = item.name
            if decl.kind == "constant" and isinstance(node, c_ast.Decl) and node.init is not None:
                self.evaluator.define(node.name, node.init)
        # second pass: the model
        typedefs: List[model.Typedef] = []
        enums: List[model.Enum] = []
        constants: List[model.Constant] = []
        structs: List[model.Struct] = []
        callbacks: List[model.Callback] = []
        functions: List[model.Function] = []
        opaque: List[model.Struct] = []
        callback_ids: Dict[int, int] = {}
        for decl, node in nodes:
            if (
                isinstance(node, c_ast.Decl)
                and node.name
                and node.name.startswith(_CALLBACK_SENTINEL)
            ):
                pass
            for enum in self._enums_in(node):
                if (
                    enum.values
                    and enum.values.enumerators
                    and enum.values.enumerators[0].name.startswith(_CALLBACK_SENTINEL)
                ):
                    item = enum.values.enumerators[0]
                    index = int(item.name[len(_CALLBACK_SENTINEL) :])
                    try:
                        callback_ids[index] = self.evaluator.int_value(item.value)
                    except EvaluationError as exc:
                        self.skipped.append(
                            model.Skipped(
                                decl.name or "?", f"callback id {decl.callback_expr!r}: {exc}"
                            )
                        )
        for index, decl in enumerate(self.result.decls):
            if decl.kind == "opaque":
                st = model.Struct(
                    decl.name or "", decl.header, decl.line, (), decl.pack, True, decl.scope
                )
                opaque.append(st)
                if decl.callback_expr and index in callback_ids:
                    structs.append(st)
                    callbacks.append(model.Callback(st, callback_ids[index], decl.callback_expr))
        by_decl = {id(d): i for i, d in enumerate(self.result.decls)}
        for decl, node in nodes:
            if decl.kind == "typedef" and isinstance(node, c_ast.Typedef):
                typedefs.append(self._typedef(decl, node))
            elif decl.kind == "enum":
                for enum in self._enums_in(node):
                    if enum.values and enum.values.enumerators[0].name.startswith(
                        _CALLBACK_SENTINEL
                    ):
                        continue
                    enums.append(self._enum(decl, enum))
            elif decl.kind == "constant" and isinstance(node, c_ast.Decl):
                constants.append(self._constant(decl, node))
            elif (
                decl.kind == "struct"
                and isinstance(node, c_ast.Decl)
                and isinstance(node.type, c_ast.Struct)
            ):
                st = self._struct(decl, node.type)
                structs.append(st)
                index = by_decl[id(decl)]
                if decl.callback_expr is not None and index in callback_ids:
                    callbacks.append(model.Callback(st, callback_ids[index], decl.callback_expr))
            elif decl.kind == "function" and isinstance(node, c_ast.Decl):
                functions.append(self._function(decl, node))
        functions = self._classify(functions, {s.name: s for s in structs})
        interfaces = self._interfaces(functions)
        known_opaque = {s.name for s in opaque}
        for name, kind in sorted(self.result.type_names.items()):
            if kind == "opaque" and name not in known_opaque:
                info = self.result.interfaces.get(name)
                header = info.header if info else self._first_header_using(name, functions)
                opaque.append(model.Struct(name, header, info.line if info else 0, (), None, True))
        return model.Api(
            sdk_version=self.sdk_version,
            input_hash=self.result.input_hash,
            headers=tuple(self.result.headers),
            typedefs=tuple(typedefs),
            enums=tuple(enums),
            constants=tuple(constants),
            structs=tuple(structs),
            callbacks=tuple(callbacks),
            interfaces=tuple(interfaces),
            functions=tuple(functions),
            opaque=tuple(opaque),
            skipped=tuple(sorted(set(self.skipped), key=lambda s: (s.name, s.reason))),
            segments=tuple(self.result.segments),
            sdk_version_source=self.version_source,
            includes=tuple(sorted(self.result.root_of.items())),
        )

    # -- helpers

    def _first_header_using(self, name: str, functions: Sequence[model.Function]) -> str:
        for fn in functions:
            if fn.returns.base == name or any(p.type.base == name for p in fn.params):
                return fn.header
        return self.result.headers[-1] if self.result.headers else ""

    def _assign(
        self, unit: c_ast.FileAST, placed: List[Tuple[int, Decl]]
    ) -> List[Tuple[Decl, c_ast.Node]]:
        """Pair each AST node with the scanned declaration it came from (by header and line)."""
        spans: Dict[str, List[Tuple[int, int, Decl]]] = {}
        for _, decl in placed:
            end = decl.line + decl.text.count("\n")
            spans.setdefault(decl.header, []).append((decl.line, end, decl))
        out: List[Tuple[Decl, c_ast.Node]] = []
        for node in unit.ext:
            coord = node.coord
            if coord is None or coord.file not in spans:
                continue
            for start, end, decl in spans[coord.file]:
                if start <= coord.line <= end:
                    out.append((decl, node))
                    break
        return out

    @staticmethod
    def _enums_in(node: c_ast.Node) -> List[c_ast.Enum]:
        if isinstance(node, c_ast.Decl) and isinstance(node.type, c_ast.Enum):
            return [node.type]
        if isinstance(node, c_ast.Typedef) and isinstance(
            getattr(node.type, "type", None), c_ast.Enum
        ):
            return [node.type.type]
        return []

    def _int(self, node: c_ast.Node, decl: Decl) -> int:
        try:
            return self.evaluator.int_value(node)
        except EvaluationError as exc:
            raw = self.result.raw_lines.get(decl.header, [])
            line = node.coord.line if node.coord else decl.line
            text = raw[line - 1] if 0 < line <= len(raw) else ""
            raise HeaderParseError(decl.header, line, text, f"cannot evaluate: {exc}") from None

    def _ctype(self, node: c_ast.Node, decl: Decl, reference: bool = False) -> model.CType:
        try:
            return self.types.ctype(node, reference)
        except EvaluationError as exc:
            raw = self.result.raw_lines.get(decl.header, [])
            text = raw[decl.line - 1] if 0 < decl.line <= len(raw) else ""
            raise HeaderParseError(decl.header, decl.line, text, str(exc)) from None

    def _typedef(self, decl: Decl, node: c_ast.Typedef) -> model.Typedef:
        ctype = self._ctype(node.type, decl)
        funcptr = None
        returns = None
        params: Tuple[model.CType, ...] = ()
        inner = node.type
        while isinstance(inner, c_ast.PtrDecl):
            inner = inner.type
        if isinstance(inner, c_ast.FuncDecl):
            funcptr = ctype.base
            returns = self._ctype(inner.type, decl)
            params = tuple(
                self._ctype(p.type, decl)
                for p in (inner.args.params if inner.args else ())
                if not (isinstance(p, c_ast.Typename) and self._is_void(p))
            )
        return model.Typedef(node.name, decl.header, decl.line, ctype, funcptr, returns, params)

    @staticmethod
    def _is_void(param: c_ast.Node) -> bool:
        t = param.type
        return (
            isinstance(t, c_ast.TypeDecl)
            and isinstance(t.type, c_ast.IdentifierType)
            and t.type.names == ["void"]
        )

    def _enum(self, decl: Decl, node: c_ast.Enum) -> model.Enum:
        gen = c_generator.CGenerator()
        values = []
        for item in node.values.enumerators if node.values else ():
            values.append(
                model.EnumValue(
                    self._plain(item.name),
                    self._int(c_ast.ID(item.name, item.coord), decl),
                    self._unmangle_text(gen.visit(item.value)) if item.value is not None else "",
                )
            )
        return model.Enum(node.name, decl.header, decl.line, tuple(values), decl.scope)

    def _constant(self, decl: Decl, node: c_ast.Decl) -> model.Constant:
        gen = c_generator.CGenerator()
        try:
            value = self.evaluator.lookup(node.name)
        except EvaluationError:
            value = gen.visit(node.init)
        ctype = self._ctype(node.type, decl)
        if isinstance(value, int) and ctype.category in ("int", "enum"):
            value = self.evaluator.cast(c_ast.Typename(None, [], None, node.type), value)
        return model.Constant(
            self._plain(node.name),
            decl.header,
            decl.line,
            ctype,
            value,
            self._unmangle_text(gen.visit(node.init)),
            decl.scope,
        )

    def _plain(self, name: str) -> str:
        """A class member's own name from its lowered (mangled) C name."""
        found = self.result.mangled.get(name)
        return found[1] if found else name

    def _unmangle_text(self, text: str) -> str:
        """An expression with lowered member names spelled the C++ way (`A::k_x`)."""
        if "__" not in text:
            return text
        return re.sub(
            r"\b\w+__\w+\b",
            lambda m: (
                "::".join(self.result.mangled[m.group(0)])
                if m.group(0) in self.result.mangled
                else m.group(0)
            ),
            text,
        )

    def _struct(self, decl: Decl, node: c_ast.Struct) -> model.Struct:
        self.evaluator.fields = {}
        fields = self._fields(decl, node, node.decls or (), prefix="", union=None)
        self.evaluator.fields = {}
        return model.Struct(
            node.name, decl.header, decl.line, tuple(fields), decl.pack, False, decl.scope
        )

    def _fields(
        self,
        decl: Decl,
        owner: c_ast.Struct,
        members: Sequence[c_ast.Node],
        prefix: str,
        union: str | None,
    ) -> List[model.Field]:
        """Fields of a struct body; members of anonymous unions/structs are hoisted (see
        `model.Field`)."""
        fields: List[model.Field] = []
        for member in members:
            inner = member.type
            anonymous_type = (
                isinstance(inner, c_ast.TypeDecl)
                and isinstance(inner.type, (c_ast.Union, c_ast.Struct))
                and inner.type.name is None
            )
            if member.name is None and isinstance(inner, (c_ast.Union, c_ast.Struct)):
                label = union or "<anonymous>"
                fields += self._fields(decl, owner, inner.decls or (), prefix, label)
                continue
            if member.name is None:
                self.skipped.append(model.Skipped(f"{owner.name}.?", "member without a name"))
                continue
            if anonymous_type:
                path = f"{prefix}{member.name}"
                fields += self._fields(
                    decl, owner, inner.type.decls or (), prefix=path + ".", union=union or path
                )
                continue
            ctype = self._ctype(member.type, decl)
            self.evaluator.fields.setdefault(member.name, ctype)
            private = (prefix.split(".")[0] if prefix else member.name) in decl.private
            fields.append(model.Field(prefix + member.name, ctype, union, private))
        return fields

    def _function(self, decl: Decl, node: c_ast.Decl) -> model.Function:
        func = node.type
        returns = self._ctype(func.type, decl)
        params: List[model.Param] = []
        for index, p in enumerate(func.args.params if func.args else ()):
            if isinstance(p, c_ast.EllipsisParam):
                raise HeaderParseError(
                    decl.header, decl.line, "", "variadic functions are not supported"
                )
            if isinstance(p, c_ast.Typename) and self._is_void(p):
                continue
            name = p.name or f"arg{index}"
            params.append(
                model.Param(name, self._ctype(p.type, decl, reference=name in decl.references))
            )
        return model.Function(node.name, decl.header, decl.line, returns, tuple(params))

    def _classify(
        self, functions: List[model.Function], structs: Dict[str, model.Struct]
    ) -> List[model.Function]:
        """Fill kind/interface/method/annotations/roles of every flat function."""
        out = []
        for fn in functions:
            info = self.result.methods.get(fn.name)
            kind, interface, method = "api", None, None
            first = fn.params[0] if fn.params else None
            m_acc = re.match(r"SteamAPI_(\w+?)_v\d+$", fn.name)
            if (
                m_acc
                and not fn.params
                and fn.returns.pointer == 1
                and fn.returns.category == "opaque"
            ):
                kind, interface = "accessor", fn.returns.base
            elif first is not None and first.name == "self" and first.type.pointer == 1:
                owner = first.type.base
                prefix = f"SteamAPI_{owner}_"
                if fn.name.startswith(prefix):
                    method = info.method if info else fn.name[len(prefix) :]
                    if owner in structs or owner in tables.OPAQUE_CLASSES:
                        kind = "helper"
                    else:
                        kind, interface = "method", owner
            classifier = self._classifier(structs)
            params = classifier.classify(
                fn, info.params if info else (), has_self=kind in ("method", "helper")
            )
            out.append(
                model.Function(
                    fn.name,
                    fn.header,
                    fn.line,
                    fn.returns,
                    tuple(params),
                    kind,
                    interface,
                    method,
                    info.call_result if info else None,
                    info.callback if info else None,
                )
            )
        return out

    def _classifier(self, structs: Dict[str, model.Struct]) -> ParamClassifier:
        if self._param_classifier is None:
            arrays = {
                name: self.types.ctype(node)
                for name, node in self.types.typedefs.items()
                if isinstance(node, c_ast.ArrayDecl)
            }
            self._param_classifier = ParamClassifier(
                {name for name, st in structs.items() if st.fields and not st.opaque},
                self._constant_value,
                arrays,
            )
        return self._param_classifier

    def _constant_value(self, name: str) -> int | None:
        """An integer constant, enumerator or numeric macro (an annotation's fixed count)."""
        try:
            return self.evaluator.int_value(c_ast.ID(name))
        except EvaluationError:
            pass
        text = self.result.number_macros.get(name)
        if text is not None:
            try:
                return evaluate_expression(text)  # type: ignore[return-value]
            except EvaluationError:
                return None
        return None

    def _interfaces(self, functions: Sequence[model.Function]) -> List[model.Interface]:
        names: Dict[str, Tuple[str, int]] = {}
        for name, info in self.result.interfaces.items():
            names[name] = (info.header, info.line)
        for fn in functions:
            if fn.interface and fn.interface not in names:
                names[fn.interface] = (fn.header, fn.line)
        out = []
        for name in sorted(names):
            header, line = names[name]
            found = self.result.interfaces.get(name)
            version = None
            if found and found.version_macro:
                version = self.result.version_strings.get(found.version_macro)
            accessors = tuple(
                sorted(f.name for f in functions if f.kind == "accessor" and f.interface == name)
            )
            methods = tuple(f.name for f in functions if f.kind == "method" and f.interface == name)
            out.append(model.Interface(name, header, line, accessors, version, methods))
        return out


_VERSION_IN_PATH = re.compile(
    r"^(?:v|sdk[_-]?|steamworks[_-]?sdk[_-]?v?)?1[._]?(\d\d)([a-z]?)$", re.IGNORECASE
)


def version_from_path(sdk_dir: str) -> str | None:
    """An SDK version named by a folder of the path (`sdks/1.65a/public/steam`,
    `steamworks_sdk_162/sdk/public/steam`), or None. Valve's headers do not name their version."""
    parts = os.path.abspath(sdk_dir).replace("\\", "/").split("/")
    for part in reversed(parts):
        m = _VERSION_IN_PATH.match(part)
        if m:
            return f"1.{m.group(1)}{m.group(2).lower()}"
    return None


def parse_sdk(sdk_dir: str, sdk_version: str | None = None) -> model.Api:
    """Scan, lower and parse the headers of `sdk_dir` into the model."""
    return build_model(scan(sdk_dir), sdk_version)


def build_model(result: ScanResult, sdk_version: str | None = None) -> model.Api:
    return ModelBuilder(result, sdk_version).build()
