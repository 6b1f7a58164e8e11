#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace relief::cli {

std::string ProgressLine(double fraction, std::size_t rows, double seconds, int width) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  const int filled = static_cast<int>(fraction * width);
  std::string line = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                     std::string(static_cast<std::size_t>(width - filled), '-') + "]";
  line += fmt::format(" {:3.0f} %  {} rows", fraction * 100, rows);
  if (seconds > 0.2 && rows > 0) {
    line += fmt::format("  {:.0f} rows/s", static_cast<double>(rows) / seconds);
    if (fraction > 0) line += fmt::format("  ETA {:.0f} s", seconds * (1 - fraction) / fraction);
  }
  return line;
}

ProgressBar::ProgressBar(std::size_t total)
    : shown_(isatty(STDERR_FILENO) != 0), total_(total), start_(std::chrono::steady_clock::now()), last_() {}

ProgressBar::~ProgressBar() {
  if (shown_) std::fputs("\r\033[K", stderr);
}

void ProgressBar::Update(std::size_t done, std::size_t rows) {
  if (!shown_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double fraction = total_ == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total_);
  std::fputs(("\r" + ProgressLine(fraction, rows, seconds, 30) + "\033[K").c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace relief::cli
