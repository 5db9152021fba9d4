#include "revue/search/request.hpp"

#include "revue/core/names.hpp"

namespace revue {

SortOrder sort_order_from_name(std::string_view name) {
    return value_named(kSortOrders, name, "sort");
}

Facet facet_from_name(std::string_view name) {
    return value_named(kFacets, name, "facet");
}

std::string_view facet_name(Facet facet) {
    return name_of(kFacets, facet);
}

}  // namespace revue
