#include "load/file_source.hpp"

#include <fmt/format.h>

#include <set>

namespace relief::load {

namespace fs = std::filesystem;

bool DiskSource::IsDirectory(const fs::path& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

bool DiskSource::IsRegularFile(const fs::path& path) const {
  std::error_code ec;
  return fs::is_regular_file(fs::symlink_status(path, ec));
}

bool DiskSource::IsLink(const fs::path& path) const {
  std::error_code ec;
  return fs::is_symlink(fs::symlink_status(path, ec));
}

FileText DiskSource::Read(const fs::path& path, std::size_t max_bytes) const {
  return ReadBoundedFile(path, max_bytes);
}

std::string DiskSource::Walk(const fs::path& dir, const Visit& visit) const {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const bool link = it->is_symlink();
    const Entry entry{it->path(), it.depth(), !link && it->is_directory(), !link && it->is_regular_file(), link};
    if (!visit(entry)) it.disable_recursion_pending();
  }
  return ec ? "cannot read directory: " + ec.message() : std::string();
}

fs::path DiskSource::Canonical(const fs::path& path, std::string& error) const {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec) error = "cannot resolve the directory: " + ec.message();
  return ec ? fs::path() : real;
}

std::string MemorySource::Key(const fs::path& path) {
  std::string key = path.lexically_normal().generic_string();
  while (!key.empty() && key.back() == '/') key.pop_back();
  return key == "." ? std::string() : key;
}

bool MemorySource::IsDirectory(const fs::path& path) const {
  const std::string key = Key(path);
  const std::string prefix = key.empty() ? key : key + "/";
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.rfind(prefix, 0) == 0;
}

bool MemorySource::IsRegularFile(const fs::path& path) const { return files_.count(Key(path)) != 0; }

FileText MemorySource::Read(const fs::path& path, std::size_t max_bytes) const {
  auto it = files_.find(Key(path));
  if (it == files_.end()) return {std::nullopt, "no such file"};
  if (it->second.size() > max_bytes) {
    return {std::nullopt, fmt::format("file too large: {} bytes, at most {}", it->second.size(), max_bytes)};
  }
  return {it->second, {}};
}

// Directories are listed before the files under them, once each, so that
// a visit can skip one.
std::string MemorySource::Walk(const fs::path& dir, const Visit& visit) const {
  const std::string key = Key(dir);
  const std::string prefix = key.empty() ? key : key + "/";
  std::set<std::string> skipped, seen;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.rfind(prefix, 0) == 0; ++it) {
    const fs::path rel = fs::path(it->first.substr(prefix.size()));
    fs::path sub = dir;
    int depth = 0;
    bool skip = false;
    for (auto part = rel.begin(); std::next(part) != rel.end() && !skip; ++part, ++depth) {
      sub /= *part;
      skip = skipped.count(sub.generic_string()) != 0;
      if (!skip && seen.insert(sub.generic_string()).second && !visit(Entry{sub, depth, true, false, false})) {
        skipped.insert(sub.generic_string());
        skip = true;
      }
    }
    if (!skip) visit(Entry{fs::path(it->first), depth, false, true, false});
  }
  return {};
}

fs::path MemorySource::Canonical(const fs::path& path, std::string&) const { return fs::path(Key(path)); }

}  // namespace relief::load
