"""steamworks_cy's generator: Steamworks SDK headers -> Cython bindings.

parse -> model -> render; see scan.py for the lowering pass.
"""

from .tables import GENERATOR_VERSION

__all__ = ["GENERATOR_VERSION"]
