"""Scanner: selects the declarations of Steamworks SDK headers and lowers them to plain C.

The headers are C++; pycparser reads C. This pass sits between the two and works in four steps:

1. **Read.** Each header is decoded as UTF-8, or as cp1252 when it is not UTF-8 (8 headers of the
   real SDK carry a cp1252 copyright sign). Comments are blanked and continued lines joined, keeping
   every line number, so an error can quote the header line it comes from.
2. **Preprocess (conditionals, includes, pack).** Starting at `steam_api_flat.h` the pass follows
   `#include "..."` like the compiler does (headers it never reaches, such as the PS3 overlay
   header, are not scanned; a folder without a root header is scanned header by header),
   evaluating `#if/#ifdef/#elif/#else` with the macros
   g++ on Linux x86_64 defines (`tables.PREDEFINED_MACROS`) plus the object-like `#define`s met on
   the way. It records the `#pragma pack` in force on every line (so callback structs remember
   `pack(4)`), the `#define ..._INTERFACE_VERSION "..."` strings, and numeric macros (which it
   substitutes where a declaration uses them, e.g. as an array size). Headers are listed in the
   order the compiler finishes them, so a header comes after the headers it includes.
   Declarations keep that order: an included header's lines are spliced in at its `#include`.
3. **Select.** The active text is split into top-level items (a statement up to `;`, a body in
   braces, a `STEAM_CALLBACK_BEGIN ... STEAM_CALLBACK_END(n)` block), and each is classified:
   `S_API` lines of the function headers (`tables.FUNCTION_HEADERS`), typedefs, enums,
   `const`/`static const` constants, struct and class definitions, interface classes (pure
   virtual methods) and interface-accessor macros. Templates, inline functions, operators and
   other C++-only items are dropped.
4. **Record, then lower.** What lowering erases is recorded first: the `k_iCallback` expression
   of a callback struct (the enum inside its body), the pack in force, the class of class-scoped
   enums and constants, and for every interface method its annotation macros (`STEAM_OUT_STRUCT`,
   `STEAM_OUT_STRING(_COUNT)`, `STEAM_(OUT_)ARRAY_COUNT(_D)`, `STEAM_(OUT_)BUFFER_COUNT`,
   `STEAM_CALL_RESULT`, `STEAM_CALL_BACK`) keyed by interface and flat method name (the
   `STEAM_FLAT_NAME` of an overload, else the method name), so they can be matched to the flat
   functions. Then the C++ forms are lowered: a reference `T &` becomes `T *` (the same on every
   ABI), `A::B` becomes the plain name `B` (the qualified spelling is kept), `S_API`/`S_CALLTYPE`
   and default arguments are dropped, methods, constructors, operators, inline bodies, access
   specifiers and bit-fields are removed from struct bodies, nested enums and constants are
   hoisted out of their class, interface classes and `OPAQUE_CLASSES` (CSteamID, CGameID) are
   left to an opaque typedef of the prelude, and `enum { k_iCallback = ... };` disappears.

The result is a `ScanResult`: the lowered C of every declaration with `# line "header"` markers,
the names the typedef prelude must declare, and the recorded facts above.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Sequence, Set, Tuple

from . import tables

SDK_VERSION_RE = re.compile(r"//\s*steamworks_cy-sdk-version:\s*(\S+)")


class ScanError(Exception):
    """A header construct the scanner cannot select or lower; names header, line and text."""

    def __init__(self, header: str, line: int, text: str, message: str) -> None:
        super().__init__(f"{header}:{line}: {message}\n    {text.strip()}")
        self.header = header
        self.line = line
        self.text = text
        self.message = message


# ------------------------------------------------------------------------------------------- read


def decode_header(data: bytes) -> str:
    """Header bytes as text: UTF-8 when valid, else cp1252 (what Valve's editors saved)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


_COMMENT_RE = re.compile(
    r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.DOTALL
)


def strip_comments(text: str) -> str:
    """Blank `//` and `/* */` comments, keeping newlines (and so line numbers) and literals."""

    def repl(match: re.Match[str]) -> str:
        s = match.group(0)
        if s.startswith("/"):
            return " " + "\n" * s.count("\n")
        return s

    return _COMMENT_RE.sub(repl, text)


def join_continuations(lines: List[str]) -> List[str]:
    """Join lines ending in a backslash; the joined-away lines become empty (numbers kept)."""
    out: List[str] = []
    pending: str | None = None
    blanks = 0
    for line in lines:
        if pending is not None:
            line = pending + " " + line
            blanks += 1
        if line.endswith("\\"):
            pending = line[:-1]
            continue
        pending = None
        out.append(line)
        out.extend([""] * blanks)
        blanks = 0
    if pending is not None:
        out.append(pending)
        out.extend([""] * blanks)
    return out


# ------------------------------------------------------------------------------------ preprocess


@dataclass(frozen=True)
class SourceLine:
    """One active (not conditioned out) line of a header, with the pack in force."""

    number: int
    text: str
    pack: int | None


@dataclass
class SourceFile:
    name: str
    lines: List[SourceLine] = field(default_factory=list)


_DIRECTIVE_RE = re.compile(r"^\s*#\s*(\w+)\s*(.*)$")
_PACK_RE = re.compile(r"pack\s*\(\s*(push|pop)?\s*,?\s*(\d+)?\s*\)")
_NUMBER_RE = re.compile(r"^\(?\s*-?\s*(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\s*\)?$")
_INACTIVE_FUNCTION_RE = re.compile(r"^\s*S_API\b[^;{(]*?\b(\w+)\s*\(")


def _pp_value(text: str) -> int:
    m = _NUMBER_RE.match(text.strip())
    if not m:
        return 0
    value = int(m.group(1), 0)
    return -value if "-" in text else value


_ALLOWED_PP_NODES = (
    ast.Expression,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.UnaryOp,
    ast.Not,
    ast.USub,
    ast.UAdd,
    ast.Invert,
    ast.BinOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.FloorDiv,
    ast.Mod,
    ast.LShift,
    ast.RShift,
    ast.BitAnd,
    ast.BitOr,
    ast.BitXor,
    ast.Compare,
    ast.Eq,
    ast.NotEq,
    ast.Lt,
    ast.LtE,
    ast.Gt,
    ast.GtE,
    ast.Constant,
    ast.IfExp,
)


def eval_pp_condition(expr: str, defines: Dict[str, str | None]) -> bool:
    """Evaluate an `#if` expression: `defined(X)`, `!`, `&&`, `||`, comparisons, integers;
    unknown identifiers are 0 as in the C preprocessor."""
    expr = re.sub(
        r"defined\s*\(\s*(\w+)\s*\)", lambda m: " 1 " if m.group(1) in defines else " 0 ", expr
    )
    expr = re.sub(r"defined\s+(\w+)", lambda m: " 1 " if m.group(1) in defines else " 0 ", expr)

    def ident(m: re.Match[str]) -> str:
        name = m.group(0)
        if name in defines:
            return f" {_pp_value(defines[name] or '1') if defines[name] != '' else 1} "
        return " 0 "

    expr = re.sub(r"\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]+\b", r"\1", expr)
    expr = re.sub(r"\b[A-Za-z_]\w*\b", ident, expr)
    expr = expr.replace("&&", " and ").replace("||", " or ").replace("/", "//")
    expr = re.sub(r"!(?!=)", " not ", expr)
    try:
        tree = ast.parse(expr.strip() or "0", mode="eval")
        for node in ast.walk(tree):
            if not isinstance(node, _ALLOWED_PP_NODES):
                raise ValueError(type(node).__name__)
        return bool(eval(compile(tree, "<pp>", "eval"), {"__builtins__": {}}))
    except (SyntaxError, ValueError, ZeroDivisionError):
        return False


class Preprocessor:
    """Walks the includes of an SDK folder; see step 2 of the module docstring."""

    def __init__(self, sdk_dir: str, headers: Sequence[str]) -> None:
        self.sdk_dir = sdk_dir
        self.headers = set(headers)
        self.defines: Dict[str, str | None] = {
            k: str(v) for k, v in tables.PREDEFINED_MACROS.items()
        }
        self.raw: Dict[str, List[str]] = {}
        self.files: List[str] = []  # header names, each after the headers it includes
        self.segments: List[SourceFile] = []  # active lines in the order the compiler reads them
        self._visiting: Set[str] = set()
        self._done: Set[str] = set()
        self.string_macros: Dict[str, str] = {}
        self.number_macros: Dict[str, str] = {}
        self.sdk_version: str | None = None
        self.inactive: List[Tuple[str, str]] = []  # (S_API function, why) in inactive branches
        self.unreached: List[str] = []  # headers not scanned (tables.UNSCANNED_HEADERS)
        self.extra_roots: List[str] = []  # headers scanned although the root headers skip them
        self.root_of: Dict[str, str] = {}  # header -> the root header whose walk reached it
        self._root = ""

    def run(self) -> List[SourceFile]:
        """Segments of active lines, in the order the compiler reads them (an included header's
        lines are spliced in at its `#include`). The root headers come first; then every header
        they do not reach (the game coordinator, fake-IP and game-server headers), each as a root
        of its own, except `tables.UNSCANNED_HEADERS`."""
        roots = [name for name in tables.ROOT_HEADERS if name in self.headers]
        for name in roots or sorted(self.headers):
            self._root = roots[0] if roots else name
            self.visit(name)
        if roots:
            for name in sorted(self.headers - self._done):
                if name in tables.UNSCANNED_HEADERS:
                    continue
                self._root = name
                self.extra_roots.append(name)
                self.visit(name)
        self.unreached = sorted(self.headers - self._done)
        return [seg for seg in self.segments if seg.lines]

    def _resolve(self, target: str) -> str | None:
        base = target.replace("\\", "/").rsplit("/", 1)[-1]
        return base if base in self.headers else None

    def visit(self, name: str) -> None:
        if name in self._done or name in self._visiting:
            return
        self._visiting.add(name)
        self.root_of[name] = self._root
        with open(os.path.join(self.sdk_dir, name), "rb") as fh:
            text = decode_header(fh.read())
        raw_lines = text.split("\n")
        self.raw[name] = raw_lines
        if self.sdk_version is None:
            m = SDK_VERSION_RE.search(text)
            if m:
                self.sdk_version = m.group(1)
        lines = join_continuations(strip_comments(text).split("\n"))
        source = SourceFile(name)
        self.segments.append(source)
        # stack entries: [parent_active, branch_taken, active]
        stack: List[List[bool]] = []
        active = True
        pack_stack: List[int | None] = []
        pack: int | None = None
        branches: List[str] = []  # the directive of each open conditional, innermost last
        for number, line in enumerate(lines, start=1):
            m = _DIRECTIVE_RE.match(line)
            if not m:
                if active and line.strip():
                    source.lines.append(SourceLine(number, line, pack))
                elif line.strip() and stack and stack[-1][0]:
                    fm = _INACTIVE_FUNCTION_RE.match(line)
                    if fm:  # an exported function the platform we target does not compile
                        self.inactive.append(
                            (
                                fm.group(1),
                                f"declared in a preprocessor branch not compiled on "
                                f"Linux with g++ ({branches[-1]})",
                            )
                        )
                continue
            directive, rest = m.group(1), m.group(2).strip()
            if directive in ("if", "ifdef", "ifndef"):
                branches.append(f"#{directive} {rest}")
            elif directive in ("elif", "else"):
                if branches:
                    branches[-1] = (
                        f"#{directive} {rest}".strip() + f" of {branches[-1].split(' of ')[-1]}"
                    )
            elif directive == "endif" and branches:
                branches.pop()
            if directive in ("if", "ifdef", "ifndef"):
                if directive == "ifdef":
                    cond = rest.split()[0] in self.defines if rest else False
                elif directive == "ifndef":
                    cond = rest.split()[0] not in self.defines if rest else True
                else:
                    cond = eval_pp_condition(rest, self.defines)
                stack.append([active, active and cond, active and cond])
                active = active and cond
            elif directive == "elif":
                if not stack:
                    raise ScanError(name, number, line, "#elif without #if")
                parent, taken, _ = stack[-1]
                cond = parent and not taken and eval_pp_condition(rest, self.defines)
                stack[-1] = [parent, taken or cond, cond]
                active = cond
            elif directive == "else":
                if not stack:
                    raise ScanError(name, number, line, "#else without #if")
                parent, taken, _ = stack[-1]
                stack[-1] = [parent, True, parent and not taken]
                active = parent and not taken
            elif directive == "endif":
                if not stack:
                    raise ScanError(name, number, line, "#endif without #if")
                active = stack.pop()[0]
            elif not active:
                continue
            elif directive == "define":
                dm = re.match(r"(\w+)(\()?\s*(.*)$", rest)
                if dm:
                    macro, is_function, body = dm.group(1), dm.group(2), dm.group(3).strip()
                    self.defines[macro] = None if is_function else body
                    if not is_function:
                        if re.fullmatch(r'"[^"]*"', body):
                            self.string_macros[macro] = body[1:-1]
                        elif _NUMBER_RE.match(body):
                            self.number_macros[macro] = body
            elif directive == "undef":
                self.defines.pop(rest.split()[0] if rest else "", None)
            elif directive == "include":
                im = re.match(r'"([^"]+)"', rest)
                if im:
                    target = self._resolve(im.group(1))
                    if target and target not in self._done and target not in self._visiting:
                        self.visit(target)
                        source = SourceFile(name)  # the rest of this header follows the include
                        self.segments.append(source)
            elif directive == "pragma":
                pm = _PACK_RE.search(rest)
                if pm and rest.startswith("pack"):
                    op, size = pm.group(1), pm.group(2)
                    if op == "push":
                        pack_stack.append(pack)
                        pack = int(size) if size else pack
                    elif op == "pop":
                        pack = pack_stack.pop() if pack_stack else None
                    else:
                        pack = int(size) if size else None
        self._visiting.discard(name)
        self._done.add(name)
        self.files.append(name)


# -------------------------------------------------------------------------------------- tokens


@dataclass(frozen=True)
class Token:
    text: str
    line: int
    pack: int | None = None


_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<str>"(?:\\.|[^"\\\n])*")
  | (?P<chr>'(?:\\.|[^'\\\n]){1,4}')
  | (?P<num>\.?\d(?:[eEpP][+-]|[\w.])*)
  | (?P<id>[A-Za-z_]\w*)
  | (?P<op>::|->|\.\.\.|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||\+\+|--|.)
    """,
    re.VERBOSE,
)


def tokenize(lines: Iterable[SourceLine]) -> List[Token]:
    tokens: List[Token] = []
    for line in lines:
        for m in _TOKEN_RE.finditer(line.text):
            if m.lastgroup != "ws":
                tokens.append(Token(m.group(0), line.number, line.pack))
    return tokens


def _match(tokens: Sequence[Token], start: int) -> int:
    """Index just past the bracket closing the one at `start`."""
    pairs = {"(": ")", "[": "]", "{": "}", "<": ">"}
    opening = tokens[start].text
    closing = pairs[opening]
    depth = 0
    for i in range(start, len(tokens)):
        t = tokens[i].text
        if t == opening:
            depth += 1
        elif t == closing:
            depth -= 1
            if depth == 0:
                return i + 1
    return len(tokens)


_DEFINITION_KEYWORDS = ("struct", "class", "union", "enum", "typedef")
#: Macros whose invocation ends at its closing parenthesis rather than at a `;`.
_PAREN_ITEMS = ("STEAM_PRIVATE_API",)


def split_items(tokens: Sequence[Token]) -> List[List[Token]]:
    """Top-level items: a statement up to `;`, a definition up to `};`, a function up to its
    body's `}`, a STEAM_CALLBACK_BEGIN..END block. `namespace X {` and `extern "C" {` are
    transparent."""
    items: List[List[Token]] = []
    transparent = 0
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i].text
        if t == ";":
            i += 1
            continue
        if t == "}" and transparent:
            transparent -= 1
            i += 1
            continue
        if t == "namespace" and i + 2 < n and tokens[i + 2].text == "{":
            transparent += 1
            i += 3
            continue
        if (
            t == "extern"
            and i + 2 < n
            and tokens[i + 1].text == '"C"'
            and tokens[i + 2].text == "{"
        ):
            transparent += 1
            i += 3
            continue
        if t == "STEAM_CALLBACK_BEGIN":
            j = i
            while j < n and tokens[j].text != "STEAM_CALLBACK_END":
                j += 1
            if j + 1 < n and tokens[j + 1].text == "(":
                j = _match(tokens, j + 1)
            else:
                j = min(j + 1, n)
            items.append(list(tokens[i:j]))
            i = j
            continue
        if t in _PAREN_ITEMS and i + 1 < n and tokens[i + 1].text == "(":
            j = _match(tokens, i + 1)
            items.append(list(tokens[i:j]))
            i = j
            continue
        j = i
        depth = 0
        definition = t in _DEFINITION_KEYWORDS or (
            t in ("static", "const") and i + 1 < n and tokens[i + 1].text in _DEFINITION_KEYWORDS
        )
        while j < n:
            x = tokens[j].text
            if x in "([{":
                depth += 1
            elif x in ")]}":
                depth -= 1
                if x == "}" and depth == 0 and not definition:
                    j += 1
                    break
                if depth < 0:  # a stray closing brace of an enclosing block
                    break
            elif x == ";" and depth == 0:
                j += 1
                break
            j += 1
        if j == i:
            j = i + 1
        items.append(list(tokens[i:j]))
        i = j
    return items


def split_members(body: Sequence[Token]) -> List[List[Token]]:
    """Members of a class body: like `split_items`, without access specifiers."""
    return [member for member, _ in split_members_with_access(body, "public")]


def split_members_with_access(body: Sequence[Token], default: str) -> List[Tuple[List[Token], str]]:
    """Members of a class body with the access in force where each starts (`default` for a
    `class` is "private", for a `struct` "public")."""
    out: List[Tuple[List[Token], str]] = []
    run: List[Token] = []
    access = default
    k = 0
    while k < len(body):
        if (
            body[k].text in ("public", "private", "protected")
            and k + 1 < len(body)
            and body[k + 1].text == ":"
            and _depth_zero(body, k)
        ):
            out.extend((member, access) for member in split_items(run))
            run = []
            access = body[k].text
            k += 2
            continue
        run.append(body[k])
        k += 1
    out.extend((member, access) for member in split_items(run))
    return out


def _depth_zero(tokens: Sequence[Token], index: int) -> bool:
    depth = 0
    for t in tokens[:index]:
        if t.text in "({[":
            depth += 1
        elif t.text in ")}]":
            depth -= 1
    return depth == 0


def declarator_names(member: Sequence[Token]) -> List[str]:
    """Names a data member declares: `uint32 m_a, m_b;` -> [m_a, m_b]; `char m_x[ 16 ];` ->
    [m_x]; `void (*m_pfn)( int );` -> [m_pfn]; members of an anonymous union body are
    included."""
    names: List[str] = []
    last: str | None = None
    k = 0
    while k < len(member):
        t = member[k].text
        if t == "[":
            if last:
                names.append(last)
            last = None
            k = _match(member, k)
            continue
        if t == "(":
            end = _match(member, k)
            inner = [x.text for x in member[k + 1 : end - 1]]
            if inner[:1] == ["*"] and len(inner) >= 2 and re.match(r"[A-Za-z_]\w*$", inner[-1]):
                names.append(inner[-1])
            last = None
            k = end
            continue
        if t in (",", ";", "}", "=", ":"):
            if last:
                names.append(last)
            last = None
        elif t == "{":
            last = None
        elif re.match(r"[A-Za-z_]\w*$", t) and t not in ("struct", "union", "const", "volatile"):
            last = t
        k += 1
    if last:
        names.append(last)
    return names


# ------------------------------------------------------------------------------------- results


@dataclass
class Decl:
    """One selected declaration with its lowered C text (starting at `line` of `header`)."""

    kind: str  # function | typedef | enum | struct | constant
    name: str | None
    header: str
    line: int
    text: str
    scope: str | None = None
    pack: int | None = None
    callback_expr: str | None = None
    qualified: Dict[str, str] = field(default_factory=dict)
    references: Tuple[str, ...] = ()
    private: Tuple[str, ...] = ()  # data members not public (C++ code outside cannot read them)


@dataclass
class ParamNote:
    """Annotation macro in front of one parameter of an interface method."""

    name: str
    kind: str
    argument: str | None


@dataclass
class MethodInfo:
    """An interface method as the interface header declares it (what the flat header lost)."""

    interface: str
    method: str
    flat_name: str
    header: str
    line: int
    params: List[ParamNote] = field(default_factory=list)
    call_result: str | None = None
    callback: str | None = None


@dataclass
class InterfaceInfo:
    name: str
    header: str
    line: int
    methods: List[str] = field(default_factory=list)
    version_macro: str | None = None


@dataclass
class ScanResult:
    headers: List[str]
    decls: List[Decl]
    interfaces: Dict[str, InterfaceInfo]
    methods: Dict[str, MethodInfo]
    type_names: Dict[str, str]  # name -> "struct" | "enum" | "typedef" | "opaque"
    qualified: Dict[str, str]  # lowered plain name -> C++ spelling (A::B)
    version_strings: Dict[str, str]  # macro -> string
    segments: List[Tuple[str, int, int]]  # (header, first line, last line) in reading order
    sdk_version: str | None
    input_hash: str
    raw_lines: Dict[str, List[str]]
    skipped: List[Tuple[str, str]]
    #: headers scanned as roots of their own (not included by the root headers), in order
    extra_roots: List[str] = field(default_factory=list)
    #: header -> the root header to #include to reach it (the compiler's view)
    root_of: Dict[str, str] = field(default_factory=dict)
    #: lowered name of a class member constant or enumerator -> (class, member name)
    mangled: Dict[str, Tuple[str, str]] = field(default_factory=dict)
    #: object-like macros with a numeric value (`#define STEAM_INPUT_MAX_COUNT 16`)
    number_macros: Dict[str, str] = field(default_factory=dict)
    #: the folder scanned
    sdk_dir: str = ""


# ------------------------------------------------------------------------------------- scanner


def input_hash(sdk_dir: str) -> str:
    """sha256 (first 16 hex digits) over the names and bytes of every `*.h` in `sdk_dir`."""
    digest = hashlib.sha256()
    for name in sorted(os.listdir(sdk_dir)):
        if name.endswith(".h"):
            digest.update(name.encode() + b"\0")
            with open(os.path.join(sdk_dir, name), "rb") as fh:
                digest.update(fh.read())
            digest.update(b"\0")
    return digest.hexdigest()[:16]


def _ident_before_paren(tokens: Sequence[Token]) -> Tuple[str | None, int]:
    """Name of a function declaration: the identifier before the first `(`."""
    for k, t in enumerate(tokens):
        if t.text == "(":
            if k and re.match(r"[A-Za-z_]\w*$", tokens[k - 1].text):
                return tokens[k - 1].text, k
            return None, k
    return None, -1


def _split_commas(tokens: Sequence[Token]) -> List[List[Token]]:
    parts: List[List[Token]] = [[]]
    depth = 0
    for t in tokens:
        if t.text in "([{":
            depth += 1
        elif t.text in ")]}":
            depth -= 1
        if t.text == "," and depth == 0:
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


class Scanner:
    """Selects and lowers the declarations of one SDK folder (see the module docstring)."""

    def __init__(self, sdk_dir: str) -> None:
        self.sdk_dir = sdk_dir
        if not os.path.isdir(sdk_dir):
            raise FileNotFoundError(f"{sdk_dir}: no such folder")
        names = sorted(n for n in os.listdir(sdk_dir) if n.endswith(".h"))
        if not names:
            raise FileNotFoundError(f"{sdk_dir}: no *.h headers")
        self.pp = Preprocessor(sdk_dir, names)
        self.decls: List[Decl] = []
        self.interfaces: Dict[str, InterfaceInfo] = {}
        self.methods: Dict[str, MethodInfo] = {}
        self.type_names: Dict[str, str] = {}
        self.qualified: Dict[str, str] = {}
        self.skipped: List[Tuple[str, str]] = []
        self.accessor_macros: Dict[str, str] = {}
        self.header = ""
        self.scoped: Dict[str, Set[str]] = {}  # class -> its member constants and enumerators
        self.parent_scope: Dict[str, str] = {}  # nested class -> enclosing class
        self.mangled: Dict[str, Tuple[str, str]] = {}  # lowered name -> (class, member)

    # -- entry point

    def scan(self) -> ScanResult:
        segments = self.pp.run()
        for source in segments:
            self.header = source.name
            for item in split_items(tokenize(source.lines)):
                self.item(item)
        functions = {d.name for d in self.decls if d.kind == "function"}
        for name, reason in self.pp.inactive:
            if name not in functions:
                self.skip(name, reason)
        for name in self.pp.unreached:
            self.skip(
                name, f"header not scanned: {tables.UNSCANNED_HEADERS.get(name, 'unreached')}"
            )
        for cls, macro in self.accessor_macros.items():
            if cls in self.interfaces:
                self.interfaces[cls].version_macro = macro
        return ScanResult(
            headers=list(self.pp.files),
            decls=self.decls,
            interfaces=self.interfaces,
            methods=self.methods,
            type_names=self.type_names,
            qualified=self.qualified,
            version_strings=dict(self.pp.string_macros),
            segments=[(seg.name, seg.lines[0].number, seg.lines[-1].number) for seg in segments],
            sdk_version=self.pp.sdk_version,
            input_hash=input_hash(self.sdk_dir),
            raw_lines=self.pp.raw,
            skipped=self.skipped,
            extra_roots=list(self.pp.extra_roots),
            mangled=dict(self.mangled),
            number_macros=dict(self.pp.number_macros),
            sdk_dir=self.sdk_dir,
            root_of=dict(self.pp.root_of),
        )

    # -- helpers

    def error(self, tokens: Sequence[Token], message: str) -> ScanError:
        line = tokens[0].line if tokens else 0
        raw = self.pp.raw.get(self.header, [])
        text = raw[line - 1] if 0 < line <= len(raw) else ""
        return ScanError(self.header, line, text, message)

    def skip(self, name: str | None, reason: str) -> None:
        if name:
            self.skipped.append((name, reason))

    def mangle(self, scope: str, name: str) -> str:
        """The C name a class member constant or enumerator gets in the lowered text, so that
        equal names in different classes (`SteamNetworkingIPAddr::k_cchMaxString`,
        `SteamNetworkingIdentity::k_cchMaxString`) stay apart."""
        mangled = f"{scope}__{name}"
        self.mangled[mangled] = (scope, name)
        return mangled

    def _scoped_member(self, scope: str | None, name: str) -> str | None:
        """The class (`scope` or one enclosing it) declaring the member `name`, if any."""
        while scope:
            if name in self.scoped.get(scope, ()):
                return scope
            scope = self.parent_scope.get(scope)
        return None

    def lower(
        self,
        tokens: Sequence[Token],
        references: List[str] | None = None,
        scope: str | None = None,
    ) -> List[Token]:
        """Lower C++ forms in a declaration's tokens: `A::B` -> `B`, `&` -> `*` (when
        `references` is given, the names of reference parameters are appended to it),
        dropped tokens out, numeric macros substituted, `constexpr` -> `const`; class member
        constants and enumerators (`A::k_x`, or `k_x` inside class `scope`) -> `mangle`d."""
        out: List[Token] = []
        k = 0
        while k < len(tokens):
            t = tokens[k]
            if t.text in tables.DROPPED_TOKENS:
                k += 1
                continue
            if (
                t.text == "::"
                and out
                and re.match(r"[A-Za-z_]\w*$", out[-1].text)
                and k + 1 < len(tokens)
            ):
                owner = out.pop().text
                name = tokens[k + 1].text
                if name in self.scoped.get(owner, ()):
                    out.append(Token(self.mangle(owner, name), tokens[k + 1].line, t.pack))
                else:
                    self.qualified.setdefault(name, f"{owner}::{name}")
                    out.append(Token(name, tokens[k + 1].line, t.pack))
                k += 2
                continue
            if (
                scope
                and re.match(r"[A-Za-z_]\w*$", t.text)
                and not (k + 1 < len(tokens) and tokens[k + 1].text == "::")
                and not (out and out[-1].text in (".", "->"))
            ):
                owner_scope = self._scoped_member(scope, t.text)
                if owner_scope:
                    out.append(Token(self.mangle(owner_scope, t.text), t.line, t.pack))
                    k += 1
                    continue
            if t.text == "::":  # leading global scope
                k += 1
                continue
            if t.text == "&" and references is not None:
                out.append(Token("*", t.line, t.pack))
                references.append("?")
                k += 1
                continue
            if t.text == "class":  # elaborated type specifier `class X *`
                out.append(Token("struct", t.line, t.pack))
                k += 1
                continue
            if t.text == "constexpr":
                out.append(Token("const", t.line, t.pack))
                k += 1
                continue
            if t.text in self.pp.number_macros:
                out.append(Token(self.pp.number_macros[t.text], t.line, t.pack))
                k += 1
                continue
            out.append(t)
            k += 1
        return out

    @staticmethod
    def render(tokens: Sequence[Token], start: int) -> str:
        """Tokens as text, keeping their line offsets from `start`."""
        parts: List[str] = []
        line = start
        for t in tokens:
            if t.line > line:
                parts.append("\n" * (t.line - line))
                line = t.line
            elif parts and not parts[-1].endswith("\n"):
                parts.append(" ")
            parts.append(t.text)
        return "".join(parts)

    def add(
        self,
        kind: str,
        name: str | None,
        tokens: Sequence[Token],
        text_tokens: Sequence[Token],
        **extra: object,
    ) -> Decl:
        line = tokens[0].line
        decl = Decl(kind, name, self.header, line, self.render(text_tokens, line), **extra)  # type: ignore[arg-type]
        self.decls.append(decl)
        return decl

    # -- classification

    def item(self, tokens: List[Token]) -> None:
        t0 = tokens[0].text
        if t0 == "extern" and len(tokens) > 2 and tokens[1].text == '"C"':
            self.item(tokens[2:])  # `extern "C" typedef ...`: linkage only
        elif t0 == "template":
            close = _match(tokens, 1) if len(tokens) > 1 and tokens[1].text == "<" else 1
            rest = tokens[close:]
            if rest and rest[0].text in ("class", "struct", "union"):
                name = self._class_name(rest)
            else:
                name, at = _ident_before_paren(rest)
                if name and at >= 3 and rest[at - 2].text == "::":  # `CCallResult<T, P>::Set(`
                    k = at - 3
                    if rest[k].text == ">":
                        depth = 0
                        while k > 0:
                            depth += {">": 1, "<": -1}.get(rest[k].text, 0)
                            k -= 1
                            if depth == 0:
                                break
                    name = f"{rest[k].text}::{name}"
            self.skip(name or "<template>", "C++ template")
        elif t0 == "typedef":
            self.typedef(tokens)
        elif t0 == "enum":
            self.enum(tokens, scope=None)
        elif t0 in ("struct", "class", "union"):
            if any(t.text == "{" for t in tokens):
                self.struct(tokens, scope=None)
            elif len(tokens) >= 2:
                name = tokens[1].text
                self.type_names.setdefault(name, "opaque")
        elif t0 == "S_API":
            self.function(tokens)
        elif t0 == "STEAM_CALLBACK_BEGIN":
            self.callback_macro(tokens)
        elif t0 in (
            "STEAM_DEFINE_USER_INTERFACE_ACCESSOR",
            "STEAM_DEFINE_GAMESERVER_INTERFACE_ACCESSOR",
        ):
            args = _split_commas(tokens[2 : _match(tokens, 1) - 1])
            if len(args) >= 3:
                cls = args[0][0].text
                self.accessor_macros.setdefault(cls, args[2][0].text)
        elif t0 in ("const", "static", "constexpr") and self._is_constant(tokens):
            self.constant(tokens, scope=None)

    @staticmethod
    def _class_name(tokens: Sequence[Token]) -> str | None:
        for k, t in enumerate(tokens):
            if t.text in ("struct", "class", "union") and k + 1 < len(tokens):
                return tokens[k + 1].text
        return None

    @staticmethod
    def _is_constant(tokens: Sequence[Token]) -> bool:
        texts = [t.text for t in tokens]
        if "=" not in texts or "{" in texts:
            return False
        before = texts[: texts.index("=")]
        return "(" not in before and "inline" not in before and "operator" not in before

    # -- functions

    def function(self, tokens: List[Token]) -> None:
        name, _ = _ident_before_paren(tokens)
        if self.header in tables.FOREIGN_FUNCTION_HEADERS:
            self.skip(name, tables.FOREIGN_FUNCTION_HEADERS[self.header])
            return
        if self.header not in tables.FUNCTION_HEADERS:
            self.skip(name, f"S_API function outside the function headers ({self.header})")
            return
        if name in tables.SKIPPED_FUNCTIONS:
            self.skip(name, tables.SKIPPED_FUNCTIONS[name])
            return
        if any(t.text == "{" for t in tokens) or any(t.text == "inline" for t in tokens):
            self.skip(name, "inline function, not exported")
            return
        if name is None:
            raise self.error(tokens, "S_API line without a function name")
        body = self._drop_defaults(self.lower(tokens, references=[]))
        if body[-1].text != ";":
            body.append(Token(";", body[-1].line))
        self.add("function", name, tokens, body, references=tuple(self._reference_params(tokens)))

    @staticmethod
    def _reference_params(tokens: Sequence[Token]) -> List[str]:
        """Names of parameters declared as C++ references (`const X & name`)."""
        _, open_ = _ident_before_paren(tokens)
        if open_ < 0:
            return []
        names = []
        for part in _split_commas(tokens[open_ + 1 : _match(tokens, open_) - 1]):
            texts = [t.text for t in part]
            if "&" in texts:
                idents = [t for t in texts if re.match(r"[A-Za-z_]\w*$", t)]
                if idents:
                    names.append(idents[-1])
        return names

    @staticmethod
    def _drop_defaults(tokens: List[Token]) -> List[Token]:
        """Remove default arguments (`= NULL`) from a parameter list."""
        out: List[Token] = []
        depth = 0
        skipping = False
        for t in tokens:
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                depth -= 1
                if depth == 0:
                    skipping = False
            if depth == 1 and t.text == "=":
                skipping = True
                continue
            if skipping and depth == 1 and t.text == ",":
                skipping = False
            if skipping:
                continue
            out.append(t)
        return out

    # -- typedefs

    def typedef(self, tokens: List[Token]) -> None:
        texts = [t.text for t in tokens]
        if "{" in texts:
            # C-style `typedef struct X { ... } Y;`: the struct, then a plain typedef
            close = _match(tokens, texts.index("{"))
            inner = tokens[1:close]
            if inner and inner[0].text in ("struct", "union", "enum"):
                if len(inner) > 1 and inner[1].text == "{":
                    alias = tokens[close].text if close < len(tokens) else None
                    if not alias:
                        raise self.error(tokens, "anonymous typedef without a name")
                    inner = [inner[0], Token(alias, inner[0].line, inner[0].pack)] + inner[1:]
                    self.item(inner + [Token(";", tokens[-1].line)])
                    return
                self.item(inner + [Token(";", tokens[-1].line)])
                tag = inner[1].text
                rest = tokens[close:]
                if rest and rest[0].text != tag:
                    self.add(
                        "typedef",
                        rest[0].text,
                        tokens,
                        [tokens[0], Token(tag, tokens[0].line)] + rest,
                    )
                    self.type_names[rest[0].text] = "typedef"
                return
            raise self.error(tokens, "typedef with a body that is not a struct, union or enum")
        if "<" in texts:
            self.skip(self._typedef_name(tokens), "typedef of a template")
            return
        name = self._typedef_name(tokens)
        if name is None:
            raise self.error(tokens, "typedef without a name")
        lowered = self.lower(tokens)
        self.type_names[name] = "typedef"
        self.add("typedef", name, tokens, lowered)

    @staticmethod
    def _typedef_name(tokens: Sequence[Token]) -> str | None:
        texts = [t.text for t in tokens]
        if "(" in texts:  # function pointer: typedef R ( [CC] * Name )( ... );
            k = texts.index("(")
            for t in texts[k + 1 :]:
                if t == ")":
                    break
                if re.match(r"[A-Za-z_]\w*$", t) and t not in tables.DROPPED_TOKENS:
                    name = t
            return name if "name" in locals() else None
        idents = [t for t in texts[: texts.index("[")] if "[" in texts] if "[" in texts else texts
        idents = [t for t in idents if re.match(r"[A-Za-z_]\w*$", t)]
        return idents[-1] if idents else None

    # -- enums

    def enum(self, tokens: List[Token], scope: str | None) -> None:
        texts = [t.text for t in tokens]
        if "{" not in texts:
            if len(tokens) > 1:
                self.type_names.setdefault(tokens[1].text, "enum")
            return
        brace = texts.index("{")
        head = texts[1:brace]
        if head and head[0] == "class":
            self.skip(head[1] if len(head) > 1 else None, "C++11 scoped enum (enum class)")
            return
        name = head[0] if head and re.match(r"[A-Za-z_]\w*$", head[0]) else None
        close = _match(tokens, brace)
        if scope:  # enumerators of a class-scoped enum are class members in C++
            raw_body = tokens[brace:close]
            for k in range(len(raw_body) - 1):
                if raw_body[k].text in ("{", ",") and re.match(
                    r"[A-Za-z_]\w*$", raw_body[k + 1].text
                ):
                    self.scoped.setdefault(scope, set()).add(raw_body[k + 1].text)
        body = self.lower(tokens[brace:close], scope=scope)
        header = [tokens[0]] + ([tokens[1]] if name else [])
        lowered = header + body + [Token(";", tokens[close - 1].line)]
        if name:
            self.type_names[name] = "enum"
            if scope:
                self.qualified[name] = f"{scope}::{name}"
        self.add("enum", name, tokens, lowered, scope=scope)

    # -- constants

    def constant(self, tokens: List[Token], scope: str | None) -> None:
        texts = [t.text for t in tokens]
        eq = texts.index("=")
        name = texts[eq - 1]
        if scope:
            self.scoped.setdefault(scope, set()).add(name)
        lowered = [t for t in self.lower(tokens, scope=scope) if t.text not in ("static", "inline")]
        if lowered[-1].text != ";":
            lowered.append(Token(";", tokens[-1].line))
        self.add("constant", name, tokens, lowered, scope=scope)

    # -- structs, classes, interfaces

    def callback_macro(self, tokens: List[Token]) -> None:
        """`STEAM_CALLBACK_BEGIN( Name, id ) STEAM_CALLBACK_MEMBER( i, T, m ) ... END(n)`
        is rewritten to the struct it expands to, then handled like any struct."""
        args = _split_commas(tokens[2 : _match(tokens, 1) - 1])
        if len(args) != 2:
            raise self.error(tokens, "STEAM_CALLBACK_BEGIN needs (name, id)")
        first = tokens[0]
        out = [
            Token("struct", first.line, first.pack),
            args[0][0],
            Token("{", first.line, first.pack),
        ]
        out += [Token(x, first.line, first.pack) for x in ("enum", "{", "k_iCallback", "=")]
        out += args[1] + [Token("}", first.line), Token(";", first.line)]
        k = _match(tokens, 1)
        while k < len(tokens):
            t = tokens[k]
            if t.text in ("STEAM_CALLBACK_MEMBER", "STEAM_CALLBACK_MEMBER_ARRAY"):
                end = _match(tokens, k + 1)
                margs = _split_commas(tokens[k + 2 : end - 1])
                if t.text == "STEAM_CALLBACK_MEMBER" and len(margs) == 3:
                    out += margs[1] + margs[2] + [Token(";", t.line)]
                elif t.text == "STEAM_CALLBACK_MEMBER_ARRAY" and len(margs) == 4:
                    out += (
                        margs[1]
                        + margs[2]
                        + [Token("[", t.line)]
                        + margs[3]
                        + [Token("]", t.line), Token(";", t.line)]
                    )
                else:
                    raise self.error(tokens[k:], f"malformed {t.text}")
                k = end
            elif t.text == "STEAM_CALLBACK_END":
                out += [Token("}", t.line), Token(";", t.line)]
                break
            else:
                raise self.error(
                    tokens[k:], f"unexpected {t.text!r} in a STEAM_CALLBACK_BEGIN block"
                )
        self.struct(out, scope=None)

    def struct(self, tokens: List[Token], scope: str | None) -> None:
        texts = [t.text for t in tokens]
        keyword = texts[0]
        brace = texts.index("{")
        head = [t for t in texts[1:brace]]
        if "<" in head:
            self.skip(head[0] if head else None, "template specialisation")
            return
        if not head or not re.match(r"[A-Za-z_]\w*$", head[0]):
            raise self.error(tokens, f"anonymous {keyword} at file scope")
        name = head[0]
        if scope:
            self.qualified[name] = f"{scope}::{name}"
            self.parent_scope[name] = scope
        close = _match(tokens, brace)
        with_access = split_members_with_access(
            tokens[brace + 1 : close - 1], "private" if keyword == "class" else "public"
        )
        members = [member for member, _ in with_access]
        access_of = {id(member): access for member, access in with_access}
        if name in tables.OPAQUE_CLASSES:
            self.type_names[name] = "opaque"
            self.add("struct", name, tokens, [], scope=scope, pack=tokens[0].pack)
            self.decls[-1].kind = "opaque"
            for member in members:
                if member[0].text == "enum":
                    self.enum(member + [Token(";", member[-1].line)], scope=name)
            return
        virtual = any(t.text == "virtual" for m in members for t in m)
        fields: List[List[Token]] = []
        callback_expr: str | None = None
        methods: List[List[Token]] = []
        for member in members:
            mt = [t.text for t in member]
            if mt[0] == "enum":
                if len(mt) > 3 and mt[1] == "{" and mt[2] == "k_iCallback" and mt[3] == "=":
                    end = mt.index("}")
                    callback_expr = " ".join(mt[4:end])
                else:
                    self.enum(
                        member if mt[-1] == ";" else member + [Token(";", member[-1].line)],
                        scope=name,
                    )
                continue
            if mt[0] in ("struct", "union") and len(mt) > 1 and mt[1] == "{":
                # anonymous union/struct member (`union { uint32 m_unIPv4; ... };`, or
                # `union { ... } m_val;`): kept; the parser hoists or prefixes its members
                fields.append(member)
                continue
            if mt[0] in ("struct", "class", "union") and "{" in mt:
                inner_close = _match(member, mt.index("{"))
                trailing = [t for t in mt[inner_close:] if t != ";"]
                if len(mt) > 1 and mt[1] != "{" and not trailing:
                    self.struct(
                        member if mt[-1] == ";" else member + [Token(";", member[-1].line)],
                        scope=name,
                    )
                else:
                    self.skip(
                        f"{name}.{trailing[0] if trailing else '?'}",
                        f"anonymous nested {mt[0]} member",
                    )
                continue
            if mt[0] in ("static", "const", "constexpr") and self._is_constant(member):
                self.constant(member, scope=name)
                continue
            if mt[0] in ("typedef", "friend", "using", "static", "template", "STEAM_PRIVATE_API"):
                continue
            if "(" in mt:
                k = mt.index("(")
                if k + 1 < len(mt) and mt[k + 1] == "*" and "operator" not in mt:
                    fields.append(member)  # pointer-to-function data member
                else:
                    methods.append(member)
                continue
            if ":" in mt:  # bit-field
                self.skip(f"{name}.{mt[mt.index(':') - 1]}", "bit-field member")
                continue
            fields.append(member)
        if virtual and not fields:
            if name.startswith("I"):
                self.interface(name, tokens, methods)
            else:
                self.skip(name, "C++ class of virtual methods that is not a Steam interface")
            self.type_names[name] = "opaque"
            return
        if virtual:
            self.skip(name, "C++ class with virtual methods and data")
            self.type_names[name] = "opaque"
            return
        if not fields:
            self.type_names[name] = "opaque"
            self.add(
                "struct",
                name,
                tokens,
                [],
                scope=scope,
                pack=tokens[0].pack,
                callback_expr=callback_expr,
            )
            self.decls[-1].kind = "opaque"
            return
        body: List[Token] = [
            Token("struct", tokens[0].line, tokens[0].pack),
            Token(name, tokens[0].line),
            Token("{", tokens[0].line),
        ]
        private: List[str] = []
        for member in fields:
            if access_of.get(id(member), "public") != "public":
                private += declarator_names(member)
            lowered = self.lower([t for t in member if t.text not in ("mutable",)], scope=name)
            body += lowered if lowered[-1].text == ";" else lowered + [Token(";", member[-1].line)]
        body += [Token("}", tokens[close - 1].line), Token(";", tokens[close - 1].line)]
        self.type_names[name] = "struct"
        self.add(
            "struct",
            name,
            tokens,
            body,
            scope=scope,
            private=tuple(private),
            pack=tokens[0].pack,
            callback_expr=callback_expr,
        )

    def interface(self, name: str, tokens: Sequence[Token], methods: List[List[Token]]) -> None:
        info = InterfaceInfo(name, self.header, tokens[0].line)
        self.interfaces[name] = info
        for member in methods:
            notes: Dict[str, str] = {}
            k = 0
            while k < len(member) and member[k].text in tables.METHOD_ANNOTATIONS:
                end = _match(member, k + 1)
                notes[tables.METHOD_ANNOTATIONS[member[k].text]] = " ".join(
                    t.text for t in member[k + 2 : end - 1]
                )
                k = end
            rest = member[k:]
            if not rest or rest[0].text != "virtual":
                continue
            method, open_ = _ident_before_paren(rest)
            if method is None:
                continue
            flat_method = notes.get("flat_name", method)
            params: List[ParamNote] = []
            for part in _split_commas(rest[open_ + 1 : _match(rest, open_) - 1]):
                j = 0
                found: List[Tuple[str, str | None]] = []
                while j < len(part) and part[j].text in tables.PARAM_ANNOTATIONS:
                    kind, index = tables.PARAM_ANNOTATIONS[part[j].text]
                    if j + 1 < len(part) and part[j + 1].text == "(":
                        end = _match(part, j + 1)
                        args = _split_commas(part[j + 2 : end - 1])
                    else:
                        end, args = j + 1, []
                    arg = None
                    if isinstance(index, int) and index < len(args):
                        arg = " ".join(t.text for t in args[index])
                    found.append((kind, arg))
                    j = end
                decl = [t.text for t in part[j:]]
                if "=" in decl:
                    decl = decl[: decl.index("=")]
                idents = [x for x in decl if re.match(r"[A-Za-z_]\w*$", x)]
                pname = idents[-1] if len(idents) > 1 else ""
                for kind, arg in found:
                    if kind != "desc":
                        params.append(ParamNote(pname, kind, arg))
            flat = f"SteamAPI_{name}_{flat_method}"
            self.methods[flat] = MethodInfo(
                name,
                method,
                flat,
                self.header,
                rest[0].line,
                params,
                call_result=notes.get("call_result"),
                callback=notes.get("callback"),
            )
            info.methods.append(flat)


def scan(sdk_dir: str) -> ScanResult:
    """Select and lower the declarations of the headers in `sdk_dir` (a `public/steam` folder)."""
    return Scanner(sdk_dir).scan()
