#include "revue/analyzer.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <utility>

#include "revue/break_rules.hpp"
#include "revue/stopwords.hpp"

namespace revue {

namespace {

// The stop words, sorted, looked up by halving: they are listed folded (stopwords.cpp), so a
// search process builds its list without an allocation a word.
class StopList : public Xapian::Stopper {
  public:
    void assign(const std::vector<std::string_view>& folded) {
        words_ = folded;
        std::sort(words_.begin(), words_.end());
    }
    bool operator()(const std::string& term) const override {
        return std::binary_search(words_.begin(), words_.end(), std::string_view(term));
    }
    std::string get_description() const override { return "revue::StopList"; }

  private:
    std::vector<std::string_view> words_;
};

// Xapian's own TermGenerator skips longer words; a base64 blob or a run of glued URLs is not
// something anyone searches for, and Xapian rejects terms over 245 bytes.
constexpr std::size_t kMaxTermBytes = 64;

// French elided articles and conjunctions: "l’", "qu’", "jusqu’"... are split off and dropped.
constexpr std::array<std::string_view, 13> kElisions = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
constexpr std::size_t kLongestElision = 6;

// A single one of these between two words joins them into a compound ("start-up").
constexpr std::array<std::string_view, 4> kJoiningHyphens = {"-", "\u2010", "\u2011", "\u2013"};
// Hyphens a typesetter puts at a line end to break a word; an en dash there is a real dash.
constexpr std::array<std::string_view, 3> kLineEndHyphens = {"-", "\u2010", "\u2011"};
constexpr std::string_view kSoftHyphen = "\u00AD";

void check(UErrorCode err, const char* what) {
    if (U_FAILURE(err)) {
        throw std::runtime_error(std::string("ICU ") + what + ": " + u_errorName(err));
    }
}

std::size_t slot_of(Language lang) {
    return lang == Language::english ? 1 : 0;
}

const char* snowball_name(Language lang) {
    return lang == Language::english ? "english" : "french";
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x201B || c == 0x02BC;
}

// Byte length of the apostrophe starting at text[i], 0 if there is none.
std::size_t apostrophe_at(std::string_view text, std::size_t i) {
    const std::string_view rest = text.substr(i);
    if (starts_with(rest, "'")) return 1;
    if (starts_with(rest, "\u02BC")) return 2;
    for (const std::string_view a : {"\u2019", "\u2018", "\u201B"})
        if (starts_with(rest, a)) return 3;
    return 0;
}

// Characters that stay inside a word piece; other punctuation ICU let into a word segment
// ("U.S.A", "example.com", "étudiant·e·s", "foo_bar") splits it into joined pieces.
bool is_word_char(UChar32 c) {
    if (is_apostrophe(c)) return true;
    // Format characters (the soft hyphen, joiners) are part of the word; folding drops them.
    return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_CF_MASK)) != 0;
}

// How a word piece hangs on the piece before it.
enum class Link : unsigned char {
    none,        // a separate word
    joined,      // one hyphen or inner punctuation: a compound ("start-up")
    line_break,  // a word hyphenated at a line end: one word ("intelli-\ngence")
};

struct Piece {
    std::size_t start;
    std::size_t end;
    Link link;
};

// Strips an elided article ("l’", "Qu'") from the front of a word segment.
bool strip_elision(std::string_view text, std::size_t& start, std::size_t end) {
    std::size_t i = start;
    while (i < end && i - start <= kLongestElision && is_ascii_alpha(text[i])) ++i;
    if (i == start || i - start > kLongestElision) return false;
    const std::size_t apostrophe = apostrophe_at(text, i);
    if (apostrophe == 0 || i + apostrophe >= end) return false;
    // A loop, not std::transform: GCC 12 at -O3 cannot see that i - start fits the array
    // and warns (stringop-overflow).
    std::array<char, kLongestElision> lower{};
    const std::size_t length = std::min(i - start, lower.size());
    for (std::size_t k = 0; k < length; ++k) lower[k] = ascii_lower(text[start + k]);
    const std::string_view prefix(lower.data(), length);
    if (std::find(kElisions.begin(), kElisions.end(), prefix) == kElisions.end()) return false;
    start = i + apostrophe;
    return true;
}

// What the characters between two word segments make of them.
Link classify_gap(std::string_view gap, bool after_soft_hyphen) {
    std::size_t i = 0;
    if (!after_soft_hyphen) {
        for (const std::string_view h : kJoiningHyphens)
            if (gap == h) return Link::joined;
        const auto* hyphen = std::find_if(kLineEndHyphens.begin(), kLineEndHyphens.end(),
                                          [&](std::string_view h) { return starts_with(gap, h); });
        if (hyphen == kLineEndHyphens.end()) return Link::none;
        i = hyphen->size();
    }
    const auto skip_blanks = [&] {
        while (i < gap.size() && (gap[i] == ' ' || gap[i] == '\t')) ++i;
    };
    skip_blanks();
    // Exactly one line break: a blank line is a paragraph end, not a hyphenated word.
    bool line_break = false;
    if (i < gap.size() && gap[i] == '\r') {
        ++i;
        line_break = true;
    }
    if (i < gap.size() && gap[i] == '\n') {
        ++i;
        line_break = true;
    }
    if (!line_break) return Link::none;
    skip_blanks();
    return i == gap.size() ? Link::line_break : Link::none;
}

// Appends the pieces of one word segment; the first one hangs on the previous piece by `link`.
void split_word(std::string_view text, std::size_t start, std::size_t end, Link link,
                std::vector<Piece>& out) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    std::size_t piece_start = start;
    bool after_digit = false;
    std::size_t i = start;
    while (i < end) {
        const std::size_t at = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, end, c);
        if (c >= 0 && is_word_char(c)) {
            after_digit = u_isdigit(c);
            continue;
        }
        // "3,5", "1.000,50": separators between digits belong to the number.
        if (after_digit && i < end) {
            std::size_t j = i;
            UChar32 next = 0;
            U8_NEXT(bytes, j, end, next);
            if (next >= 0 && u_isdigit(next)) continue;
        }
        if (at > piece_start) {
            out.push_back({piece_start, at, link});
            link = Link::joined;
        }
        piece_start = i;
        after_digit = false;
    }
    if (end > piece_start) out.push_back({piece_start, end, link});
}

// The Snowball stemmer plus the corrections it needs on folded French.
std::string corrected_stem(const Xapian::Stem& snowball, Language lang, const std::string& folded) {
    std::string stem = snowball(folded);
    if (lang != Language::french) return stem;
    // Snowball's residual step drops one final "e"/"es" and stops, so "francaise" gives
    // "francais" while "francais" gives "franc", "premiere" gives "premier" while "premier"
    // gives "premi", and "developpee" (folded "développée") keeps an "e" that "developpe"
    // loses. When that drop is all it did, what is left is the masculine form: stem it again,
    // but keep the result only for the endings that are the masculine of "-ée", "-ère" and
    // "-aise". Not "-is": "maitrise" must stay with "maitriser", not become "maitr".
    const std::string_view word(folded);
    const bool only_e = ends_with(word, "e") && stem.size() + 1 == word.size();
    const bool only_es = ends_with(word, "es") && stem.size() + 2 == word.size();
    if ((only_e || only_es) && starts_with(word, stem)) {
        const std::string again = snowball(stem);
        const std::string_view dropped = std::string_view(stem).substr(again.size());
        if (starts_with(stem, again) && (dropped == "e" || dropped == "er" || dropped == "ais")) {
            stem = again;
        }
    }
    // Snowball leaves the present plural "-ent" alone ("maitrisent", "parlent"). Stripping it
    // from long stems joins them with their verbs; it also merges "-ent" nouns and adjectives
    // with their family ("president"/"presider", "intelligent"/"intelligence"), which a
    // reader accepts. Short stems keep it: "parent", "moment", "client", "argent".
    constexpr std::size_t kMinEntStem = 4;
    if (ends_with(stem, "ent") && stem.size() >= kMinEntStem + 3) stem.resize(stem.size() - 3);
    return stem;
}

// One Snowball stemmer per thread and language: a Xapian::Stem keeps state while stemming.
const Xapian::Stem& thread_snowball(Language lang) {
    thread_local std::array<std::optional<Xapian::Stem>, 2> stemmers;
    auto& slot = stemmers[slot_of(lang)];
    if (!slot) slot.emplace(snowball_name(lang));
    return *slot;
}

// What QueryParser calls: exactly Analyzer::stem(), on its own Snowball instance.
class CorrectedStem final : public Xapian::StemImplementation {
  public:
    explicit CorrectedStem(Language lang) : lang_(lang), snowball_(snowball_name(lang)) {}

    std::string operator()(const std::string& word) override {
        return corrected_stem(snowball_, lang_, word);
    }
    std::string get_description() const override {
        return std::string("revue::CorrectedStem(") + snowball_name(lang_) + ")";
    }

  private:
    Language lang_;
    Xapian::Stem snowball_;
};

struct UTextCloser {
    void operator()(UText* text) const { utext_close(text); }
};

}  // namespace

Language language_from_code(std::string_view code) {
    // Only the primary subtag counts: "en-GB", "EN_us" are English.
    const std::string_view primary = code.substr(0, code.find_first_of("-_"));
    if (primary.size() == 2 && ascii_lower(primary[0]) == 'e' && ascii_lower(primary[1]) == 'n') {
        return Language::english;
    }
    return Language::french;
}

std::string_view language_code(Language lang) {
    return lang == Language::english ? "en" : "fr";
}

namespace {

// NFKC_Casefold in decompose mode: compatibility forms (ﬁ), case, default-ignorables (soft
// hyphen) folded, and accents left as separate marks ready to drop. Loaded on the first word
// that is not ASCII: a query of ASCII words does without its data (0.2 ms).
const icu::Normalizer2& decompose_fold() {
    static const icu::Normalizer2* const normalizer = [] {
        UErrorCode err = U_ZERO_ERROR;
        const icu::Normalizer2* n =
            icu::Normalizer2::getInstance(nullptr, "nfkc_cf", UNORM2_DECOMPOSE, err);
        check(err, "nfkc_cf normalizer");
        return n;
    }();
    return *normalizer;
}

const icu::Normalizer2& nfc() {
    static const icu::Normalizer2* const normalizer = [] {
        UErrorCode err = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
        check(err, "NFC normalizer");
        return n;
    }();
    return *normalizer;
}

}  // namespace

struct Analyzer::Impl {
    Language lang;
    std::unique_ptr<icu::BreakIterator> word_breaks;  // prototype, cloned once per thread
    StopList stops;

    explicit Impl(Language language) : lang(language) {
        word_breaks = make_break_iterator(BreakRules::word);
        stops.assign(stop_word_list(lang));
    }

    void fold_into(std::string_view raw, std::string& out) const {
        // NFKC_Casefold of ASCII is plain lowercasing: skip ICU for most words.
        if (is_ascii(raw)) {
            out.assign(raw);
            std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
            return;
        }
        if (raw.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
            throw std::length_error("text too long to fold");
        }
        UErrorCode err = U_ZERO_ERROR;
        const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
            icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
        const icu::UnicodeString decomposed = decompose_fold().normalize(source, err);
        check(err, "fold");
        icu::UnicodeString kept;
        for (int32_t i = 0; i < decomposed.length();) {
            const UChar32 c = decomposed.char32At(i);
            i += U16_LENGTH(c);
            if (u_charType(c) == U_NON_SPACING_MARK) continue;  // the accents
            if (is_apostrophe(c)) {
                kept.append(static_cast<UChar32>('\''));
            } else if (c == 0x0153 || c == 0x00E6) {
                // œ and æ are letters of their own to Unicode, with no decomposition to fold
                // (case folding already turned Œ, Æ into these), yet French readers type "oe"
                // and "ae" for them.
                kept.append(static_cast<UChar32>(c == 0x0153 ? 'o' : 'a'));
                kept.append(static_cast<UChar32>('e'));
            } else {
                kept.append(c);
            }
        }
        if (nfc().quickCheck(kept, err) != UNORM_YES) kept = nfc().normalize(kept, err);
        check(err, "NFC");
        out.clear();
        kept.toUTF8String(out);
    }

    bool is_stop(const std::string& folded) const { return stops(folded); }

    icu::BreakIterator& thread_breaker() const {
        // A break iterator holds its position: each thread iterates with its own clone. Every
        // analyzer of a language builds the same rules, so they share the per-thread clone.
        thread_local std::array<std::unique_ptr<icu::BreakIterator>, 2> per_thread;
        auto& slot = per_thread[slot_of(lang)];
        if (!slot) {
            slot.reset(word_breaks->clone());
            if (!slot) throw std::runtime_error("ICU: cannot clone the word break iterator");
        }
        return *slot;
    }

    std::vector<Piece> pieces(std::string_view text) const {
        std::vector<Piece> out;
        if (text.empty()) return out;
        if (text.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
            throw std::length_error("text too long to tokenise");
        }
        out.reserve(text.size() / 6);
        UErrorCode err = U_ZERO_ERROR;
        // The iterator reads the UTF-8 bytes in place: its boundaries are byte offsets.
        UText storage = UTEXT_INITIALIZER;
        const std::unique_ptr<UText, UTextCloser> utext(
            utext_openUTF8(&storage, text.data(), static_cast<int64_t>(text.size()), &err));
        check(err, "UTF-8 text");
        icu::BreakIterator& breaks = thread_breaker();
        breaks.setText(utext.get(), err);
        check(err, "word breaks");

        // End of the last word segment that gave pieces; npos at the start of a run.
        std::size_t previous_end = std::string_view::npos;
        bool previous_soft_hyphen = false;
        std::int32_t begin = breaks.first();
        for (std::int32_t end = breaks.next(); end != icu::BreakIterator::DONE;
             begin = end, end = breaks.next()) {
            if (breaks.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
            const auto segment_start = static_cast<std::size_t>(begin);
            const auto segment_end = static_cast<std::size_t>(end);
            std::size_t start = segment_start;
            std::size_t stop = segment_end;
            const bool elided = strip_elision(text, start, stop);
            // ICU keeps a soft hyphen with the word before it; at a line end it marks a break.
            bool soft_hyphen = false;
            while (stop > start && ends_with(text.substr(start, stop - start), kSoftHyphen)) {
                stop -= kSoftHyphen.size();
                soft_hyphen = true;
            }
            const Link link =
                previous_end != std::string_view::npos && !elided
                    ? classify_gap(text.substr(previous_end, segment_start - previous_end),
                                   previous_soft_hyphen)
                    : Link::none;
            const std::size_t before = out.size();
            split_word(text, start, stop, link, out);
            if (out.size() > before) {
                previous_end = segment_end;
                previous_soft_hyphen = soft_hyphen;
            } else {
                previous_end = std::string_view::npos;
            }
        }
        return out;
    }

    // Emits one run of linked pieces: words at consecutive positions, the pieces of a word
    // hyphenated at a line end, and the joined compound.
    void emit_chain(std::string_view text, const Piece* chain, std::size_t count,
                    Xapian::termpos& position, std::vector<Token>& out) const {
        const auto push = [&](std::string term, std::size_t start, std::size_t end,
                              Xapian::termpos pos, bool extra) {
            if (term.empty() || term.size() > kMaxTermBytes) return;
            const bool stop = is_stop(term);
            out.push_back(Token{std::move(term), start, end, pos, stop, extra});
        };
        const auto fold_piece = [&](const Piece& p) {
            std::string term;
            fold_into(text.substr(p.start, p.end - p.start), term);
            return term;
        };
        const bool compound = std::any_of(chain + 1, chain + count,
                                          [](const Piece& p) { return p.link == Link::joined; });
        const Xapian::termpos first_position = position + 1;
        std::string joined;
        std::size_t joined_at = 0;
        for (std::size_t a = 0; a < count;) {
            std::size_t b = a + 1;
            while (b < count && chain[b].link == Link::line_break) ++b;
            ++position;
            std::string word;
            if (b - a == 1) {
                word = fold_piece(chain[a]);
                push(compound ? word : std::move(word), chain[a].start, chain[a].end, position,
                     false);
            } else {
                // Hyphenated at a line end: the whole word, then its parts as extra forms (the
                // hyphen may have been a real one, as in "franco-\nallemand").
                std::vector<std::string> parts;
                for (std::size_t k = a; k < b; ++k) {
                    parts.push_back(fold_piece(chain[k]));
                    word += parts.back();
                }
                push(word, chain[a].start, chain[b - 1].end, position, false);
                for (std::size_t k = a; k < b; ++k)
                    push(std::move(parts[k - a]), chain[k].start, chain[k].end, position, true);
            }
            if (compound) {
                joined += word;
                if (a == 0) joined_at = out.size();
            }
            a = b;
        }
        if (compound && joined.size() <= kMaxTermBytes) {
            const bool stop = is_stop(joined);
            out.insert(out.begin() + static_cast<std::ptrdiff_t>(joined_at),
                       Token{std::move(joined), chain[0].start, chain[count - 1].end,
                             first_position, stop, true});
        }
    }
};

Analyzer::Analyzer(Language lang) : impl_(std::make_unique<Impl>(lang)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

Language Analyzer::language() const {
    return impl_->lang;
}

std::vector<Token> Analyzer::tokens(std::string_view text, Xapian::termpos first_position) const {
    const std::vector<Piece> pieces = impl_->pieces(text);
    std::vector<Token> out;
    out.reserve(pieces.size() + pieces.size() / 8);
    Xapian::termpos position = first_position;
    for (std::size_t i = 0; i < pieces.size();) {
        std::size_t j = i + 1;
        while (j < pieces.size() && pieces[j].link != Link::none) ++j;
        impl_->emit_chain(text, pieces.data() + i, j - i, position, out);
        i = j;
    }
    return out;
}

std::string Analyzer::fold(std::string_view word) const {
    std::string out;
    impl_->fold_into(word, out);
    return out;
}

std::string Analyzer::stem(const std::string& folded) const {
    return corrected_stem(thread_snowball(impl_->lang), impl_->lang, folded);
}

bool Analyzer::is_stop_word(const std::string& folded) const {
    return impl_->is_stop(folded);
}

Xapian::Stem Analyzer::xapian_stemmer() const {
    // Xapian's API: the Stem takes ownership of the implementation through its intrusive
    // reference count, so a raw new is the documented way to hand it over.
    return Xapian::Stem(new CorrectedStem(impl_->lang));
}

const Xapian::Stopper& Analyzer::stopper() const {
    return impl_->stops;
}

const Analyzer& analyzer_for(Language lang) {
    // Function-local statics: built on first use, thread-safe initialisation, one per language.
    if (lang == Language::english) {
        static const Analyzer english(Language::english);
        return english;
    }
    static const Analyzer french(Language::french);
    return french;
}

}  // namespace revue
