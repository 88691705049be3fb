"""Fetch a friend's achievements and stats, as in Solar2D's requestUserProgress example.

Runs on the bundled emulated Steam by default; pass --steam to use Valve's library and a running
Steam client instead:

    python examples/request_user_progress.py [STEAM_ID] [--steam]
"""

import sys
import time

import steamworks_cy as steamworks

FRIEND_ID = "76561197960266730"  # "Friend With Progress" in the emulator's Spacewar data


def main() -> int:
    args = [arg for arg in sys.argv[1:] if arg != "--steam"]
    friend = args[0] if args else FRIEND_ID
    library = None if "--steam" in sys.argv else "emulator"
    if not steamworks.init(480, library=library):
        print("Steam is not available:", steamworks.getLastError())
        return 1

    received = []

    # Called once the player's progress has arrived (or could not be read).
    def onUserProgressUpdated(event):
        if event.userSteamId != friend:
            return  # the current user's progress, requested by init()
        received.append(event)
        if event.isError:
            print("Failed to load the progress of", friend, "- result code", event.resultCode)
            return
        info = steamworks.getAchievementInfo("ACH_WIN_ONE_GAME", friend)
        wins = steamworks.getUserStatValue(
            {"statName": "NumWins", "type": "int", "userSteamId": friend}
        )
        print(
            f"{info.localizedName}: unlocked={info.unlocked} at {info.unlockTime}; NumWins={wins}"
        )

    steamworks.addEventListener("userProgressUpdate", onUserProgressUpdated)
    if not steamworks.requestUserProgress(friend):
        print("The request was not sent (invalid id, or not logged on)")
        return 1

    # A game calls runCallbacks() once per frame from its main loop.
    deadline = time.monotonic() + 10
    while not received and time.monotonic() < deadline:
        steamworks.runCallbacks()
        time.sleep(1 / 60)
    steamworks.shutdown()
    return 0 if received and not received[0].isError else 1


if __name__ == "__main__":
    sys.exit(main())
