#include "revue/readers/date_parser.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <vector>

#include "revue/core/calendar.hpp"
#include "revue/core/fold.hpp"
#include "revue/core/text.hpp"

namespace revue {
namespace {

// Month and weekday names as they read once folded (no case, no accents), so one table
// covers "Février", "FEVRIER" and "février"; abbreviations lose their dot when tokenised.
const std::map<std::string, int>& month_numbers() {
    static const std::map<std::string, int> months = {
        {"janvier", 1},  {"janv", 1},      {"fevrier", 2},   {"fevr", 2},      {"fev", 2},
        {"mars", 3},     {"avril", 4},     {"avr", 4},       {"mai", 5},       {"juin", 6},
        {"juillet", 7},  {"juil", 7},      {"aout", 8},      {"septembre", 9}, {"sept", 9},
        {"octobre", 10}, {"novembre", 11}, {"decembre", 12}, {"january", 1},   {"jan", 1},
        {"february", 2}, {"feb", 2},       {"march", 3},     {"mar", 3},       {"april", 4},
        {"apr", 4},      {"may", 5},       {"june", 6},      {"jun", 6},       {"july", 7},
        {"jul", 7},      {"august", 8},    {"aug", 8},       {"september", 9}, {"sep", 9},
        {"october", 10}, {"oct", 10},      {"november", 11}, {"nov", 11},      {"december", 12},
        {"dec", 12},
    };
    return months;
}

bool is_weekday(const std::string& token) {
    static const std::array<std::string_view, 21> weekdays = {
        "lundi",  "mardi",   "mercredi",  "jeudi",    "vendredi", "samedi",   "dimanche",
        "monday", "tuesday", "wednesday", "thursday", "friday",   "saturday", "sunday",
        "mon",    "tue",     "wed",       "thu",      "fri",      "sat",      "sun"};
    for (const auto day : weekdays)
        if (token == day) return true;
    return false;
}

// Words of the folded text: split on spaces and list punctuation; a trailing dot goes
// ("déc." → "dec", "2024." → "2024") but inner dots and slashes stay ("29.02.2024").
std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    const auto flush = [&] {
        while (!current.empty() && current.back() == '.') current.pop_back();
        if (!current.empty()) out.push_back(std::move(current));
        current.clear();
    };
    // Folding writes no-break and other wide spaces as ' '.
    for (const char c : fold(text)) {
        if (c == ' ' || c == ',' || c == ';' || c == '(' || c == ')' || c == '\t' || c == '\n' ||
            c == '\r')
            flush();
        else
            current += c;
    }
    flush();
    return out;
}

int to_int(std::string_view digits) {
    int n = 0;
    for (const char c : digits) n = n * 10 + (c - '0');
    return n;
}

// Dates a clipping can carry: older ones are page numbers or other figures.
constexpr int kFirstYear = 1800;
constexpr int kLastYear = 2199;

std::optional<Date> valid(const Date& d) {
    if (d.year < kFirstYear || d.year > kLastYear || !exists(d)) return {};
    return d;
}

std::optional<int> year_of(const std::string& token) {
    if (token.size() != 4 || !is_digits(token)) return {};
    return to_int(token);
}

// "29", "1er", "1re", "1st", "2nd", "3rd", "29th".
std::optional<int> day_of(const std::string& token) {
    const auto digits = std::min(token.find_first_not_of("0123456789"), token.size());
    if (digits == 0 || digits > 2) return {};
    const auto suffix = std::string_view(token).substr(digits);
    if (!suffix.empty() && suffix != "er" && suffix != "re" && suffix != "e" && suffix != "st" &&
        suffix != "nd" && suffix != "rd" && suffix != "th")
        return {};
    return to_int(std::string_view(token).substr(0, digits));
}

std::optional<int> month_of(const std::string& token) {
    const auto& months = month_numbers();
    if (const auto it = months.find(token); it != months.end()) return it->second;
    return {};
}

// One token holding the whole date: "2024-02-29" (a time may follow after "t", as in ISO
// 8601), or day first "29/02/2024", "29.02.2024", "29-02-2024" (French order).
std::optional<Date> numeric_date(const std::string& token) {
    if (token.size() >= 10 && is_digits(token.substr(0, 4)) && token[4] == '-' &&
        is_digits(token.substr(5, 2)) && token[7] == '-' && is_digits(token.substr(8, 2)) &&
        (token.size() == 10 || token[10] == 't')) {
        return valid(
            {to_int(token.substr(0, 4)), to_int(token.substr(5, 2)), to_int(token.substr(8, 2))});
    }
    for (const char sep : {'/', '.', '-'}) {
        const auto first = token.find(sep);
        if (first == std::string::npos) continue;
        const auto second = token.find(sep, first + 1);
        if (second == std::string::npos || token.find(sep, second + 1) != std::string::npos)
            continue;
        const auto day = token.substr(0, first);
        const auto month = token.substr(first + 1, second - first - 1);
        const auto year = token.substr(second + 1);
        if (day.size() > 2 || month.size() > 2 || !is_digits(day) || !is_digits(month) ||
            !year_of(year))
            continue;
        return valid({to_int(year), to_int(month), to_int(day)});
    }
    return {};
}

// A date starting at tokens[i]; `used` receives how many tokens it spans.
std::optional<Date> date_at(const std::vector<std::string>& t, std::size_t i, std::size_t& used) {
    if (i >= t.size()) return {};
    if (auto d = numeric_date(t[i])) {
        used = 1;
        return d;
    }
    if (i + 2 >= t.size()) return {};
    if (const auto day = day_of(t[i])) {
        const auto month = month_of(t[i + 1]);
        const auto year = year_of(t[i + 2]);
        if (month && year) {
            used = 3;
            return valid({*year, *month, *day});
        }
    }
    if (const auto month = month_of(t[i])) {
        const auto day = day_of(t[i + 1]);
        const auto year = year_of(t[i + 2]);
        if (day && year) {
            used = 3;
            return valid({*year, *month, *day});
        }
    }
    return {};
}

}  // namespace

std::string parse_date_line(std::string_view line) {
    const auto t = tokens(line);
    const std::size_t start = !t.empty() && is_weekday(t[0]) ? 1 : 0;
    std::size_t used = 0;
    const auto d = date_at(t, start, used);
    if (!d || start + used != t.size()) return {};
    return iso_date(*d);
}

std::string find_date(std::string_view text) {
    const auto t = tokens(text);
    for (std::size_t i = 0; i < t.size(); ++i) {
        std::size_t used = 0;
        if (const auto d = date_at(t, i, used)) return iso_date(*d);
    }
    return {};
}

std::string date_from_file_name(std::string_view name) {
    const auto digit = [&](std::size_t i) {
        return i < name.size() && name[i] >= '0' && name[i] <= '9';
    };
    for (std::size_t i = 0; i + 10 <= name.size(); ++i) {
        if (i > 0 && digit(i - 1)) continue;
        if (digit(i + 10)) continue;
        // numeric_date insists on the exact "YYYY-MM-DD" shape for a 10-byte ISO token.
        const std::string candidate(name.substr(i, 10));
        if (candidate[4] != '-') continue;
        if (auto d = numeric_date(candidate)) return iso_date(*d);
    }
    return {};
}

std::string take_date_line(std::string& text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto nl = text.find('\n', pos);
        const auto end = nl == std::string::npos ? text.size() : nl;
        const auto line = std::string_view(text).substr(pos, end - pos);
        // Cheap guard: every date form holds a digit.
        if (line.find_first_of("0123456789") != std::string_view::npos) {
            if (auto date = parse_date_line(line); !date.empty()) {
                if (nl != std::string::npos)
                    text.erase(pos, end - pos + 1);
                else  // the last line: its newline is the one before it
                    text.erase(pos > 0 ? pos - 1 : pos);
                return date;
            }
        }
        if (nl == std::string::npos) break;
        pos = nl + 1;
    }
    return {};
}

}  // namespace revue
