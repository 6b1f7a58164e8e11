#include "api/profile_entries.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/source_file.hpp"
#include "core/text_safety.hpp"
#include "load/yaml_reader.hpp"

namespace relief::internal {
namespace {

// Plain YAML scalars that read back as the same text: ASCII letters and
// digits, accented Latin letters and €, spaces inside and a few signs; a
// letter, a digit or a minus sign first; never a word YAML reads as null.
// So no ": " nor " #" can occur. Anything else is double-quoted.
bool IsPlainSafe(std::string_view text) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return false;
  const char first = text.front();
  if (text.back() == ' ' || first == ' ' || first == '.' || first == ',' || first == '%' || first == '_' ||
      first == '/' || first == '+') {
    return false;
  }
  if (text.front() == '-' && (text.size() == 1 || text[1] == ' ')) return false;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char ch = DecodeUtf8(text, i);
    i += ch.size;
    const char32_t c = ch.code;
    const bool sign = c < 0x80 && std::string_view(" .,_%-+/").find(static_cast<char>(c)) != std::string_view::npos;
    const bool letter = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= 0xC0 && c <= 0x17F && c != 0xD7 && c != 0xF7) || c == 0x20AC;
    if (!ch.valid || !(sign || letter)) return false;
  }
  return true;
}

// A YAML double-quoted scalar: backslash and quote escaped, and every
// character YAML would not keep as it is (controls, line and paragraph
// separators, byte order mark) as \uXXXX.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char ch = DecodeUtf8(text, i);
    const char32_t c = ch.code;
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (ch.valid && (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF)) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c));
    } else {
      out.append(text.substr(i, ch.size));
    }
    i += ch.size;
  }
  return out + "\"";
}

std::string Scalar(std::string_view text, bool quoted) {
  return quoted || !IsPlainSafe(text) ? Quoted(text) : std::string(text);
}

}  // namespace

ProfileEntries ProfileEntries::FromYaml(const std::string& text) {
  ProfileEntries out;
  DiagnosticSink sink;
  std::optional<YAML::Node> root = load::ParseYaml(SourceFile("profile", text), sink);
  if (!root || !root->IsMap()) return out;
  for (const auto& entry : *root) {
    const std::string fact = entry.first.Scalar();
    if (entry.second.IsScalar()) out.Set(fact, "", entry.second.Scalar());
    if (!entry.second.IsMap()) continue;
    for (const auto& part : entry.second) {
      if (part.second.IsScalar()) out.Set(fact, part.first.Scalar(), part.second.Scalar());
    }
  }
  return out;
}

void ProfileEntries::Set(const std::string& fact, const std::string& part, const std::string& text) {
  auto it = std::find_if(entries_.begin(), entries_.end(), [&](const ProfileEntry& e) { return e.fact == fact; });
  if (it == entries_.end()) it = entries_.insert(entries_.end(), ProfileEntry{fact, "", {}});
  if (part.empty()) {
    it->text = text;
    return;
  }
  auto p = std::find_if(it->parts.begin(), it->parts.end(), [&](const auto& kv) { return kv.first == part; });
  if (p == it->parts.end()) {
    it->parts.emplace_back(part, text);
  } else {
    p->second = text;
  }
}

int ProfileEntries::Count() const {
  int n = 0;
  for (const ProfileEntry& e : entries_) n += e.parts.empty() ? 1 : static_cast<int>(e.parts.size());
  return n;
}

std::string ProfileEntries::ToYaml(const std::function<bool(const std::string& fact)>& quoted) const {
  std::string out;
  for (const ProfileEntry& e : entries_) {
    const bool quote = quoted(e.fact);
    if (e.parts.empty()) {
      out += fmt::format("{}: {}\n", e.fact, Scalar(e.text, quote));
      continue;
    }
    out += e.fact + ":\n";
    for (const auto& [part, text] : e.parts)
      out += fmt::format("  {}: {}\n", Scalar(part, !part.empty() && part[0] >= '0' && part[0] <= '9'),
                         Scalar(text, quote));
  }
  return out;
}

}  // namespace relief::internal
