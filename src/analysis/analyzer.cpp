#include "revue/analysis/analyzer.hpp"

#include <algorithm>
#include <utility>

#include "revue/analysis/char_rules.hpp"
#include "revue/analysis/stemmer.hpp"
#include "revue/analysis/word_pieces.hpp"
#include "revue/core/fold.hpp"

namespace revue {
namespace {

// Emits one run of linked pieces: words at consecutive positions, the pieces of a word
// hyphenated at a line end, and the joined compound.
class ChainWriter {
  public:
    ChainWriter(std::string_view text, const Analyzer& analyzer, std::vector<Token>& out)
        : text_(text), analyzer_(analyzer), out_(out) {}

    void write(const Piece* chain, std::size_t count, Xapian::termpos& position) {
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
                if (a == 0) joined_at = out_.size();
            }
            a = b;
        }
        if (compound && joined.size() <= kMaxTermBytes) {
            const bool stop = analyzer_.is_stop_word(joined);
            out_.insert(out_.begin() + static_cast<std::ptrdiff_t>(joined_at),
                        Token{std::move(joined), chain[0].start, chain[count - 1].end,
                              first_position, stop, true});
        }
    }

  private:
    void push(std::string term, std::size_t start, std::size_t end, Xapian::termpos pos,
              bool extra) {
        if (term.empty() || term.size() > kMaxTermBytes) return;
        const bool stop = analyzer_.is_stop_word(term);
        out_.push_back(Token{std::move(term), start, end, pos, stop, extra});
    }

    std::string fold_piece(const Piece& p) const {
        std::string term;
        fold_into(text_.substr(p.start, p.end - p.start), term);
        return term;
    }

    std::string_view text_;
    const Analyzer& analyzer_;
    std::vector<Token>& out_;
};

}  // namespace

Analyzer::Analyzer(Language lang) : lang_(lang), stops_(lang) {}

std::vector<Token> Analyzer::tokens(std::string_view text, Xapian::termpos first_position) const {
    const std::vector<Piece> pieces = word_pieces(text);
    std::vector<Token> out;
    out.reserve(pieces.size() + pieces.size() / 8);
    ChainWriter writer(text, *this, out);
    Xapian::termpos position = first_position;
    for (std::size_t i = 0; i < pieces.size();) {
        std::size_t j = i + 1;
        while (j < pieces.size() && pieces[j].link != Link::none) ++j;
        writer.write(pieces.data() + i, j - i, position);
        i = j;
    }
    return out;
}

std::string Analyzer::fold(std::string_view word) const {
    return revue::fold(word);
}

std::string Analyzer::stem(const std::string& folded) const {
    return revue::stem(lang_, folded);
}

Xapian::Stem Analyzer::xapian_stemmer() const {
    return revue::xapian_stemmer(lang_);
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
