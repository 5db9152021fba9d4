#include "revue/search/query_dates.hpp"

#include "revue/core/calendar.hpp"
#include "revue/core/errors.hpp"
#include "revue/core/text.hpp"
#include "revue/index/schema.hpp"
#include "revue/search/query_fields.hpp"

namespace revue {
namespace {

// "2024" -> 20240101 (or 20241231 as an upper bound), "2024-02" -> 20240201 (20240231: no
// stored date lies between the month's last day and 31), "2024-02-29" -> 20240229.
std::string date_bound(std::string_view date, bool upper) {
    const auto bad = [&] {
        return BadQuery("bad date '" + std::string(date) +
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
    if (!exists({std::stoi(std::string(y)), month, day})) throw bad();
    return ym + std::string(date.substr(8, 2));
}

}  // namespace

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
        throw BadQuery("bad date range: " + std::string(from) + " is after " + std::string(to));
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, lo, hi);
}

DateRangeProcessor::DateRangeProcessor()
    : Xapian::RangeProcessor(schema::kDateSlot, std::string(kDateField) + ":") {}

Xapian::Query DateRangeProcessor::operator()(const std::string& begin, const std::string& end) {
    return date_range(begin, end);
}

}  // namespace revue
