// Where ICU finds its data in the revue binary. The search path links ICU's code statically
// (its shared library costs a millisecond of relocations at every start) and maps Debian's
// libicudata at run time, so the data stays one shared copy instead of 30 MB in the binary.
#pragma once

namespace revue {

// Call before any ICU use. A no-op in builds that link ICU as shared libraries (tests, or
// REVUE_STATIC_ICU=OFF). Throws std::runtime_error when the data library cannot be loaded.
void load_icu_data();

}  // namespace revue
