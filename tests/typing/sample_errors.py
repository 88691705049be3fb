"""Misuse the stubs must reject (tests/test_codegen_typing.py expects exactly these errors)."""

from steamworks_cy._generated import flat

result = flat.SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime(0, "ACH_WIN_ONE_GAME")
when: str = result.unlock_time  # an int
flat.SteamAPI_ISteamUserStats_RequestUserStats(0, 1.5)  # a steam id is never a float
