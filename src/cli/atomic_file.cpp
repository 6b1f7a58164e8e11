#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace relief::cli {
namespace {

std::string Reason(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

// Writes all of `text`, resuming after a signal or a short write.
bool WriteAll(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

mode_t ModeFor(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return st.st_mode & 07777;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

std::string WriteFileAtomically(const std::string& path, const std::string& text) {
  std::string name = path + ".tmp-XXXXXX";
  std::vector<char> temp(name.begin(), name.end());
  temp.push_back('\0');
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return Reason("cannot create a temporary file beside it");
  std::string problem;
  if (::fchmod(fd, ModeFor(path)) != 0) problem = Reason("fchmod");
  if (problem.empty() && !WriteAll(fd, text)) problem = Reason("write");
  if (problem.empty() && ::fsync(fd) != 0) problem = Reason("fsync");
  if (::close(fd) != 0 && problem.empty()) problem = Reason("close");
  if (problem.empty() && ::rename(temp.data(), path.c_str()) != 0) problem = Reason("rename");
  if (!problem.empty()) ::unlink(temp.data());
  return problem;
}

}  // namespace relief::cli
