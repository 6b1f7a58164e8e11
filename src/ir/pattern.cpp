#include "ir/pattern.hpp"

#include <regex>

namespace relief::internal {

struct Pattern::Engine {
  std::regex regex;
};

std::optional<Pattern> Pattern::Compile(const std::string& text, std::string& error) {
  try {
    auto engine = std::make_shared<Engine>(Engine{std::regex(text, std::regex::ECMAScript)});
    return Pattern(text, std::move(engine));
  } catch (const std::regex_error& e) {
    error = e.what();
    return std::nullopt;
  }
}

bool Pattern::FullMatch(std::string_view text) const {
  return std::regex_match(text.begin(), text.end(), engine_->regex);
}

}  // namespace relief::internal
