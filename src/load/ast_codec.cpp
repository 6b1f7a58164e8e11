// The encoding: each declaration is its fields in the order Fields() lists
// them; numbers are LEB128 varints (the shortest form only), strings their
// length then their bytes, optionals a 0/1 flag then the value, vectors their
// size then their elements, places their offset + 1 (0: nowhere), dates their
// day number in zigzag form.
#include "load/ast_codec.hpp"

#include <concepts>
#include <type_traits>

namespace relief::load {
namespace {

template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

// The fields of each declaration, in encoding order: one list for both
// directions, so that no field can be written and not read. A new field of
// a declaration goes here, with kAstCodecFormat increased.
template <class Io, Is<Text> T>
void Fields(Io& io, T& t) {
  io(t.value, t.ref);
}
template <class Io, Is<ExprSource> T>
void Fields(Io& io, T& e) {
  io(e.text, e.ref, e.offsets_exact);
}
template <class Io, Is<TypeSpec> T>
void Fields(Io& io, T& t) {
  io(t.base, t.series, t.ref);
}
template <class Io, Is<FactDecl> T>
void Fields(Io& io, T& f) {
  io(f.name, f.ref, f.type, f.label, f.question, f.source, f.min, f.max, f.enum_values, f.enum_labels, f.pattern,
     f.in_list, f.default_value, f.identifies, f.fields);
}
template <class Io, Is<ListItem> T>
void Fields(Io& io, T& i) {
  io(i.code, i.label, i.ref, i.value);
}
template <class Io, Is<ListDecl> T>
void Fields(Io& io, T& l) {
  io(l.name, l.ref, l.label, l.source, l.items, l.possible);
}
template <class Io, Is<ParamValue> T>
void Fields(Io& io, T& v) {
  io(v.from, v.ref, v.value, v.source);
}
template <class Io, Is<ParamDecl> T>
void Fields(Io& io, T& p) {
  io(p.name, p.ref, p.type, p.label, p.values);
}
template <class Io, Is<ValueDecl> T>
void Fields(Io& io, T& v) {
  io(v.name, v.ref, v.type, v.label, v.formula);
}
template <class Io, Is<OpenPointDecl> T>
void Fields(Io& io, T& o) {
  io(o.text, o.when);
}
template <class Io, Is<ConditionDecl> T>
void Fields(Io& io, T& c) {
  io(c.ref, c.label, c.source, c.when, c.open_points);
}
template <class Io, Is<OptionDecl> T>
void Fields(Io& io, T& o) {
  io(o.ref, o.label, o.source, o.amount);
}
template <class Io, Is<AmountDecl> T>
void Fields(Io& io, T& a) {
  io(a.amount, a.options);
}
template <class Io, Is<CaseDecl> T>
void Fields(Io& io, T& c) {
  io(c.ref, c.id, c.label, c.source, c.when, c.amount, c.open_points);
}
template <class Io, Is<VersionDecl> T>
void Fields(Io& io, T& v) {
  io(v.ref, v.from, v.to, v.whole_months, v.label, v.source, v.deadline, v.require, v.cases, v.amount, v.open_points);
}
template <class Io, Is<MeasureDecl> T>
void Fields(Io& io, T& m) {
  io(m.id, m.ref, m.title, m.issuer, m.kind, m.per, m.apply, m.territory_label, m.territory_when, m.sources,
     m.open_points, m.versions);
}

// A declaration that gains a field changes size: this stops the build until
// the field is in Fields() above (and kAstCodecFormat increased), where a
// forgotten field would silently be lost by every cached load. The sizes are
// those of libstdc++ on 64-bit targets.
#if defined(__GLIBCXX__) && UINTPTR_MAX == UINT64_MAX
static_assert(sizeof(Text) == 48 && sizeof(ExprSource) == 56 && sizeof(TypeSpec) == 24,
              "a declaration changed: update Fields() in ast_codec.cpp and kAstCodecFormat");
static_assert(sizeof(FactDecl) == 600 && sizeof(ListItem) == 120 && sizeof(ListDecl) == 192,
              "a declaration changed: update Fields() in ast_codec.cpp and kAstCodecFormat");
static_assert(sizeof(ParamValue) == 128 && sizeof(ParamDecl) == 144 && sizeof(ValueDecl) == 184,
              "a declaration changed: update Fields() in ast_codec.cpp and kAstCodecFormat");
static_assert(sizeof(OpenPointDecl) == 112 && sizeof(ConditionDecl) == 192 && sizeof(OptionDecl) == 168,
              "a declaration changed: update Fields() in ast_codec.cpp and kAstCodecFormat");
static_assert(sizeof(AmountDecl) == 88 && sizeof(CaseDecl) == 320 && sizeof(VersionDecl) == 296,
              "a declaration changed: update Fields() in ast_codec.cpp and kAstCodecFormat");
static_assert(sizeof(MeasureDecl) == 472 && sizeof(PackAst) == 192,
              "a declaration changed: update Fields() in ast_codec.cpp and kAstCodecFormat");
#endif

class Writer {
 public:
  explicit Writer(const SourceFile& file) : file_(file) {}

  template <class... T>
  void operator()(const T&... fields) {
    (Field(fields), ...);
  }

  std::string bytes;
  bool ok = true;  // false when a place is in another file

 private:
  void Unsigned(std::uint64_t v) {
    for (; v >= 0x80; v >>= 7) bytes += static_cast<char>((v & 0x7F) | 0x80);
    bytes += static_cast<char>(v);
  }
  void Field(const std::string& s) {
    Unsigned(s.size());
    bytes += s;
  }
  void Field(bool b) { Unsigned(b ? 1 : 0); }
  void Field(SourceRef ref) {
    ok = ok && (ref.file == nullptr || ref.file == &file_);
    Unsigned(ref.file == nullptr ? 0 : std::uint64_t{ref.offset} + 1);
  }
  void Field(Date date) {
    const std::int64_t days = date.days_since_epoch();
    Unsigned(days < 0 ? (static_cast<std::uint64_t>(-(days + 1)) << 1) | 1 : static_cast<std::uint64_t>(days) << 1);
  }
  void Field(internal::BaseType t) { Unsigned(static_cast<std::uint64_t>(t)); }
  void Field(internal::SeriesKind s) { Unsigned(static_cast<std::uint64_t>(s)); }
  template <class T>
  void Field(const std::optional<T>& o) {
    Field(o.has_value());
    if (o) Field(*o);
  }
  template <class T>
  void Field(const std::vector<T>& v) {
    Unsigned(v.size());
    for (const T& x : v) Field(x);
  }
  template <class T>
  void Field(const T& declaration) {
    Fields(*this, declaration);
  }

  const SourceFile& file_;
};

class Reader {
 public:
  Reader(std::string_view bytes, const SourceFile& file) : bytes_(bytes), file_(file) {}

  template <class... T>
  void operator()(T&... fields) {
    (Field(fields), ...);
  }

  // Everything read, without a doubt and without a byte left over.
  bool done() const { return ok_ && at_ == bytes_.size(); }

 private:
  std::uint64_t Fail() {
    ok_ = false;
    return 0;
  }
  std::uint64_t Unsigned();
  // A length or a count: each byte or element takes at least a byte, so it
  // cannot be more than what is left (no huge allocation from a bad count).
  std::size_t Count() {
    const std::uint64_t n = Unsigned();
    return n <= bytes_.size() - at_ ? static_cast<std::size_t>(n) : static_cast<std::size_t>(Fail());
  }
  void Field(std::string& s) {
    const std::size_t n = Count();
    s.assign(bytes_.substr(at_, n));
    at_ += n;
  }
  void Field(bool& b) {
    const std::uint64_t v = Unsigned();
    if (v > 1) Fail();
    b = v == 1;
  }
  void Field(SourceRef& ref) {
    const std::uint64_t v = Unsigned();
    if (v > std::uint64_t{file_.text().size()} + 1) Fail();
    ref = v == 0 || !ok_ ? SourceRef{} : SourceRef{&file_, static_cast<std::size_t>(v - 1)};
  }
  void Field(Date& date);
  void Field(internal::BaseType& t) {
    const std::uint64_t v = Unsigned();
    if (v > static_cast<std::uint64_t>(internal::BaseType::kList)) Fail();
    t = ok_ ? static_cast<internal::BaseType>(v) : internal::BaseType::kError;
  }
  void Field(internal::SeriesKind& s) {
    const std::uint64_t v = Unsigned();
    if (v > static_cast<std::uint64_t>(internal::SeriesKind::kYearly)) Fail();
    s = ok_ ? static_cast<internal::SeriesKind>(v) : internal::SeriesKind::kNone;
  }
  template <class T>
  void Field(std::optional<T>& o) {
    bool present = false;
    Field(present);
    if (present && ok_) Field(o.emplace());
  }
  template <class T>
  void Field(std::vector<T>& v) {
    const std::size_t n = Count();
    for (std::size_t i = 0; i < n && ok_; ++i) Field(v.emplace_back());
  }
  // A fact's fields are facts without fields (records do not nest), which
  // also bounds the recursion whatever the bytes say.
  void Field(FactDecl& fact) {
    if (++fact_depth_ > 2) {
      Fail();
    } else {
      Fields(*this, fact);
    }
    --fact_depth_;
  }
  template <class T>
  void Field(T& declaration) {
    Fields(*this, declaration);
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
  bool ok_ = true;
  int fact_depth_ = 0;
  const SourceFile& file_;
};

std::uint64_t Reader::Unsigned() {
  std::uint64_t v = 0;
  for (int shift = 0; ok_ && at_ < bytes_.size() && shift < 64; shift += 7) {
    const auto byte = static_cast<std::uint8_t>(bytes_[at_++]);
    if (shift == 63 && byte > 1) break;  // beyond 64 bits
    v |= std::uint64_t{byte & 0x7Fu} << shift;
    if ((byte & 0x80) == 0) return byte == 0 && shift > 0 ? Fail() : v;  // a longer form than needed
  }
  return Fail();
}

void Reader::Field(Date& date) {
  static const std::int64_t kFirst = Date::FromYmd(1, 1, 1)->days_since_epoch();
  static const std::int64_t kLast = Date::FromYmd(9999, 12, 31)->days_since_epoch();
  const std::uint64_t v = Unsigned();
  const std::int64_t days = (v & 1) != 0 ? -static_cast<std::int64_t>(v >> 1) - 1 : static_cast<std::int64_t>(v >> 1);
  if (days < kFirst || days > kLast) Fail();
  date = ok_ ? Date::FromDays(static_cast<std::int32_t>(days)) : Date();
}

}  // namespace

std::string EncodeDecls(const PackAst& decls, const SourceFile& file) {
  Writer writer(file);
  writer(decls.facts, decls.lists, decls.parameters, decls.values, decls.measures, decls.broken_names);
  return writer.ok ? std::move(writer.bytes) : std::string();
}

bool DecodeDecls(std::string_view bytes, const SourceFile& file, PackAst& out) {
  Reader reader(bytes, file);
  reader(out.facts, out.lists, out.parameters, out.values, out.measures, out.broken_names);
  if (reader.done()) return true;
  out.facts.clear();
  out.lists.clear();
  out.parameters.clear();
  out.values.clear();
  out.measures.clear();
  out.broken_names.clear();
  return false;
}

}  // namespace relief::load
