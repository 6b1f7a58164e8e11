"""The hostile corpus: malformed or hostile rule packs, profiles and test
files, each with the exact outcome expected from the relief command line
(tests/hostile/expected/NAME.txt). run_corpus.py writes each case into a
fresh directory and runs it under limits.

A case is Case(name, argv, files, links, stdin, keep):
  argv   the relief arguments; {dir} is the case directory, {rules} the
         bundled rules, {profiles_pack} the golden profiles' pack.
  files  path -> text (str, written as UTF-8) or bytes.
  links  path -> target (a symbolic link), created after the files.
  keep   a regular expression: only the stdout lines it matches are
         compared (for the long text report of a valid evaluation).
"""

from dataclasses import dataclass, field


@dataclass
class Case:
    name: str
    argv: list
    files: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)
    stdin: bytes = None
    keep: str = None


MANIFEST = "pack:\n  name: p\n  version: 0.1.0\n  title: Paquet\n"
FACT = "facts:\n  effectif:\n    type: integer\n    label: effectif\n    question: Quel effectif ?\n    min: 0\n"
MEASURE = (
    "measures:\n  aide:\n    title: Aide\n    issuer: État\n    kind: grant\n    per: month\n"
    "    territory: {label: France entière}\n    apply: En ligne\n    sources: [Décret]\n"
    "    versions:\n      - months: 2020-11\n        source: Décret\n"
    "        require:\n          - label: petite\n            when: effectif <= 50\n"
    "        amount: 1 500 €\n")


def pack(rules, manifest=MANIFEST, extra=None):
    """A pack in p/ with one rule file (plus `extra` files, paths under p/)."""
    files = {"p/pack.yaml": manifest, "p/rules.yaml": rules}
    files.update({"p/" + k: v for k, v in (extra or {}).items()})
    return files


def check(name, files, links=None, target="p"):
    return Case(name, ["check", "{dir}/" + target], files, links or {})


def rule_case(name, rules):
    return check(name, pack(rules))


def expr_case(name, formula):
    return rule_case(name, FACT + "values:\n  v:\n    label: v\n    formula: " + formula + "\n")


def profile(name, text, argv_extra=None, month="2020-11"):
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return Case(name, ["eval", "--pack", "{profiles_pack}", "--month", month] + (argv_extra or []) + ["{dir}/profile.yaml"],
                {"profile.yaml": data})


def bundled(name, text, month="2020-11", keep=None, fmt="text"):
    return Case(name, ["eval", "--month", month, "--format", fmt, "{dir}/profile.yaml"],
                {"profile.yaml": text}, keep=keep)


def test_case(name, expect, extra_files=None, links=None):
    files = pack(FACT + MEASURE)
    if expect is not None:
        files["p/tests/t.yaml"] = (
            "tests:\n  - name: cas\n    justification: j\n    month: 2020-11\n"
            "    profile: {effectif: 3}\n    expect: " + expect + "\n")
    files.update(extra_files or {})
    return Case(name, ["test", "{dir}/p"], files, links or {})


def deep(n):
    return "[" * n + "]" * n


def laughs(levels):
    out = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, levels):
        c, p = chr(ord("a") + i), chr(ord("a") + i - 1)
        out += f"{c}: &{c} [" + ", ".join(["*" + p] * 10) + "]\n"
    return out


CASES = [
    # ---- The manifest ---------------------------------------------------------
    check("manifest_missing", {"p/rules.yaml": FACT}),
    check("manifest_empty", pack(FACT, manifest="")),
    check("manifest_list", pack(FACT, manifest="- pack\n")),
    check("manifest_keys_not_nested", pack(FACT, manifest="name: p\nversion: 0.1.0\ntitle: T\n")),
    check("manifest_unknown_key", pack(FACT, manifest=MANIFEST + "  auteur: moi\n")),
    check("manifest_title_only_not_nested", pack(FACT, manifest="title: T\n")),
    check("manifest_other_top_key", pack(FACT, manifest="paquet:\n  name: p\n")),
    check("manifest_typo", pack(FACT, manifest="pack:\n  name: p\n  versoin: 0.1.0\n  title: T\n")),
    check("manifest_tab", pack(FACT, manifest="pack:\n\tname: p\n")),
    check("manifest_unclosed_flow", pack(FACT, manifest="pack: {name: p, version: 0.1.0\n")),
    check("manifest_binary", pack(FACT, manifest=bytes(range(256)))),
    check("manifest_escape_sequences", pack(FACT, manifest="pack:\n  name: \"\x1b[2J\x1b[31m\"\n  version: 1\n  title: T\n  x\x1b[2J: 1\n")),
    check("manifest_name_escape_loads", pack(FACT, manifest="pack:\n  name: \"p\\e[2J\\e[1;1H\"\n  version: \"1\\r\"\n  title: T\n")),
    check("manifest_second_document", pack(FACT, manifest=MANIFEST + "---\npack: {}\n")),
    check("manifest_import_path", pack(FACT, manifest=MANIFEST + "  imports: [../national]\n")),
    check("manifest_import_missing", pack(FACT, manifest=MANIFEST + "  imports: [absent]\n")),
    check("manifest_import_self", pack(FACT, manifest="pack:\n  name: p\n  version: 1\n  title: T\n  imports: [p]\n")),
    check("manifest_import_symlink_outside",
          {**pack(FACT, manifest=MANIFEST + "  imports: [q]\n"), "elsewhere/q/pack.yaml": MANIFEST},
          links={"q": "elsewhere/q"}),
    check("manifest_is_directory", {"p/pack.yaml/x": "", "p/rules.yaml": FACT}),
    check("manifest_is_symlink", {"p/real.txt": MANIFEST, "p/rules.yaml": FACT}, links={"p/pack.yaml": "real.txt"}),
    check("manifest_broken_rules_still_read", pack("facts:\n  a:\n    type: integer\n    lable: a\n", manifest="name: p\n")),
    check("manifest_import_huge_name", pack(FACT, manifest=MANIFEST + "  imports: [" + "a" * 5000 + "]\n")),
    # ---- Files of the pack -----------------------------------------------------
    check("pack_not_a_directory", {"p": "x"}),
    check("pack_missing", {}),
    check("rules_yml_extension", pack(FACT, extra={"more.yml": "facts: {}\n"})),
    check("rules_symlink_file", pack(FACT), links={"p/other.yaml": "../outside.yaml"}),
    check("rules_symlink_dir", pack(FACT), links={"p/sub": "/etc"}),
    check("rules_too_large", pack(FACT, extra={"big.yaml": "# " + "x" * (5 << 20) + "\n"})),
    check("rules_too_many_files", {**pack(FACT), **{f"p/many/f{i}.txt": "" for i in range(2001)}}),
    check("rules_empty_file", pack("")),
    check("rules_only_comments", pack("# rien\n# du tout\n")),
    check("rules_bom", pack("\ufeff" + FACT)),
    check("rules_crlf", pack(FACT.replace("\n", "\r\n"))),
    check("rules_nul_bytes", pack(b"facts:\n  a\x00b: {}\n")),
    check("rules_invalid_utf8", pack(b"facts:\n  a:\n    type: integer\n    label: caf\xe9\n    question: q\n")),
    check("rules_overlong_utf8", pack(b"facts: {\xc0\xaf: 1}\n")),
    check("rules_second_document", pack(FACT + "---\n" + FACT)),
    check("rules_deep_nesting", pack("facts: " + deep(10000) + "\n")),
    check("rules_deep_flow_map", pack("facts: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n")),
    # '?' glued to a key of a flow map: libyaml read an explicit key and dropped the '?' silently
    # (found by the pack_loader fuzz target); yaml-cpp's message is the reference.
    check("rules_flow_question_mark", pack("facts:\n  effectif: {?type: integer, label: effectif, question: Quel effectif}\n")),
    check("rules_billion_laughs", pack(laughs(9))),
    check("rules_huge_scalar", pack("facts:\n  a:\n    type: integer\n    label: " + "é" * (600 << 10) + "\n")),
    check("rules_40k_duplicate_keys", pack("facts: {" + "a: 1, " * 40000 + "a: 1}\n")),
    check("rules_200k_duplicate_keys", pack("facts: {" + "a: 1, " * 200000 + "a: 1}\n")),
    check("rules_million_duplicate_keys", pack("facts: {" + "a: 1, " * 500000 + "a: 1}\n")),
    check("rules_long_line_error_at_end", pack("facts: {" + "x" * (3 << 20) + ": 1, b: [}\n")),
    check("rules_unknown_section", pack("fact:\n  a: {}\n")),
    check("rules_top_level_list", pack("- facts\n")),
    check("rules_tab_indentation", pack("facts:\n\ta: 1\n")),
    # ---- Declarations ---------------------------------------------------------
    rule_case("name_empty", "facts:\n  '': {type: integer, label: a, question: a}\n"),
    rule_case("name_keyword", "facts:\n  and: {type: integer, label: a, question: a}\n"),
    rule_case("name_with_space", "facts:\n  a b: {type: integer, label: a, question: a}\n"),
    rule_case("name_cyrillic_lookalike", "facts:\n  \u0435ffectif: {type: integer, label: a, question: a}\n"),
    rule_case("name_starts_with_digit", "facts:\n  1a: {type: integer, label: a, question: a}\n"),
    rule_case("name_control_character", "facts:\n  \"a\\e[2Jb\": {type: integer, label: a, question: a}\n"),
    rule_case("name_very_long", "facts:\n  ? " + "n" * 100000 + "\n  : {type: integer, label: a, question: a}\n"),
    rule_case("field_name_invalid", "facts:\n  r:\n    type: record\n    label: r\n    fields:\n      a-b: {type: integer, label: a, question: a}\n"),
    rule_case("unknown_key_huge", "facts:\n  a:\n    type: integer\n    label: a\n    question: a\n    ? " + "k" * 200000 + "\n    : 1\n"),
    rule_case("unknown_key_escape", "facts:\n  a:\n    type: integer\n    label: a\n    question: a\n    \"lab\\e[2Jel\": 1\n"),
    rule_case("fact_type_unknown", "facts:\n  a: {type: entier, label: a, question: a}\n"),
    rule_case("fact_type_huge", "facts:\n  a: {type: " + "t" * 100000 + ", label: a, question: a}\n"),
    rule_case("fact_enum_without_values", "facts:\n  a: {type: enum, label: a, question: a}\n"),
    rule_case("fact_label_control_characters", "facts:\n  a: {type: integer, label: \"x\\e]0;titre\\ay\", question: \"q\\rÉLIGIBLE\"}\n"),
    rule_case("fact_is_scalar", "facts:\n  a: 1\n"),
    rule_case("versions_empty", FACT + MEASURE.split("    versions:")[0] + "    versions: []\n"),
    rule_case("versions_not_a_list", FACT + MEASURE.split("    versions:")[0] + "    versions: 2020-11\n"),
    rule_case("version_month_out_of_range", FACT + MEASURE.replace("months: 2020-11", "months: 0000-01")),
    rule_case("version_month_13", FACT + MEASURE.replace("months: 2020-11", "months: 2020-13")),
    rule_case("version_year_10000", FACT + MEASURE.replace("months: 2020-11", "months: {from: 9999-12, to: 10000-01}")),
    rule_case("version_dates_reversed", FACT + MEASURE.replace("months: 2020-11", "dates: {from: 2020-11-30, to: 2020-11-01}")),
    rule_case("measure_missing_keys", "measures:\n  m: {title: M}\n"),
    rule_case("measure_kind_escape", FACT + MEASURE.replace("kind: grant", "kind: \"gr\\e[2Jant\"")),
    rule_case("parameter_bad_date_key", "parameters:\n  p:\n    type: percentage\n    label: p\n    values:\n      2020-02-30: {value: 50 %, source: s}\n"),
    rule_case("list_items_not_mapping", "lists:\n  l: {label: l, source: s, items: [a, b]}\n"),
    rule_case("anchors_valid", FACT + "values:\n  a: &v {label: a, formula: effectif + 1}\n  b: *v\n"),
    # ---- Expressions ----------------------------------------------------------
    expr_case("expr_unclosed_paren", "(effectif + 1"),
    expr_case("expr_missing_operand", "effectif +"),
    expr_case("expr_too_long", "effectif" + " + 1" * 3000),
    expr_case("expr_nested_1000", "(" * 1000 + "1" + ")" * 1000),
    expr_case("expr_not_chain", "not " * 5000 + "true"),
    expr_case("expr_and_chain_10k", " and ".join(["effectif > 0"] * 800)),
    rule_case("expr_unknown_name_escape", FACT + "values:\n  v:\n    label: v\n    formula: \"effetcif + \\\"\\e[2J\\\"\"\n"),
    expr_case("expr_unknown_function", "maxx(effectif, 1)"),
    expr_case("expr_huge_number", "1" * 400),
    expr_case("expr_invalid_date", "2020-02-30"),
    expr_case("expr_date_year_0", "0000-01-01"),
    expr_case("expr_add_days_2_32", "add_days(2020-11-15, 4294967296)"),
    rule_case("value_cycle", "values:\n  a: {label: a, formula: b + 1}\n  b: {label: b, formula: a + 1}\n"),
    # ---- Profiles (the golden profiles' pack) ------------------------------------
    profile("profile_empty", ""),
    profile("profile_blank", "\n  \n"),
    Case("profile_is_directory", ["eval", "--pack", "{profiles_pack}", "--month", "2020-11", "{dir}/d"], {"d/x": ""}),
    Case("profile_missing", ["eval", "--pack", "{profiles_pack}", "--month", "2020-11", "{dir}/absent.yaml"]),
    Case("profile_stdin_empty", ["eval", "--pack", "{profiles_pack}", "--month", "2020-11", "-"], stdin=b""),
    Case("profile_too_large", ["eval", "--pack", "{profiles_pack}", "--month", "2020-11", "{dir}/p.yaml"],
         {"p.yaml": "# " + "x" * (5 << 20) + "\n"}),
    profile("profile_binary", bytes(range(256)) * 4),
    profile("profile_invalid_utf8_value", b"naf: \"56.10\xff\"\n"),
    profile("profile_escape_in_key", "\"eff\x1b[2Jectif\": 3\n"),
    profile("profile_escape_in_value", "naf: \"\x1b[2J\x1b[H\\u00c9LIGIBLE \\u2014 999 999 \\u20ac\"\n"),
    profile("profile_newline_in_value", "forme: \"sarl\\nforme: sas\"\n"),
    profile("profile_bidi_override", "naf: \"\u202e56.10A\"\n"),
    profile("profile_unknown_key_1mb", "? " + "k" * (1 << 20) + "\n: 1\n"),
    profile("profile_enum_value_huge", "forme: " + "s" * (900 << 10) + "\n"),
    profile("profile_scalar_over_limit", "naf: " + "5" * (1100 << 10) + "\n"),
    profile("profile_deep_nesting", "effectif: " + deep(100000) + "\n"),
    profile("profile_billion_laughs", laughs(9) + "effectif: 1\n"),
    profile("profile_second_document", "effectif: 3\n---\neffectif: 4\n"),
    profile("profile_40k_unknown_keys", "{" + ", ".join(f"k{i}: 1" for i in range(40000)) + "}\n"),
    profile("profile_many_keys", "{" + ", ".join(f"k{i}: 1" for i in range(300000)) + "}\n"),
    profile("profile_series_many_months", "ca_mensuel: {" + ", ".join(f"\"{2000 + i // 12}-{i % 12 + 1:02}\": 1" for i in range(1000)) + "}\n"),
    profile("profile_json_syntax", "{\"effectif\": 3,}"),
    profile("profile_json_deep", "[" * 200000 + "]" * 200000),
    profile("profile_date_9999", "date_creation: 9999-12-31\n"),
    profile("profile_date_0000", "date_creation: 0000-00-00\n"),
    profile("profile_month_key_13", "ca_mensuel: {2020-13: 1}\n"),
    profile("profile_money_exponent", "aide_recue: 1e308\n"),
    profile("profile_money_huge", "aide_recue: " + "9" * 400 + "\n"),
    profile("profile_integer_huge", "effectif: 99999999999999999999999\n"),
    profile("profile_bad_date_option", "effectif: 1\n", month="2020-11", argv_extra=["--date", "2020-11-01"]),
    Case("option_date_escape", ["eval", "--pack", "{profiles_pack}", "--date", "\x1b[2J2020", "{dir}/p.yaml"], {"p.yaml": "effectif: 1\n"}),
    Case("option_month_10000", ["eval", "--pack", "{profiles_pack}", "--month", "10000-01", "{dir}/p.yaml"], {"p.yaml": "effectif: 1\n"}),
    # ---- The bundled pack --------------------------------------------------------
    bundled("bundled_birth_9999_12_31",
            "apprenti:\n  date_contrat: 2020-10-01\n  date_naissance: 9999-12-31\n  diplome_niveau: 5\n",
            keep=r"d'apprentis — |date hors des années"),
    bundled("bundled_birth_0001_01_01",
            "apprenti:\n  date_contrat: 2020-10-01\n  date_naissance: 0001-01-01\n  diplome_niveau: 5\n",
            keep=r"d'apprentis — |trentième anniversaire"),
    bundled("bundled_siren_escape", "siren: \"\x1b[2J\"\n", keep=r"siren|Entreprise"),
    # The HTML and Markdown reports and the catalogue escape a hostile pack title.
    Case("format_html_hostile_title",
         ["eval", "--pack", "{dir}/p", "--month", "2020-11", "--format", "html", "{dir}/profile.yaml"],
         dict(pack(FACT + MEASURE.replace("title: Aide", "title: \"<script>alert(1)</script> \\e[2J\\u202e & co\"")), **{"profile.yaml": "effectif: 3\n"}), keep=r"<summary>|<td>"),
    Case("format_markdown_hostile_title",
         ["eval", "--pack", "{dir}/p", "--month", "2020-11", "--format", "markdown", "{dir}/profile.yaml"],
         dict(pack(FACT + MEASURE.replace("title: Aide", "title: \"<script>alert(1)</script> \\e[2J\\u202e & co\"")), **{"profile.yaml": "effectif: 3\n"}), keep=r"^###|^\|"),
    Case("doc_hostile_title", ["doc", "--pack", "{dir}/p", "-o", "{dir}/out"], pack(FACT + MEASURE.replace("title: Aide", "title: \"<script>alert(1)</script> \\e[2J\\u202e & co\""))),
    Case("doc_output_is_a_file", ["doc", "--pack", "{dir}/p", "-o", "{dir}/p/pack.yaml"], pack(FACT + MEASURE)),
    # ---- relief test ---------------------------------------------------------------
    test_case("test_expect_empty", "{}"),
    test_case("test_amount_malformed", "{aide: {status: eligible, amount: abc}}"),
    test_case("test_amount_three_decimals", "{aide: {status: eligible, amount: \"1500.004\"}}"),
    test_case("test_status_unknown", "{aide: {status: eligble}}"),
    test_case("test_unknown_measure", "{aid: {status: eligible}}"),
    test_case("test_passes", "{aide: {status: eligible, amount: \"1500.00\"}}"),
    test_case("test_fails", "{aide: {status: ineligible}}"),
    test_case("test_file_symlink", None, extra_files={"outside.yaml": "tests: []\n"}, links={"p/tests/t.yaml": "../../outside.yaml"}),
    test_case("test_file_yml", None, extra_files={"p/tests/t.yml": "tests: []\n"}),
    test_case("test_file_second_document", None, extra_files={"p/tests/t.yaml": "tests: []\n---\ntests: []\n"}),
    test_case("test_name_escape", None, extra_files={"p/tests/t.yaml": (
        "tests:\n  - name: \"\\e[2Jcas\"\n    justification: j\n    month: 2020-11\n"
        "    profile: {effectif: 3}\n    expect: {aide: {status: ineligible}}\n")}),
]
