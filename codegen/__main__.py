"""Command line: `python -m codegen --sdk DIR --out DIR` (and `... check --sdk DIR --json FILE`)."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
