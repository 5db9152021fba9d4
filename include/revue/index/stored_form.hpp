// The record each Xapian document stores of its clipping: every field, so that `show` and the
// snippets never need the original file; compressed by the index's ClippingCodec.
#pragma once

#include <xapian.h>

#include <string>

#include "revue/core/clipping.hpp"
#include "revue/index/clipping_codec.hpp"

namespace revue::schema {

// Every field of the clipping goes into the document (data and values).
void store_clipping(Xapian::Document& doc, const Clipping& clipping,
                    const ClippingCodec& codec = ClippingCodec());

// Without text, body and caption stay empty: what a hit without snippet needs, read sooner.
// Throws DamagedRecord when the stored bytes do not decode.
Clipping load_clipping(const Xapian::Document& doc, const ClippingCodec& codec = ClippingCodec(),
                       bool with_text = true);

// The bytes store_clipping compresses (a MessagePack head framed by its size, then the body and
// caption as they are): what a dictionary is trained on.
std::string stored_form(const Clipping& clipping);

// The codec of an open index: with its dictionary when it has one.
ClippingCodec codec_of(const Xapian::Database& db);

}  // namespace revue::schema
