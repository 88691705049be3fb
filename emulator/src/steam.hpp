// Includes the reference SDK headers the way the emulator needs them: S_API exports symbols.
#pragma once

#ifndef STEAM_API_EXPORTS
#define STEAM_API_EXPORTS 1
#endif

#include "steam/steam_api.h"
#include "steam/steam_api_flat.h"
