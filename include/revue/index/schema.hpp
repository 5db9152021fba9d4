// How a Clipping is laid out in the Xapian database: term prefixes, value slots and metadata
// keys (the stored record is stored_form.hpp's). The indexer writes this layout and the
// searcher reads it; nothing else does.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace revue::schema {

// Term prefixes, after Xapian's conventions (xapian-core docs/termprefixes.rst).
inline constexpr std::string_view kStem = "Z";     // stemmed form, no positions
inline constexpr std::string_view kTitle = "S";    // title words
inline constexpr std::string_view kAuthor = "A";   // author words
inline constexpr std::string_view kSource = "XS";  // publication words
inline constexpr std::string_view kLang = "L";     // "Lfr", "Len"
inline constexpr std::string_view kTag = "K";      // one term per tag
inline constexpr std::string_view kYear = "Y";     // "Y2024"
inline constexpr std::string_view kFile = "P";     // every article of one file
inline constexpr std::string_view kId = "Q";       // one article: path + '#' + number

// Value slots.
enum Slot : Xapian::valueno {
    kDateSlot = 0,    // "YYYYMMDD", sortable; absent when the date is unknown
    kPathSlot = 1,    // the file's path as raw bytes (not always UTF-8, so not in the data)
    kSourceSlot = 2,  // facets: publication as written
    kAuthorSlot = 3,  //         author as written
    kYearSlot = 4,    //         "2024"
    kLangSlot = 5,    //         "fr"
    // Collapse key: the fingerprint, on the clippings that have copies only (agency
    // dispatches). A search reads the key of every match it ranks: a key on each of 20,000
    // clippings cost a query a quarter of a millisecond, for a few dozen copies.
    kCollapseSlot = 6,
    kFingerprintSlot = 7,  // hash of the opening words, on every clipping long enough to have one
};

// Title words count this many times a body word does (BM25 sees the higher wdf).
inline constexpr Xapian::termcount kTitleWeight = 3;

// Metadata keys: one record per indexed file ("file:" + path) and the folders covered.
inline constexpr std::string_view kFileRecordPrefix = "file:";
inline constexpr std::string_view kRootsKey = "roots";
// The zstd dictionary of stored clippings (clipping_codec.hpp), the same in every shard.
inline constexpr std::string_view kDictionaryKey = "clipping-dictionary";

std::string id_term(std::string_view path, int article);
std::string file_term(std::string_view path);

// Whether a term carries a field prefix (S, XS, Q, …): Xapian's prefixes are capitals, and
// the words of the text are folded to lower case, so a term that starts with a capital is a
// field's. Stem terms are kStem followed by such a term.
inline bool has_prefix(std::string_view term) {
    return !term.empty() && term[0] >= 'A' && term[0] <= 'Z';
}

}  // namespace revue::schema
