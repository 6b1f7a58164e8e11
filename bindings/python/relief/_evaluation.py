"""The result of an evaluation, over the ``relief eval --format json`` document."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Dict, List, Optional

__all__ = ["Evaluation", "MeasureResult", "MissingFact"]


@dataclass(frozen=True)
class MissingFact:
    """A fact the profile does not give and that could change a result."""

    fact: str
    """``"effectif"``, ``"ca_mensuel"`` or ``"embauche.date"``."""
    key: str
    """How scripts name it: ``"ca_mensuel.2019-11"`` for a series element."""
    label: str
    question: str
    """The question to ask the firm, in French."""


@dataclass(frozen=True)
class MeasureResult:
    """One measure's outcome: status, exact amount, reasons and missing facts."""

    id: str
    title: str
    kind: str
    per: str
    status: str
    """``"eligible"``, ``"ineligible"``, ``"undetermined"``, ``"not_applicable"`` or ``"error"``."""
    amount: Optional[Decimal]
    """Rounded to the cent; ``None`` when not eligible or when a fact is missing."""
    case: Optional[str]
    option: Optional[str]
    reasons: List[str]
    missing: List[MissingFact]
    sources: List[str]
    """The texts of the version and case that applied."""
    open_points: List[str]
    """What the sources leave open, for this firm (guarded points that cannot concern it are left out)."""
    measure_sources: List[str]
    """Every text of the measure, all periods."""
    raw: Dict[str, Any] = field(repr=False, compare=False)
    """This measure's part of :meth:`Evaluation.to_dict` (conditions, cases, …)."""


def _missing(item: Dict[str, Any]) -> MissingFact:
    return MissingFact(item["fact"], item.get("key", item["fact"]), item.get("label", ""), item.get("question", ""))


def _measure(m: Dict[str, Any]) -> MeasureResult:
    amount = m.get("amount")
    return MeasureResult(
        id=m["id"], title=m["title"], kind=m.get("kind", ""), per=m.get("per", ""), status=m["status"],
        amount=Decimal(amount) if amount is not None else None,
        case=m.get("case") or None, option=m.get("option") or None,
        reasons=list(m.get("reasons", [])), missing=[_missing(x) for x in m.get("missing", [])],
        sources=list(m.get("sources", [])), open_points=list(m.get("open_points", [])),
        measure_sources=list(m.get("measure_sources", [])), raw=m)


_STATUS_FR = {"eligible": "éligible", "ineligible": "non éligible", "undetermined": "à déterminer",
              "not_applicable": "sans objet", "error": "erreur"}


class Evaluation:
    """Every measure of the pack evaluated for one profile at one date."""

    def __init__(self, document: Dict[str, Any]) -> None:
        self._doc = document
        self.measures: List[MeasureResult] = [_measure(m) for m in document["measures"]]
        """Every measure of the pack, in pack order, whatever its status."""
        self.questions: List[MissingFact] = [_missing(q) for q in document.get("questions", [])]
        """The missing facts, the one that settles the most undetermined measures first."""

    @property
    def eligible(self) -> List[MeasureResult]:
        """The measures whose status is ``"eligible"``."""
        return [m for m in self.measures if m.status == "eligible"]

    @property
    def date(self) -> str:
        """The evaluation date, ISO ``YYYY-MM-DD``."""
        return str(self._doc["date"])

    def measure(self, measure_id: str) -> MeasureResult:
        """The result of the measure ``measure_id`` (KeyError if the pack has none)."""
        for m in self.measures:
            if m.id == measure_id:
                return m
        raise KeyError(measure_id)

    def to_dict(self) -> Dict[str, Any]:
        """Exactly the document ``relief eval --format json`` prints."""
        return self._doc

    def __repr__(self) -> str:
        return f"<Evaluation {self.date}: {len(self.eligible)} eligible of {len(self.measures)} measures>"

    def _repr_html_(self) -> str:
        rows = []
        for m in self.measures:
            amount = "" if m.amount is None else f"{m.amount:,.2f} €".replace(",", "\u202f").replace(".", ",")
            rows.append("<tr><td>{}</td><td>{}</td><td style='text-align:right'>{}</td><td>{}</td></tr>".format(
                html.escape(m.title), html.escape(_STATUS_FR.get(m.status, m.status)), html.escape(amount),
                html.escape(m.case or "")))
        return ("<table><thead><tr><th>mesure</th><th>statut</th><th>montant</th><th>cas</th></tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>")
