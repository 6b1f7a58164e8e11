// A static HTML catalogue of a rule pack, for advisors: an index of the
// measures by issuer and kind (with a search box), one page per measure
// with its versions, conditions and amounts in French, sources and open
// points, a page of the facts a profile answers, and one of the
// parameters, values and lists. Every page is a self-contained HTML5 file
// in French (inline style; the index's one script is allowed by its hash),
// with every text of the pack escaped.
#ifndef RELIEF_CATALOGUE_HPP_
#define RELIEF_CATALOGUE_HPP_

#include <string>
#include <vector>

#include "relief/introspection.hpp"

namespace relief {

struct CatalogueFile {
  std::string path;  // relative, with '/': "index.html", "mesures/pge.html"
  std::string html;
};

// The pages of the catalogue of `pack` (RulePack::Description()), the index first.
std::vector<CatalogueFile> ToCatalogue(const PackDescription& pack);

}  // namespace relief

#endif  // RELIEF_CATALOGUE_HPP_
