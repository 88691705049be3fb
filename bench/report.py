"""Rows, the printed table, the JSON file and the README section."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any, Dict, List, Optional

PASS = "PASS"
MISS = "MISS"
NOT_MEASURED = "NOT MEASURED"
ERROR = "ERROR"
INFO = "info"
SKIPPED = "skipped"

#: Statuses that count as a failure for --check (a target that was missed or could not be checked).
FAILING = (MISS, NOT_MEASURED, ERROR)


@dataclasses.dataclass
class Row:
    case: str
    ours: str  # what is timed on our side
    baseline: str  # what it is compared with
    ours_ns: Optional[float] = None
    baseline_ns: Optional[float] = None
    floor_ns: Optional[float] = None
    #: "faster": target is baseline/ours >= target; "multiple": ours/baseline <= target; None: no target
    kind: Optional[str] = None
    target: Optional[float] = None
    status: str = INFO
    note: str = ""
    samples: Dict[str, List[float]] = dataclasses.field(default_factory=dict)

    @property
    def ratio(self) -> Optional[float]:
        if (
            self.ours_ns is None
            or self.baseline_ns is None
            or not self.ours_ns
            or not self.baseline_ns
        ):
            return None
        if self.kind == "multiple":
            return self.ours_ns / self.baseline_ns
        return self.baseline_ns / self.ours_ns

    def judge(self) -> Row:
        ratio = self.ratio
        if self.kind is None or self.target is None:
            return self
        if ratio is None:
            if self.status not in (NOT_MEASURED, ERROR):
                self.status = NOT_MEASURED
            return self
        ok = ratio >= self.target if self.kind == "faster" else ratio <= self.target
        self.status = PASS if ok else MISS
        return self

    @property
    def ratio_text(self) -> str:
        ratio = self.ratio
        if ratio is None:
            return "-"
        return f"{ratio:.2f}x"

    @property
    def target_text(self) -> str:
        if self.kind == "faster":
            return f">= {self.target:g}x faster"
        if self.kind == "multiple":
            return f"<= {self.target:g}x baseline"
        return "-"

    @property
    def over_floor_ns(self) -> Optional[float]:
        if self.ours_ns is None or self.floor_ns is None:
            return None
        return self.ours_ns - self.floor_ns

    def as_json(self) -> Dict[str, Any]:
        return {
            "case": self.case,
            "ours": self.ours,
            "baseline": self.baseline,
            "ours_ns": _round(self.ours_ns),
            "baseline_ns": _round(self.baseline_ns),
            "floor_ns": _round(self.floor_ns),
            "ours_over_floor_ns": _round(self.over_floor_ns),
            "ratio": None if self.ratio is None else round(self.ratio, 3),
            "ratio_meaning": {
                "faster": "baseline / ours (how many times faster ours is)",
                "multiple": "ours / baseline (how many baseline calls one of ours costs)",
            }.get(self.kind or "", None),
            "target": self.target_text if self.kind else None,
            "status": self.status,
            "note": self.note or None,
            "samples_ns": {k: [round(v, 1) for v in vs] for k, vs in self.samples.items()},
        }


def _round(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, 1)


def duration(ns: Optional[float]) -> str:
    if ns is None:
        return "-"
    if ns < 1_000:
        return f"{ns:.0f} ns"
    if ns < 1_000_000:
        return f"{ns / 1_000:.2f} us"
    if ns < 1_000_000_000:
        return f"{ns / 1_000_000:.1f} ms"
    return f"{ns / 1_000_000_000:.2f} s"


HEADERS = ["Case", "Ours", "Baseline", "C floor", "Ours - floor", "Ratio", "Target", "Result"]


def _cells(row: Row) -> List[str]:
    return [
        row.case,
        duration(row.ours_ns),
        duration(row.baseline_ns),
        duration(row.floor_ns),
        duration(row.over_floor_ns),
        row.ratio_text,
        row.target_text,
        row.status,
    ]


def text_table(rows: List[Row]) -> str:
    cells = [HEADERS] + [_cells(row) for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(HEADERS))]
    out = []
    for index, line in enumerate(cells):
        out.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths))
            )
        )
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown_table(rows: List[Row]) -> str:
    out = [
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" + "---:|" * (len(HEADERS) - 3) + "---|---|",
    ]
    for row in rows:
        cells = _cells(row)
        cells[-1] = (
            f"**{cells[-1]}**" if row.status in (PASS, MISS, NOT_MEASURED, ERROR) else cells[-1]
        )
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(out)


def comparisons(rows: List[Row]) -> List[str]:
    """One line per row: what exactly is timed on each side."""
    return [f"{row.case}: ours = {row.ours}; baseline = {row.baseline}" for row in rows]


def write_json(
    path: Path, machine: Dict[str, Any], settings: Dict[str, Any], rows: List[Row], notes: List[str]
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "machine": machine,
        "settings": settings,
        "rows": [row.as_json() for row in rows],
        "notes": notes,
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


BEGIN = "<!-- bench:begin (written by python -m bench --update-readme) -->"
END = "<!-- bench:end -->"


def update_readme(
    readme: Path, machine_line: str, command: str, rows: List[Row], notes: List[str]
) -> bool:
    """Replace the text between the bench markers of README.md; False when the markers are missing."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        return False
    body = [
        BEGIN,
        "",
        f"Measured on {machine_line} with `{command}`:",
        "",
        markdown_table(rows),
        "",
    ]
    if notes:
        body += [f"- {note}" for note in notes] + [""]
    body.append(END)
    readme.write_text(pattern.sub(lambda _m: "\n".join(body), text), encoding="utf-8")
    return True
