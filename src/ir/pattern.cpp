// Patterns run on RE2: matching takes time linear in the text, whatever the
// pattern, and uses no recursion, so a long profile value or a pattern such
// as (a|aa)*b cannot hang or crash the engine (std::regex backtracks and
// recurses on both).
#include "ir/pattern.hpp"

#include <re2/re2.h>

namespace relief::internal {

struct Pattern::Engine {
  explicit Engine(const std::string& text) : re(text, Options()) {}

  static RE2::Options Options() {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_encoding(RE2::Options::EncodingUTF8);
    return options;
  }

  RE2 re;
};

std::optional<Pattern> Pattern::Compile(const std::string& text, std::string& error) {
  auto engine = std::make_shared<Engine>(text);
  if (!engine->re.ok()) {
    error = engine->re.error();
    return std::nullopt;
  }
  return Pattern(text, std::move(engine));
}

bool Pattern::FullMatch(std::string_view text) const {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), engine_->re);
}

}  // namespace relief::internal
