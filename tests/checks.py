"""What the tests/*_check.py and *_test.py scripts share: counting checks, and reading YAML
the way xsector does."""
import sys

import yaml


class Checks:
    """check(name, ok, detail) counts a check and prints FAIL lines; finish() prints the
    totals and exits 1 if any check failed or none ran."""

    def __init__(self, detail_limit=2000):
        self.passed = 0
        self.failed = 0
        self.detail_limit = detail_limit

    def __call__(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name} {str(detail)[:self.detail_limit]}")
        return ok

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed or self.passed == 0 else 0)


class DatesAsText(yaml.SafeLoader):
    """YAML as xsector reads it: a date stays the text it was written as."""


DatesAsText.yaml_implicit_resolvers = {
    k: [(tag, regexp) for tag, regexp in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
