// Reading a whole input file with a bound on its size.
#ifndef RELIEF_CORE_FILE_READER_HPP_
#define RELIEF_CORE_FILE_READER_HPP_

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace relief {

struct FileText {
  std::optional<std::string> text;  // nullopt on error
  std::string error;                // why, in words ("is a directory", ...)
};

// The contents of the regular file at `path` (a link to one is read), or an
// error when it is not a regular file, cannot be read, or is larger than
// `max_bytes` (the file is not read then).
FileText ReadBoundedFile(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace relief

#endif  // RELIEF_CORE_FILE_READER_HPP_
