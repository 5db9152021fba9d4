#include "revue/output/printers.hpp"

#include <unordered_set>

namespace revue {
namespace {

// Each matching file once, in the order first seen, as raw bytes for xargs (-0 with NUL
// ends): a file holding several matching articles is still one file to open.
class PathsPrinter final : public Printer {
  public:
    PathsPrinter(std::ostream& out, const PrinterOptions& options)
        : out_(out), end_(options.null_end ? '\0' : '\n') {}

    void hit(const Hit& hit) override {
        if (!seen_.insert(hit.clipping.path).second) return;
        out_ << hit.clipping.path << end_;
    }

    void finish() override { out_.flush(); }

  private:
    std::ostream& out_;
    const char end_;
    std::unordered_set<std::string> seen_;
};

}  // namespace

std::unique_ptr<Printer> make_paths_printer(std::ostream& out, const PrinterOptions& options) {
    return std::make_unique<PathsPrinter>(out, options);
}

}  // namespace revue
