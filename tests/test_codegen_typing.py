"""A type checker accepts code using the generated stubs, and rejects misuse.

Runs mypy on tests/typing/sample.py (must pass) and tests/typing/sample_errors.py (must report
exactly its two mistakes), against steamworks_cy/_generated/flat.pyi. Skipped without mypy.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TYPING = ROOT / "tests" / "typing"


def _mypy(path: Path) -> subprocess.CompletedProcess:
    pytest.importorskip("mypy", reason="mypy is not installed")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir=/dev/null", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=str(ROOT),
    )


def test_mypy_accepts_the_sample():
    proc = _mypy(TYPING / "sample.py")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_rejects_misuse():
    proc = _mypy(TYPING / "sample_errors.py")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert 'expression has type "int", variable has type "str"' in proc.stdout
    assert 'has incompatible type "float"; expected "int"' in proc.stdout
    assert "Found 2 errors" in proc.stdout
