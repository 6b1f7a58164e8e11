// What the HTML documents share (the evaluation page, the catalogue): text
// escaped for HTML, sources with their links, and the page around a body:
// one self-contained HTML5 file, in French, styled inline, that loads
// nothing and whose Content-Security-Policy forbids any script other than
// the one it names.
#ifndef RELIEF_REPORT_HTML_PAGE_HPP_
#define RELIEF_REPORT_HTML_PAGE_HPP_

#include <string>
#include <string_view>

namespace relief::report {

// Text as HTML text or double-quoted attribute value: & < > " as references; control
// characters, bidirectional overrides and invalid bytes as visible escapes
// ("\x1b", "\u202e", "\xff"), which HTML would otherwise drop or misread.
std::string Html(std::string_view text);

// A source citation, escaped, with its web addresses (http, https) as links
// and each French legal text it names ("décret n° 2020-371", "loi n°
// 2020-1576") as a link to a search of Légifrance.
std::string SourceHtml(std::string_view text);

// "<!DOCTYPE html>…<body>" + body + "</body></html>". `title` is plain text
// (escaped here); `script`, when given, is inline and allowed by its hash
// `script_hash` ("sha256-…", base64), and no other script may run.
std::string HtmlPage(std::string_view title, std::string_view body, std::string_view script = {},
                     std::string_view script_hash = {});

}  // namespace relief::report

#endif  // RELIEF_REPORT_HTML_PAGE_HPP_
