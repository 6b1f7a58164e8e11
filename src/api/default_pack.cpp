// Where the bundled rule pack is: found from where the library's code runs,
// not fixed when the library was configured, so that an installed (or
// moved, or pip-installed) copy finds its own rules.
#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "relief/rule_pack.hpp"

namespace relief {
namespace fs = std::filesystem;
namespace {

// The directories of the executable and of the module holding this code
// (the same for a static library; the extension for the Python module).
std::vector<fs::path> CodeDirectories() {
  std::vector<fs::path> dirs;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&DefaultPackDirectory), &info) != 0 && info.dli_fname != nullptr) {
    fs::path module = fs::weakly_canonical(info.dli_fname, ec);
    if (!ec && module != exe) dirs.push_back(module.parent_path());
  }
  if (!exe.empty()) dirs.push_back(exe.parent_path());
  return dirs;
}

bool IsPack(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "pack.yaml", ec);
}

// Whether `dir` is inside the build tree this library was built in.
bool InBuildTree(const fs::path& dir) {
  const std::string build = fs::weakly_canonical(RELIEF_BUILD_DIR).string() + "/";
  return (dir.string() + "/").rfind(build, 0) == 0;
}

}  // namespace

std::string DefaultPackDirectory() {
  if (const char* dir = std::getenv("RELIEF_RULES_DIR"); dir != nullptr && *dir != '\0') {
    // A rules directory (holding occitanie/), or a pack directory itself.
    return IsPack(dir) ? fs::path(dir).string() : (fs::path(dir) / "occitanie").string();
  }
  std::vector<fs::path> candidates;
  for (const fs::path& dir : CodeDirectories()) {
    candidates.push_back(dir / "rules" / "occitanie");                 // Python: relief/rules
    candidates.push_back(dir / RELIEF_BINDIR_TO_RULES / "occitanie");  // <prefix>/bin → share/relief/rules
    candidates.push_back(dir / RELIEF_LIBDIR_TO_RULES / "occitanie");  // <prefix>/lib → share/relief/rules
    if (InBuildTree(dir)) candidates.push_back(fs::path(RELIEF_SOURCE_RULES_DIR) / "occitanie");
  }
  // Last, the prefix the library was configured for: a consumer program
  // installed elsewhere than the library still finds its rules there.
  candidates.push_back(fs::path(RELIEF_INSTALLED_RULES_DIR) / "occitanie");
  for (const fs::path& dir : candidates) {
    if (IsPack(dir)) return dir.lexically_normal().string();
  }
  // Nothing found: name where an installed copy should be, for the message.
  return candidates.size() > 1 ? candidates[1].lexically_normal().string() : "rules/occitanie";
}

}  // namespace relief
