// A progress bar with rate and time left, drawn on standard error only when
// it is a terminal (never into a file or a pipe that a script reads).
#ifndef RELIEF_CLI_PROGRESS_HPP_
#define RELIEF_CLI_PROGRESS_HPP_

#include <chrono>
#include <cstddef>
#include <string>

namespace relief::cli {

class ProgressBar {
 public:
  // `total` in the unit of Update (bytes of input read).
  explicit ProgressBar(std::size_t total);
  ~ProgressBar();  // clears the bar's line

  // `done` of the total so far, and `rows` evaluated, for the rate; redrawn
  // at most ten times a second.
  void Update(std::size_t done, std::size_t rows);

 private:
  bool shown_;
  std::size_t total_;
  std::chrono::steady_clock::time_point start_, last_;
};

// "[#######-------]  48 %  12 000 rows  6 100 rows/s  ETA 2 s" for a bar of
// `width` characters (what ProgressBar draws).
std::string ProgressLine(double fraction, std::size_t rows, double seconds, int width);

}  // namespace relief::cli

#endif  // RELIEF_CLI_PROGRESS_HPP_
