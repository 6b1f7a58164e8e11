// Where the pack loader reads: the file system, or files held in memory
// (tests, the Python bindings, applications that ship rules in a database).
// Paths are pack directories and the files under them.
#ifndef RELIEF_LOAD_FILE_SOURCE_HPP_
#define RELIEF_LOAD_FILE_SOURCE_HPP_

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "core/file_reader.hpp"

namespace relief::load {

class FileSource {
 public:
  // What a walk tells of each entry under a directory.
  struct Entry {
    std::filesystem::path path;
    int depth = 0;  // 0 for the directory's own entries
    bool is_directory = false;
    bool is_regular_file = false;
    bool is_link = false;
  };
  // Returns false to skip a directory's contents.
  using Visit = std::function<bool(const Entry&)>;

  virtual ~FileSource() = default;
  virtual bool IsDirectory(const std::filesystem::path& path) const = 0;
  virtual bool IsRegularFile(const std::filesystem::path& path) const = 0;  // not through a link
  virtual bool IsLink(const std::filesystem::path& path) const = 0;
  // The file's text, or why not (larger than `max_bytes`, unreadable).
  virtual FileText Read(const std::filesystem::path& path, std::size_t max_bytes) const = 0;
  // Every entry under `dir`, depth first; an error message when it cannot
  // be listed.
  virtual std::string Walk(const std::filesystem::path& dir, const Visit& visit) const = 0;
  // The path with links and dots resolved; empty with `error` set when it
  // cannot be.
  virtual std::filesystem::path Canonical(const std::filesystem::path& path, std::string& error) const = 0;
};

// The file system.
class DiskSource final : public FileSource {
 public:
  bool IsDirectory(const std::filesystem::path& path) const override;
  bool IsRegularFile(const std::filesystem::path& path) const override;
  bool IsLink(const std::filesystem::path& path) const override;
  FileText Read(const std::filesystem::path& path, std::size_t max_bytes) const override;
  std::string Walk(const std::filesystem::path& dir, const Visit& visit) const override;
  std::filesystem::path Canonical(const std::filesystem::path& path, std::string& error) const override;
};

// Files in memory, by path relative to a rules directory
// ("national/pack.yaml" → its text). Directories are implied by the paths;
// there are no links.
class MemorySource final : public FileSource {
 public:
  explicit MemorySource(const std::map<std::string, std::string>& files) : files_(files) {}
  bool IsDirectory(const std::filesystem::path& path) const override;
  bool IsRegularFile(const std::filesystem::path& path) const override;
  bool IsLink(const std::filesystem::path&) const override { return false; }
  FileText Read(const std::filesystem::path& path, std::size_t max_bytes) const override;
  std::string Walk(const std::filesystem::path& dir, const Visit& visit) const override;
  std::filesystem::path Canonical(const std::filesystem::path& path, std::string& error) const override;

 private:
  static std::string Key(const std::filesystem::path& path);
  const std::map<std::string, std::string>& files_;
};

}  // namespace relief::load

#endif  // RELIEF_LOAD_FILE_SOURCE_HPP_
