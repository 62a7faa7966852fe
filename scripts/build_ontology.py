"""Convert the project's PLOVER/CAMEO fact files into the package's own data files.

Run from the repository root: ``python scripts/build_ontology.py [../shared/ontology]``.
Keeps only what the coder needs at run time; sources are named in the output.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "sanderling" / "ontology" / "data"


def main(src: str = "../shared/ontology") -> None:
    plover = json.loads(Path(src, "plover.json").read_text())
    cameo = json.loads(Path(src, "cameo.json").read_text())
    keep_p = ["ontology", "version", "source", "license_of_source", "quad_classes", "score_scale",
              "event_types", "auxiliary_modes", "contexts", "sectors", "nonstate_country_codes",
              "special_country_rules", "known_inconsistencies"]
    keep_c = ["ontology", "version", "goldstein_scale", "quad_class_conventions",
              "plover_mapping_source", "version_drift_notes", "roots", "codes"]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "plover.json").write_text(json.dumps({k: plover[k] for k in keep_p}, indent=1, ensure_ascii=False) + "\n")
    (OUT / "cameo.json").write_text(json.dumps({k: cameo[k] for k in keep_c}, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}/plover.json and cameo.json")


if __name__ == "__main__":
    main(*sys.argv[1:])
