"""xsector from Python: load a coalition file, analyze it, compare waves, draw and report.

    import xsector
    c = xsector.load("networks/healthy-in-the-hills.yaml")
    result = c.analyze()              # the same structure as `xsector analyze --format json`
    members = c.members_frame()       # a pandas DataFrame, one row per member
    xsector.compare(c, xsector.load("networks/healthy-in-the-hills-2025.yaml"))
    c.render("hills.svg")
    c.report("report-folder")

Errors: a file that is not a valid coalition raises `xsector.InputError` (a ValueError)
whose `diagnostics` list holds every `file:line:col: error: message`; a file that cannot be
read or written raises OSError.
"""
import json

from . import _xsector

__version__ = _xsector.__version__
InputError = _xsector.InputError

__all__ = ["Coalition", "InputError", "compare", "load", "validate", "__version__"]


class Coalition:
    """A coalition file, loaded and checked. Figures are computed when asked for."""

    def __init__(self, core):
        self._core = core
        self._analysis = {}

    @property
    def name(self):
        return self._core.name

    @property
    def path(self):
        return self._core.path

    @property
    def member_ids(self):
        return list(self._core.member_ids)

    def __repr__(self):
        return f"<xsector.Coalition {self.name!r}: {len(self.member_ids)} members>"

    def analyze(self, threads=0, precision="automatic"):
        """Every figure, as `xsector analyze --format json` prints it, as a dict.

        precision: "automatic" (exact up to about 20,000 members, estimated above),
        "exact" or "approximate". threads: 0 uses every core; the numbers do not depend on it.
        The result is computed once per (threads, precision) and reused.
        """
        key = (threads, precision)
        if key not in self._analysis:
            self._analysis[key] = json.loads(self._core.analyze_json(threads, precision))
        return self._analysis[key]

    def members_frame(self, **options):
        """One row per member (index: member id), with every member figure as a column;
        brokerage roles become columns brokerage_coordinator, ... brokerage_total."""
        rows = []
        for m in self.analyze(**options)["members"]:
            row = {k: v for k, v in m.items() if k != "brokerage"}
            for role, count in (m.get("brokerage") or {}).items():
                row[f"brokerage_{role}"] = count
            rows.append(row)
        return _frame(rows, index="id")

    def sectors_frame(self, **options):
        """One row per sector present (index: sector id)."""
        return _frame(self.analyze(**options)["sectors"], index="id")

    def findings_frame(self, **options):
        """One row per finding, most severe first."""
        return _frame(self.analyze(**options)["findings"])

    def seats_frame(self, **options):
        """One row per seat of every decision body (columns body, member, votes, banzhaf, ...)."""
        rows = []
        for body in self.analyze(**options)["power"]["bodies"]:
            for seat in body["seats"]:
                rows.append({"body": body["id"], **seat})
        return _frame(rows)

    def render(self, path, view="", size_by="degree", threads=0):
        """Draws the network to path (.svg, .png, .pdf or .dot); view "members" or "sectors"
        (default: by size)."""
        self._core.render(path, view, size_by, threads)

    def report(self, folder, threads=0):
        """Writes the self-contained HTML report to folder/report.html."""
        self._core.report(folder, threads)


def load(path, taxonomy=None):
    """Loads and checks a coalition file; raises InputError listing every problem.

    path (and taxonomy, a built-in id or a taxonomy file) is a str or an os.PathLike, as
    open() takes it: None or another type raises TypeError, a NUL character ValueError."""
    return Coalition(_xsector.load(path, taxonomy))


def validate(path, taxonomy=None):
    """Every problem of a coalition file as `file:line:col: error: message` (empty if valid)."""
    try:
        load(path, taxonomy)
    except InputError as e:
        return list(e.diagnostics)
    return []


def compare(before, after, threads=0, permutations=1000, seed=1):
    """What changed from wave `before` to wave `after` (Coalition objects or paths), as
    `xsector compare A B --format json` prints it, as a dict."""
    a = before if isinstance(before, Coalition) else load(before)
    b = after if isinstance(after, Coalition) else load(after)
    return json.loads(_xsector.compare_json(a._core, b._core, threads, permutations, seed))


def _frame(rows, index=None):
    try:
        import pandas
    except ImportError as e:
        raise ImportError("the *_frame methods need pandas (apt-get install python3-pandas)") from e
    frame = pandas.DataFrame(rows)
    if index is not None and not frame.empty:
        frame = frame.set_index(index)
    return frame
