"""The ExportJob as a JSON object: the one codec for presets, the job log and the window state.

Fields carry their IPS names (``assetHandleArray``, ``emailSetting``,
``clientId``, ``jobName``) and the local ones are camel-cased the same way
(``keepFolders``, ``nameTemplate``); ``locale`` is written only when the job has
one. A job of several renditions adds ``renditions``, a list of objects with the
fields one rendition holds (``preset``, ``fmt``, ``is_modifier``, ``macro``,
``nameTemplate``); a job of one has no such key, so its document is what it
always was. Reading also accepts the spellings older files used (``name``,
``client_id``, ``email_setting``, ``keep_folders``), so files written before
are read back; writing uses only the IPS names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from exportgui.config.i18n import parse_locale
from exportgui.jobs.model import (
    MAX_WORKERS,
    ConflictPolicy,
    EmailSetting,
    ExportJob,
    Fmt,
    Rendition,
    Selection,
)
from exportgui.jobs.selection import make_selection

# new key -> the older spelling still read
_OLD_KEYS = {
    "jobName": "name",
    "clientId": "client_id",
    "emailSetting": "email_setting",
    "keepFolders": "keep_folders",
}

_T = TypeVar("_T")


def job_to_dict(job: ExportJob, *, with_assets: bool = True) -> dict[str, Any]:
    """The job's fields with their IPS names; ``with_assets=False`` leaves out the handles."""
    data: dict[str, Any] = {"assetHandleArray": list(job.asset_handles)} if with_assets else {}
    data.update(
        {
            "fmt": job.fmt.value,
            "is_modifier": job.is_modifier,
            "macro": job.macro,
            "emailSetting": job.email_setting.value,
            "clientId": job.client_id,
            "jobName": job.name,
            "destination": str(job.destination) if job.destination else None,
            "conflict": job.conflict.value,
            "keepFolders": job.keep_folders,
            "workers": job.workers,
            "nameTemplate": job.name_template,
            "preset": job.preset,
        }
    )
    if job.force:
        data["force"] = True
    if job.selection is not None:
        data["selection"] = _selection_to_dict(job.selection)
    if job.renditions:
        data["renditions"] = [rendition_to_dict(r) for r in job.renditions]
    if job.locale:
        data["locale"] = job.locale
    return data


def rendition_to_dict(rendition: Rendition) -> dict[str, Any]:
    """One rendition's fields, named as the job's are."""
    return {
        "preset": rendition.name,
        "fmt": rendition.fmt.value,
        "is_modifier": rendition.is_modifier,
        "macro": rendition.macro,
        "nameTemplate": rendition.name_template,
    }


def job_from_dict(data: Mapping[str, Any], *, lenient: bool = False) -> ExportJob:
    """Inverse of :func:`job_to_dict`; a missing field gets the job's default.

    A field of the wrong kind raises ValueError naming it, or, with
    ``lenient=True``, gets the default too (for state whose loss costs nothing).
    """
    base = ExportJob()

    def field(key: str, default: _T, read: Callable[[Any], _T]) -> _T:
        value = data.get(key, data.get(_OLD_KEYS.get(key, key)))
        if value is None:
            return default
        try:
            return read(value)
        except ValueError:
            if lenient:
                return default
            raise

    destination = field("destination", "", lambda v: _text("destination", v))
    no_handles: tuple[str, ...] = ()
    handles = field("assetHandleArray", no_handles, _handles)
    no_renditions: tuple[Rendition, ...] = ()
    renditions = field("renditions", no_renditions, _renditions)
    job = ExportJob(
        asset_handles=handles,
        fmt=field("fmt", base.fmt, lambda v: Fmt.parse(_text("fmt", v))),
        is_modifier=field("is_modifier", "", lambda v: _text("is_modifier", v)),
        macro=field("macro", "", lambda v: _text("macro", v)),
        email_setting=field(
            "emailSetting",
            base.email_setting,
            lambda v: EmailSetting.parse(_text("emailSetting", v)),
        ),
        client_id=field("clientId", "", lambda v: _text("clientId", v)),
        name=field("jobName", "", lambda v: _text("jobName", v)),
        destination=Path(destination) if destination else None,
        conflict=field(
            "conflict", base.conflict, lambda v: ConflictPolicy.parse(_text("conflict", v))
        ),
        keep_folders=field("keepFolders", base.keep_folders, lambda v: _flag("keepFolders", v)),
        force=field("force", base.force, lambda v: _flag("force", v)),
        workers=field("workers", base.workers, _workers),
        name_template=field("nameTemplate", "", lambda v: _text("nameTemplate", v)),
        preset=field("preset", "", lambda v: _text("preset", v)),
        selection=field("selection", None, _selection),
        locale=field("locale", "", lambda v: parse_locale(_text("locale", v))),
    )
    return job.with_renditions(renditions) if renditions else job


def _renditions(value: Any) -> tuple[Rendition, ...]:
    if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
        raise ValueError("'renditions' must be a list of objects")
    if len(value) < 2:
        raise ValueError("'renditions' lists two or more (a job of one has the fields itself)")
    found = []
    for number, item in enumerate(value, start=1):
        try:
            found.append(
                Rendition(
                    name=_text("preset", item.get("preset", "")),
                    fmt=Fmt.parse(_text("fmt", item.get("fmt", Fmt.ORIG.value))),
                    is_modifier=_text("is_modifier", item.get("is_modifier", "")),
                    macro=_text("macro", item.get("macro", "")),
                    name_template=_text("nameTemplate", item.get("nameTemplate", "")),
                )
            )
        except ValueError as exc:
            raise ValueError(f"rendition {number}: {exc}") from None
    return tuple(found)


def _selection_to_dict(selection: Selection) -> dict[str, Any]:
    return {
        "folder": selection.folder,
        "includeSubfolders": selection.recursive,
        "assetTypes": list(selection.types),
    }


def _selection(value: Any) -> Selection | None:
    if not isinstance(value, dict):
        raise ValueError("'selection' must be an object with folder, includeSubfolders, assetTypes")
    folder = value.get("folder")
    if folder is not None:
        folder = _text("selection.folder", folder)
    recursive = value.get("includeSubfolders", False)
    if not isinstance(recursive, bool):
        raise ValueError("'selection.includeSubfolders' must be true or false")
    types = value.get("assetTypes", [])
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise ValueError("'selection.assetTypes' must be a list of asset type names")
    try:
        return make_selection(folder, recursive, types)
    except ValueError as exc:
        raise ValueError(f"'selection': {exc}") from None


def _text(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be text")
    return value


def _handles(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(h, str) for h in value):
        raise ValueError("'assetHandleArray' must be a list of handles")
    return tuple(value)


def _flag(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{key!r} must be true or false")
    return value


def _workers(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_WORKERS:
        raise ValueError(f"'workers' must be a whole number from 0 to {MAX_WORKERS}")
    return value
