#include "revue/output/printers.hpp"

#include <array>
#include <charconv>

#include "revue/output/escape.hpp"

namespace revue {
namespace {

// rank, score, path, title separated by tabs; fields escaped so a hit stays on one line.
class TsvPrinter final : public Printer {
  public:
    explicit TsvPrinter(std::ostream& out) : out_(out) {}

    void hit(const Hit& hit) override {
        std::string line = std::to_string(hit.rank);
        line += '\t';
        // to_chars: fixed notation with a '.' whatever the C locale says.
        std::array<char, 64> score{};
        const auto result = std::to_chars(score.data(), score.data() + score.size(), hit.score,
                                          std::chars_format::fixed, 4);
        line.append(score.data(), result.ec == std::errc() ? result.ptr : score.data());
        line += '\t';
        append_escaped(line, hit.clipping.path);
        line += '\t';
        append_escaped(line, hit.clipping.title);
        line += '\n';
        out_ << line;
    }

    void finish() override { out_.flush(); }

  private:
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Printer> make_tsv_printer(std::ostream& out) {
    return std::make_unique<TsvPrinter>(out);
}

}  // namespace revue
