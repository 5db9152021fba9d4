// The live line `revue index` redraws on a terminal: files done, speed, time left.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "revue/index/index_report.hpp"

namespace revue {

// "1m05s", "42s", "2h03m": the time left, as the progress line shows it.
std::string duration_text(double seconds);

class ProgressLine {
  public:
    explicit ProgressLine(std::FILE* out) : out_(out) {}

    // "\r8200/20000 files, 2.7 MB/s, 12s left", over the previous line.
    void show(const IndexProgress& progress);
    // Wipes the line, so that what follows starts clean.
    void clear();

  private:
    std::FILE* out_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace revue
