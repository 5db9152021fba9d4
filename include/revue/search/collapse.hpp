// Copies of one text (an agency dispatch) shown once: the copies of a hit that match the
// query, and the order that settles equal scores, for hits and copies alike.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "revue/core/clipping.hpp"
#include "revue/index/clipping_codec.hpp"

namespace revue {

// Sorts after every "YYYYMMDD": clippings without a date come last.
inline const std::string kNoDateLast = "99999999";

// What settles equal scores: the newest clipping first (undated ones last), then by path and
// article, so that the order never depends on the order of documents in the index.
bool newer_then_path(const Clipping& a, const Clipping& b);

// An article sharing a hit's collapse key, read without its text.
struct Copy {
    Xapian::docid docid = 0;
    double weight = 0;
    Clipping clipping;
};

// Copies in the order a hit would rank them: by weight, then newer_then_path.
bool ranks_before(const Copy& a, const Copy& b);

// The articles that share the collapse key and match the query, oldest first (usually the
// paper that printed the dispatch first).
std::vector<Copy> copies_of(const Xapian::Database& db, const ClippingCodec& codec,
                            const Xapian::Query& query, const std::string& key);

}  // namespace revue
