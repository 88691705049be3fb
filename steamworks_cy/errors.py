"""Exception classes shared by the generated bindings, the core and the high layer."""

from __future__ import annotations


class SteamworksError(Exception):
    """Base class of every error raised by steamworks_cy."""


class LibraryLoadError(SteamworksError):
    """No Steam API library could be loaded; the message names every path tried."""

    def __init__(self, message: str, tried: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.tried = tried


class MissingFunctionError(SteamworksError, AttributeError):
    """The loaded Steam library does not export a function the bindings know.

    It is also an AttributeError, so ``hasattr``-style feature probes behave naturally.
    """

    def __init__(
        self, name: str, sdk_version: str = "unknown", *, library_loaded: bool = True
    ) -> None:
        if library_loaded:
            message = (
                f"{name} is not provided by the loaded Steam library "
                f"(bindings generated from SDK {sdk_version})"
            )
        else:
            message = f"{name} cannot be called: no Steam library is loaded yet (call steamworks_cy.init() first)"
        super().__init__(message)
        self.name = name
        self.sdk_version = sdk_version
        self.library_loaded = library_loaded
