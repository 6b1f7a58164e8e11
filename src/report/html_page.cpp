// HTML escaping, linked sources and the page shell (html_page.hpp).
#include "report/html_page.hpp"

#include <fmt/format.h>

#include <cctype>
#include <regex>

#include "core/text_safety.hpp"

namespace relief::report {
namespace {

// Readable on a phone and on paper; no web font, no image, nothing loaded.
constexpr std::string_view kStyle = R"(
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:52rem;margin:1rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem;margin-bottom:.25rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;margin-top:2rem}
h3{font-size:1.1rem}.meta{color:#555;font-size:.9rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
td.amount{white-space:nowrap;text-align:right}.total{font-weight:bold}
.eligible{color:#0a6b2a}.undetermined{color:#8a5a00}.ineligible,.error{color:#a31515}.not_applicable{color:#555}
details{border:1px solid #ddd;border-radius:4px;padding:.25rem .75rem;margin:.5rem 0}
summary{cursor:pointer;font-weight:600}details ul{padding-left:1.25rem}
dt{font-weight:600}dd{margin:0 0 .5rem 1.5rem}
li details,dd details{border:none;padding:0;margin:0}li details>summary,dd details>summary{font-weight:normal;font-size:.85rem;color:#555}
code{font-size:.9em;background:#f3f3f3;padding:0 .2rem}.open{color:#8a5a00}
input[type=search]{font-size:1rem;padding:.3rem;width:100%;box-sizing:border-box}
@media print{details{border:none}details>summary{list-style:none}}
)";

// The escapes of the characters that matter to HTML, after the unsafe ones
// were made visible. Every attribute written is double-quoted, so that an
// apostrophe, frequent in French, is left as it is.
void AppendEscaped(std::string& out, std::string_view safe) {
  for (char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

// Légifrance's search for the text named, e.g. "décret n° 2020-371".
std::string LegifranceUrl(std::string_view name) {
  std::string query;
  for (unsigned char c : name) {
    if (std::isalnum(c) != 0 || c == '-') {
      query += static_cast<char>(c);
    } else {
      query += fmt::format("%{:02X}", c);
    }
  }
  return "https://www.legifrance.gouv.fr/search/all?query=%22" + query + "%22";
}

}  // namespace

std::string Html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscaped(out, TerminalSafe(text, "\n"));
  return out;
}

std::string SourceHtml(std::string_view text) {
  // Addresses end before a space, a closing bracket or a final punctuation.
  static const std::regex kLink(
      R"((https?://[A-Za-z0-9._~:/?#@!$&*+,;=%-]*[A-Za-z0-9/_#=-])|((?:décret|arrêté|loi|ordonnance) n° ?[0-9]{4}-[0-9]+))",
      std::regex::icase);
  const std::string safe = TerminalSafe(text, "\n");
  const std::string_view view(safe);
  std::string out;
  std::size_t done = 0;
  for (std::sregex_iterator it(safe.begin(), safe.end(), kLink), end; it != end; ++it) {
    const std::smatch& m = *it;
    const auto at = static_cast<std::size_t>(m.position(0));
    AppendEscaped(out, view.substr(done, at - done));
    const std::string url = m[1].matched ? m[1].str() : LegifranceUrl(m[2].str());
    std::string href, label;
    AppendEscaped(href, url);
    AppendEscaped(label, m[0].str());
    out += fmt::format(R"(<a href="{}" rel="noopener noreferrer">{}</a>)", href, label);
    done = at + static_cast<std::size_t>(m.length(0));
  }
  AppendEscaped(out, view.substr(done));
  return out;
}

std::string HtmlPage(std::string_view title, std::string_view body, std::string_view script,
                     std::string_view script_hash) {
  const std::string script_src = script.empty() ? "'none'" : "'" + std::string(script_hash) + "'";
  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src {}\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"relief\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
      script_src, Html(title), kStyle);
  page += body;
  if (!script.empty()) page += fmt::format("<script>{}</script>\n", script);
  page += "</body>\n</html>\n";
  return page;
}

}  // namespace relief::report
