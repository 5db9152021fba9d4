#include "revue/search/collapse.hpp"

#include <algorithm>
#include <tuple>

#include "revue/index/schema.hpp"
#include "revue/index/stored_form.hpp"

namespace revue {

bool newer_then_path(const Clipping& a, const Clipping& b) {
    if (a.date != b.date) return a.date > b.date;  // "" (no date) is before every date
    if (a.path != b.path) return a.path < b.path;
    return a.article < b.article;
}

bool ranks_before(const Copy& a, const Copy& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return newer_then_path(a.clipping, b.clipping);
}

std::vector<Copy> copies_of(const Xapian::Database& db, const ClippingCodec& codec,
                            const Xapian::Query& query, const std::string& key) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kCollapseSlot, key, key)));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<Copy> found;
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        found.push_back(
            {*it, it.get_weight(), schema::load_clipping(it.get_document(), codec, false)});
    }
    std::sort(found.begin(), found.end(), [](const Copy& a, const Copy& b) {
        const auto order = [](const Clipping& c) {
            return std::tie(c.date.empty() ? kNoDateLast : c.date, c.path, c.article);
        };
        return order(a.clipping) < order(b.clipping);
    });
    return found;
}

}  // namespace revue
