"""Native sources and build script of the steamworks_cy Steam emulator (not installed)."""
