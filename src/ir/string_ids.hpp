// The ids of a program's interned strings (Program::string_ids): looked up
// for every string a profile gives, so a flat table with a cheap hash
// rather than std::unordered_map (a murmur hash of the bytes and a modulo
// by a prime per look-up). Most texts looked up have no id (a SIREN, a
// name): a miss is one probe that finds an empty slot or another hash.
#ifndef RELIEF_IR_STRING_IDS_HPP_
#define RELIEF_IR_STRING_IDS_HPP_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace relief::internal {

class StringIds {
 public:
  // The id of `text`, a new one (from 1, in order) the first time. The text
  // must outlive the table.
  std::int32_t Intern(std::string_view text);
  // The id of `text`; 0 when it has none.
  std::int32_t Find(std::string_view text) const;
  std::size_t size() const { return count_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view text;
    std::int32_t id = 0;  // 0: empty
  };
  static std::uint64_t Hash(std::string_view text);
  void Grow();

  std::vector<Slot> slots_;  // open addressing; a power of two, at most half full
  std::size_t count_ = 0;
};

}  // namespace relief::internal

#endif  // RELIEF_IR_STRING_IDS_HPP_
