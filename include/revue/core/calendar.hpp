// The Gregorian calendar as revue needs it: which days exist, and how a date is written.
#pragma once

#include <string>

namespace revue {

struct Date {
    int year = 0;
    int month = 0;  // 1 to 12
    int day = 0;    // 1 to 31
};

bool is_leap_year(int year);

// 28 to 31; 0 for a month that is not 1 to 12.
int days_in_month(int year, int month);

// The month is 1 to 12 and the day exists in it.
bool exists(const Date& date);

// "YYYY-MM-DD", as clippings store their dates.
std::string iso_date(const Date& date);

}  // namespace revue
