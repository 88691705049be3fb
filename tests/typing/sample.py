"""Type-checked usage of the generated stubs (tests/test_codegen_typing.py runs mypy on it)."""

from __future__ import annotations

from steamworks_cy._generated import flat

stats: int = flat.SteamAPI_SteamUserStats_v013()
result = flat.SteamAPI_ISteamUserStats_GetAchievementAndUnlockTime(stats, "ACH_WIN_ONE_GAME")
ok: bool = result.ok
achieved: bool = result.achieved
unlock_time: int = result.unlock_time
ok_again, achieved_again, time_again = result
stat = flat.SteamAPI_ISteamUserStats_GetStatFloat(stats, b"FeetTraveled")
feet: float = stat.data
name: str | None = flat.SteamAPI_ISteamUserStats_GetAchievementName(stats, 0)
call: int = flat.SteamAPI_ISteamUserStats_RequestUserStats(stats, 76561197960266730)
failed: bool = flat.SteamAPI_ManualDispatch_GetAPICallResult(1, call, 20, 1101).failed
payload: bytes = flat.SteamAPI_ManualDispatch_GetAPICallResult(1, call, 20, 1101).callback
code: int = flat.ENUMS["EResult"]["k_EResultOK"]
ok_code: flat.EResult = flat.EResult.k_EResultOK
received = flat.callback_from_bytes(1101, bytes(20))
if isinstance(received, flat.UserStatsReceived_t):
    game: int = received.m_nGameID
    user: int = received.m_steamIDUser
    same: flat.UserStatsReceived = received
init = flat.SteamAPI_InitFlat()
message: str = init.out_err_msg
missing: list[str] = flat.missing_functions()
