"""plan(job, catalog): one PlannedOutput per asset and rendition, with no pixel decoded.

Target names follow §8 (``imaging.output_name`` with the resolved extension
for ``convert``; the original file name for ``orig``), or the rendition's naming
template when it has one, made safe for every file system. A job of several
renditions puts each rendition's files in a folder named after it, unless its
template places them. Two outputs of the job never share a target (the later
one gets ``name-2.ext`` and a warning, whatever the policy); the conflict policy
decides only about files that were in the destination before the job; with the
policy ``update`` each output is judged against what this program placed there
(update.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from exportgui.catalog import Asset
from exportgui.config.i18n import N_, _, use_language
from exportgui.imaging import (
    ISAttributes,
    ISError,
    Request,
    ResolvedOutput,
    output_name,
    resolve,
)
from exportgui.imaging.sources import SourceLookup
from exportgui.jobs.layer_sources import catalog_sources
from exportgui.jobs.model import (
    ConflictPolicy,
    ExportJob,
    Fmt,
    LogType,
    Plan,
    PlannedOutput,
    Rendition,
    normalize,
)
from exportgui.jobs.name_template import NameFields, NameTemplate, TemplateError, parse_template
from exportgui.jobs.names import name_key, numbered, safe_component, safe_folder
from exportgui.jobs.request import CatalogView, object_name, parse_job_request
from exportgui.jobs.tally import KEPT, LISTED_TWICE, RENAMED, REPLACES, SKIPPED, UP_TO_DATE
from exportgui.jobs.update import Freshness, Placed, judge, placed_in, request_key

ORIG_REASON = N_("original bytes, unchanged")
_ASSETS_AT_ONCE = 512  # assets read from the catalog at a time while planning
_OBJECTS_KEPT = 256  # requests kept per rendition when each $object$ value parses its own


class _RequestsOfOne:
    """One rendition's request, parsed once, or once per ``$object$`` value when it uses it."""

    def __init__(
        self, job: ExportJob, macros: dict[str, str], sources: SourceLookup | None = None
    ) -> None:
        self.job = job
        self.macros = macros
        self.sources = sources
        self._first: Request | str = ""
        self._per_asset: bool | None = None  # decided by the first parse
        self._per_object: dict[str, Request | str] = {}

    def _parse(self, name: str) -> Request | str:
        request, problems = parse_job_request(self.job, self.macros, name, self.sources)
        return request if request is not None else "; ".join(p.message for p in problems)

    def get(self, asset: Asset) -> Request | str:
        if self._per_asset is False:
            return self._first
        name = object_name(asset)
        if self._per_asset is None:
            self._first = self._parse(name)
            if isinstance(self._first, Request):
                self._per_asset = self._first.uses_object
            else:  # an invalid request may be invalid only for this $object$ (wid=$object$)
                texts = [self.job.is_modifier, self.job.macro, *self.macros.values()]
                self._per_asset = any("$object" in t.lower() for t in texts)
            self._per_object[name] = self._first
            return self._first
        found = self._per_object.pop(name, None)
        if found is None:
            found = self._parse(name)
        self._per_object[name] = found  # the newest last: the oldest goes first when full
        if len(self._per_object) > _OBJECTS_KEPT:
            del self._per_object[next(iter(self._per_object))]
        return found


class RequestCache:
    """The job's requests, parsed once per rendition (or per ``$object$`` value that needs it)."""

    def __init__(
        self, job: ExportJob, macros: dict[str, str], sources: SourceLookup | None = None
    ) -> None:
        self.job = job
        self._by_rendition = {
            r.name: _RequestsOfOne(job.for_rendition(r), macros, sources)
            for r in job.rendition_list
        }
        self._first = next(iter(self._by_rendition.values()))

    def get(self, asset: Asset, rendition: str | None = None) -> Request | str:
        """The request of ``rendition`` (default: the first) for the asset, or why it fails."""
        if rendition is None or len(self._by_rendition) == 1:  # logs of before renditions: ""
            return self._first.get(asset)
        return self._by_rendition[rendition].get(asset)


class _Namer:
    """Gives each output a distinct, safe relative path and applies the conflict policy."""

    def __init__(self, destination: Path | None, policy: ConflictPolicy) -> None:
        self.destination = destination
        self.policy = policy
        self.taken: set[str] = set()
        self.first_owner: dict[str, str] = {}
        self._existing: dict[tuple[str, ...], set[str]] = {}

    def existing(self, folder: tuple[str, ...]) -> set[str]:
        """Name keys of the files already in one destination folder (listed once)."""
        found = self._existing.get(folder)
        if found is None:
            found = set()
            if self.destination is not None:
                folder_path = self.destination.joinpath(*folder)
                try:  # os.listdir: no Path object per entry, for folders of 100k files
                    found = {name_key(n) for n in os.listdir(folder_path)}  # noqa: PTH208
                except OSError:
                    found = set()
            self._existing[folder] = found
        return found

    def place(
        self, folder: tuple[str, ...], name: str, owner: str
    ) -> tuple[str | None, LogType, str]:
        """Choose the target for ``name`` in ``folder``: (path or None if skipped, status, note)."""
        existing = self.existing(folder)

        prefix = "".join(f"{part}/" for part in folder)

        def key(candidate: str) -> str:  # strings, not PurePosixPath: 10k assets per plan
            return name_key(prefix + candidate)

        def free(candidate: str, *, also_existing: bool) -> bool:
            return key(candidate) not in self.taken and not (
                also_existing and name_key(candidate) in existing
            )

        status, notes = LogType.SUCCESS, []
        chosen = name
        if not free(name, also_existing=False):
            n = 2
            while not free(numbered(name, n), also_existing=False):
                n += 1
            chosen = numbered(name, n)
            status = LogType.WARNING
            notes.append(
                _(RENAMED)
                + _("{name}: {other} is also the target of {owner}").format(
                    name=chosen, other=name, owner=self.first_owner[key(name)]
                )
            )
        if name_key(chosen) in existing and self.policy is not ConflictPolicy.UPDATE:
            status = LogType.WARNING
            if self.policy is ConflictPolicy.SKIP:
                self.taken.add(key(chosen))
                self.first_owner.setdefault(key(chosen), owner)
                notes.append(
                    _(SKIPPED) + _("{name} already exists in the destination").format(name=chosen)
                )
                return None, status, "; ".join(notes)
            if self.policy is ConflictPolicy.OVERWRITE:
                notes.append(_(REPLACES) + chosen)
            else:
                base, n = chosen, 2
                while not free(numbered(base, n), also_existing=True):
                    n += 1
                chosen = numbered(base, n)
                notes.append(
                    _(RENAMED)
                    + _("{name}: {other} already exists in the destination").format(
                        name=chosen, other=base
                    )
                )
        self.taken.add(key(chosen))
        self.first_owner.setdefault(key(chosen), owner)
        return prefix + chosen, status, "; ".join(notes)


def _refused(asset: Asset | None, handle: str, reason: str, message: str) -> PlannedOutput:
    return PlannedOutput(
        asset_handle=handle,
        asset_name=asset.name if asset else handle,
        source_file_name=asset.file_name if asset else "",
        target=None,
        format=None,
        width=asset.width if asset else None,
        height=asset.height if asset else None,
        reason=reason,
        status=LogType.ERROR,
        message=message,
    )


class _Described(NamedTuple):
    """One asset's output as the plan sees it before it gets its place."""

    name: str  # by the IPS rule, made safe
    extension: str  # without the dot
    fmt: str
    width: int | None
    height: int | None
    reason: str
    layers: tuple[str, ...] = ()  # the catalog images drawn as layers, "folder/name"


class _RenditionPlanner:
    """Describes and names one rendition's outputs."""

    def __init__(
        self,
        job: ExportJob,
        rendition: Rendition,
        catalog: CatalogView,
        requests: RequestCache,
        *,
        several: bool,
        placed: dict[str, Placed] | None,
    ) -> None:
        self.rendition = rendition
        self.job = job.for_rendition(rendition)
        self.requests = requests
        self.placed = placed  # the outputs placed in the destination, for policy "update"
        self.describe: Callable[[Asset], _Described | str] = (
            _describe_orig
            if rendition.fmt is Fmt.ORIG
            else _convert_describer(self.job, catalog, requests, rendition.name)
        )
        self.template: NameTemplate | str | None = None
        if rendition.name_template:
            try:
                self.template = parse_template(rendition.name_template)
            except TemplateError as exc:
                self.template = _("name template: {problem}").format(problem=exc)
        # Several renditions: each in a folder of its own, unless its template places it.
        self.folder = (safe_component(rendition.name),) if several else ()

    def output(self, asset: Asset, seq: int, namer: _Namer, job_date: datetime) -> PlannedOutput:
        """The asset's planned output in this rendition, given its place by ``namer``."""
        handle = asset.handle
        described = self.describe(asset)
        if isinstance(described, str):
            return _refused(asset, handle, described, described)
        template = self.template
        if isinstance(template, str):
            return _refused(asset, handle, template, template)
        if template is None:
            folder = self.folder + (safe_folder(asset.folder) if self.job.keep_folders else ())
            name = described.name
        else:
            fields = NameFields(
                name=output_name(asset.file_name or asset.name, ""),
                ext=described.extension,
                folder=asset.folder,
                preset=self.rendition.name,
                wid=described.width,
                hei=described.height,
                fmt=described.fmt,
                handle=handle,
                seq=seq,
                date=job_date,
            )
            try:
                *parents, name = template.expand(fields)
            except ValueError as exc:
                return _refused(asset, handle, str(exc), str(exc))
            folder = tuple(parents)
        owner = asset.file_name or asset.name
        if self.folder:
            owner = f"{owner} ({self.rendition.name})"
        target, status, note = namer.place(folder, name, owner)
        if self.placed is not None and target is not None:
            target, status, note = self._judged(asset, target, status, note)
        return PlannedOutput(
            asset_handle=handle,
            asset_name=asset.name,
            source_file_name=asset.file_name,
            target=Path(target) if target else None,
            format=described.fmt,
            width=described.width,
            height=described.height,
            reason=described.reason,
            status=status,
            message=note,
            layers=described.layers,
        )

    def _judged(
        self, asset: Asset, target: str, status: LogType, note: str
    ) -> tuple[str | None, LogType, str]:
        """For an ``update`` job: the target (None: not written), status and note of an output.

        It is written only if what is at its target is stale.
        """
        assert self.placed is not None and self.job.destination is not None
        request = None
        if self.rendition.fmt is Fmt.CONVERT:
            found = self.requests.get(asset, self.rendition.name)
            request = found if isinstance(found, Request) else None
        fresh = judge(
            Path(self.job.destination) / target,
            self.placed.get(target),
            asset,
            request_key(request),
        )
        shown = PurePosixPath(target).name
        notes = [note] if note else []
        written: str | None = target
        if fresh is Freshness.UP_TO_DATE:
            written, notes = None, [*notes, _(UP_TO_DATE) + shown]
        elif fresh.conflict and not self.job.force:
            status, written = LogType.WARNING, None
            notes.append(
                _(KEPT)
                + _("{name} ({found}); force the job to replace it").format(
                    name=shown, found=_(fresh.value)
                )
            )
        elif fresh.conflict:
            status = LogType.WARNING
            notes.append(
                _(REPLACES) + _("{name} ({found}; forced)").format(name=shown, found=_(fresh.value))
            )
        else:
            notes.append(_(fresh.value))
        return written, status, "; ".join(notes)


def plan(
    job: ExportJob,
    catalog: CatalogView,
    requests: RequestCache | None = None,
    *,
    date: datetime | None = None,
) -> Plan:
    """One planned output per asset handle and rendition of the job, in job order. Writes nothing.

    An asset's renditions follow one another, in the job's order of renditions.
    The requests are parsed through ``requests`` when it is given, so the caller
    can render with the very requests the plan resolved. ``date`` is the job's
    date for a naming template's ``{date}`` (default: now). Its texts are in the job's locale.
    """
    with use_language(job.locale):
        return _plan(job, catalog, requests, date)


def _plan(
    job: ExportJob, catalog: CatalogView, requests: RequestCache | None, date: datetime | None
) -> Plan:
    job = normalize(job)
    namer = _Namer(Path(job.destination) if job.destination else None, job.conflict)
    outputs: list[PlannedOutput] = []
    seen: set[str] = set()
    renditions = job.rendition_list
    requests = requests or RequestCache(job, catalog.macros(), catalog_sources(catalog))
    placed = _placed(job, catalog)
    planners = [
        _RenditionPlanner(job, r, catalog, requests, several=len(renditions) > 1, placed=placed)
        for r in renditions
    ]
    job_date = date or datetime.now().astimezone()
    assets: dict[str, Asset] = {}
    for seq, handle in enumerate(job.asset_handles, start=1):
        if seq % _ASSETS_AT_ONCE == 1:  # the assets of the next handles, fetched together
            assets = catalog.get_many(job.asset_handles[seq - 1 : seq - 1 + _ASSETS_AT_ONCE])
        asset = assets.get(handle)
        twice = handle in seen
        seen.add(handle)
        for planner in planners:
            if twice:
                out = _as_warning(_refused(asset, handle, _("listed twice"), _(LISTED_TWICE)))
            elif asset is None:
                message = _("no asset with handle {handle!r} in this catalog").format(handle=handle)
                out = _refused(None, handle, _("unknown asset"), message)
            elif asset.block_reason:
                out = _refused(asset, handle, asset.block_reason, asset.block_reason)
            else:
                out = planner.output(asset, seq, namer, job_date)
            outputs.append(replace(out, rendition=planner.rendition.name))
    return Plan(job=job, outputs=outputs)


def _placed(job: ExportJob, catalog: CatalogView) -> dict[str, Placed] | None:
    """For an ``update`` job, the outputs placed in its destination (none known: empty)."""
    if job.conflict is not ConflictPolicy.UPDATE or job.destination is None:
        return None
    db = getattr(catalog, "db", None)
    return placed_in(db, Path(job.destination)) if db is not None else {}


def _as_warning(out: PlannedOutput) -> PlannedOutput:
    return replace(out, status=LogType.WARNING)


def _describe_orig(asset: Asset) -> _Described:
    source = asset.file_name or asset.name
    stem = output_name(source, "")
    base = source.replace("\\", "/").rsplit("/", 1)[-1]
    extension = base[len(stem) + 1 :] if len(base) > len(stem) else ""
    return _Described(
        safe_component(source), extension, "orig", asset.width, asset.height, _(ORIG_REASON)
    )


def _convert_describer(
    job: ExportJob, catalog: CatalogView, requests: RequestCache, rendition: str
) -> Callable[[Asset], _Described | str]:
    attrs: ISAttributes | str
    try:
        attrs = ISAttributes.from_strings(catalog.attributes())
    except ISError as exc:
        attrs = _("the catalog's Image Serving attributes: {problem}").format(problem=exc)

    def describe(asset: Asset) -> _Described | str:
        if not asset.is_raster:
            return _(
                "fmt=convert renders images only and {name} is {kind} (export it with fmt=orig)"
            ).format(name=asset.file_name or asset.name, kind=asset.type.one)
        if isinstance(attrs, str):
            return attrs
        request = requests.get(asset, rendition)
        if isinstance(request, str):
            return request
        if not asset.width or not asset.height:
            return _("the catalog does not know this image's pixel size")
        try:
            resolved: ResolvedOutput = resolve(
                request, asset.width, asset.height, asset.mode or "RGB", attrs
            )
        except ISError as exc:
            return str(exc)
        name = safe_component(output_name(asset.file_name or asset.name, resolved.extension))
        reason = "; ".join(r for r in (resolved.format_reason, resolved.size_reason) if r)
        extension = resolved.extension.removeprefix(".")
        layers = tuple(image.name for image in request.layer_images())
        return _Described(
            name, extension, resolved.format, resolved.width, resolved.height, reason, layers
        )

    return describe
