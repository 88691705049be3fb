"""Every generated flat function under its Steam name, e.g. ``flat.SteamAPI_ISteamUserStats_RequestUserStats``.

Raw layer: arguments and results as the C API has them (out-parameters come back as typed results).
Prefer the Solar2D API in ``steamworks_cy``.
"""

from typing import Any

from steamworks_cy._generated import flat as _generated_flat
from steamworks_cy._generated.flat import *  # noqa: F401,F403


def __getattr__(name: str) -> Any:
    # The enum classes are created on first access, so the star import does not bring them in.
    return getattr(_generated_flat, name)
