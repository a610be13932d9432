"""The Python module against hostile use: path arguments as open() takes them, and several
threads drawing at once (Graphviz is not reentrant; the library serializes it).

Run by ctest (test Python_Module) like test_module.py.
"""
import os
import pathlib
import shutil
import threading

import pytest

import xsector

ROOT = os.path.abspath(os.environ["XSECTOR_SOURCE_DIR"])
HILLS = os.path.join(ROOT, "networks", "healthy-in-the-hills.yaml")
KITE = os.path.join(ROOT, "tests", "data", "kite.yaml")


class Fspath:
    """An os.PathLike that is neither str nor pathlib."""

    def __init__(self, value):
        self.value = value

    def __fspath__(self):
        return self.value


@pytest.mark.parametrize("path", [KITE, pathlib.Path(KITE), Fspath(KITE)], ids=["str", "pathlib", "PathLike"])
def test_load_takes_str_and_pathlike(path):
    c = xsector.load(path)
    assert c.path == KITE
    assert c.member_ids[0] == "andre"


@pytest.mark.parametrize("bad", [None, 3, 2.5, b"tests/data/kite.yaml", ["kite.yaml"], Fspath(b"kite.yaml"),
                                 Fspath(None)],
                         ids=["None", "int", "float", "bytes", "list", "PathLike-bytes", "PathLike-None"])
def test_load_refuses_other_types_with_type_error(bad, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(KITE, tmp_path / "None")  # load(None) once opened a file named "None"
    with pytest.raises(TypeError):
        xsector.load(bad)
    with pytest.raises(TypeError):
        xsector.validate(bad)
    with pytest.raises(TypeError):
        xsector.compare(bad, KITE)


def test_type_error_says_what_was_given():
    with pytest.raises(TypeError, match="path must be str or os.PathLike, not NoneType"):
        xsector.load(None)


@pytest.mark.parametrize("path", [KITE + "\0/../../etc/shadow", "\0", pathlib.Path(KITE + "\0x"),
                                  Fspath(KITE + "\0")], ids=["str", "only-nul", "pathlib", "PathLike"])
def test_a_nul_in_a_path_is_a_value_error_as_open_gives(path):
    with pytest.raises(ValueError, match="embedded null byte") as caught:
        xsector.load(path)
    assert not isinstance(caught.value, xsector.InputError)
    # What open() says for the same path.
    with pytest.raises(ValueError, match="embedded null byte"):
        open(path)


def test_taxonomy_takes_the_same_rules():
    assert xsector.load(HILLS, taxonomy=None).name == xsector.load(HILLS).name
    tax = pathlib.Path(ROOT, "networks", "taxonomies", "rhihub.yaml")
    assert xsector.load(HILLS, taxonomy=tax).analyze()["coalition"]["taxonomy"] == "rhihub"
    assert xsector.load(HILLS, taxonomy="rhihub").analyze()["coalition"]["taxonomy"] == "rhihub"
    with pytest.raises(ValueError, match="embedded null byte"):
        xsector.load(HILLS, taxonomy="rhihub\0")
    with pytest.raises(TypeError):
        xsector.load(HILLS, taxonomy=7)


def test_render_and_report_paths(tmp_path):
    c = xsector.load(KITE)
    c.render(Fspath(str(tmp_path / "k.svg")))
    assert (tmp_path / "k.svg").read_text().lstrip().startswith("<?xml")
    c.report(Fspath(str(tmp_path / "rep")))
    assert (tmp_path / "rep" / "report.html").exists()
    for bad in (None, 1, b"x.svg"):
        with pytest.raises(TypeError):
            c.render(bad)
        with pytest.raises(TypeError):
            c.report(bad)
    with pytest.raises(ValueError, match="embedded null byte"):
        c.render(str(tmp_path / "x.svg\0.png"))
    with pytest.raises(ValueError, match="embedded null byte"):
        c.report(str(tmp_path / "rep2\0x"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.svg", "rep"]


def test_report_leaves_no_folder_when_it_fails(tmp_path):
    c = xsector.load(KITE)
    (tmp_path / "rep").mkdir()
    (tmp_path / "rep" / "report.html").mkdir()  # the file cannot replace a folder
    with pytest.raises(OSError, match="report.html"):
        c.report(tmp_path / "rep")
    assert [p.name for p in (tmp_path / "rep").iterdir()] == ["report.html"]


def test_threads_render_and_report_at_once(tmp_path):
    """Eight threads draw at once (the GIL released around Graphviz); each output equals the
    one drawn alone, and nothing crashes."""
    coalitions = [xsector.load(HILLS), xsector.load(KITE)]
    alone = []
    for i, c in enumerate(coalitions):
        c.render(tmp_path / f"alone{i}.svg")
        c.render(tmp_path / f"alone{i}.dot", view="sectors")
        alone.append(((tmp_path / f"alone{i}.svg").read_bytes(), (tmp_path / f"alone{i}.dot").read_bytes()))
    errors = []
    start = threading.Barrier(8)

    def work(k):
        try:
            start.wait()
            c = coalitions[k % 2]
            for round_ in range(3):
                c.render(tmp_path / f"t{k}-{round_}.svg")
                c.render(tmp_path / f"t{k}-{round_}.dot", view="sectors")
                c.report(tmp_path / f"rep{k}-{round_}")
        except Exception as e:  # noqa: BLE001 - every failure is reported below
            errors.append(repr(e))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for k in range(8):
        svg, dot = alone[k % 2]
        for round_ in range(3):
            assert (tmp_path / f"t{k}-{round_}.svg").read_bytes() == svg
            assert (tmp_path / f"t{k}-{round_}.dot").read_bytes() == dot
            assert (tmp_path / f"rep{k}-{round_}" / "report.html").stat().st_size > 0
    # No temporary file or folder is left anywhere.
    assert not [p for p in tmp_path.rglob("*") if ".tmp-" in p.name]
