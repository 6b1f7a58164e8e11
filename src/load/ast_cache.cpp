// An entry: kMagic, the 32 bytes of its key, the size of the encoded
// declarations (8 bytes, little-endian), their SHA-256 (32 bytes), then the
// declarations (ast_codec.hpp).
#include "load/ast_cache.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <vector>

#include "load/ast_codec.hpp"
#include "load/build_id.hpp"

namespace relief::load {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "relief rule file cache\n";
constexpr std::size_t kHashBytes = 32;
constexpr std::size_t kHeaderBytes = kMagic.size() + kHashBytes + 8 + kHashBytes;
constexpr std::string_view kTemporary = ".tmp-";  // in the names of entries being written

using Hash = std::array<unsigned char, kHashBytes>;

Hash Sha256(std::initializer_list<std::string_view> parts) {
  Hash hash{};
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  for (std::string_view part : parts) EVP_DigestUpdate(ctx, part.data(), part.size());
  EVP_DigestFinal_ex(ctx, hash.data(), nullptr);
  EVP_MD_CTX_free(ctx);
  return hash;
}

std::string_view View(const Hash& hash) { return {reinterpret_cast<const char*>(hash.data()), hash.size()}; }

// The 32 bytes a key's 64 hexadecimal digits stand for.
std::string KeyBytes(const std::string& key) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < key.size(); i += 2) {
    bytes += static_cast<char>(std::strtoul(key.substr(i, 2).c_str(), nullptr, 16));
  }
  return bytes;
}

// Reads the whole entry at `path` if it is a regular file of this user of a
// plausible size (a link is not followed); empty otherwise.
std::string ReadEntry(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return {};
  struct stat st {};
  std::string bytes;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
      static_cast<std::size_t>(st.st_size) > kHeaderBytes &&
      static_cast<std::size_t>(st.st_size) <= kHeaderBytes + AstCache::kMaxEntryBytes) {
    bytes.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    if (done != bytes.size()) bytes.clear();
  }
  ::close(fd);
  return bytes;
}

// Writes `bytes` to a new file in `directory`, then renames it `name`.
bool WriteAtomically(const std::string& directory, const std::string& name, const std::string& bytes) {
  std::string temp = fmt::format("{}/{}{}XXXXXX", directory, name, kTemporary);
  const int fd = ::mkstemp(temp.data());  // mode 0600
  if (fd < 0) return false;
  bool ok = true;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  ok = ok && ::rename(temp.c_str(), fmt::format("{}/{}", directory, name).c_str()) == 0;
  if (!ok) ::unlink(temp.c_str());
  return ok;
}

// The directory exists (or was made, mode 0700), is a directory, belongs to
// this user and only this user may write in it: another user who could
// write entries could change the rules this user's loads read.
bool UsableDirectory(const std::string& directory) {
  std::error_code ec;
  const fs::path path(directory);
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) return false;
  struct stat st {};
  return ::stat(directory.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid() &&
         (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

std::string Environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

std::string CacheDirectory(const std::string& configured) {
  if (!Environment("RELIEF_NO_CACHE").empty()) return {};
  if (!configured.empty()) return configured;
  if (std::string dir = Environment("RELIEF_CACHE_DIR"); !dir.empty()) return dir;
  // The XDG base directory specification ignores a relative path.
  if (std::string xdg = Environment("XDG_CACHE_HOME"); !xdg.empty() && xdg[0] == '/') return xdg + "/relief";
  if (std::string home = Environment("HOME"); !home.empty()) return home + "/.cache/relief";
  return {};
}

std::unique_ptr<AstCache> AstCache::Open(const std::string& directory, std::string_view build) {
  if (directory.empty() || BuildId().empty() || !UsableDirectory(directory)) return nullptr;
  std::string salt =
      fmt::format("relief rule file cache, encoding {}, relief {}, build {}", kAstCodecFormat, build, BuildId());
  return std::unique_ptr<AstCache>(new AstCache(directory, std::move(salt)));
}

AstCache::~AstCache() {
  if (stores_ > 0) Prune();
}

std::string AstCache::KeyOf(std::string_view text) const {
  const Hash hash = Sha256({salt_, std::string_view("\0", 1), text});
  std::string hex;
  hex.reserve(2 * hash.size());
  for (unsigned char byte : hash) hex += fmt::format("{:02x}", byte);
  return hex;
}

bool AstCache::Lookup(const std::string& key, const SourceFile& file, PackAst& out) const {
  const std::string entry = ReadEntry(directory_ + "/" + key);
  if (entry.size() <= kHeaderBytes) return false;
  const std::string_view bytes(entry);
  std::size_t size = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    size |= std::size_t{static_cast<unsigned char>(bytes[kMagic.size() + kHashBytes + i])} << (8 * i);
  }
  const std::string_view payload = bytes.substr(kHeaderBytes);
  const bool valid = bytes.substr(0, kMagic.size()) == kMagic &&
                     bytes.substr(kMagic.size(), kHashBytes) == KeyBytes(key) && size == payload.size() &&
                     bytes.substr(kHeaderBytes - kHashBytes, kHashBytes) == View(Sha256({payload}));
  if (!valid || !DecodeDecls(payload, file, out)) return false;
  ++hits_;
  return true;
}

void AstCache::Store(const std::string& key, const PackAst& decls, const SourceFile& file) const {
  const std::string payload = EncodeDecls(decls, file);
  if (payload.empty() || payload.size() > kMaxEntryBytes) return;
  std::string entry(kMagic);
  entry += KeyBytes(key);
  for (std::size_t i = 0; i < 8; ++i) entry += static_cast<char>((payload.size() >> (8 * i)) & 0xFF);
  entry += View(Sha256({payload}));
  entry += payload;
  if (WriteAtomically(directory_, key, entry)) ++stores_;
}

// Keeps the cache within its bounds by removing the entries written first
// (down to three quarters of the bounds, so that this does not run at every
// load), and the temporary files of writers that died an hour ago or more.
void AstCache::Prune() const {
  struct Entry {
    fs::file_time_type written;
    std::uintmax_t size;
    fs::path path;
  };
  std::vector<Entry> entries;
  std::uintmax_t total = 0;
  std::error_code ec;
  const auto an_hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (auto it = fs::directory_iterator(directory_, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code e;
    if (!it->is_regular_file(e)) continue;
    const std::string name = it->path().filename().string();
    const fs::file_time_type written = it->last_write_time(e);
    if (name.find(kTemporary) != std::string::npos) {
      if (!e && written < an_hour_ago) fs::remove(it->path(), e);
    } else if (name.size() == 2 * kHashBytes) {
      entries.push_back({written, it->file_size(e), it->path()});
      total += entries.back().size;
    }
  }
  if (total <= kMaxCacheBytes && entries.size() <= kMaxCacheEntries) return;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.written < b.written; });
  std::size_t count = entries.size();
  for (const Entry& entry : entries) {
    if (total <= kMaxCacheBytes / 4 * 3 && count <= kMaxCacheEntries / 4 * 3) break;
    if (fs::remove(entry.path, ec)) {
      total -= entry.size;
      --count;
    }
  }
}

}  // namespace relief::load
