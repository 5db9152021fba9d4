// The Xapian document of one clipping: the terms of every field (words with positions, their
// stems, field prefixes), its values (date, facets, fingerprint) and its stored record.
#pragma once

#include <xapian.h>

#include "revue/core/clipping.hpp"
#include "revue/index/clipping_codec.hpp"

namespace revue {

Xapian::Document make_document(const Clipping& clipping,
                               const ClippingCodec& codec = ClippingCodec());

}  // namespace revue
