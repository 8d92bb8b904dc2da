"""The wheel's build hook: the embedded plan's snapshot (``reintegration_plan.snapshot``),
written into the wheel beside the plan, so that the query commands of an installed ``plan``
start without reading and validating the YAML. Editable installs read the checkout's files and
keep no snapshot (the cache serves them)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SnapshotHook(BuildHookInterface):
    PLUGIN_NAME = "snapshot"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from reintegration_plan.embedded import PLAN_FILE_NAME
            from reintegration_plan.snapshot import entry_bytes, snapshot_path
        finally:
            sys.path.remove(str(root / "src"))
        plan = root / "data" / PLAN_FILE_NAME
        self._folder = Path(tempfile.mkdtemp(prefix="reintegration-plan-snapshot-"))
        written = self._folder / snapshot_path(plan).name
        written.write_bytes(entry_bytes(plan))
        build_data["force_include"][str(written)] = f"reintegration_plan/data/{written.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
