// A small rule pack held in memory (RulePack::Load from a PackFiles map):
// one fact of each kind, for the builder, amount and introspection tests.
#ifndef RELIEF_TESTS_UNIT_API_MEMORY_PACK_HPP_
#define RELIEF_TESTS_UNIT_API_MEMORY_PACK_HPP_

#include "relief/rule_pack.hpp"

namespace relief::testing {

inline PackFiles MemoryPackFiles() {
  return {
      {"base/pack.yaml", "pack:\n  name: base\n  version: 1.0.0\n  title: Base\n"},
      {"base/faits.yaml", R"(facts:
  effectif:
    type: integer
    label: effectif salarié
    question: Quel est l'effectif salarié ?
    min: 0
)"},
      {"essai/pack.yaml", "pack:\n  name: essai\n  version: 2.1.0\n  title: Essai\n  imports: [base]\n"},
      {"essai/tests/ignored.yaml", "not: [a test"},
      {"essai/regles/faits.yaml", R"(facts:
  loyer:
    type: money
    label: loyer mensuel
    question: Quel est le loyer mensuel ?
    source: Décret de test
    min: 0 €
  taux:
    type: percentage
    label: taux de perte
    question: Quel est le taux de perte ?
    max: 100 %
  ratio:
    type: decimal
    label: ratio
    question: Quel est le ratio ?
  ca:
    type: monthly money
    label: chiffre d'affaires mensuel
    question: Quel est le chiffre d'affaires du mois ?
  forme:
    type: enum
    values: [sarl, sas, ei]
    label: forme juridique
    question: Quelle est la forme ?
  ouvert:
    type: boolean
    label: ouvert au public
    question: L'établissement est-il ouvert ?
  debut:
    type: month
    label: mois de début
    question: Quel mois l'activité a-t-elle commencé ?
  dept:
    type: string
    label: département
    question: Quel département ?
    in_list: departements
  embauche:
    type: record
    label: embauche
    fields:
      date:
        type: date
        label: date du contrat
        question: Quelle date ?
      salaire:
        type: money
        label: salaire
        question: Quel salaire ?
lists:
  departements:
    label: départements
    source: INSEE
    items:
      "31": Haute-Garonne
      "34": Hérault
)"},
      {"essai/regles/aide.yaml", R"(measures:
  aide_loyer:
    title: Aide au loyer
    issuer: Région
    kind: grant
    per: month
    territory: {label: Partout}
    apply: Sans objet
    sources: [Délibération de test]
    versions:
      - months: {from: 2020-01, to: 2021-12}
        source: Version unique
        require:
          - label: Ouvert
            when: ouvert and effectif <= 10
        amount: loyer * taux
)"},
  };
}

inline const RulePack& MemoryPack() {
  static const RulePack pack = RulePack::Load(MemoryPackFiles(), "essai").value();
  return pack;
}

}  // namespace relief::testing

#endif  // RELIEF_TESTS_UNIT_API_MEMORY_PACK_HPP_
