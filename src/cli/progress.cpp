#include "revue/cli/progress.hpp"

namespace revue {

std::string duration_text(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    if (s >= 3600) return std::to_string(s / 3600) + "h" + std::to_string(s % 3600 / 60) + "m";
    if (s >= 60)
        return std::to_string(s / 60) + "m" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60) +
               "s";
    return std::to_string(s) + "s";
}

void ProgressLine::show(const IndexProgress& p) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const double rate = seconds > 0 ? static_cast<double>(p.bytes_done) / seconds : 0.0;
    std::string left;
    if (rate > 0 && p.bytes_done > 0 && p.bytes_total > p.bytes_done)
        left = ", " + duration_text(static_cast<double>(p.bytes_total - p.bytes_done) / rate) +
               " left";
    std::fprintf(out_, "\r\x1b[K%ju/%ju files, %.1f MB/s%s", p.files_done, p.files_total,
                 rate / 1e6, left.c_str());
}

void ProgressLine::clear() {
    std::fputs("\r\x1b[K", out_);
}

}  // namespace revue
