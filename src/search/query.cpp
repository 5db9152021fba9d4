#include "revue/search/query.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include "revue/core/errors.hpp"
#include "revue/core/text.hpp"
#include "revue/index/schema.hpp"
#include "revue/index/xapian_errors.hpp"
#include "revue/search/query_dates.hpp"
#include "revue/search/query_fields.hpp"
#include "revue/search/query_rewrite.hpp"
#include "revue/search/query_syntax.hpp"

namespace revue {
namespace {

// How the parser reads words: stemmed (set to STEM_NONE for the exact forms), with the
// analyzer's stop words; bare, with neither, only to tell whether Xapian understood the
// operators (see check_operators).
enum class Reading { stemmed, bare };

Xapian::QueryParser make_parser(const Xapian::Database& db, const Analyzer& analyzer,
                                Reading reading) {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_default_op(Xapian::Query::OP_AND);
    if (reading == Reading::stemmed) {
        qp.set_stopper(&analyzer.stopper());
        qp.set_stemmer(analyzer.xapian_stemmer());
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    } else {
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
    }
    // Xapian's release() idiom: the parser's reference count owns the processor from here.
    qp.add_rangeprocessor(std::make_unique<DateRangeProcessor>().release()->release());
    for (const auto& f : kQueryFields) {
        if (f.boolean) {
            qp.add_boolean_prefix(std::string(f.name), std::string(f.prefix));
        } else {
            qp.add_prefix(std::string(f.name), std::string(f.prefix));
        }
    }
    return qp;
}

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE |
                            Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;

Xapian::Query parse(Xapian::QueryParser& qp, const std::string& text, unsigned flags) {
    // QueryParserError becomes BadQuery; the parser reads no index that could fail otherwise.
    return guard_index({}, IndexAccess::read, [&] { return qp.parse_query(text, flags); });
}

// The words of the rewritten query that end in '*': QueryParser expands them to every
// indexed word they begin, but only inside the match, so highlights expand them again.
std::vector<std::string> wildcard_stems(std::string_view rewritten) {
    std::vector<std::string> found;
    for (std::size_t star = rewritten.find('*'); star != std::string_view::npos;
         star = rewritten.find('*', star + 1)) {
        std::size_t begin = star;
        while (begin > 0 && !is_query_syntax(rewritten[begin - 1])) --begin;
        if (begin < star) found.emplace_back(rewritten.substr(begin, star - begin));
    }
    return found;
}

// Highlights need not list every word of a very common beginning.
constexpr std::size_t kWildcardMarks = 1000;

// Whether QueryParser understood the operators of the rewritten query. When it cannot parse
// a query it parses it again with every operator read as a plain word, silently; a bare
// parser (no stop words, so "AND" read as a word stays a term) shows that retry: its parse
// with and without operators then come out the same.
void check_operators(const Xapian::Database& db, const Analyzer& analyzer,
                     const std::string& rewritten) {
    bool has_operator = false;
    std::size_t word = 0;
    for (std::size_t i = 0; i <= rewritten.size(); ++i) {
        if (i < rewritten.size() && !is_query_syntax(rewritten[i])) continue;
        const std::string_view w = std::string_view(rewritten).substr(word, i - word);
        has_operator =
            has_operator || std::find(kOperators.begin(), kOperators.end(), w) != kOperators.end();
        // A '-' that opens a word excludes it; inside one ("start-up") it joins.
        if (i < rewritten.size() && rewritten[i] == '-' && (i == 0 || rewritten[i - 1] == ' '))
            has_operator = true;
        word = i + 1;
    }
    if (!has_operator) return;
    auto bare = make_parser(db, analyzer, Reading::bare);
    const std::string with = parse(bare, rewritten, kFlags).get_description();
    const std::string without = parse(bare, rewritten, 0).get_description();
    if (with == without) {
        throw BadQuery(
            "bad query: its operators do not fit together: put a word on each side of AND, "
            "OR and NEAR, and after NOT or '-' (e.g. mistral AND NOT azure)");
    }
}

std::string squeeze_spaces(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool is_filter_term(std::string_view term) {
    return std::any_of(kQueryFields.begin(), kQueryFields.end(), [&](const QueryField& f) {
        return f.boolean && term.substr(0, f.prefix.size()) == f.prefix;
    });
}

// The stemmed query with its exact forms weighing more: AND_MAYBE adds the weight of each
// exact form a clipping holds. When the query has no stem to widen it (phrases, words it
// keeps as typed) its exact forms are its own terms, each counted once, all of them in a
// matching clipping (a term of NOT never is): the boost doubles every weight, which the
// matcher does at half the cost by scaling. Repeated terms weigh by their count in the
// query but once in the boost, and wildcards expand to terms the boost does not list: those
// keep the AND_MAYBE.
// An exact form in so many clippings is left out of the boost: BM25 gives a term held by more
// than half the clippings a weight near its floor, yet scoring it walks a posting list as long
// as the stem's, which doubled the matching time of a query for a common word.
constexpr Xapian::doccount kBoostedFormMaxClippings = 1000;

Xapian::Query boosted(const Xapian::Query& stemmed, const Xapian::Query& unstemmed,
                      std::vector<Xapian::Query> exact_terms, std::string_view rewritten,
                      const Xapian::Database& db) {
    const auto count = [](auto begin, auto end) {
        std::size_t n = 0;
        for (; begin != end; ++begin) ++n;
        return n;
    };
    const std::size_t terms = count(stemmed.get_terms_begin(), stemmed.get_terms_end());
    const bool same =
        stemmed.serialise() == unstemmed.serialise() &&
        rewritten.find('*') == std::string_view::npos &&
        terms == count(stemmed.get_unique_terms_begin(), stemmed.get_unique_terms_end()) &&
        terms == exact_terms.size();
    if (same) return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, stemmed, 2.0);
    const Xapian::doccount all = db.get_doccount();
    exact_terms.erase(std::remove_if(exact_terms.begin(), exact_terms.end(),
                                     [&](const Xapian::Query& term) {
                                         const auto n = db.get_termfreq(*term.get_terms_begin());
                                         return n > kBoostedFormMaxClippings && n > all / 2;
                                     }),
                      exact_terms.end());
    if (exact_terms.empty()) return stemmed;
    return Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, stemmed,
        Xapian::Query(Xapian::Query::OP_OR, exact_terms.begin(), exact_terms.end()));
}

// A term of the parsed query as the highlighter wants it: plain words and the stems of plain
// words; field terms (title:, source:, lang:, …) are never marked in a snippet.
void mark(const std::string& term, HighlightTerms& marks) {
    if (starts_with(term, schema::kStem)) {
        const std::string_view stem = std::string_view(term).substr(schema::kStem.size());
        if (!schema::has_prefix(stem)) marks.stems.emplace(stem);
    } else if (!schema::has_prefix(term)) {
        marks.words.insert(term);
    }
}

}  // namespace

ParsedQuery parse_query(const SearchRequest& request, const Xapian::Database& db, bool spelling) {
    const std::string_view text = request.query;
    check_syntax(text);
    ParsedQuery parsed;
    // One branch per language that has clippings: its words analysed the way those
    // clippings were, filtered to them.
    struct Branch {
        Xapian::Query ranked;
        Xapian::Query matching;
        std::string lang_term;
        Xapian::doccount clippings;
    };
    std::vector<Branch> branches;
    bool first = true;
    bool words = false;
    for (const Language lang : {Language::french, Language::english}) {
        if (request.language && *request.language != lang) continue;
        std::string lang_term = std::string(schema::kLang) + std::string(language_code(lang));
        const Xapian::doccount clippings = db.get_termfreq(lang_term);
        // A language without clippings matches nothing: it is parsed only when it is the
        // first (operators, suggestion) or when the others found no word to search for
        // (which the query's error then depends on).
        if (clippings == 0 && !first && words) continue;
        const Analyzer& analyzer = analyzer_for(lang);
        const std::string rewritten = rewrite_query(text, analyzer);
        auto parser = make_parser(db, analyzer, Reading::stemmed);
        const Xapian::Query stemmed = parse(
            parser, rewritten,
            kFlags | (spelling ? unsigned{Xapian::QueryParser::FLAG_SPELLING_CORRECTION} : 0u));
        if (first) parsed.suggestion = squeeze_spaces(parser.get_corrected_query_string());
        // The same parser reads the words as typed: a second one costs a search 0.1 ms.
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
        const Xapian::Query unstemmed = parse(parser, rewritten, kFlags);
        if (first) {
            check_operators(db, analyzer, rewritten);
            first = false;
        }
        if (stemmed.empty()) continue;
        words = true;

        HighlightTerms& marks = parsed.highlights[lang];
        for (auto t = stemmed.get_unique_terms_begin(); t != stemmed.get_unique_terms_end(); ++t)
            mark(*t, marks);
        for (const auto& stem : wildcard_stems(rewritten)) {
            std::size_t added = 0;
            for (auto t = db.allterms_begin(stem);
                 t != db.allterms_end(stem) && added < kWildcardMarks; ++t, ++added)
                mark(*t, marks);
        }
        // Exact forms outrank mere stem matches: the unstemmed words only add weight. Filter
        // terms (lang:, tag:, year:) weigh nothing and stay out.
        std::vector<Xapian::Query> exact_terms;
        for (auto t = unstemmed.get_unique_terms_begin(); t != unstemmed.get_unique_terms_end();
             ++t) {
            mark(*t, marks);
            if (!is_filter_term(*t)) exact_terms.emplace_back(*t);
        }
        if (clippings == 0) continue;
        branches.push_back({boosted(stemmed, unstemmed, std::move(exact_terms), rewritten, db),
                            stemmed, std::move(lang_term), clippings});
    }
    if (!words) throw BadQuery("the query has no words to search for");

    // Each clipping has one language term. When the branches cover every clipping and ask
    // the same, the language filters select everything: the query goes without them, and
    // its weights stay the same (a clipping only ever matched one branch).
    const Xapian::doccount all = db.get_doccount();
    Xapian::doccount covered = 0;
    for (const Branch& b : branches) covered += b.clippings;
    const bool same = std::all_of(branches.begin(), branches.end(), [&](const Branch& b) {
        return b.ranked.serialise() == branches.front().ranked.serialise();
    });
    std::vector<Xapian::Query> ranked;
    std::vector<Xapian::Query> matching;
    for (const Branch& b : branches) {
        if (!ranked.empty() && same && covered == all) break;
        const bool whole = b.clippings == all || (same && covered == all);
        ranked.push_back(
            whole ? b.ranked
                  : Xapian::Query(Xapian::Query::OP_FILTER, b.ranked, Xapian::Query(b.lang_term)));
        matching.push_back(whole ? b.matching
                                 : Xapian::Query(Xapian::Query::OP_FILTER, b.matching,
                                                 Xapian::Query(b.lang_term)));
    }
    if (ranked.empty()) {
        parsed.query = parsed.matching = Xapian::Query::MatchNothing;
    } else {
        parsed.query = ranked.size() == 1
                           ? ranked.front()
                           : Xapian::Query(Xapian::Query::OP_OR, ranked.begin(), ranked.end());
        parsed.matching = matching.size() == 1 ? matching.front()
                                               : Xapian::Query(Xapian::Query::OP_OR,
                                                               matching.begin(), matching.end());
    }
    if (!request.since.empty() || !request.until.empty()) {
        const Xapian::Query dates = date_range(request.since, request.until);
        parsed.query = Xapian::Query(Xapian::Query::OP_FILTER, parsed.query, dates);
        parsed.matching = Xapian::Query(Xapian::Query::OP_FILTER, parsed.matching, dates);
    }
    return parsed;
}

}  // namespace revue
