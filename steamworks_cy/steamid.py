"""Steam id validation: decimal strings (or ints) in, 64-bit ints out; never through a float."""

from __future__ import annotations

from typing import Optional, Union

SteamIdLike = Union[str, int]

_UINT64_MAX = (1 << 64) - 1
_ACCOUNT_TYPE_INDIVIDUAL = 1
_INSTANCE_DESKTOP = 1
# EUniverse: 1 public, 2 beta, 3 internal, 4 dev. 0 (invalid) and anything above are not accounts.
_UNIVERSES = (1, 2, 3, 4)
_ASCII_DIGITS = frozenset("0123456789")


def parse_steam_id(value: object) -> Optional[int]:
    """The 64-bit value of a Steam id given as ASCII decimal digits or an int, else None.

    Rejects whitespace, signs, underscores, non-ASCII digits, floats, bools and out-of-range values:
    ``int()`` alone would accept most of those.
    """
    if isinstance(value, str):
        if not value or len(value) > 20 or not _ASCII_DIGITS.issuperset(value):
            return None
        number = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        return None
    if number < 0 or number > _UINT64_MAX:
        return None
    return number


def is_individual_account(steam_id: int) -> bool:
    """True for a valid individual (user) account id: the only kind that has stats."""
    account_id = steam_id & 0xFFFFFFFF
    instance = (steam_id >> 32) & 0xFFFFF
    account_type = (steam_id >> 52) & 0xF
    universe = steam_id >> 56
    return (
        account_id != 0
        and instance == _INSTANCE_DESKTOP
        and account_type == _ACCOUNT_TYPE_INDIVIDUAL
        and universe in _UNIVERSES
    )


def parse_user_steam_id(value: object) -> Optional[int]:
    """The 64-bit id of an individual account, or None when ``value`` is not one."""
    number = parse_steam_id(value)
    if number is None or not is_individual_account(number):
        return None
    return number
