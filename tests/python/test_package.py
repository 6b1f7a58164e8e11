"""The package as installed: stubs, py.typed, bundled rules, docstrings."""

from __future__ import annotations

import inspect
from pathlib import Path

import relief
from relief import _core

PACKAGE = Path(relief.__file__).parent


def test_typed_package_with_stubs_and_rules():
    assert (PACKAGE / "py.typed").is_file()
    assert (PACKAGE / "_core.pyi").is_file()
    if "site-packages" in str(PACKAGE):  # installed by pip (not the build tree's layout)
        assert relief.default_pack_directory() == str(PACKAGE / "rules" / "occitanie")
    assert (Path(relief.default_pack_directory()) / "pack.yaml").is_file()


def test_stub_names_exist_at_runtime():
    stub = (PACKAGE / "_core.pyi").read_text()
    import re

    for name in re.findall(r"^(?:def|class) (\w+)", stub, flags=re.M):
        assert hasattr(_core, name), name
    for cls, body in re.findall(r"^class (\w+).*?:\n((?:    .*\n|\n)+)", stub, flags=re.M):
        for member in re.findall(r"def (\w+)\(", body):
            assert hasattr(getattr(_core, cls), member), f"{cls}.{member}"


def _public(obj):
    return [n for n in dir(obj) if not n.startswith("_")]


def test_every_public_name_has_a_docstring():
    missing = []
    for name in relief.__all__:
        obj = getattr(relief, name)
        if isinstance(obj, str):
            continue
        if not inspect.getdoc(obj):
            missing.append(name)
        if inspect.isclass(obj):
            for member in _public(obj):
                attr = inspect.getattr_static(obj, member)
                if callable(attr) or isinstance(attr, property) or type(attr).__name__ == "property":
                    if not inspect.getdoc(getattr(obj, member)):
                        missing.append(f"{name}.{member}")
    assert missing == []
