// Dates in queries: the bounds users type (YYYY, YYYY-MM, YYYY-MM-DD) turned into ranges of
// the stored date value, for --since/--until and for date:FROM..TO.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace revue {

// Clippings dated from `from` to `to`, both inclusive, either open when empty; each bound
// is YYYY, YYYY-MM or YYYY-MM-DD. Throws BadQuery on a bad date.
Xapian::Query date_range(std::string_view from, std::string_view to);

// date:FROM..TO in QueryParser, through date_range.
class DateRangeProcessor : public Xapian::RangeProcessor {
  public:
    DateRangeProcessor();
    Xapian::Query operator()(const std::string& begin, const std::string& end) override;
};

}  // namespace revue
