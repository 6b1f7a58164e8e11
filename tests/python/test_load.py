"""relief.load, RuleError, and the introspection of a pack."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import relief

ROOT = Path(__file__).resolve().parents[2]


def test_load_finds_the_bundled_pack_from_anywhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RELIEF_RULES_DIR", raising=False)
    pack = relief.load()
    assert pack.info.name == "occitanie"
    assert pack.info.digest.startswith("sha256:")
    assert len(pack.measures) == 21


def test_info_and_digest_match_the_command_line(pack, cli):
    out = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True).stdout
    assert f"pack {pack.info.name} {pack.info.version} ({pack.info.digest})" in out


def test_facts_describe_the_declarations(pack):
    facts = {f.name: f for f in pack.facts}
    loyer = facts["loyer_mensuel_ht"]
    assert (loyer.type, loyer.base, loyer.unit) == ("money", "money", "€")
    assert loyer.label and loyer.question.endswith("?")
    assert facts["ca_mensuel"].series == "monthly"
    assert "sas" in facts["forme"].allowed_values
    assert facts["naf"].list == "codes_naf"
    assert facts["effectif"].min == "0"
    assert "date" in facts["embauche"].fields and facts["embauche.date"].type == "date"
    assert facts["siren"].identifies


def test_measures_describe_the_pack(pack):
    measures = {m.id: m for m in pack.measures}
    fsv1 = measures["fonds_solidarite_volet1"]
    assert fsv1.kind == "grant" and fsv1.per == "month" and fsv1.issuer
    assert fsv1.sources and all(isinstance(s, str) for s in fsv1.sources)
    assert measures["pge"].kind == "loan"


def _broken_pack(tmp_path: Path) -> Path:
    (tmp_path / "essai").mkdir()
    (tmp_path / "essai" / "pack.yaml").write_text("pack:\n  name: essai\n  version: 1.0.0\n  title: Essai\n")
    (tmp_path / "essai" / "faits.yaml").write_text(
        "facts:\n  a:\n    type: monney\n    label: a\n    question: a ?\n  b:\n    type: integer\n    label: b\n")
    return tmp_path / "essai"


def test_rule_error_lists_every_diagnostic_and_prints_like_relief_check(tmp_path, cli):
    directory = _broken_pack(tmp_path)
    with pytest.raises(relief.RuleError) as caught:
        relief.load(str(directory))
    error = caught.value
    assert len(error.diagnostics) >= 2
    first = error.diagnostics[0]
    assert (first.file, first.line, first.severity) == (str(directory / "faits.yaml"), 3, "error")
    assert first.column > 0 and "monney" in first.message
    check = subprocess.run([cli, "check", str(directory)], capture_output=True, text=True)
    assert check.returncode == 1
    assert str(error) == check.stderr + check.stdout


def test_load_files_from_memory_equals_the_directory(pack):
    rules = ROOT / "rules"
    files = {str(p.relative_to(rules)): p.read_text(encoding="utf-8")
             for p in rules.rglob("*.yaml")}
    assert relief.load_files(files, "occitanie").info == pack.info
    with pytest.raises(relief.RuleError, match="not a rule pack directory"):
        relief.load_files(files, "absent")


def test_version_is_the_library_version():
    cmake = (ROOT / "CMakeLists.txt").read_text()
    assert f"project(relief VERSION {relief.__version__}" in cmake
