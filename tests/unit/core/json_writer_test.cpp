// The JSON writer (src/core/json_writer.hpp) writes what nlohmann::json's
// dump writes for the same document, byte for byte, at every indent: the
// JSON report kept its layout when it stopped building a document tree.
#include "core/json_writer.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <random>

namespace relief::internal {
namespace {

using Json = nlohmann::ordered_json;

// Writes `value` (objects, arrays, strings, booleans and null) with `w`.
void Write(JsonWriter& w, const Json& value) {
  if (value.is_object()) {
    w.BeginObject();
    for (const auto& [key, member] : value.items()) {
      w.Key(key);
      Write(w, member);
    }
    w.EndObject();
  } else if (value.is_array()) {
    w.BeginArray();
    for (const Json& element : value) Write(w, element);
    w.EndArray();
  } else if (value.is_string()) {
    w.String(value.get_ref<const std::string&>());
  } else if (value.is_boolean()) {
    w.Bool(value.get<bool>());
  } else if (value.is_number_integer()) {
    w.Integer(value.get<std::int64_t>());
  } else {
    w.Null();
  }
}

std::string Written(const Json& value, int indent) {
  std::string out;
  JsonWriter w(out, indent);
  Write(w, value);
  return out;
}

std::string Dumped(const Json& value, int indent) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// Every byte that the escaping treats apart, French text, and bytes that
// are not UTF-8 (a lone continuation byte, a truncated sequence, an
// overlong form, a surrogate, 0xFF).
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {"",
                                                  "a",
                                                  "perte de CA",
                                                  "é",
                                                  "€",
                                                  "«\u00a0",
                                                  "\"",
                                                  "\\",
                                                  "/",
                                                  "\b",
                                                  "\f",
                                                  "\n",
                                                  "\r",
                                                  "\t",
                                                  std::string(1, '\0'),
                                                  "\x01",
                                                  "\x1f",
                                                  "\x7f",
                                                  "😀",
                                                  "\x80",
                                                  "\xc3",
                                                  "\xe2\x82",
                                                  "\xc0\xaf",
                                                  "\xed\xa0\x80",
                                                  "\xff",
                                                  "\xf4\x90\x80\x80"};
  return pieces;
}

std::string RandomString(std::mt19937& random) {
  std::string text;
  const std::size_t pieces = random() % 6;
  for (std::size_t i = 0; i < pieces; ++i) text += Pieces()[random() % Pieces().size()];
  return text;
}

Json RandomValue(std::mt19937& random, int depth) {
  const unsigned kind = depth >= 4 ? random() % 4 : random() % 6;
  switch (kind) {
    case 0:
      return RandomString(random);
    case 1:
      return random() % 2 == 0;
    case 2:
      return nullptr;
    case 3:  // an integer of any size and sign (a row number, a count)
      return static_cast<std::int64_t>((std::uint64_t{random()} << 32) | random()) >> (random() % 64);
    case 4: {
      Json object = Json::object();
      const std::size_t members = random() % 4;
      for (std::size_t i = 0; i < members; ++i)
        object[RandomString(random) + std::to_string(i)] = RandomValue(random, depth + 1);
      return object;
    }
    default: {
      Json array = Json::array();
      const std::size_t elements = random() % 4;
      for (std::size_t i = 0; i < elements; ++i) array.push_back(RandomValue(random, depth + 1));
      return array;
    }
  }
}

TEST(JsonWriter, WritesWhatNlohmannDumpsForTheSameDocument) {
  std::mt19937 random(20261206);
  for (int round = 0; round < 2000; ++round) {
    const Json document = RandomValue(random, 0);
    for (int indent : {-1, 0, 2, 4}) {
      ASSERT_EQ(Written(document, indent), Dumped(document, indent)) << "indent " << indent << ", round " << round;
    }
  }
}

TEST(JsonWriter, EscapesEveryControlCharacterAndKeepsTheRest) {
  std::string every;
  for (int c = 1; c < 256; ++c) every += static_cast<char>(c);
  every += std::string(1, '\0');
  EXPECT_EQ(Written(Json(every), -1), Dumped(Json(every), -1));
  EXPECT_EQ(Written(Json("a\tb\"c\\d\x01"), -1), R"("a\tb\"c\\d\u0001")");
}

TEST(JsonWriter, WritesIntegersAsDumpDoes) {
  for (std::int64_t n : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{42}, std::numeric_limits<std::int64_t>::min(),
                         std::numeric_limits<std::int64_t>::max()}) {
    EXPECT_EQ(Written(Json(n), -1), Dumped(Json(n), -1));
  }
  EXPECT_EQ(Written(Json{{"row", 12}}, -1), R"({"row":12})");
}

TEST(JsonWriter, EmptyContainersStayOnTheirLine) {
  const Json document = {{"a", Json::array()}, {"b", Json::object()}, {"c", {Json::array()}}};
  EXPECT_EQ(Written(document, 2), "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    []\n  ]\n}");
  EXPECT_EQ(Written(document, -1), R"({"a":[],"b":{},"c":[[]]})");
}

}  // namespace
}  // namespace relief::internal
