#include "revue/index/document_builder.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "revue/analysis/analyzer.hpp"
#include "revue/core/hash.hpp"
#include "revue/index/schema.hpp"
#include "revue/index/stored_form.hpp"

namespace revue {
namespace {

// Fields are this many positions apart, so that a phrase never spans two fields.
constexpr Xapian::termpos kFieldGap = 100;

// Copies of one agency dispatch differ in title, source and tail, rarely in their opening:
// the first content words of the body identify the text.
constexpr std::size_t kFingerprintWords = 40;
constexpr std::size_t kFingerprintMinWords = 12;

std::string fingerprint(const std::vector<std::string>& words) {
    std::uint64_t h = kFnvBasis;
    for (const auto& w : words) h = fnv1a(" ", fnv1a(w, h));
    return Xapian::sortable_serialise(static_cast<double>(h >> 11));
}

// Adds the words of one field: positional terms (prefix + term) and the stem term "Z" +
// prefix + stem, as Xapian's TermGenerator lays them out. Stop words are left out and take
// no position, as Lucene's StopFilter does: they are a third of French text, and so were a
// third of the index and of the time to build it. A phrase query drops them too
// ("le meilleur des mondes" is the phrase meilleur mondes), see rewrite_query.
Xapian::termpos add_field(Xapian::Document& doc, const Analyzer& analyzer, std::string_view text,
                          std::string_view prefix, Xapian::termpos first, Xapian::termcount wdf = 1,
                          std::vector<std::string>* opening = nullptr) {
    Xapian::termpos position = first;
    std::string term(prefix);
    std::string stem_term(schema::kStem);
    stem_term += prefix;
    for (const auto& token : analyzer.tokens(text, first)) {
        if (token.stop) continue;
        if (!token.extra || position == first) ++position;
        term.resize(prefix.size());
        term += token.term;
        doc.add_posting(term, position, wdf);
        stem_term.resize(schema::kStem.size() + prefix.size());
        stem_term += analyzer.stem(token.term);
        doc.add_term(stem_term, wdf);
        if (opening && opening->size() < kFingerprintWords) opening->push_back(token.term);
    }
    return position + kFieldGap;
}

}  // namespace

Xapian::Document make_document(const Clipping& c, const ClippingCodec& codec) {
    const Analyzer& analyzer = analyzer_for(language_from_code(c.lang));
    Xapian::Document doc;
    // Title words weigh more in the free text and are also searchable as title:word.
    add_field(doc, analyzer, c.title, schema::kTitle, 0);
    Xapian::termpos pos = add_field(doc, analyzer, c.title, "", 0, schema::kTitleWeight);
    pos = add_field(doc, analyzer, c.deck, "", pos);
    std::vector<std::string> opening;
    pos = add_field(doc, analyzer, c.body, "", pos, 1, &opening);
    // The collapse key is given by mark_copies, once the run knows which texts have copies.
    if (opening.size() >= kFingerprintMinWords)
        doc.add_value(schema::kFingerprintSlot, fingerprint(opening));
    add_field(doc, analyzer, c.caption, "", pos);
    add_field(doc, analyzer, c.source, schema::kSource, 0);
    add_field(doc, analyzer, c.author, schema::kAuthor, 0);
    for (const auto& tag : c.tags)
        doc.add_boolean_term(std::string(schema::kTag) + analyzer.fold(tag));
    doc.add_boolean_term(std::string(schema::kLang) + c.lang);
    if (c.date.size() >= 4) doc.add_boolean_term(std::string(schema::kYear) + c.date.substr(0, 4));
    doc.add_boolean_term(schema::file_term(c.path));
    doc.add_boolean_term(schema::id_term(c.path, c.article));
    schema::store_clipping(doc, c, codec);
    return doc;
}

}  // namespace revue
