// The expression grammar, in Boost.Spirit X3.
//
// Precedence, loosest first:
//   if-then-else, or, and, not, comparison and `in`, + -, * /, unary -,
//   postfix ([index], .field), primary (literals, calls, names, parentheses).
// Rules build nodes in a flat arena (ParseState) through semantic actions; a
// branch that backtracks only leaves unreferenced nodes behind. Every operator
// is followed by an expectation (`>`), so a missing operand is reported where
// it is missing rather than as unparsed trailing text.
#include <fmt/format.h>

#include <boost/fusion/include/at_c.hpp>
#include <boost/spirit/home/x3.hpp>
#include <cctype>

#include "expr/parser.hpp"

namespace relief::expr {
namespace {

namespace x3 = boost::spirit::x3;
using Iterator = const char*;

struct ParseState {
  Tree tree;
  const char* base = nullptr;
  // A literal that matched the grammar but is not a value, e.g. 2020-02-30;
  // reported at the start of that node once spans are known.
  std::optional<std::pair<NodeId, std::string>> semantic_error;
  int depth = 0;  // current nesting, see Guarded

  Span SpanOf(Iterator b, Iterator e) const {
    return {static_cast<std::uint32_t>(b - base), static_cast<std::uint32_t>(e - base)};
  }
};
struct state_tag;

template <class Ctx>
ParseState& State(Ctx& ctx) {
  return x3::get<state_tag>(ctx).get();
}

// Boost 1.74's x3::_where() yields [end of match, end of input), not the
// match itself, and a rule with actions cannot see its attribute in
// on_success. So spans are built explicitly: `position` captures where a
// construct starts (after the skipper), and the end of a match is
// _where(ctx).begin().
struct PositionParser : x3::parser<PositionParser> {
  using attribute_type = Iterator;
  static bool const has_attribute = true;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, const It& last, const Ctx& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    attr = first;
    return true;
  }
};
const PositionParser position{};

// Nesting guard: X3 has no recursion limit, and hostile input such as
// thousands of "not" or "(" would overflow the stack. The recursive rules
// run inside Guarded, which counts the depth and gives up past kMaxNesting:
// one level per parenthesis, `if`, index, call or list (each re-enters
// `expression`) and per prefix `not` or `-`.
struct TooDeep {
  Iterator where;
};

template <class Subject>
struct Guarded : x3::unary_parser<Subject, Guarded<Subject>> {
  using base_type = x3::unary_parser<Subject, Guarded<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr explicit Guarded(const Subject& subject) : base_type(subject) {}

  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, const It& last, const Ctx& ctx, RCtx& rctx, Attr& attr) const {
    ParseState& s = x3::get<state_tag>(ctx).get();
    if (++s.depth > kMaxNesting) throw TooDeep{first};
    bool ok = this->subject.parse(first, last, ctx, rctx, attr);
    --s.depth;
    return ok;
  }
};

struct GuardedGen {
  template <class Subject>
  constexpr Guarded<typename x3::extension::as_parser<Subject>::value_type> operator[](const Subject& s) const {
    return Guarded<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(s));
  }
};
constexpr GuardedGen guarded{};

template <class Ctx>
std::uint32_t EndOfMatch(Ctx& ctx) {
  return static_cast<std::uint32_t>(x3::_where(ctx).begin() - State(ctx).base);
}
template <class Ctx>
std::uint32_t OffsetOf(Ctx& ctx, Iterator it) {
  return static_cast<std::uint32_t>(it - State(ctx).base);
}

// Character classes on bytes: Spirit's ascii classifiers assert on UTF-8.
const auto digit = x3::char_('0', '9');
const auto alpha = x3::char_('a', 'z') | x3::char_('A', 'Z') | x3::char_('_');
const auto alnum = alpha | digit;
const auto skipper = x3::char_(" \t\r\n");

auto Keyword(const char* word) { return x3::lexeme[x3::lit(word) >> !alnum]; }

struct KeywordTable : x3::symbols<int> {
  KeywordTable() {
    for (const char* k : {"and", "or", "not", "in", "if", "then", "else", "true", "false"}) add(k, 0);
  }
};
const KeywordTable keywords;

struct CompareTable : x3::symbols<Op> {
  CompareTable() { add("==", Op::kEq)("!=", Op::kNe)("<=", Op::kLe)(">=", Op::kGe)("<", Op::kLt)(">", Op::kGt); }
};
const CompareTable compare_ops;

struct AddTable : x3::symbols<Op> {
  AddTable() { add("+", Op::kAdd)("-", Op::kSub); }
};
const AddTable add_ops;

struct MulTable : x3::symbols<Op> {
  MulTable() { add("*", Op::kMul)("/", Op::kDiv); }
};
const MulTable mul_ops;

// ---- Rules -------------------------------------------------------------
x3::rule<class expression_id, NodeId> const expression = "expression";
x3::rule<class conditional_id, NodeId> const conditional = "expression";
x3::rule<class or_id, NodeId> const or_expr = "expression";
x3::rule<class and_id, NodeId> const and_expr = "operand";
x3::rule<class not_id, NodeId> const not_expr = "operand";
x3::rule<class comparison_id, NodeId> const comparison = "operand";
x3::rule<class additive_id, NodeId> const additive = "operand";
x3::rule<class multiplicative_id, NodeId> const multiplicative = "operand";
x3::rule<class unary_id, NodeId> const unary = "operand";
x3::rule<class postfix_id, NodeId> const postfix = "operand";
x3::rule<class primary_id, NodeId> const primary = "operand";
x3::rule<class literal_id, NodeId> const literal = "literal";
x3::rule<class list_id, NodeId> const list = "list";
x3::rule<class call_id, NodeId> const call = "call";
x3::rule<class name_id, NodeId> const name = "name";
x3::rule<class identifier_id, std::string> const identifier = "name";
x3::rule<class closing_paren_id> const closing_paren = "')'";
x3::rule<class closing_bracket_id> const closing_bracket = "']'";
x3::rule<class then_id> const kw_then = "'then'";
x3::rule<class else_id> const kw_else = "'else'";

const auto kw_then_def = Keyword("then");
const auto kw_else_def = Keyword("else");
const auto closing_paren_def = x3::lit(')');
const auto closing_bracket_def = x3::lit(']');

const auto identifier_def = x3::raw[x3::lexeme[!(keywords >> !alnum) >> alpha >> *alnum]];

// ---- Literals ------------------------------------------------------------
const auto set_val = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };

x3::rule<class date_text_id, std::string> const date_text = "date";
x3::rule<class month_text_id, std::string> const month_text = "month";
x3::rule<class number_text_id, std::string> const number_text = "number";

// raw[] is outermost: inside a sequence it would be appended char by char.
const auto date_text_def =
    x3::raw[x3::lexeme[x3::repeat(4)[digit] >> '-' >> x3::repeat(2)[digit] >> '-' >> x3::repeat(2)[digit] >> !alnum]];
const auto month_text_def =
    x3::raw[x3::lexeme[x3::repeat(4)[digit] >> '-' >> x3::repeat(2)[digit] >> !alnum >> !x3::lit('-')]];
// Digits in groups of three separated by spaces, an optional fraction, and an
// optional unit: '%' or '€' (three bytes in UTF-8).
const auto number_text_def =
    x3::raw[x3::lexeme[+digit >> *(' ' >> x3::repeat(3)[digit] >> !digit) >> -('.' >> +digit) >> !alpha >>
                       -(*x3::lit(' ') >> (x3::lit('%') | x3::lit("\xE2\x82\xAC")))]];

// Adds a leaf node that ends where the current match ends and is `length`
// bytes long.
Node BoolNode(bool b) {
  Node n;
  n.op = Op::kBool;
  n.boolean = b;
  return n;
}

// Node with the given operator, operands and text (names, strings).
Node NodeOf(Op op, std::vector<NodeId> kids = {}, std::string text = {}) {
  Node n;
  n.op = op;
  n.kids = std::move(kids);
  n.text = std::move(text);
  return n;
}

template <class Ctx>
NodeId MakeLeaf(Ctx& ctx, std::size_t length, Node node) {
  std::uint32_t end = EndOfMatch(ctx);
  node.span = {end - static_cast<std::uint32_t>(length), end};
  return State(ctx).tree.Add(std::move(node));
}

// Adds a node that starts at `begin` and ends where the current match ends.
template <class Ctx>
NodeId MakeFrom(Ctx& ctx, Iterator begin, Node node) {
  node.span = {OffsetOf(ctx, begin), EndOfMatch(ctx)};
  return State(ctx).tree.Add(std::move(node));
}

template <class Ctx>
void SetSemanticError(Ctx& ctx, NodeId node, std::string message) {
  ParseState& s = State(ctx);
  if (!s.semantic_error) s.semantic_error.emplace(node, std::move(message));
}

const auto on_date = [](auto& ctx) {
  const std::string& text = x3::_attr(ctx);
  Node n = NodeOf(Op::kDate);
  auto d = Date::Parse(text);
  if (d) n.date = *d;
  x3::_val(ctx) = MakeLeaf(ctx, text.size(), std::move(n));
  if (!d) SetSemanticError(ctx, x3::_val(ctx), "invalid date '" + text + "'");
};

const auto on_month = [](auto& ctx) {
  const std::string& text = x3::_attr(ctx);
  Node n = NodeOf(Op::kMonth);
  auto m = Month::Parse(text);
  if (m) n.month = *m;
  x3::_val(ctx) = MakeLeaf(ctx, text.size(), std::move(n));
  if (!m) SetSemanticError(ctx, x3::_val(ctx), "invalid month '" + text + "'");
};

// "%" divides by 100, "€" makes the number money.
const auto on_number = [](auto& ctx) {
  const std::string& raw = x3::_attr(ctx);
  std::string digits;
  Node n = NodeOf(Op::kNumber);
  for (char c : raw) {
    if ((c >= '0' && c <= '9') || c == '.') digits += c;
  }
  if (raw.back() == '%') n.op = Op::kPercent;
  if (raw.find("\xE2\x82\xAC") != std::string::npos) n.op = Op::kMoney;
  auto value = Decimal::Parse(digits);
  if (value && n.op == Op::kPercent) value = value->Div(100);
  n.number = value.value_or(Decimal());
  x3::_val(ctx) = MakeLeaf(ctx, raw.size(), std::move(n));
  if (!value) SetSemanticError(ctx, x3::_val(ctx), "number out of range '" + digits + "'");
};

const auto on_string = [](auto& ctx) {
  const std::string& text = x3::_attr(ctx);
  x3::_val(ctx) = MakeLeaf(ctx, text.size() + 2, NodeOf(Op::kString, {}, text));
};
const auto on_true = [](auto& ctx) { x3::_val(ctx) = MakeLeaf(ctx, 4, BoolNode(true)); };
const auto on_false = [](auto& ctx) { x3::_val(ctx) = MakeLeaf(ctx, 5, BoolNode(false)); };

const auto literal_def = date_text[on_date] | month_text[on_month] | number_text[on_number] |
                         x3::lexeme['"' >> *(x3::char_ - '"' - '\n') >> '"'][on_string] | Keyword("true")[on_true] |
                         Keyword("false")[on_false];

const auto on_list = [](auto& ctx) {
  const auto& attr = x3::_attr(ctx);
  Node n = NodeOf(Op::kList);
  if (const auto& items = boost::fusion::at_c<1>(attr)) n.kids = *items;
  x3::_val(ctx) = MakeFrom(ctx, boost::fusion::at_c<0>(attr), std::move(n));
};
const auto list_def = (position >> '[' > -(expression % ',') > closing_bracket)[on_list];

const auto on_call = [](auto& ctx) {
  const auto& attr = x3::_attr(ctx);
  Node n = NodeOf(Op::kCall, {}, boost::fusion::at_c<1>(attr));
  if (const auto& args = boost::fusion::at_c<2>(attr)) n.kids = *args;
  x3::_val(ctx) = MakeFrom(ctx, boost::fusion::at_c<0>(attr), std::move(n));
};
const auto call_def = (position >> identifier >> '(' > -(expression % ',') > closing_paren)[on_call];

const auto on_name = [](auto& ctx) {
  const std::string& name = x3::_attr(ctx);
  x3::_val(ctx) = MakeLeaf(ctx, name.size(), NodeOf(Op::kName, {}, name));
};
const auto name_def = identifier[on_name];

// A parenthesised expression spans its parentheses, so that the text of an
// enclosing node (taken from its operands' spans) keeps them.
const auto on_paren = [](auto& ctx) {
  const auto& attr = x3::_attr(ctx);
  NodeId inner = boost::fusion::at_c<1>(attr);
  State(ctx).tree.nodes[inner].span = {OffsetOf(ctx, boost::fusion::at_c<0>(attr)), EndOfMatch(ctx)};
  x3::_val(ctx) = inner;
};

const auto primary_def = literal[set_val] | list[set_val] | call[set_val] | name[set_val] |
                         (position >> '(' > expression > closing_paren)[on_paren];

// ---- Operators -----------------------------------------------------------
// Postfix and binary actions extend the node built so far (_val).
const auto on_index = [](auto& ctx) {
  NodeId base = x3::_val(ctx);
  Iterator begin = State(ctx).base + State(ctx).tree.nodes[base].span.begin;
  x3::_val(ctx) = MakeFrom(ctx, begin, NodeOf(Op::kIndex, {base, x3::_attr(ctx)}));
};
const auto on_field = [](auto& ctx) {
  NodeId base = x3::_val(ctx);
  Iterator begin = State(ctx).base + State(ctx).tree.nodes[base].span.begin;
  x3::_val(ctx) = MakeFrom(ctx, begin, NodeOf(Op::kField, {base}, x3::_attr(ctx)));
};
const auto postfix_def = primary[set_val] >>
                         *(('[' > expression > closing_bracket)[on_index] | ('.' > identifier)[on_field]);

const auto on_binary = [](auto& ctx) {
  const auto& attr = x3::_attr(ctx);
  NodeId lhs = x3::_val(ctx);
  NodeId rhs = boost::fusion::at_c<1>(attr);
  ParseState& s = State(ctx);
  Node n = NodeOf(boost::fusion::at_c<0>(attr), {lhs, rhs});
  n.span = {s.tree.nodes[lhs].span.begin, s.tree.nodes[rhs].span.end};
  x3::_val(ctx) = s.tree.Add(std::move(n));
};
template <Op kOp>
const auto on_prefix = [](auto& ctx) {
  const auto& attr = x3::_attr(ctx);
  x3::_val(ctx) = MakeFrom(ctx, boost::fusion::at_c<0>(attr), NodeOf(kOp, {boost::fusion::at_c<1>(attr)}));
};

const auto unary_def = guarded[(position >> '-' > unary)[on_prefix<Op::kNeg>]] | postfix[set_val];
const auto multiplicative_def = unary[set_val] >> *(mul_ops > unary)[on_binary];
const auto additive_def = multiplicative[set_val] >> *(add_ops > multiplicative)[on_binary];

const auto in_op = Keyword("in") >> x3::attr(Op::kIn);
const auto comparison_def = additive[set_val] >> -((compare_ops > additive)[on_binary] | (in_op > postfix)[on_binary]);
const auto not_expr_def = guarded[(position >> Keyword("not") > not_expr)[on_prefix<Op::kNot>]] | comparison[set_val];
const auto and_op = Keyword("and") >> x3::attr(Op::kAnd);
const auto or_op = Keyword("or") >> x3::attr(Op::kOr);
const auto and_expr_def = not_expr[set_val] >> *(and_op > not_expr)[on_binary];
const auto or_expr_def = and_expr[set_val] >> *(or_op > and_expr)[on_binary];

const auto on_if = [](auto& ctx) {
  const auto& attr = x3::_attr(ctx);
  Node n = NodeOf(Op::kIf, {boost::fusion::at_c<1>(attr), boost::fusion::at_c<2>(attr), boost::fusion::at_c<3>(attr)});
  x3::_val(ctx) = MakeFrom(ctx, boost::fusion::at_c<0>(attr), std::move(n));
};
const auto conditional_def =
    (position >> Keyword("if") > expression > kw_then > expression > kw_else > expression)[on_if] | or_expr[set_val];
const auto expression_def = guarded[conditional[set_val]];

BOOST_SPIRIT_DEFINE(expression, conditional, or_expr, and_expr, not_expr, comparison, additive, multiplicative, unary,
                    postfix, primary, literal, list, call, name, identifier, closing_paren, closing_bracket, kw_then,
                    kw_else, date_text, month_text, number_text)

std::uint32_t SkipSpaces(std::string_view text, std::uint32_t offset) {
  while (offset < text.size() &&
         (text[offset] == ' ' || text[offset] == '\t' || text[offset] == '\n' || text[offset] == '\r'))
    ++offset;
  return offset;
}

// The token at `offset`, for "unexpected 'x'" messages.
std::string TokenAt(std::string_view text, std::uint32_t offset) {
  if (offset >= text.size()) return "end of expression";
  std::size_t end = offset;
  while (end < text.size() && text[end] != ' ' && end - offset < 12) ++end;
  if (end == offset) end = offset + 1;
  return "'" + std::string(text.substr(offset, end - offset)) + "'";
}

// Why parsing stopped before the end, in the rule author's terms.
std::string UnexpectedMessage(std::string_view text, std::uint32_t at) {
  std::string_view rest = text.substr(at);
  for (std::string_view op : {"==", "!=", "<=", ">=", "<", ">"}) {
    if (rest.starts_with(op)) return "comparisons cannot be chained; combine them with 'and'";
  }
  if (rest.starts_with("in") && (rest.size() == 2 || !std::isalnum(static_cast<unsigned char>(rest[2]))))
    return "'in' cannot be chained; combine the tests with 'and'";
  return "unexpected " + TokenAt(text, at) + "; expected an operator or the end of the expression";
}

// The offset of a '"' that opens a string never closed, if any.
std::optional<std::uint32_t> UnterminatedString(std::string_view text) {
  std::optional<std::uint32_t> open;
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') open = open ? std::nullopt : std::optional<std::uint32_t>(i);
  }
  return open;
}

}  // namespace

ParseResult Parse(std::string_view text) {
  ParseResult result;
  if (text.size() > kMaxExpressionBytes) {
    result.error = ParseError{0, "expression longer than 10000 bytes"};
    return result;
  }
  if (auto quote = UnterminatedString(text)) {
    result.error = ParseError{*quote, "unterminated string: a '\"' is not closed"};
    return result;
  }
  ParseState state;
  state.base = text.data();
  Iterator first = text.data();
  Iterator const last = text.data() + text.size();
  NodeId root = kNoNode;
  try {
    bool ok = x3::phrase_parse(first, last, x3::with<state_tag>(std::ref(state))[expression], skipper, root);
    std::uint32_t stop = SkipSpaces(text, static_cast<std::uint32_t>(first - text.data()));
    if (!ok) {
      result.error = ParseError{stop, "expected an expression, found " + TokenAt(text, stop)};
      return result;
    }
    if (stop != text.size()) {
      result.error = ParseError{stop, UnexpectedMessage(text, stop)};
      return result;
    }
  } catch (const TooDeep& e) {
    result.error = ParseError{static_cast<std::uint32_t>(e.where - text.data()),
                              fmt::format("expression nested too deeply (more than {} levels)", kMaxNesting)};
    return result;
  } catch (const x3::expectation_failure<Iterator>& e) {
    std::uint32_t at = SkipSpaces(text, static_cast<std::uint32_t>(e.where() - text.data()));
    result.error = ParseError{at, "expected " + e.which() + ", found " + TokenAt(text, at)};
    return result;
  }
  if (state.semantic_error) {
    const auto& [node, message] = *state.semantic_error;
    result.error = ParseError{state.tree.nodes[node].span.begin, message};
    return result;
  }
  state.tree.root = root;
  result.tree = std::move(state.tree);
  return result;
}

}  // namespace relief::expr
