// Saving a file so that a crash, a Ctrl-C or a full disk never leaves it
// half written: the new text goes to a temporary file beside it, flushed to
// disk, then renamed over it (rename is atomic within a file system).
#ifndef RELIEF_CLI_ATOMIC_FILE_HPP_
#define RELIEF_CLI_ATOMIC_FILE_HPP_

#include <string>

namespace relief::cli {

// "" when `path` now holds `text`, else the system's reason (and `path` is
// unchanged). An existing file keeps its permissions; a new one gets 0666
// less the umask, as a file written by the shell would.
std::string WriteFileAtomically(const std::string& path, const std::string& text);

}  // namespace relief::cli

#endif  // RELIEF_CLI_ATOMIC_FILE_HPP_
