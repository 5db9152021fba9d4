#include "revue/readers/layout.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

#include "revue/core/text.hpp"

namespace revue {
namespace {

constexpr std::array<std::string_view, 3> kDashes = {"- ", "– ", "— "};
constexpr std::array<std::string_view, 6> kBylineWords = {"Par ", "par ", "PAR ",
                                                          "By ",  "by ",  "BY "};

bool starts_with_capital(std::string_view text) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    std::size_t i = 0;
    UChar32 c = 0;
    U8_NEXT(s, i, text.size(), c);
    return c >= 0 && u_isupper(c);
}

}  // namespace

std::string byline_name(std::string_view line, BylineForms forms) {
    if (code_points(line) > kMaxBylineChars) return {};
    if (forms == BylineForms::dashes_and_words) {
        for (const std::string_view word : kBylineWords) {
            if (!starts_with(line, word)) continue;
            const auto name = trim(line.substr(word.size()));
            return !name.empty() && starts_with_capital(name) ? std::string(name) : std::string();
        }
    }
    for (const std::string_view dash : kDashes)
        if (starts_with(line, dash)) return std::string(trim(line.substr(dash.size())));
    return {};
}

}  // namespace revue
