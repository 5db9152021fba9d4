#include "revue/search/query_syntax.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "revue/core/errors.hpp"
#include "revue/core/text.hpp"
#include "revue/search/query_fields.hpp"

namespace revue {
namespace {

// Where a byte of the query is, as a reader counts: characters from 1.
std::size_t character_at(std::string_view text, std::size_t byte) {
    return code_points(text.substr(0, byte)) + 1;
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
                throw BadQuery("bad query: the phrase opened at character " +
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

}  // namespace

void check_syntax(std::string_view text) {
    const std::vector<Piece> pieces = pieces_of(text);
    const auto fail = [&](const Piece& p, const std::string& what) {
        throw BadQuery("bad query: '" + std::string(p.text) + "' at character " +
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
                    const bool field =
                        name == kDateField ||
                        std::any_of(kQueryFields.begin(), kQueryFields.end(),
                                    [&](const QueryField& f) { return f.name == name; });
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

}  // namespace revue
