#include "load/build_id.hpp"

#include <elf.h>
#include <fmt/format.h>
#include <link.h>

#include <cstdint>
#include <cstring>

namespace relief::load {
namespace {

struct Search {
  std::uintptr_t address;  // of code of this binary
  std::string id;
};

// The NT_GNU_BUILD_ID note among `object`'s notes, in hexadecimal.
std::string NoteOf(const dl_phdr_info* object) {
  for (int i = 0; i < object->dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = object->dlpi_phdr[i];
    if (segment.p_type != PT_NOTE) continue;
    // The loader gives addresses as integers.
    const auto* at = reinterpret_cast<const unsigned char*>(  // NOLINT(performance-no-int-to-ptr)
        object->dlpi_addr + segment.p_vaddr);
    const unsigned char* end = at + segment.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, at, sizeof note);
      const unsigned char* name = at + sizeof note;
      const unsigned char* desc = name + ((note.n_namesz + 3) & ~3u);
      at = desc + ((note.n_descsz + 3) & ~3u);
      if (at > end) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        std::string hex;
        for (unsigned j = 0; j < note.n_descsz; ++j) hex += fmt::format("{:02x}", desc[j]);
        return hex;
      }
    }
  }
  return {};
}

// Stops at the loaded object whose segments hold `search->address`.
int Visit(dl_phdr_info* object, std::size_t, void* data) {
  auto* search = static_cast<Search*>(data);
  for (int i = 0; i < object->dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = object->dlpi_phdr[i];
    const std::uintptr_t start = object->dlpi_addr + segment.p_vaddr;
    if (segment.p_type == PT_LOAD && search->address >= start && search->address < start + segment.p_memsz) {
      search->id = NoteOf(object);
      return 1;
    }
  }
  return 0;
}

}  // namespace

const std::string& BuildId() {
  static const std::string id = [] {
    Search search{reinterpret_cast<std::uintptr_t>(&BuildId), {}};
    dl_iterate_phdr(Visit, &search);
    return search.id;
  }();
  return id;
}

}  // namespace relief::load
