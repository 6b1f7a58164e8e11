// The pages of the HTML catalogue (relief/catalogue.hpp), one function each,
// and what they share: where a measure's page is, and the French words for
// kinds and periods.
#ifndef RELIEF_REPORT_CATALOGUE_PAGES_HPP_
#define RELIEF_REPORT_CATALOGUE_PAGES_HPP_

#include <string>

#include "relief/introspection.hpp"

namespace relief::report {

// "mesures/<id>.html", the id reduced to letters, digits, '_' and '-' (a
// page never lands outside the catalogue's directory).
std::string MeasurePath(const std::string& id);
// "Subventions", "Prêts", …: the kind, as an index heading.
const char* KindFrench(MeasureKind kind);
// "novembre 2020", "juin 2020 à septembre 2020", "du 28/01/2021 au 09/05/2021".
std::string VersionPeriodFrench(const VersionDescription& v);
// The footer of every page: the pack's name, version and digest.
std::string CatalogueFooter(const PackInfo& info);

std::string IndexPage(const PackDescription& pack);
std::string MeasurePage(const PackDescription& pack, const MeasureDetail& measure);
std::string FactsPage(const PackDescription& pack);
std::string ParametersPage(const PackDescription& pack);

}  // namespace relief::report

#endif  // RELIEF_REPORT_CATALOGUE_PAGES_HPP_
