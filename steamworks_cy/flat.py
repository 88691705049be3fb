"""Every generated flat function under its Steam name, e.g. ``flat.SteamAPI_ISteamUserStats_RequestUserStats``.

Raw layer: arguments and results as the C API has them. Prefer the Solar2D API in ``steamworks_cy``.
"""

from steamworks_cy._generated.flat import *  # noqa: F401,F403
