#!/usr/bin/env python3
"""The HTML documents in a real browser: headless Chromium loads the pack's
catalogue (`relief doc`) and evaluation pages (`relief eval --format html`),
and the DOM it builds is checked: titles, the number of measures, the search
box, a measure page's conditions, no broken internal link, and texts from a
hostile pack and profile (tests/browser/hostile*) shown as text, never run.

Exit 0 when every check passes, 1 when one fails, 77 (skipped) when no
Chromium is installed (Debian package `chromium`, scripts/install-deps.sh).
"""
import argparse
import html.parser
import os
import pathlib
import shutil
import subprocess
import sys
import urllib.parse

SKIP = 77


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], ""

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def all_text(self):
        return self.text + "".join(c.all_text() for c in self.children)

    def find_all(self, tag, **attrs):
        return [n for n in self.iter() if n.tag == tag and all(n.attrs.get(k) == v for k, v in attrs.items())]


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class TreeBuilder(html.parser.HTMLParser):
    """A DOM as Chromium serialised it (well formed: every element closed)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        # Text after a child is kept in order as a text child.
        text = Node("#text", [], self.current)
        text.text = data
        self.current.children.append(text)


def parse(markup):
    builder = TreeBuilder()
    builder.feed(markup)
    return builder.root


class Browser:
    def __init__(self, chromium, work):
        self.chromium, self.work, self.runs = chromium, work, 0

    def dom(self, path, query=""):
        """The DOM after load, scripts run, as Chromium serialises it."""
        self.runs += 1
        url = pathlib.Path(path).resolve().as_uri() + (("?" + urllib.parse.urlencode({"q": query})) if query else "")
        profile = self.work / f"chromium-profile-{self.runs}"
        out = subprocess.run(
            [self.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom", url],
            capture_output=True, text=True, timeout=180, check=False)
        if out.returncode != 0 or "<html" not in out.stdout:
            raise RuntimeError(f"chromium failed on {url} ({out.returncode}): {out.stderr[-2000:]}")
        return parse(out.stdout)


class Checks:
    def __init__(self):
        self.failures, self.count = [], 0

    def expect(self, condition, message):
        self.count += 1
        if not condition:
            self.failures.append(message)
            print("FAIL:", message, file=sys.stderr)


def title_of(dom):
    titles = dom.find_all("title")
    return titles[0].all_text() if titles else None


def visible_measures(dom):
    return [li for li in dom.find_all("li") if "data-search" in li.attrs and "hidden" not in li.attrs]


def check_markup(checks, pages):
    """Each page read by HTML Tidy (HTML5 mode) with no error and no warning, when tidy is installed."""
    tidy = shutil.which("tidy")
    if not tidy:
        print("tidy not found: the markup check is skipped", file=sys.stderr)
        return 0
    for page in pages:
        out = subprocess.run([tidy, "-q", "-e", str(page)], capture_output=True, text=True, check=False)
        checks.expect(out.returncode == 0 and not out.stderr.strip(), f"{page}: tidy: {out.stderr.strip()[:500]}")
    return len(pages)


def check_links(checks, root):
    """Every relative link of every page leads to a file, and its #anchor to an id of that file."""
    ids = {}
    pages = sorted(root.rglob("*.html"))
    for page in pages:
        ids[page.resolve()] = {n.attrs["id"] for n in parse(page.read_text(encoding="utf-8")).iter() if "id" in n.attrs}
    links = 0
    for page in pages:
        for a in parse(page.read_text(encoding="utf-8")).find_all("a"):
            href = a.attrs.get("href", "")
            checks.expect(not href.lower().startswith("javascript:"), f"{page}: javascript: link")
            if href.startswith(("https://", "http://")):
                continue
            links += 1
            target, _, anchor = href.partition("#")
            file = (page.parent / target).resolve() if target else page.resolve()
            checks.expect(file in ids, f"{page.relative_to(root)}: broken link {href}")
            if file in ids and anchor:
                checks.expect(anchor in ids[file], f"{page.relative_to(root)}: no #{anchor} in {target or 'the page'}")
    return links


def check_catalogue(checks, browser, relief, work):
    doc = work / "doc"
    subprocess.run([relief, "doc", "-o", str(doc)], check=True, capture_output=True)
    measure_pages = sorted((doc / "mesures").glob("*.html"))
    index = browser.dom(doc / "index.html")
    checks.expect((title_of(index) or "").endswith("— catalogue des mesures"), f"index title: {title_of(index)!r}")
    shown = visible_measures(index)
    checks.expect(len(shown) == len(measure_pages) >= 20, f"index lists {len(shown)} of {len(measure_pages)} measures")
    found = browser.dom(doc / "index.html", query="loyer")
    hits = [li.find_all("a")[0].attrs["href"] for li in visible_measures(found)]
    checks.expect("mesures/occal_aide_loyer.html" in hits and 0 < len(hits) < len(shown),
                  f"searching 'loyer' shows {hits}")
    count = [n.all_text() for n in found.iter() if n.attrs.get("id") == "count"]
    checks.expect(count == [str(len(hits))], f"the count after a search says {count}, {len(hits)} shown")
    accents = browser.dom(doc / "index.html", query="pret garanti")
    checks.expect([li.find_all("a")[0].attrs["href"] for li in visible_measures(accents)] == ["mesures/pge.html"],
                  "searching without accents finds the PGE")
    fonds = browser.dom(doc / "mesures" / "fonds_solidarite_volet1.html")
    conditions = [li for ol in fonds.find_all("ol") if ol.attrs.get("class") == "conditions" for li in ol.children
                  if li.tag == "li"]
    checks.expect(len(conditions) >= 3, f"the fonds de solidarité page shows {len(conditions)} conditions")
    checks.expect(len(fonds.find_all("section", **{"class": "version"})) >= 10, "the fonds de solidarité's versions")
    facts = browser.dom(doc / "faits.html")
    checks.expect(len(facts.find_all("tr")) > 30, "the facts page lists the facts")
    links = check_links(checks, doc)
    checks.expect(links > 100, f"{links} internal links checked")
    return len(measure_pages)


def check_hostile(checks, browser, relief, source, work):
    pack, profile = source / "tests" / "browser" / "hostile", source / "tests" / "browser" / "hostile-profile.yaml"
    page = work / "hostile-eval.html"
    with open(page, "w", encoding="utf-8") as out:
        subprocess.run([relief, "eval", "--pack", str(pack), "--month", "2020-11", "--format", "html", str(profile)],
                       check=True, stdout=out)
    dom = browser.dom(page)
    checks.expect(title_of(dom) == "Aides possibles — novembre 2020", f"eval title: {title_of(dom)!r}")
    text = dom.all_text()
    checks.expect("<script>document.title='PWNED'</script><img src=x" in text, "the profile's <script> shows as text")
    checks.expect("Petite entreprise <iframe" in text, "the pack's <iframe> shows as text")
    for tag in ("script", "img", "iframe", "svg", "b", "i"):
        checks.expect(not dom.find_all(tag), f"the eval page has a <{tag}> element")
    doc = work / "hostile-doc"
    subprocess.run([relief, "doc", "--pack", str(pack), "-o", str(doc)], check=True, capture_output=True)
    index = browser.dom(doc / "index.html")
    expected = "Pack <script>document.title='PWNED'</script> hostile — catalogue des mesures"
    checks.expect(title_of(index) == expected, f"catalogue title: {title_of(index)!r}")
    checks.expect(len(index.find_all("script")) == 1, "the catalogue's index runs its own script only")
    measure = browser.dom(doc / "mesures" / "aide_piegee.html")
    h1 = [n.all_text() for n in measure.find_all("h1")]
    checks.expect(h1 == ["<script>document.title='PWNED'</script> Aide « piégée » & co"], f"measure heading {h1}")
    checks.expect(title_of(measure) == h1[0] if h1 else False, f"measure title {title_of(measure)!r}")
    for tag in ("script", "img", "iframe", "svg"):
        checks.expect(not measure.find_all(tag), f"the measure page has a <{tag}> element")
    check_links(checks, doc)


def check_eval(checks, browser, relief, source, work):
    page = work / "eval.html"
    profile = source / "examples" / "profiles" / "restaurant-montpellier.yaml"
    with open(page, "w", encoding="utf-8") as out:
        subprocess.run([relief, "eval", "--month", "2020-11", "--format", "html", str(profile)], check=True, stdout=out)
    dom = browser.dom(page)
    checks.expect(title_of(dom) == "Aides possibles — novembre 2020", f"eval title: {title_of(dom)!r}")
    details = dom.find_all("details")
    checks.expect(len(details) >= 10, f"{len(details)} measures in details")
    eligible = [d for d in details if d.attrs.get("data-status") == "eligible"]
    rows = dom.find_all("tr")
    checks.expect(len(rows) == len(eligible) + 1, f"{len(rows) - 1} rows in the eligible table, {len(eligible)} eligible")
    checks.expect(not dom.find_all("script"), "the eval page has no script")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--relief", required=True)
    parser.add_argument("--source-dir", required=True, type=pathlib.Path)
    parser.add_argument("--work-dir", required=True, type=pathlib.Path)
    args = parser.parse_args()
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium not found: the browser test is skipped", file=sys.stderr)
        return SKIP
    shutil.rmtree(args.work_dir, ignore_errors=True)
    args.work_dir.mkdir(parents=True)
    browser, checks = Browser(chromium, args.work_dir), Checks()
    measures = check_catalogue(checks, browser, args.relief, args.work_dir)
    check_eval(checks, browser, args.relief, args.source_dir, args.work_dir)
    check_hostile(checks, browser, args.relief, args.source_dir, args.work_dir)
    pages = [p for p in sorted(args.work_dir.rglob("*.html")) if "chromium-profile" not in str(p)]
    validated = check_markup(checks, pages)
    print(f"browser: {validated} pages checked by tidy; {checks.count} checks, {len(checks.failures)} failed; "
          f"{browser.runs} pages loaded in Chromium, catalogue of {measures} measures")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
