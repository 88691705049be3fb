"""Benchmarks of steamworks_cy side by side with ctypes, a peer binding and a C loop (not run in CI).

Run ``python -m bench`` (or ``tox -e bench``, which also installs the peer, steamworks-swig) from the
checkout; ``--check`` exits 1 when a target is missed or could not be measured. See bench/README.md.
"""
