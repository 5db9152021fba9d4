#include "revue/output/printers.hpp"

#include "revue/output/escape.hpp"

namespace revue {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kReset = "\x1b[0m";

// A block per hit, for people:
//   1. Vents porteurs pour le français Mistral
//      Challenges · 2024-02-29 · G. F.
//      /home/me/revue/challenges.txt#2
//      …les modèles de la start-up parisienne…
//      also in: Le Monde (2024-02-29), Libération
// then, when asked, the facets and the total:
//   source:
//      3  Le Monde
//
//   5 matches
// In --batch mode each query's answer starts with a line "## QUERY".
class TextPrinter final : public Printer {
  public:
    TextPrinter(std::ostream& out, const PrinterOptions& options) : out_(out), options_(options) {}

    void begin_query(std::string_view query) override {
        std::string header = started_ ? "\n## " : "## ";
        append_escaped(header, query);
        header += '\n';
        out_ << header;
        started_ = true;
        block_empty_ = true;
    }

    void hit(const Hit& hit) override {
        const Clipping& c = hit.clipping;
        std::string block = separator();

        block += std::to_string(hit.rank);
        block += ". ";
        if (options_.color) block += kBold;
        append_escaped(block, c.title.empty() ? std::string_view("(untitled)") : c.title);
        if (options_.color) block += kReset;
        block += '\n';

        std::string about;
        for (const std::string* part : {&c.source, &c.date, &c.author}) {
            if (part->empty()) continue;
            if (!about.empty()) about += " \u00B7 ";
            append_escaped(about, *part);
        }
        if (!about.empty()) block.append("   ").append(about).append("\n");

        block += "   ";
        append_escaped(block, c.path);
        if (c.article > 1) block.append("#").append(std::to_string(c.article));
        block += '\n';

        const std::string& text = hit.snippet.text;
        if (!text.empty()) {
            block += "   ";
            std::size_t at = 0;
            for (const auto& [start, end] : clean_matches(hit.snippet)) {
                append_escaped(block, std::string_view(text).substr(at, start - at));
                if (options_.color) block += kMatch;
                append_escaped(block, std::string_view(text).substr(start, end - start));
                if (options_.color) block += kReset;
                at = end;
            }
            append_escaped(block, std::string_view(text).substr(at));
            block += '\n';
        }

        if (!hit.also_in.empty()) {
            block += "   also in: ";
            bool first = true;
            for (const Clipping& copy : hit.also_in) {
                if (!first) block += ", ";
                first = false;
                // A copy without a known source is named by its file.
                append_escaped(block, copy.source.empty() ? copy.path : copy.source);
                if (!copy.date.empty()) {
                    block += " (";
                    append_escaped(block, copy.date);
                    block += ')';
                }
            }
            block += '\n';
        }
        out_ << block;
    }

    void summary(const Summary& summary) override {
        std::string text;
        for (const FacetCounts& facet : summary.facets) {
            text += separator();
            append_escaped(text, facet.facet);
            text += ":\n";
            for (const auto& [value, count] : facet.counts) {
                const std::string number = std::to_string(count);
                text.append(number.size() < 4 ? 4 - number.size() : 0, ' ');
                text += number;
                text += "  ";
                append_escaped(text, value);
                text += '\n';
            }
        }
        text += separator();
        text += std::to_string(summary.total);
        text += summary.total == 1 ? " match\n" : " matches\n";
        out_ << text;
    }

    void finish() override { out_.flush(); }

  private:
    // A blank line between the parts of one answer.
    std::string separator() {
        const bool first = block_empty_;
        block_empty_ = false;
        started_ = true;
        return first ? std::string() : std::string("\n");
    }

    std::ostream& out_;
    const PrinterOptions options_;
    bool started_ = false;     // anything printed yet
    bool block_empty_ = true;  // nothing printed yet for the current query
};

}  // namespace

std::unique_ptr<Printer> make_text_printer(std::ostream& out, const PrinterOptions& options) {
    return std::make_unique<TextPrinter>(out, options);
}

}  // namespace revue
