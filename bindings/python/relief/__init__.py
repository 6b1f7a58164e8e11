"""relief: which public support measures can a French business claim?

>>> import relief
>>> pack = relief.load()
>>> result = pack.evaluate({"effectif": 9, "naf": "56.10A"}, month="2020-11")
>>> [m.id for m in result.eligible]

``relief.load()`` loads the rule pack bundled with the package (or a pack
directory); ``Pack.evaluate`` evaluates one profile (a mapping of fact names
to ``int``, ``decimal.Decimal``, ``str``, ``bool``, ``datetime.date``, and
dicts for series and records); ``Pack.evaluate_frame`` a pandas DataFrame of
firms on every core. Amounts are exact ``decimal.Decimal``.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import json
import re
from dataclasses import dataclass
from typing import Any, List, Mapping, NoReturn, Optional, Tuple, Union

from . import _core
from ._evaluation import Evaluation, MeasureResult, MissingFact
from .errors import ProfileError, ReliefError, RuleError

__all__ = ["load", "load_files", "default_pack_directory", "Pack", "PackInfo", "Evaluation", "MeasureResult",
           "MissingFact", "Fact", "MeasureInfo", "Diagnostic", "ReliefError", "RuleError", "ProfileError",
           "__version__"]

__version__: str = _core.__version__
Fact = _core.Fact
MeasureInfo = _core.MeasureInfo
Diagnostic = _core.Diagnostic

DateLike = Union[_dt.date, str]


@dataclass(frozen=True)
class PackInfo:
    """A pack's name, version, title and digest (SHA-256 of the files read)."""

    name: str
    version: str
    title: str
    digest: str


def default_pack_directory() -> str:
    """The directory of the bundled pack (``$RELIEF_RULES_DIR/occitanie`` when set)."""
    return _core.default_pack_directory()


def _pack_or_raise(loaded: Tuple[Any, List[Any], str]) -> "Pack":
    core, diagnostics, text = loaded
    if core is None:
        raise RuleError(diagnostics, text)
    return Pack(core, [d for d in diagnostics if d.severity == "warning"])


def load(path: Optional[str] = None) -> "Pack":
    """Loads, checks and compiles the rule pack in directory ``path``.

    Without ``path``, the pack bundled with the package. Raises
    :class:`RuleError` listing every error when the pack does not load.
    """
    return _pack_or_raise(_core.load(str(path) if path is not None else default_pack_directory()))


def load_files(files: Mapping[str, str], pack: str) -> "Pack":
    """Loads a pack from files in memory: ``{"national/pack.yaml": text, …}``.

    ``pack`` names the pack's directory among them; its imports are its
    siblings. Raises :class:`RuleError` as :func:`load` does.
    """
    return _pack_or_raise(_core.load_files(dict(files), pack))


def _iso_date(date: Optional[DateLike], month: Optional[DateLike]) -> str:
    """The evaluation date: ``date`` itself, or the last day of ``month``."""
    if (date is None) == (month is None):
        raise TypeError("give exactly one of date= or month=")
    if date is not None:
        if isinstance(date, _dt.datetime):
            return date.date().isoformat()
        if isinstance(date, _dt.date):
            return date.isoformat()
        if isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            try:
                return _dt.date.fromisoformat(date).isoformat()
            except ValueError:
                pass
        _bad("date", date)
    if isinstance(month, _dt.date):
        year, number = month.year, month.month
    elif isinstance(month, str) and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month) and month[:4] != "0000":
        year, number = int(month[:4]), int(month[5:])
    else:
        _bad("month", month)
    # As `relief eval --month`: the month's last day, when every text of the month is in force.
    return _dt.date(year, number, calendar.monthrange(year, number)[1]).isoformat()


def _bad(what: str, value: object) -> NoReturn:
    form = "YYYY-MM-DD" if what == "date" else "YYYY-MM"
    raise ValueError(f"{what}: expected a datetime.date or a {form} string, found {value!r}")


class Pack:
    """A loaded rule pack. Immutable: evaluate from as many threads as you like."""

    def __init__(self, core: "_core.Pack", warnings: Optional[List[Any]] = None) -> None:
        self._core = core
        self.warnings: List[Any] = warnings or []
        """The pack's warnings (it loaded: warnings do not stop it)."""

    @property
    def info(self) -> PackInfo:
        """The pack's name, version, title and digest."""
        return PackInfo(**self._core.info)

    @property
    def facts(self) -> List["_core.Fact"]:
        """Every fact a profile may give, record fields as ``"record.field"``."""
        return self._core.facts

    @property
    def measures(self) -> List["_core.MeasureInfo"]:
        """Every measure of the pack (id, title, kind, per, issuer, sources), in pack order."""
        return self._core.measures

    def profile(self, profile: Mapping[str, Any]) -> "_core.Profile":
        """Checks ``profile`` against the pack's facts.

        Raises :class:`ProfileError` listing every bad field: unknown fact,
        wrong type, out of bounds, not in its list, ambiguous amount, or a
        ``float`` given for money.
        """
        core, errors = self._core.build_profile(dict(profile))
        if core is None:
            raise ProfileError(errors)
        return core

    def read_profile(self, text: str, name: str = "profile") -> "_core.Profile":
        """Reads a profile written in YAML or JSON (raises :class:`ProfileError`)."""
        core, diagnostics = self._core.read_profile(text, name)
        if core is None:
            raise ProfileError([(d.file, str(d)) for d in diagnostics if d.severity == "error"])
        return core

    def evaluate(self, profile: Union[Mapping[str, Any], "_core.Profile"], *, date: Optional[DateLike] = None,
                 month: Optional[DateLike] = None) -> Evaluation:
        """Evaluates every measure for ``profile`` at ``date``, or at the last day of ``month``.

        ``date`` is a ``datetime.date`` or ``"YYYY-MM-DD"``; ``month`` a
        ``datetime.date`` (its month) or ``"YYYY-MM"``. Give exactly one.
        """
        when = _iso_date(date, month)
        core = profile if isinstance(profile, _core.Profile) else self.profile(profile)
        return Evaluation(json.loads(self._core.evaluate_json(core, when)))

    def evaluate_frame(self, frame: Any, *, date: Optional[DateLike] = None, month: Optional[DateLike] = None,
                       threads: Optional[int] = None, questions: bool = False) -> Tuple[Any, Any]:
        """Evaluates a pandas DataFrame of firms, one per row, on every core.

        Columns are fact names; a series element is ``"ca_mensuel[2020-11]"``,
        a record field ``"embauche.date"``; empty cells (None, NaN, NA, NaT)
        are unknown: the column convention of ``relief batch``, documented in
        docs/profiles.md, "Tables of firms". Returns
        ``(results, errors)``: ``results`` has one row per firm and measure
        (the input index, ``measure``, ``status``, ``amount`` as Decimal or
        None, ``case``); ``errors`` one row per bad field (``row``, the input
        index label, ``field``, ``message``); a row with errors has no result.
        With ``questions=True``, ``results`` has a ``questions`` column too:
        the tuple of the columns that would give the facts still missing to
        decide the measure (``("ca_mensuel[2020-11]", "effectif")``, empty
        when none), as ``relief batch --questions`` lists them, read from
        each firm's trace rather than from a full evaluation: it costs about
        as much again as the rest of the call, far less than ``evaluate`` row
        by row (bench/evaluate_frame.py).
        """
        from ._frame import evaluate_frame

        return evaluate_frame(self, frame, _iso_date(date, month), threads or 0, questions)

    def __repr__(self) -> str:
        info = self.info
        return f"<relief.Pack {info.name} {info.version}: {len(self.measures)} measures>"
