"""ICC profiles that ``icc=`` names (spec §6.6): the app's profile folder or built-in sRGB.

Lookups are cached by file path, modification time and size, so the resolver
pays one ``stat`` per call at most and a changed file is read again.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageCms

from exportgui.config import app_paths
from exportgui.config.i18n import _
from exportgui.config.userfiles import MiB, UserFileError, read_user_file
from exportgui.imaging.errors import ErrorCode, ISError

BUILTIN_SRGB = "srgb"
PROFILE_SUFFIXES = (".icc", ".icm")

# ICC header colour-space signatures → pixel types of §7.
_SPACES = {"RGB": "rgb", "GRAY": "gray", "CMYK": "cmyk"}


@dataclass(frozen=True, slots=True)
class Profile:
    """One loaded profile."""

    name: str
    color_space: str  # rgb | gray | cmyk
    data: bytes
    cms: ImageCms.ImageCmsProfile


@functools.cache
def srgb_profile() -> Profile:
    """The built-in sRGB profile (also the working profile when a source has none)."""
    cms = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return Profile("sRGB", "rgb", cms.tobytes(), cms)


def find_profile(name: str, profiles_dir: Path | None = None) -> Profile:
    """Load the profile ``icc=`` names.

    ``name`` is ``sRGB`` (built in, any case) or a file in the profile folder,
    with or without its ``.icc``/``.icm`` suffix.

    Raises:
        ISError: E_BAD_VALUE for an unknown or unreadable profile.
    """
    if name.lower() == BUILTIN_SRGB:
        return srgb_profile()
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise ISError(
            ErrorCode.E_BAD_VALUE,
            _("icc profile {name!r} is not a file name").format(name=name),
            name,
        )
    folder = profiles_dir if profiles_dir is not None else app_paths().profiles_dir
    candidates = [folder / name]
    if not name.lower().endswith(PROFILE_SUFFIXES):
        candidates += [folder / f"{name}{suffix}" for suffix in PROFILE_SUFFIXES]
    for path in candidates:
        try:
            stat = path.stat()
        except OSError:
            continue
        return _load(str(path), stat.st_mtime_ns, stat.st_size, name)
    raise ISError(
        ErrorCode.E_BAD_VALUE,
        _("unknown icc profile {name!r}: not built in (sRGB) and not in {folder}").format(
            name=name, folder=folder
        ),
        name,
    )


_MAX_PROFILE_BYTES = 64 * MiB  # large CMYK profiles are a few MiB


@functools.lru_cache(maxsize=64)
def _load(path: str, _mtime_ns: int, _size: int, name: str) -> Profile:
    try:
        data = read_user_file(Path(path), _MAX_PROFILE_BYTES)
        cms = ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, UserFileError, ImageCms.PyCMSError) as exc:
        raise ISError(
            ErrorCode.E_BAD_VALUE,
            _("icc profile {name!r} cannot be read: {problem}").format(name=name, problem=exc),
        ) from exc
    space = _SPACES.get(cms.profile.xcolor_space.strip())
    if space is None:
        raise ISError(
            ErrorCode.E_BAD_VALUE,
            _(
                "icc profile {name!r} has colour space {space!r}; "
                "only RGB, gray and CMYK profiles can be output"
            ).format(name=name, space=cms.profile.xcolor_space.strip()),
            name,
        )
    return Profile(name, space, data, cms)


def profile_from_bytes(data: bytes) -> Profile | None:
    """A source's embedded profile, or None when it cannot be parsed."""
    return _from_bytes(data)


@functools.lru_cache(maxsize=32)
def _from_bytes(data: bytes) -> Profile | None:
    try:
        cms = ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, ImageCms.PyCMSError):
        return None
    space = _SPACES.get(cms.profile.xcolor_space.strip())
    if space is None:
        return None
    return Profile("embedded", space, data, cms)


@functools.lru_cache(maxsize=32)
def cached_transform(
    source: bytes, target: bytes, in_mode: str, out_mode: str, intent: int, bpc: bool
) -> ImageCms.ImageCmsTransform | None:
    """A LittleCMS transform between two profiles given as bytes; None if it cannot be built.

    Built with NOCACHE: LittleCMS's one-pixel cache is written during a
    transform, so a transform shared between render threads must not have it.
    """
    src = _from_bytes(source) if source != srgb_profile().data else srgb_profile()
    dst = _from_bytes(target) if target != srgb_profile().data else srgb_profile()
    if src is None or dst is None:
        return None
    flags = ImageCms.Flags.NOCACHE
    if bpc:
        flags |= ImageCms.Flags.BLACKPOINTCOMPENSATION
    try:
        return ImageCms.buildTransform(
            src.cms, dst.cms, in_mode, out_mode, ImageCms.Intent(intent), flags
        )
    except ImageCms.PyCMSError:
        return None
