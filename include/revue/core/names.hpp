// Tables of names for the values of an option (formats, sort orders, facets, …): each table
// is a list of {name, value} pairs written once, beside its enum, and everything that reads
// or lists those names (parsers, CLI11 checks, help texts) goes through these helpers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "revue/core/errors.hpp"

namespace revue {

// "a, b or c"
template <class Table>
std::string names_list(const Table& table) {
    std::string out;
    std::size_t i = 0;
    for (const auto& entry : table) {
        if (i > 0) out += i + 1 == table.size() ? " or " : ", ";
        out += entry.first;
        ++i;
    }
    return out;
}

template <class Table>
std::vector<std::string> names_of(const Table& table) {
    std::vector<std::string> names;
    for (const auto& entry : table) names.emplace_back(entry.first);
    return names;
}

// The value named `name`; throws BadOption "unknown WHAT 'NAME' (expected a, b or c)".
template <class Table>
auto value_named(const Table& table, std::string_view name, std::string_view what) {
    for (const auto& entry : table)
        if (entry.first == name) return entry.second;
    throw BadOption("unknown " + std::string(what) + " '" + std::string(name) + "' (expected " +
                    names_list(table) + ")");
}

// The name of `value`, or "" when the table lacks it.
template <class Table, class Value>
std::string_view name_of(const Table& table, Value value) {
    for (const auto& entry : table)
        if (entry.second == value) return entry.first;
    return {};
}

}  // namespace revue
