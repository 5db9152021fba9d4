// Checks core/calendar.hpp: leap years, month lengths, which dates exist, and ISO dates.
#include <catch2/catch.hpp>

#include <string>

#include "revue/core/calendar.hpp"

using revue::Date;

TEST_CASE("leap years follow the Gregorian rule", "[calendar]") {
    const auto [year, leap] = GENERATE(table<int, bool>({
        {2024, true},
        {2023, false},
        {2000, true},   // divisible by 400
        {1900, false},  // by 100, not by 400
        {2100, false},
        {2400, true},
        {4, true},
        {1, false},
    }));
    CAPTURE(year);
    CHECK(revue::is_leap_year(year) == leap);
}

TEST_CASE("days_in_month, and 0 for a month that does not exist", "[calendar]") {
    const auto [year, month, days] = GENERATE(table<int, int, int>({
        {2024, 1, 31},
        {2024, 2, 29},
        {2023, 2, 28},
        {1900, 2, 28},
        {2000, 2, 29},
        {2024, 3, 31},
        {2024, 4, 30},
        {2024, 6, 30},
        {2024, 7, 31},
        {2024, 8, 31},
        {2024, 9, 30},
        {2024, 11, 30},
        {2024, 12, 31},
        {2024, 0, 0},
        {2024, 13, 0},
        {2024, -1, 0},
    }));
    CAPTURE(year, month);
    CHECK(revue::days_in_month(year, month) == days);
}

TEST_CASE("exists: the month is 1 to 12 and the day is in it", "[calendar]") {
    const auto [year, month, day, real] = GENERATE(table<int, int, int, bool>({
        {2024, 2, 29, true},
        {2023, 2, 29, false},
        {2024, 4, 30, true},
        {2024, 4, 31, false},
        {2024, 12, 31, true},
        {2024, 1, 32, false},
        {2024, 1, 1, true},
        {2024, 1, 0, false},
        {2024, 1, -1, false},
        {2024, 0, 1, false},
        {2024, 13, 1, false},
    }));
    CAPTURE(year, month, day);
    CHECK(revue::exists(Date{year, month, day}) == real);
}

TEST_CASE("iso_date writes YYYY-MM-DD with leading zeros", "[calendar]") {
    const auto [year, month, day, iso] = GENERATE(table<int, int, int, std::string>({
        {2024, 3, 5, "2024-03-05"},
        {2024, 12, 31, "2024-12-31"},
        {999, 1, 1, "0999-01-01"},
        {2024, 10, 9, "2024-10-09"},
    }));
    CHECK(revue::iso_date(Date{year, month, day}) == iso);
}
