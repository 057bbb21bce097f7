"""validate(job, catalog): the problems the live form shows, cheap enough for every keystroke.

One parse of the effective modifier, one ``get_many`` of the selection and one
``stat`` of the destination: no decoding, no folder walks.
"""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

from exportgui.catalog import Asset
from exportgui.config import MailSettings
from exportgui.config.i18n import _, ngettext, number, parse_locale, use_language
from exportgui.imaging import ISAttributes, ISError
from exportgui.jobs.layer_sources import catalog_sources
from exportgui.jobs.model import (
    MAX_WORKERS,
    ConflictPolicy,
    EmailSetting,
    ExportJob,
    Fmt,
    LogType,
    Plan,
    Problem,
)
from exportgui.jobs.name_template import TemplateError, parse_template
from exportgui.jobs.names import name_key
from exportgui.jobs.notify import NotifyError, address_problems, control_problem, server_for
from exportgui.jobs.request import CatalogView, object_name, parse_job_request
from exportgui.jobs.tally import plan_tally


def _error(field: str, message: str, position: int | None = None, length: int = 0) -> Problem:
    return Problem(LogType.ERROR, field, message, position, length)


def _warning(field: str, message: str) -> Problem:
    return Problem(LogType.WARNING, field, message)


class InvalidJob(ValueError):
    """The job cannot run at all, so nothing was done; the message says which field and why."""


def destination_problem(destination: Path | str | None) -> str | None:
    """Why ``destination`` cannot be a job's destination as written (no disk access), or None.

    Only a full path is a destination: a relative one has no fixed meaning.
    """
    if destination is None or not str(destination).strip():
        return _("choose a destination folder")
    if not Path(destination).is_absolute():
        return _(
            "{destination!r} is not a full folder path; choose the folder by its full path"
        ).format(destination=str(destination))
    return None


def missing_folders(destination: Path) -> list[Path]:
    """The folders to make, outermost first, for ``destination`` to exist.

    Empty when it exists, when it is not a full path, or when it cannot be made
    because a file (or an unreadable folder) is in the way.
    """
    if not destination.is_absolute():
        return []
    missing: list[Path] = []
    path = destination
    try:
        while not path.exists() and not path.is_symlink():
            missing.append(path)
            if path.parent == path:
                return []
            path = path.parent
        if not path.is_dir():
            return []
    except OSError:
        return []
    return missing[::-1]


def check_destination(job: ExportJob) -> None:
    """Refuse to run a job whose destination is missing, empty or relative.

    Raises:
        InvalidJob: naming the destination field.
    """
    problem = destination_problem(job.destination)
    if problem is not None:
        raise InvalidJob(f"destination: {problem}")


def _destination_problems(job: ExportJob, catalog_folder: Path | None) -> list[Problem]:
    problem = destination_problem(job.destination)
    if problem is not None or job.destination is None:
        return [_error("destination", problem or _("choose a destination folder"))]
    dest = job.destination
    try:
        is_dir = Path(dest).is_dir()
        exists = is_dir or Path(dest).exists()
    except OSError as exc:
        message = _("cannot use {folder}: {problem}").format(
            folder=dest, problem=exc.strerror or exc
        )
        return [_error("destination", message)]
    if not exists:
        message = _("the destination folder {folder} does not exist").format(folder=dest)
        return [_error("destination", message)]
    if not is_dir:
        message = _("the destination {folder} is not a folder").format(folder=dest)
        return [_error("destination", message)]
    if not os.access(dest, os.W_OK | os.X_OK):
        message = _("the destination folder {folder} is not writable").format(folder=dest)
        return [_error("destination", message)]
    if catalog_folder is not None:
        real_dest = os.path.realpath(dest)
        real_catalog = os.path.realpath(catalog_folder)
        if os.path.commonpath([real_dest, real_catalog]) == real_catalog:
            return [_error("destination", _("the destination is inside the catalog folder"))]
    return []


def _enum_problems(job: ExportJob) -> tuple[ExportJob | None, list[Problem]]:
    problems = []
    fields: dict[str, object] = {}
    for field, parse in (
        ("fmt", Fmt.parse),
        ("email_setting", EmailSetting.parse),
        ("conflict", ConflictPolicy.parse),
        ("locale", parse_locale),
    ):
        try:
            fields[field] = parse(getattr(job, field))
        except ValueError as exc:
            problems.append(_error(field, str(exc)))
    workers = job.workers
    if not isinstance(workers, int) or isinstance(workers, bool) or not 0 <= workers <= MAX_WORKERS:
        message = _("workers must be 0 (one per core) to {most}").format(most=MAX_WORKERS)
        problems.append(_error("workers", message))
    if problems:
        return None, problems
    return replace(job, **fields), []  # type: ignore[arg-type]


def _asset_problems(job: ExportJob, assets: dict[str, Asset]) -> list[Problem]:
    handles = job.asset_handles
    if not handles:
        return [_error("assets", _("no asset selected"))]
    problems: list[Problem] = []
    missing = [h for h in dict.fromkeys(handles) if h not in assets]
    blocked = [a for a in assets.values() if not a.exportable]
    exportable = [a for a in assets.values() if a.exportable]
    if not exportable:
        return [_error("assets", _("no exportable asset selected"))]
    if missing:
        problems.append(
            _warning(
                "assets",
                ngettext(
                    "{n} selected handle not in the catalog (e.g. {example!r}); logged as errors",
                    "{n} selected handles not in the catalog (e.g. {example!r}); logged as errors",
                    len(missing),
                ).format(n=number(len(missing)), example=missing[0]),
            )
        )
    if blocked:
        labels = sorted({a.type.label for a in blocked})
        problems.append(
            _warning(
                "assets",
                ngettext(
                    "ExportJob does not export {types}: {n} selected asset will be logged as an "
                    "error",
                    "ExportJob does not export {types}: {n} selected assets will be logged as "
                    "errors",
                    len(blocked),
                ).format(types=", ".join(labels), n=number(len(blocked))),
            )
        )
    if len(handles) != len(set(handles)):
        problems.append(
            _warning("assets", _("some assets are selected twice; each is exported once"))
        )
    if job.fmt is Fmt.CONVERT:
        not_raster = [a for a in exportable if not a.is_raster]
        if len(not_raster) == len(exportable):
            return [*problems, _error("assets", _("fmt=convert needs images; none is selected"))]
        if not_raster:
            problems.append(
                _warning(
                    "assets",
                    ngettext(
                        "fmt=convert renders images only: {n} selected asset will be logged as "
                        "an error",
                        "fmt=convert renders images only: {n} selected assets will be logged as "
                        "errors",
                        len(not_raster),
                    ).format(n=number(len(not_raster))),
                )
            )
    return problems


_cache_lock = threading.Lock()
_cached: tuple[object, dict[str, Asset]] | None = None


def _revision(catalog: CatalogView) -> object | None:
    """Changes whenever anyone writes to the catalog database (None: cannot tell)."""
    db = getattr(catalog, "db", None)
    if db is None:
        return None
    conn = db.connection
    data_version = conn.execute("PRAGMA data_version").fetchone()[0]  # other connections
    return (str(db.path), id(catalog), data_version, conn.total_changes)  # and this one


def _selection(catalog: CatalogView, handles: tuple[str, ...]) -> dict[str, Asset]:
    """The selected assets, looked up once per catalog change.

    The form re-validates on every keystroke with the same selection; the
    last lookup is kept until anyone writes to the catalog database.
    """
    global _cached
    if not handles:
        return {}
    revision = _revision(catalog)
    key = (revision, handles) if revision is not None else None
    with _cache_lock:
        if key is not None and _cached is not None and _cached[0] == key:
            return _cached[1]
    assets = catalog.get_many(handles)
    if key is not None:
        with _cache_lock:
            _cached = (key, assets)
    return assets


def selection_problems(job: ExportJob, catalog: CatalogView) -> list[Problem]:
    """The ``assets`` problems of :func:`validate` alone: one lookup of the selection, no parse."""
    with use_language(job.locale):
        return _sorted(_asset_problems(job, _selection(catalog, job.asset_handles)))


def validate(job: ExportJob, catalog: CatalogView) -> list[Problem]:
    """Errors (which block the export) and warnings for the job, errors first.

    In a job of several renditions, each rendition's fields are checked as a
    job of its own, and their problems name the rendition. The messages are in the job's locale.
    """
    with use_language(job.locale):
        return _validate(job, catalog)


def _validate(job: ExportJob, catalog: CatalogView) -> list[Problem]:
    checked, problems = _enum_problems(job)
    problems += _destination_problems(job, getattr(catalog, "folder", None))
    if checked is None:
        return _sorted(problems)
    job = checked
    assets = _selection(catalog, job.asset_handles)
    renditions = job.rendition_list
    every_convert = all(r.fmt is Fmt.CONVERT for r in renditions)
    problems += _asset_problems(
        replace(job, fmt=Fmt.CONVERT if every_convert else Fmt.ORIG), assets
    )
    if job.force and job.conflict is not ConflictPolicy.UPDATE:
        problems.append(
            _warning("force", _("forcing only matters with the conflict policy update; ignored"))
        )
    several = len(renditions) > 1
    if several:
        problems += _rendition_problems(job)
    for rendition in renditions:
        found = _rendition_field_problems(job.for_rendition(rendition), catalog, assets)
        problems += [replace(p, rendition=rendition.name) for p in found] if several else found
    if all(r.fmt is Fmt.ORIG for r in renditions):
        return _sorted(problems)
    try:
        ISAttributes.from_strings(catalog.attributes())
    except ISError as exc:
        message = _("the catalog's Image Serving attributes: {problem}").format(problem=exc)
        problems.append(_error("attributes", message))
    return _sorted(problems)


def _rendition_problems(job: ExportJob) -> list[Problem]:
    """A job of several renditions needs them named, each name once (it is their folder)."""
    seen: set[str] = set()
    for rendition in job.renditions:
        if not rendition.name.strip():
            return [_error("renditions", _("every rendition of a job of several needs a name"))]
        key = name_key(rendition.name)
        if key in seen:
            message = _("the rendition {name!r} is listed twice").format(name=rendition.name)
            return [_error("renditions", message)]
        seen.add(key)
    return []


def _rendition_field_problems(
    job: ExportJob, catalog: CatalogView, assets: dict[str, Asset]
) -> list[Problem]:
    """One rendition's problems: its naming template, and its request or what orig ignores."""
    problems = template_problems(job)
    if job.fmt is Fmt.ORIG:
        if job.is_modifier.strip():
            problems.append(
                _warning("is_modifier", _("ignored with fmt=orig: files are copied as is"))
            )
        if job.macro.strip():
            problems.append(_warning("macro", _("ignored with fmt=orig: files are copied as is")))
        return problems
    first = next((assets[h] for h in job.asset_handles if h in assets), None)
    _request, parse_problems = parse_job_request(
        job, catalog.macros(), object_name(first) if first else None, catalog_sources(catalog)
    )
    return problems + parse_problems


def template_problems(job: ExportJob) -> list[Problem]:
    """The naming template's mistake (with its position), and what it leaves out of the job."""
    if not job.name_template:
        return []
    try:
        template = parse_template(job.name_template)
    except TemplateError as exc:
        return [_error("name_template", exc.message, exc.position, exc.length)]
    problems = []
    if job.keep_folders and "folder" not in template.tokens:
        problems.append(
            _warning(
                "name_template",
                _(
                    "the template decides the folders, so the catalog's folders are not "
                    "recreated; put {folder} in it to keep them"
                ),
            )
        )
    if "preset" in template.tokens and not job.preset:
        problems.append(
            _warning("name_template", _("{preset} is empty: this job was not made from a preset"))
        )
    return problems


def nothing_written_problem(plan: Plan) -> Problem | None:
    """An error when the plan writes no file at all (every asset refused or skipped), else None."""
    with use_language(plan.job.locale):
        return _nothing_written_problem(plan)


def _nothing_written_problem(plan: Plan) -> Problem | None:
    counts = plan_tally(plan)
    if not plan.outputs or counts.written:
        return None
    total = len(plan.outputs)
    assets = ngettext("{n} asset", "{n} assets", total).format(n=number(total))
    outputs = ngettext("{n} output", "{n} outputs", total).format(n=number(total))
    parts = []
    if counts.failed:
        first = next(o for o in plan.outputs if o.status is LogType.ERROR)
        name = first.source_file_name or first.asset_name
        example = f"{name}: {first.message or first.reason}"
        parts.append(
            ngettext(
                "{n} of {total} is refused (e.g. {example})",
                "{n} of {total} are refused (e.g. {example})",
                counts.failed,
            ).format(n=number(counts.failed), total=assets, example=example)
        )
    if counts.skipped_existing:
        parts.append(
            ngettext(
                "{n} of {total} is already in the destination, and existing files are skipped",
                "{n} of {total} are already in the destination, and existing files are skipped",
                counts.skipped_existing,
            ).format(n=number(counts.skipped_existing), total=assets)
        )
    if counts.up_to_date:
        parts.append(
            ngettext(
                "{n} of {total} is up to date",
                "{n} of {total} are up to date",
                counts.up_to_date,
            ).format(n=number(counts.up_to_date), total=outputs)
        )
    if counts.kept:
        parts.append(
            ngettext(
                "{n} of {total} is kept: changed at the destination or not placed by "
                "exportgui (force the job to replace it)",
                "{n} of {total} are kept: changed at the destination or not placed by "
                "exportgui (force the job to replace them)",
                counts.kept,
            ).format(n=number(counts.kept), total=outputs)
        )
    return _error(
        "assets", _("Nothing would be written: {reasons}").format(reasons="; ".join(parts))
    )


def mail_problems(mail: MailSettings) -> list[Problem]:
    """Errors in the mail settings a job will use, by field (``smtp_url``, ``sender``, …).

    Settings with nothing filled in have none: the run reports that no mail was sent.
    """
    problems = [_error(field, message) for field, message in address_problems(mail)]
    user_problem = control_problem(mail.username)
    if user_problem:
        problems.append(_error("username", f"the mail user name {user_problem}"))
    elif mail.smtp_url:
        try:
            server_for(mail)
        except NotifyError as exc:
            problems.append(_error("smtp_url", str(exc)))
    return problems


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: not p.is_error)
