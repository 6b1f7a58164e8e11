// The catalogue's reference pages: the facts a profile answers (with their
// questions, types and allowed values), and the parameters (values by
// date), computed values and lists the rules read.
#include <fmt/format.h>

#include "report/catalogue_pages.hpp"
#include "report/html_page.hpp"

namespace relief::report {
namespace {

// What a fact accepts: its values, list, bounds or pattern.
std::string Allowed(const FactDescription& f) {
  std::vector<std::string> parts;
  if (!f.allowed_values.empty()) parts.push_back(fmt::format("{}", fmt::join(f.allowed_values, ", ")));
  if (!f.list.empty()) parts.push_back("un code de la liste " + f.list);
  if (!f.min.empty()) parts.push_back("au moins " + f.min);
  if (!f.max.empty()) parts.push_back("au plus " + f.max);
  if (!f.pattern.empty()) parts.push_back("de la forme " + f.pattern);
  if (!f.fields.empty()) parts.push_back(fmt::format("champs : {}", fmt::join(f.fields, ", ")));
  return Html(fmt::format("{}", fmt::join(parts, " ; ")));
}

std::string Page(const PackDescription& pack, const std::string& title, const std::string& main) {
  const std::string body = fmt::format(
      "<header>\n<p><a href=\"index.html\">← Toutes les mesures</a></p>\n<h1>{}</h1>\n</header>\n<main>\n{}</main>\n",
      Html(title), main);
  return HtmlPage(title, body + CatalogueFooter(pack.info));
}

std::string Parameters(const PackDescription& pack) {
  if (pack.parameters.empty()) return "<section id=\"parametres\">\n<h2>Paramètres</h2>\n<p>Aucun.</p>\n</section>\n";
  std::string out =
      "<section id=\"parametres\">\n<h2>Paramètres</h2>\n<table>\n<thead><tr><th>Paramètre</th>"
      "<th>Valeurs</th><th>Sources</th></tr></thead>\n<tbody>\n";
  for (const ParameterDescription& p : pack.parameters) {
    std::string values, sources;
    for (const auto& [from, value] : p.values)
      values += "à partir du " + Html(from.ToFrench()) + " : " + Html(value) + "<br>";
    for (const std::string& s : p.sources) sources += SourceHtml(s) + "<br>";
    out += fmt::format("<tr id=\"p-{}\"><td>{}<br><code>{}</code></td><td>{}</td><td>{}</td></tr>\n", Html(p.name),
                       Html(p.label), Html(p.name), values, sources);
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string Values(const PackDescription& pack) {
  if (pack.values.empty()) return "<section id=\"valeurs\">\n<h2>Valeurs calculées</h2>\n<p>Aucune.</p>\n</section>\n";
  std::string out =
      "<section id=\"valeurs\">\n<h2>Valeurs calculées</h2>\n<table>\n<thead><tr><th>Valeur</th>"
      "<th>Calcul</th></tr></thead>\n<tbody>\n";
  for (const ValueDescription& v : pack.values) {
    out += fmt::format("<tr id=\"v-{}\"><td>{}<br><code>{}</code></td><td>{}<br><code>{}</code></td></tr>\n",
                       Html(v.name), Html(v.label), Html(v.name), Html(v.formula.words), Html(v.formula.text));
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string Lists(const PackDescription& pack) {
  std::string out = "<section id=\"listes\">\n<h2>Listes</h2>\n";
  if (pack.lists.empty()) out += "<p>Aucune.</p>\n";
  for (const ListDescription& l : pack.lists) {
    out += fmt::format("<details id=\"l-{}\">\n<summary>{} (<code>{}</code>) — {} code(s)</summary>\n", Html(l.name),
                       Html(l.label), Html(l.name), l.items.size());
    if (!l.source.empty()) out += "<p>Source : " + SourceHtml(l.source) + "</p>\n";
    out += "<ul>\n";
    for (const ListItemDescription& item : l.items) {
      out += "<li><code>" + Html(item.code) + "</code>";
      if (!item.value.empty()) out += " : " + Html(item.value);
      if (item.possible) out += " <span class=\"open\">(à vérifier au cas par cas)</span>";
      out += "</li>\n";
    }
    out += "</ul>\n</details>\n";
  }
  return out + "</section>\n";
}

}  // namespace

std::string FactsPage(const PackDescription& pack) {
  std::string main =
      fmt::format("<p>Les {} informations qu'un profil d'entreprise peut donner.</p>\n", pack.facts.size());
  main +=
      "<table>\n<thead><tr><th>Information</th><th>Question</th><th>Type</th><th>Valeurs admises</th></tr></thead>"
      "\n<tbody>\n";
  for (const FactDescription& f : pack.facts) {
    const std::string type = f.type + (f.unit.empty() ? "" : " (" + f.unit + ")");
    main += fmt::format("<tr id=\"f-{}\"><td>{}<br><code>{}</code></td><td>{}{}</td><td>{}</td><td>{}</td></tr>\n",
                        Html(f.name), Html(f.label), Html(f.name), Html(f.question),
                        f.source.empty() ? "" : "<br><span class=\"meta\">Source : " + SourceHtml(f.source) + "</span>",
                        Html(type), Allowed(f));
  }
  main += "</tbody>\n</table>\n";
  return Page(pack, "Les informations demandées sur l'entreprise", main);
}

std::string ParametersPage(const PackDescription& pack) {
  return Page(pack, "Paramètres, valeurs et listes", Parameters(pack) + Values(pack) + Lists(pack));
}

}  // namespace relief::report
