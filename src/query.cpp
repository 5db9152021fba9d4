#include "revue/query.hpp"

#include <unicode/unistr.h>

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

Xapian::Query parse(Xapian::QueryParser& qp, const std::string& text, unsigned flags) {
    try {
        return qp.parse_query(text, flags);
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError("bad query: " + e.get_msg());
    }
}

// Where a byte of the query is, as a reader counts: characters from 1.
std::size_t character_at(std::string_view text, std::size_t byte) {
    const std::string_view head = text.substr(0, byte);
    return static_cast<std::size_t>(
               icu::UnicodeString::fromUTF8(
                   icu::StringPiece(head.data(), static_cast<int32_t>(head.size())))
                   .countChar32()) +
           1;
}

// One piece of the query as typed: a word, a "phrase", or a bracket.
struct Piece {
    enum Kind { word, phrase, open, close } kind;
    std::string_view text;
    std::size_t at;  // byte offset in the query
    bool glued;      // no space between it and the piece before
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Splits the query at spaces, brackets and quotes. An unclosed quote is an error here.
std::vector<Piece> pieces_of(std::string_view text) {
    std::vector<Piece> pieces;
    bool glued = false;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (is_space(c)) {
            glued = false;
            ++i;
            continue;
        }
        if (c == '"') {
            const std::size_t close = text.find('"', i + 1);
            if (close == std::string_view::npos) {
                throw QueryError("bad query: the phrase opened at character " +
                                 std::to_string(character_at(text, i)) +
                                 " is not closed: add the missing '\"'");
            }
            pieces.push_back({Piece::phrase, text.substr(i, close + 1 - i), i, glued});
            i = close + 1;
        } else if (c == '(' || c == ')') {
            pieces.push_back({c == '(' ? Piece::open : Piece::close, text.substr(i, 1), i, glued});
            ++i;
        } else {
            std::size_t end = i;
            while (end < text.size() && !is_space(text[end]) && text[end] != '(' &&
                   text[end] != ')' && text[end] != '"')
                ++end;
            pieces.push_back({Piece::word, text.substr(i, end - i), i, glued});
            i = end;
        }
        glued = true;
    }
    return pieces;
}

std::string_view example_value(std::string_view field) {
    if (field == "date") return "2024-02..2024-03";
    if (field == "source") return "echos";
    if (field == "author" || field == "auteur") return "dupont";
    if (field == "lang") return "en";
    if (field == "tag") return "ia";
    if (field == "year" || field == "annee") return "2024";
    return "mistral";
}

enum class Role { operand, binary, negation, proximity, none };

// What a piece does: AND OR XOR (ET OU) join, NOT (SAUF) excludes, NEAR ADJ (NEAR/5) join
// two single words; anything else is something to search for.
Role role_of(const Piece& p) {
    if (p.kind == Piece::open || p.kind == Piece::close) return Role::none;
    if (p.kind == Piece::phrase) return Role::operand;
    const std::string_view w = p.text;
    if (w == "AND" || w == "OR" || w == "XOR" || w == "ET" || w == "OU") return Role::binary;
    if (w == "NOT" || w == "SAUF") return Role::negation;
    if (w.substr(0, 4) == "NEAR" || w.substr(0, 3) == "ADJ") {
        const std::size_t name = w[0] == 'N' ? 4 : 3;
        if (w.size() == name || w[name] == '/') return Role::proximity;
    }
    return Role::operand;
}

// Xapian's QueryParser reads some misplaced operators as plain words, or drops every
// operator of a query it cannot parse: the user would get an answer to another question.
// These checks name the first such mistake instead.
void check_syntax(std::string_view text) {
    const std::vector<Piece> pieces = pieces_of(text);
    const auto fail = [&](const Piece& p, const std::string& what) {
        throw QueryError("bad query: '" + std::string(p.text) + "' at character " +
                         std::to_string(character_at(text, p.at)) + " " + what);
    };
    const auto role = [&](std::size_t i) {
        return i < pieces.size() ? role_of(pieces[i]) : Role::none;
    };
    const auto ends_operand = [&](std::size_t i) {  // something to search for ends at i
        return i < pieces.size() && (role(i) == Role::operand || pieces[i].kind == Piece::close);
    };
    const auto starts_operand = [&](std::size_t i) {
        return i < pieces.size() && (role(i) == Role::operand || pieces[i].kind == Piece::open);
    };
    const auto single_word = [&](std::size_t i) {
        return i < pieces.size() && pieces[i].kind == Piece::word && role(i) == Role::operand;
    };
    bool positive = false;  // something to find, not only words to exclude
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& p = pieces[i];
        const std::size_t before = i - 1;  // wraps to npos for the first piece
        switch (role(i)) {
            case Role::binary:
                if (!ends_operand(before)) fail(p, "has nothing before it");
                if (!starts_operand(i + 1) && role(i + 1) != Role::negation)
                    fail(p, "has nothing after it");
                positive = true;
                break;
            case Role::negation:
                if (!starts_operand(i + 1)) fail(p, "has nothing after it");
                break;
            case Role::proximity: {
                const std::size_t slash = p.text.find('/');
                if (slash != std::string_view::npos &&
                    (slash + 1 == p.text.size() ||
                     p.text.find_first_not_of("0123456789", slash + 1) != std::string_view::npos))
                    fail(p, "takes a number of words after '/' (e.g. NEAR/5)");
                if (!single_word(before) || !single_word(i + 1))
                    fail(p, "needs one word on each side (e.g. mistral NEAR azure)");
                positive = true;
                break;
            }
            case Role::operand:
                if (p.kind == Piece::word && p.text.back() == ':') {
                    const std::string_view name = p.text.substr(0, p.text.size() - 1);
                    const bool field = name == "date" ||
                                       std::any_of(kFields.begin(), kFields.end(),
                                                   [&](const Field& f) { return f.name == name; });
                    const bool followed = i + 1 < pieces.size() && pieces[i + 1].glued &&
                                          pieces[i + 1].kind != Piece::close;
                    if (field && !followed) {
                        fail(p, "has nothing after it (e.g. " + std::string(name) + ":" +
                                    std::string(example_value(name)) + ")");
                    }
                }
                if (p.kind != Piece::word || p.text[0] != '-') positive = true;
                break;
            case Role::none:
                break;
        }
    }
    if (!positive) {
        for (const Piece& p : pieces) {
            if (p.kind == Piece::word && p.text[0] == '-' && p.text.size() > 1) {
                fail(p, "only excludes: add a word to search for, or write NOT " +
                            std::string(p.text.substr(1)));
            }
        }
    }
}

// The words of the rewritten query that end in '*': QueryParser expands them to every
// indexed word they begin, but only inside the match, so highlights expand them again.
std::vector<std::string> wildcard_stems(std::string_view rewritten) {
    std::vector<std::string> found;
    for (std::size_t star = rewritten.find('*'); star != std::string_view::npos;
         star = rewritten.find('*', star + 1)) {
        std::size_t begin = star;
        while (begin > 0 && !is_syntax(rewritten[begin - 1])) --begin;
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
        if (i < rewritten.size() && !is_syntax(rewritten[i])) continue;
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
        throw QueryError(
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
    return std::any_of(kFields.begin(), kFields.end(), [&](const Field& f) {
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
        // The index gives stop words no position (see add_field in indexer.cpp), so a phrase
        // matches without them: "le meilleur des mondes" is the phrase meilleur mondes.
        if (token.stop && std::count(text.begin(), text.begin() + token.start, '"') % 2 == 1) {
            done = token.end;
            continue;
        }
        // A date range (date:2024-02..2024-03) is the range processor's, byte for byte; a
        // single date (date:2024-02) is the range from it to itself.
        if (token.term == "date" && text.substr(token.end, 1) == ":") {
            done = std::min(text.find_first_of(" \t\n)", token.end), text.size());
            const std::string_view value = text.substr(token.end + 1, done - token.end - 1);
            out += "date:";
            out += value;
            if (!value.empty() && value.find("..") == std::string_view::npos) {
                out += "..";
                out += value;
            }
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
        if (options.language && *options.language != lang) continue;
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
            kFlags |
                (options.spelling ? unsigned{Xapian::QueryParser::FLAG_SPELLING_CORRECTION} : 0u));
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

        MatchTerms& marks = parsed.highlights[lang];
        for (auto t = stemmed.get_unique_terms_begin(); t != stemmed.get_unique_terms_end(); ++t) {
            const std::string& term = *t;
            if (term.rfind(schema::kStem, 0) == 0) {
                marks.stems.insert(term.substr(schema::kStem.size()));
            } else {
                marks.terms.insert(term);
            }
        }
        for (const auto& stem : wildcard_stems(rewritten)) {
            std::size_t added = 0;
            for (auto t = db.allterms_begin(stem);
                 t != db.allterms_end(stem) && added < kWildcardMarks; ++t, ++added)
                marks.terms.insert(*t);
        }
        // Exact forms outrank mere stem matches: the unstemmed words only add weight. Filter
        // terms (lang:, tag:, year:) weigh nothing and stay out.
        std::vector<Xapian::Query> exact_terms;
        for (auto t = unstemmed.get_unique_terms_begin(); t != unstemmed.get_unique_terms_end();
             ++t) {
            marks.terms.insert(*t);
            if (!is_filter_term(*t)) exact_terms.emplace_back(*t);
        }
        if (clippings == 0) continue;
        branches.push_back({boosted(stemmed, unstemmed, std::move(exact_terms), rewritten, db),
                            stemmed, std::move(lang_term), clippings});
    }
    if (!words) throw QueryError("the query has no words to search for");

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
    if (!options.since.empty() || !options.until.empty()) {
        const Xapian::Query dates = date_range(options.since, options.until);
        parsed.query = Xapian::Query(Xapian::Query::OP_FILTER, parsed.query, dates);
        parsed.matching = Xapian::Query(Xapian::Query::OP_FILTER, parsed.matching, dates);
    }
    return parsed;
}

}  // namespace revue
