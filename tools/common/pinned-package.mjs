// Shared by the data importers of tools/: finds an npm package as installed
// for the calling script, and checks that it is the pinned version, so that
// a regenerated rule file always comes from the data it cites.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

// Returns the package's directory; calls fail(message) when the package is
// missing or not at `version`.
export function pinnedPackageDir(scriptUrl, name, version, fail) {
  const require = createRequire(scriptUrl);
  let pkgJsonPath;
  try {
    pkgJsonPath = require.resolve(`${name}/package.json`);
  } catch {
    const here = dirname(fileURLToPath(scriptUrl));
    fail(`${name} is not installed; run "npm ci" in ${relative(process.cwd(), here) || "."}`);
  }
  const pkg = JSON.parse(readFileSync(pkgJsonPath, "utf8"));
  if (pkg.version !== version) fail(`${name} ${pkg.version} is installed, ${version} is expected; run "npm ci"`);
  return dirname(pkgJsonPath);
}
