#include "revue/index/index_report.hpp"

namespace revue {

int IndexReport::skipped_total() const {
    int total = 0;
    for (const auto& [reason, n] : skipped) total += n;
    return total;
}

void IndexReport::merge(const IndexReport& other) {
    added += other.added;
    updated += other.updated;
    removed += other.removed;
    unchanged += other.unchanged;
    articles += other.articles;
    interrupted = interrupted || other.interrupted;
    for (const auto& [reason, n] : other.skipped) skipped[reason] += n;
}

std::string IndexReport::summary() const {
    std::string line = std::string(interrupted ? "interrupted, " : "") +
                       "indexed: " + std::to_string(added) + " added, " + std::to_string(updated) +
                       " updated, " + std::to_string(removed) + " removed, " +
                       std::to_string(unchanged) + " unchanged, " +
                       std::to_string(skipped_total()) + " skipped";
    if (!skipped.empty()) {
        line += " (";
        bool first = true;
        for (const auto& [reason, n] : skipped) {
            line += (first ? "" : ", ") + std::to_string(n) + ' ' + reason;
            first = false;
        }
        line += ')';
    }
    return line;
}

}  // namespace revue
