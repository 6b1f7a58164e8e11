#include "relief/json_lines.hpp"

#include "api/access.hpp"
#include "core/source_file.hpp"
#include "profile/json_profile_reader.hpp"

namespace relief {

struct JsonLinesReader::Impl {
  explicit Impl(std::shared_ptr<const internal::Program> rules) : program(std::move(rules)), reader(program) {}
  std::shared_ptr<const internal::Program> program;  // held: no other pack's rules can take its address
  internal::JsonProfileReader reader;
  std::string buffer;  // the text with the padding the JSON parser reads past its end
};

JsonLinesReader::JsonLinesReader(const RulePack& pack)
    : impl_(std::make_unique<Impl>(internal::Access::shared_program(pack))) {}
JsonLinesReader::~JsonLinesReader() = default;
JsonLinesReader::JsonLinesReader(JsonLinesReader&&) noexcept = default;
JsonLinesReader& JsonLinesReader::operator=(JsonLinesReader&&) noexcept = default;
bool JsonLinesReader::ReadsFor(const RulePack& pack) const {
  return impl_->program == internal::Access::shared_program(pack);
}

namespace {

bool IsBlank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

// Reads one line with `reader`; a bug of relief's (an exception) is reported
// as such rather than crash.
std::shared_ptr<internal::ProfileData> ReadOne(internal::JsonProfileReader& reader, std::string_view line,
                                               std::size_t readable, int number, const std::string& file_name,
                                               DiagnosticSink& sink) {
  try {
    return reader.Read(line, readable, number, file_name, sink);
  } catch (const std::exception& e) {
    sink.Add(Diagnostic{Severity::kError,
                        {file_name, number, 0},
                        std::string("internal error while reading the profile: ") + e.what(),
                        {}});
  }
  return nullptr;
}

}  // namespace

JsonLinesResult JsonLinesReader::Read(std::string_view text, const std::string& file_name) {
  std::string& buffer = impl_->buffer;
  buffer.assign(text);
  buffer.resize(text.size() + internal::JsonProfileReader::kPadding);
  const std::string_view all(buffer.data(), text.size());
  JsonLinesResult result;
  DiagnosticSink sink;
  int number = 0;
  for (std::size_t start = 0; start < all.size();) {
    std::size_t end = all.find('\n', start);
    if (end == std::string_view::npos) end = all.size();
    std::string_view line = all.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    ++number;
    if (!IsBlank(line)) {
      auto data = ReadOne(impl_->reader, line, buffer.size() - start, number, file_name, sink);
      if (data) {
        result.profiles.push_back(internal::Access::MakeProfile(std::move(data)));
        result.lines.push_back(number);
      } else {
        ++result.bad_lines;
      }
    }
    start = end + 1;
  }
  result.diagnostics = sink.Take();
  return result;
}

ProfileResult JsonLinesReader::ReadLine(std::string_view line, int line_number, const std::string& file_name) {
  DiagnosticSink sink;
  auto data = ReadOne(impl_->reader, line, line.size(), line_number, file_name, sink);
  return internal::MakeProfileResult(std::move(data), sink.Take(), file_name);
}

}  // namespace relief
