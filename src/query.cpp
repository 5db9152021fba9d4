#include "revue/query.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "revue/index_schema.hpp"

namespace revue {
namespace {

// QueryParser's operators, and the French words users type for them.
constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kFrenchOperators = {
    {{"ET", "AND"}, {"OU", "OR"}, {"SAUF", "NOT"}}};

struct Field {
    std::string_view name;
    std::string_view prefix;
    bool boolean;  // a filter, not weighed
};
constexpr std::array<Field, 9> kFields = {{
    {"title", schema::kTitle, false},
    {"titre", schema::kTitle, false},
    {"source", schema::kSource, false},
    {"author", schema::kAuthor, false},
    {"auteur", schema::kAuthor, false},
    {"lang", schema::kLang, true},
    {"tag", schema::kTag, true},
    {"year", schema::kYear, true},
    {"annee", schema::kYear, true},
}};

// Characters QueryParser gives a meaning to; whatever else lies between words is a space.
bool is_syntax(char c) {
    switch (c) {
        case '"':
        case '(':
        case ')':
        case '+':
        case '-':
        case '*':
        case ':':
        case '/':
        case ' ':
        case '\t':
        case '\n':
            return true;
        default:
            return false;
    }
}

bool is_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// "2024" -> 20240101 (or 20241231 as an upper bound), "2024-02" -> 20240201 (20240231: no
// stored date lies between the month's last day and 31), "2024-02-29" -> 20240229.
std::string date_bound(std::string_view date, bool upper) {
    const auto bad = [&] {
        return QueryError("bad date '" + std::string(date) +
                          "': use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-02-29");
    };
    const std::string_view y = date.substr(0, 4);
    if (date.size() < 4 || !is_digits(y)) throw bad();
    if (date.size() == 4) return std::string(y) + (upper ? "1231" : "0101");
    if (date.size() < 7 || date[4] != '-' || !is_digits(date.substr(5, 2))) throw bad();
    const int month = std::stoi(std::string(date.substr(5, 2)));
    if (month < 1 || month > 12) throw bad();
    const std::string ym = std::string(y) + std::string(date.substr(5, 2));
    if (date.size() == 7) return ym + (upper ? "31" : "01");
    if (date.size() != 10 || date[7] != '-' || !is_digits(date.substr(8, 2))) throw bad();
    const int day = std::stoi(std::string(date.substr(8, 2)));
    if (day < 1 || day > days_in_month(std::stoi(std::string(y)), month)) throw bad();
    return ym + std::string(date.substr(8, 2));
}

// date:FROM..TO on the stored date value, through QueryParser's range machinery.
class DateRangeProcessor : public Xapian::RangeProcessor {
  public:
    DateRangeProcessor() : Xapian::RangeProcessor(schema::kDateSlot, "date:") {}
    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        return date_range(begin, end);
    }
};

Xapian::QueryParser make_parser(const Xapian::Database& db, const Analyzer& analyzer, bool stem) {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_stopper(&analyzer.stopper());
    if (stem) {
        qp.set_stemmer(analyzer.xapian_stemmer());
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    } else {
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
    }
    // Xapian's release() idiom: the parser's reference count owns the processor from here.
    qp.add_rangeprocessor(std::make_unique<DateRangeProcessor>().release()->release());
    for (const auto& f : kFields) {
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

Xapian::Query parse(Xapian::QueryParser& qp, const std::string& text, bool spelling) {
    try {
        return qp.parse_query(
            text, kFlags | (spelling ? Xapian::QueryParser::FLAG_SPELLING_CORRECTION : 0));
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError("bad query: " + e.get_msg());
    }
}

}  // namespace

std::string rewrite_query(std::string_view text, const Analyzer& analyzer) {
    std::string out;
    std::size_t done = 0;
    const auto copy_gap = [&](std::size_t until) {
        for (; done < until; ++done) out += is_syntax(text[done]) ? text[done] : ' ';
    };
    for (const auto& token : analyzer.tokens(text)) {
        if (token.extra || token.start < done) continue;
        copy_gap(token.start);
        const std::string_view word = text.substr(token.start, token.end - token.start);
        // A date range (date:2024-02..2024-03) is the range processor's, byte for byte.
        if (word == "date" && text.substr(token.end, 1) == ":") {
            done = std::min(text.find_first_of(" \t\n", token.end), text.size());
            out += text.substr(token.start, done - token.start);
            continue;
        }
        std::string replacement = token.term;
        for (const auto op : kOperators)
            if (word == op) replacement = std::string(op);
        for (const auto& [french, op] : kFrenchOperators)
            if (word == french) replacement = std::string(op);
        out += replacement;
        done = token.end;
    }
    copy_gap(text.size());
    return out;
}

Xapian::Query date_range(std::string_view from, std::string_view to) {
    const std::string lo = from.empty() ? std::string() : date_bound(from, false);
    const std::string hi = to.empty() ? std::string() : date_bound(to, true);
    if (lo.empty() && hi.empty()) {
        // "date:.." : every dated clipping.
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, "0");
    }
    if (hi.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, lo);
    if (lo.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, hi);
    if (lo > hi) {
        throw QueryError("bad date range: " + std::string(from) + " is after " + std::string(to));
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, lo, hi);
}

ParsedQuery parse_query(std::string_view text, const Xapian::Database& db,
                        const QueryOptions& options) {
    if (std::count(text.begin(), text.end(), '"') % 2 != 0) {
        throw QueryError("bad query: a phrase is not closed: add the missing '\"'");
    }
    ParsedQuery parsed;
    std::vector<Xapian::Query> per_language;
    for (const Language lang : {Language::french, Language::english}) {
        if (options.language && *options.language != lang) continue;
        const Analyzer& analyzer = analyzer_for(lang);
        const std::string rewritten = rewrite_query(text, analyzer);
        auto stemming = make_parser(db, analyzer, true);
        auto exact = make_parser(db, analyzer, false);
        const Xapian::Query stemmed = parse(stemming, rewritten, options.spelling);
        const Xapian::Query unstemmed = parse(exact, rewritten, false);
        if (parsed.suggestion.empty()) parsed.suggestion = stemming.get_corrected_query_string();
        if (stemmed.empty()) continue;

        MatchTerms& marks = parsed.highlights[lang];
        for (auto t = stemmed.get_unique_terms_begin(); t != stemmed.get_unique_terms_end(); ++t) {
            const std::string& term = *t;
            if (term.rfind(schema::kStem, 0) == 0) {
                marks.stems.insert(term.substr(schema::kStem.size()));
            } else {
                marks.terms.insert(term);
            }
        }
        // Exact forms outrank mere stem matches: the unstemmed words only add weight.
        std::vector<Xapian::Query> exact_terms;
        for (auto t = unstemmed.get_unique_terms_begin(); t != unstemmed.get_unique_terms_end();
             ++t) {
            marks.terms.insert(*t);
            exact_terms.emplace_back(*t);
        }
        Xapian::Query q(
            Xapian::Query::OP_AND_MAYBE, stemmed,
            Xapian::Query(Xapian::Query::OP_OR, exact_terms.begin(), exact_terms.end()));
        const std::string lang_term = std::string(schema::kLang) + std::string(language_code(lang));
        per_language.emplace_back(Xapian::Query::OP_FILTER, q, Xapian::Query(lang_term));
    }
    if (per_language.empty()) throw QueryError("the query has no words to search for");
    parsed.query = Xapian::Query(Xapian::Query::OP_OR, per_language.begin(), per_language.end());
    if (!options.since.empty() || !options.until.empty()) {
        parsed.query = Xapian::Query(Xapian::Query::OP_FILTER, parsed.query,
                                     date_range(options.since, options.until));
    }
    return parsed;
}

}  // namespace revue
