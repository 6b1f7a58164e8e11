#!/usr/bin/env node
// Generates rules/national/listes/departements.yaml: the 101 French departments as one relief list,
// `departements`, each code mapped to {label: its name, value: the INSEE code of its region}, from the
// Code officiel géographique (COG) of INSEE as packaged by Etalab in the npm package
// @etalab/decoupage-administratif 6.0.0 (COG millésime 2026; code MIT, data under the Licence Ouverte).
//
// Usage (from this folder):  npm ci && node import-departements.mjs [output-path]
//
// The package's data/departements.json has 109 entries, each {code, region, chefLieu, nom, typeLiaison,
// zone}; there is no `type` field, but `zone` is "metro" (96: 01…95 without 20, with 2A and 2B), "drom"
// (5: 971, 972, 973, 974, 976) or "com" (8 overseas collectivities with pseudo-department codes 975,
// 977, 978, 984, 986, 987, 988, 989, whose `region` is their own code: they are not departments).
// Only "metro" and "drom" are kept. The script fails (exit code 1) if that does not give exactly
// 96 + 5 = 101 distinct departments with the expected overseas codes, if a department's region is not a
// region of data/regions.json, if the 13 departments of Occitanie are not all mapped to region "76", or
// if the written file does not read back to the same data. Names are copied verbatim; every code, name
// and region code is written as a double-quoted YAML string by the `yaml` package.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { pinnedPackageDir } from "../common/pinned-package.mjs";

const PACKAGE = "@etalab/decoupage-administratif";
const PACKAGE_VERSION = "6.0.0";
const LIST = "departements";
const EXPECTED = { metro: 96, drom: 5 };
const EXPECTED_TOTAL = EXPECTED.metro + EXPECTED.drom; // 101
const EXPECTED_DROM = ["971", "972", "973", "974", "976"];
const DEPARTMENT_CODE = /^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$/;
const REGION_CODE = /^\d{2}$/;
const OCCITANIE = "76";
const OCCITANIE_DEPARTMENTS = ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"];

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const output = resolve(process.argv[2] ?? join(repoRoot, "rules", "national", "listes", "departements.yaml"));

function fail(message) {
  console.error(`import-departements: error: ${message}`);
  process.exit(1);
}

const packageDir = pinnedPackageDir(import.meta.url, PACKAGE, PACKAGE_VERSION, fail);
const dataDir = join(packageDir, "data");
const readArray = (name) => {
  const value = JSON.parse(readFileSync(join(dataDir, name), "utf8"));
  if (!Array.isArray(value)) fail(`data/${name} is not an array`);
  return value;
};
const entries = readArray("departements.json");
const regions = new Set(
  readArray("regions.json")
    .filter((r) => r?.zone === "metro" || r?.zone === "drom")
    .map((r) => r?.code),
);

const departments = new Map(); // code -> {label, region}
const perZone = new Map();
for (const entry of entries) {
  for (const field of ["code", "nom", "region", "zone"]) {
    if (typeof entry?.[field] !== "string") fail(`departements.json entry without a string ${field}: ${JSON.stringify(entry)}`);
  }
  perZone.set(entry.zone, (perZone.get(entry.zone) ?? 0) + 1);
  if (!(entry.zone in EXPECTED)) continue; // "com": an overseas collectivity, not a department
  const { code, nom, region } = entry;
  if (!DEPARTMENT_CODE.test(code)) fail(`department code "${code}" (${nom}) is not a department code`);
  if (departments.has(code)) fail(`department ${code} appears twice in departements.json`);
  if (nom.trim() === "" || nom !== nom.trim()) fail(`department ${code} has an empty or padded name: ${JSON.stringify(nom)}`);
  if (!REGION_CODE.test(region) || !regions.has(region)) {
    fail(`department ${code} (${nom}) has region "${region}", which is not a region of regions.json`);
  }
  departments.set(code, { label: nom, region, zone: entry.zone });
}
const zones = [...perZone].map(([zone, n]) => `${zone}: ${n}`).join(", ");
for (const [zone, n] of Object.entries(EXPECTED)) {
  const found = [...departments.values()].filter((d) => d.zone === zone).length;
  if (found !== n) fail(`expected ${n} departments of zone "${zone}" in ${PACKAGE} ${PACKAGE_VERSION}, found ${found} (${zones})`);
}
if (departments.size !== EXPECTED_TOTAL) {
  fail(`expected exactly ${EXPECTED_TOTAL} departments in ${PACKAGE} ${PACKAGE_VERSION}, found ${departments.size} (${zones})`);
}
const drom = [...departments].filter(([, d]) => d.zone === "drom").map(([code]) => code).sort();
if (drom.join(" ") !== EXPECTED_DROM.join(" ")) {
  fail(`expected the overseas departments ${EXPECTED_DROM.join(" ")}, found ${drom.join(" ")}`);
}
for (const code of ["2A", "2B"]) if (!departments.has(code)) fail(`department ${code} is missing`);
for (const code of OCCITANIE_DEPARTMENTS) {
  const region = departments.get(code)?.region;
  if (region !== OCCITANIE) fail(`department ${code} should be in Occitanie (region "${OCCITANIE}"), found ${JSON.stringify(region)}`);
}
const inOccitanie = [...departments].filter(([, d]) => d.region === OCCITANIE).map(([code]) => code).sort();
if (inOccitanie.join(" ") !== OCCITANIE_DEPARTMENTS.join(" ")) {
  fail(`region "${OCCITANIE}" should have exactly ${OCCITANIE_DEPARTMENTS.join(" ")}, found ${inOccitanie.join(" ")}`);
}
// Code-unit order: "01" … "19", "21" … "29", "2A", "2B", "30" … "95", "971" … "976".
const codes = [...departments.keys()].sort();

const source =
  `Code officiel géographique de l'INSEE, via le paquet npm ${PACKAGE} ${PACKAGE_VERSION} ` +
  "(Etalab, licence MIT pour le code, Licence Ouverte d'Etalab pour les données)";
const header = [
  ` Generated by tools/import-cog/import-departements.mjs — do not edit (regenerate with: cd tools/import-cog && npm ci && node import-departements.mjs)`,
  ` Source: Code officiel géographique (COG) de l'INSEE, millésime 2026, via the npm package ${PACKAGE} ${PACKAGE_VERSION}`,
  " (c) Etalab (https://github.com/etalab/decoupage-administratif); the package is licensed under the MIT licence and",
  " its README states that the data are under the Licence Ouverte / Open Licence of Etalab",
  " (https://www.etalab.gouv.fr/licence-ouverte-open-licence).",
  ` The ${EXPECTED_TOTAL} departments: ${EXPECTED.metro} in mainland France (with 2A and 2B) and ${EXPECTED.drom} overseas (${EXPECTED_DROM.join(", ")});`,
  " the overseas collectivities (975, 977, 978, 984, 986, 987, 988, 989) are not departments and are left out.",
  " Each item: label = the department's name, value = the INSEE code of its region.",
].join("\n");

const doubleQuoted = (value) => {
  const scalar = new YAML.Scalar(value);
  scalar.type = YAML.Scalar.QUOTE_DOUBLE;
  return scalar;
};

const doc = new YAML.Document();
const items = new YAML.YAMLMap();
for (const code of codes) {
  const { label, region } = departments.get(code);
  const item = new YAML.YAMLMap();
  item.flow = true;
  item.add(new YAML.Pair(new YAML.Scalar("label"), doubleQuoted(label)));
  item.add(new YAML.Pair(new YAML.Scalar("value"), doubleQuoted(region)));
  items.add(new YAML.Pair(doubleQuoted(code), item));
}
doc.contents = doc.createNode({
  lists: {
    [LIST]: {
      label: "départements français (code officiel géographique)",
      source,
      items: null,
    },
  },
});
const list = doc.getIn(["lists", LIST]);
list.set("label", doubleQuoted(list.get("label")));
list.set("source", doubleQuoted(list.get("source")));
list.set("items", items);
doc.commentBefore = header;

// lineWidth 0: never fold a long line; no padding inside the flow mappings: {label: "Ain", value: "84"}.
const text = doc.toString({ lineWidth: 0, indent: 2, flowCollectionPadding: false });

// Read the text back before writing it: it must give exactly the same codes, labels and regions.
const reread = YAML.parse(text);
const rereadItems = reread?.lists?.[LIST]?.items ?? {};
const rereadCodes = Object.keys(rereadItems);
if (rereadCodes.length !== EXPECTED_TOTAL) {
  fail(`the generated YAML reads back with ${rereadCodes.length} items, not ${EXPECTED_TOTAL}`);
}
for (const code of codes) {
  const item = rereadItems[code];
  const { label, region } = departments.get(code);
  if (item?.label !== label || item?.value !== region || Object.keys(item).length !== 2) {
    fail(`the generated YAML does not read back ${code} correctly`);
  }
}

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, text);
console.log(
  `import-departements: wrote ${EXPECTED_TOTAL} departments (${EXPECTED.metro} metro, ${EXPECTED.drom} overseas; ` +
    `${entries.length - EXPECTED_TOTAL} overseas collectivities left out) to ${relative(process.cwd(), output)}`,
);
