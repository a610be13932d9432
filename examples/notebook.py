"""A notebook-style tour of the Python module: load two waves, look at the members as a
DataFrame, compare the waves. Run: python3 examples/notebook.py networks/
(after building with -DXSECTOR_BUILD_PYTHON=ON and PYTHONPATH=build/python)."""
import os
import sys

import xsector

folder = sys.argv[1] if len(sys.argv) > 1 else "networks"
before = xsector.load(os.path.join(folder, "healthy-in-the-hills.yaml"))
after = xsector.load(os.path.join(folder, "healthy-in-the-hills-2025.yaml"))
print(before)

# Members as a pandas DataFrame: who connects the sectors?
members = before.members_frame()
print("Top brokers (betweenness):")
print(members.sort_values("betweenness", ascending=False)[["name", "sector", "betweenness"]].head(3).to_string())

# The network figures and the findings.
network = before.analyze()["network"]
print(f"density {network['density']:.3f}, components {network['components']}")
print(before.findings_frame()[["severity", "code"]].head(5).to_string(index=False))

# What changed between the two waves.
changes = xsector.compare(before, after)
print("keys of the comparison:", ", ".join(sorted(changes)))
