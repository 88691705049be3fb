// The default data (emulator/data/spacewar.json), embedded so that a copied library works alone.
// build.py generates embedded_default_data.inc into its temporary build directory.
#include "emu.hpp"

namespace swemu {
namespace {
#include "embedded_default_data.inc"  // static const char kEmbeddedData[] = {..., 0};
}  // namespace

const char* const kDefaultDataJSON = kEmbeddedData;
const size_t kDefaultDataSize = sizeof(kEmbeddedData) - 1;

}  // namespace swemu
