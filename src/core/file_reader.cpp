#include "core/file_reader.hpp"

#include <fmt/format.h>

#include <fstream>

namespace relief {
namespace fs = std::filesystem;

FileText ReadBoundedFile(const fs::path& path, std::size_t max_bytes) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return {std::nullopt, "no such file"};
  if (fs::is_directory(status)) return {std::nullopt, "is a directory, not a file"};
  if (!fs::is_regular_file(status)) return {std::nullopt, "not a regular file"};
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return {std::nullopt, "cannot read: " + ec.message()};
  if (size > max_bytes) {
    return {std::nullopt, fmt::format("file too large: {} bytes, at most {} are read", size, max_bytes)};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, "cannot open the file"};
  // Read what the size said and no more: the file may grow meanwhile.
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) return {std::nullopt, "read error"};
  return {std::move(text), {}};
}

}  // namespace relief
