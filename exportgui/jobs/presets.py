"""Presets: a saved job minus its assets, one versioned JSON file each.

A preset holds one rendition; :func:`combine` makes one job of several
presets, each a rendition of it, and says which job-wide setting they
disagree about when they do. A damaged preset file is reported
(``damaged()``, :class:`PresetError`) and skipped; it never crashes the
program and is never overwritten silently: saving a preset under a damaged
file's name first moves that file aside.
"""

from __future__ import annotations

import builtins
import json
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from exportgui.config import atomic_write_text, move_aside
from exportgui.config.userfiles import MiB, UserFileError, load_json_file, shown
from exportgui.jobs.job_dict import job_from_dict, job_to_dict
from exportgui.jobs.model import ExportJob
from exportgui.jobs.names import safe_component

PRESET_SCHEMA = 1
_SUFFIX = ".json"
_MAX_NAME = 100
PRESET_MAX_BYTES = MiB  # a preset is well under 1 KiB; anything near this is not one


class PresetError(ValueError):
    """A preset that cannot be read, saved or found; the message names the file and the problem."""


@dataclass(frozen=True)
class Preset:
    """An ExportJob minus its assets, plus a name."""

    name: str
    job: ExportJob

    def to_job(self, asset_handles: Sequence[str]) -> ExportJob:
        """The preset's job for these assets."""
        return replace(self.job, asset_handles=tuple(asset_handles))

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON document: the schema, the preset's name and the job's fields."""
        fields = job_to_dict(self.job, with_assets=False)
        del fields["preset"]  # a preset is its own: its name is "name"
        return {"schema": PRESET_SCHEMA, "name": self.name, **fields}

    @classmethod
    def from_dict(cls, data: Any, where: str) -> Preset:
        """Build a preset from a parsed document; PresetError names ``where`` and the field."""
        if not isinstance(data, dict):
            raise PresetError(f"{where}: the document is not a JSON object")
        if "schema" not in data:
            raise PresetError(
                f'{where}: has no "schema" field, so it is not a preset written by exportgui'
            )
        schema = data["schema"]
        if schema != PRESET_SCHEMA:
            raise PresetError(f"{where}: unknown schema {schema!r} (this version reads 1)")
        if "renditions" in data:
            raise PresetError(f'{where}: a preset holds one rendition, not a "renditions" list')
        # "name" is the preset's; the job's own name is always "jobName" in a preset
        ignored = ("schema", "name", "assetHandleArray", "preset")
        fields = {k: v for k, v in data.items() if k not in ignored}
        try:
            if "name" not in data:
                raise ValueError('has no "name" field: a preset must say its name')
            name = data["name"]
            if not isinstance(name, str):
                raise ValueError('the field "name" must be text')
            validate_name(name)
            job = replace(job_from_dict(fields), preset=name)
        except ValueError as exc:
            raise PresetError(f"{where}: {exc}") from None
        return cls(name, job)


def validate_name(name: str) -> str:
    """Return ``name`` if it can be a preset (and file) name, else raise ValueError saying why."""
    if not name.strip():
        raise ValueError("a preset name cannot be empty")
    if len(name) > _MAX_NAME:
        raise ValueError(f"a preset name has at most {_MAX_NAME} characters")
    if name != name.strip():
        raise ValueError(f"preset name {name!r} starts or ends with a space")
    if safe_component(name) != unicodedata.normalize("NFC", name):
        raise ValueError(
            f'preset name {name!r} cannot be a file name: avoid / \\ : * ? " < > |, '
            "control characters, a leading or trailing dot, and device names like CON"
        )
    return name


class PresetStore:
    """One JSON file per preset in ``folder`` (``AppPaths.presets_dir``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, name: str) -> Path:
        try:
            validate_name(name)
        except ValueError as exc:
            raise PresetError(str(exc)) from None
        return self.folder / f"{name}{_SUFFIX}"

    def _files(self) -> list[Path]:
        try:
            return sorted(p for p in self.folder.iterdir() if p.suffix == _SUFFIX and p.is_file())
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise PresetError(f"cannot read the presets folder {self.folder}: {exc}") from None

    def _read(self, path: Path, missing: str | None = None) -> Preset:
        try:
            data = load_json_file(path, PRESET_MAX_BYTES)
        except FileNotFoundError:
            problem = missing or f"no preset named {path.stem!r} (looked for {shown(path)})"
            raise PresetError(problem) from None
        except UserFileError as exc:
            raise PresetError(str(exc)) from None
        return Preset.from_dict(data, shown(path))

    def list(self) -> list[str]:
        """Names of the readable presets, sorted case-insensitively."""
        names = []
        for path in self._files():
            try:
                preset = self._read(path)
            except PresetError:
                continue
            if preset.name == path.stem:  # a mismatch is listed by damaged()
                names.append(preset.name)
        return sorted(names, key=str.casefold)

    def damaged(self) -> builtins.list[tuple[Path, str]]:
        """Preset files that could not be read, and why."""
        found = []
        for path in self._files():
            try:
                preset = self._read(path)
            except PresetError as exc:
                found.append((path, str(exc)))
                continue
            if preset.name != path.stem:
                found.append((path, f"{path}: its name {preset.name!r} does not match the file"))
        return found

    def load(self, name: str) -> Preset:
        """The preset called ``name``; PresetError if missing or damaged."""
        preset = self._read(self._path(name))
        if preset.name != name:
            raise PresetError(f"{self._path(name)}: its name {preset.name!r} does not match")
        return preset

    def exists(self, name: str) -> bool:
        """True if a file for ``name`` exists (readable or not)."""
        return self._path(name).exists()

    def save(self, name: str, job: ExportJob) -> Preset:
        """Save ``job`` (its assets dropped) as ``name``, replacing a readable preset of that name.

        A damaged file of that name is moved aside first, never overwritten.
        """
        path = self._path(name)
        if job.renditions:
            raise PresetError(
                f"cannot save {name!r}: a preset holds one rendition, and this job has "
                f"{len(job.renditions)}; save each rendition as a preset of its own"
            )
        preset = Preset(name, replace(job, asset_handles=(), preset=name))
        self._write(path, preset)
        return preset

    def _write(self, path: Path, preset: Preset) -> None:
        if path.exists():
            try:
                self._read(path)
            except PresetError:
                move_aside(path, "damaged")
        text = json.dumps(preset.to_dict(), indent=2, ensure_ascii=False) + "\n"
        try:
            atomic_write_text(path, text)
        except OSError as exc:
            raise PresetError(f"cannot save the preset {path}: {exc}") from None

    def rename(self, old: str, new: str) -> Preset:
        """Give a preset a new name; PresetError if ``new`` is taken."""
        preset = self.load(old)
        new_path = self._path(new)
        old_path = self._path(old)
        same_file = new_path.exists() and old_path.samefile(new_path)  # case-only rename
        if new_path.exists() and not same_file:
            raise PresetError(f"a preset named {new!r} already exists ({new_path})")
        renamed = Preset(new, replace(preset.job, preset=new))
        if same_file:
            old_path.rename(new_path)  # only the letter case changes: keep the one file
        self._write(new_path, renamed)
        if not same_file:
            old_path.unlink()
        return renamed

    def delete(self, name: str) -> None:
        """Remove a preset (a damaged one too)."""
        path = self._path(name)
        try:
            path.unlink()
        except FileNotFoundError:
            raise PresetError(f"no preset named {name!r}") from None
        except OSError as exc:
            raise PresetError(f"cannot delete {path}: {exc}") from None

    def free_name(self, name: str) -> str:
        """``name`` if no preset has it, else the first free one of ``name (2)``, ``name (3)``."""
        candidate, number = name, 1
        while self.exists(candidate):
            number += 1
            candidate = f"{name} ({number})"
        return candidate

    def read_file(self, path: Path) -> Preset:
        """The preset in a file outside the store (one written by :meth:`export`)."""
        return self._read(Path(path), missing=f"{shown(path)}: no such file")

    def import_file(
        self, path: Path, *, replace_existing: bool = False, name: str | None = None
    ) -> Preset:
        """Add the preset in ``path`` to the store, under its own name or ``name``.

        Raises:
            PresetError: the file is not a usable preset, or the name is taken
                and ``replace_existing`` is not set.
        """
        preset = self.read_file(path)
        if name is not None:
            preset = Preset(name, replace(preset.job, preset=name))
        target = self._path(preset.name)
        if target.exists() and not replace_existing:
            raise PresetError(
                f"a preset named {preset.name!r} already exists; replace it or import it "
                "under another name"
            )
        self._write(target, preset)
        return preset

    def export(self, name: str, path: Path) -> None:
        """Write the preset ``name`` to ``path`` (atomically), for sharing."""
        preset = self.load(name)
        text = json.dumps(preset.to_dict(), indent=2, ensure_ascii=False) + "\n"
        try:
            atomic_write_text(Path(path), text)
        except OSError as exc:
            raise PresetError(f"cannot write {path}: {exc}") from None


# The job-wide fields (not a rendition's), with their IPS names; for those marked True an
# empty value (no destination, no job name, 0 workers) is no opinion rather than a value.
_JOB_WIDE: dict[str, tuple[str, bool]] = {
    "destination": ("destination", True),
    "email_setting": ("emailSetting", False),
    "conflict": ("conflict policy", False),
    "keep_folders": ("keepFolders", False),
    "force": ("force", False),
    "workers": ("workers", True),
    "name": ("jobName", True),
    "client_id": ("clientId", True),
    "selection": ("assets (folder and types)", True),
    "locale": ("locale", True),
}


def combine(
    presets: Sequence[Preset],
    settled: Collection[str] = (),
    how_to_settle: Mapping[str, str] | None = None,
) -> ExportJob:
    """One job with each preset as a rendition, in the order given (no assets yet).

    A job-wide field (destination, emailSetting, conflict policy, keepFolders,
    workers, jobName, clientId, locale) comes from the presets, which must agree
    about it, unless it is in ``settled`` (the caller sets it for this job).

    Raises:
        PresetError: no preset, a preset listed twice, or two presets that disagree
            about a job-wide field that is not settled; ``how_to_settle`` gives, per
            field, the words that tell the user how to settle it (e.g. the option).
    """
    if not presets:
        raise PresetError("no preset given")
    seen: dict[str, str] = {}
    for preset in presets:
        key = preset.name.casefold()
        if key in seen:
            raise PresetError(f"the preset {preset.name!r} is listed twice")
        seen[key] = preset.name
    job = presets[0].job
    changes: dict[str, object] = {}
    for field, (label, empty_is_unset) in _JOB_WIDE.items():
        if field in settled:
            continue
        having = [(p, getattr(p.job, field)) for p in presets]
        if empty_is_unset:
            having = [(p, value) for p, value in having if value]
        if not having:
            continue
        (first, value), *others = having
        other = next(((p, v) for p, v in others if v != value), None)
        if other is not None:
            shown = str(getattr(value, "value", value))
            shown_other = str(getattr(other[1], "value", other[1]))
            settle = (how_to_settle or {}).get(field, "set it for this job")
            raise PresetError(
                f"the presets {first.name!r} and {other[0].name!r} disagree about the "
                f"{label} ({shown} and {shown_other}); {settle}"
            )
        changes[field] = value
    renditions = tuple(replace(p.job.rendition_list[0], name=p.name) for p in presets)
    return replace(job, **changes).with_renditions(renditions)  # type: ignore[arg-type]
