"""Safe output names: whatever an asset is called, its output lands inside the destination.

Asset names come from users and from other systems, so they may hold ``..``,
slashes, control characters, names Windows reserves (``CON``, ``lpt1.txt``) or
be longer than a file system allows. Everything here is pure string work.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from pathlib import PurePosixPath

# 255 bytes is the limit of ext4, APFS, NTFS (in UTF-16 units) and exFAT; stay below it so a
# collision suffix ("-12") still fits without cutting the name again.
MAX_NAME_BYTES = 240
_MAX_EXTENSION = 16

# Characters no file system we may write to accepts (Windows/exFAT are the strictest),
# the path separators, the C0/C1 control characters, and Unicode's bidirectional
# controls, which make a file manager show "photo\u202egpj.exe" as "photoexe.jpg".
UNSAFE_CHARACTER = re.compile(
    r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]'
)
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
    | {"com¹", "com²", "com³", "lpt¹", "lpt²", "lpt³"}
)

TEMP_PREFIX = ".exportgui-"
TEMP_SUFFIX = ".part"


def split_extension(name: str) -> tuple[str, str]:
    """``"a.b.png"`` → ``("a.b", ".png")``; no extension (or a dot-file) → ``(name, "")``."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or not ext or len(ext) > _MAX_EXTENSION or " " in ext:
        return name, ""
    return stem, f".{ext}"


def _truncate_utf8(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    # errors="ignore" drops a multi-byte character cut in half rather than corrupting it.
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def safe_component(text: str, *, fallback: str = "unnamed", max_bytes: int = MAX_NAME_BYTES) -> str:
    """Make one path component safe on every common file system.

    Unsafe characters (bidirectional controls among them) become ``_``;
    leading dots (hidden files, and our own temporary names) and trailing
    dots/spaces (Windows drops them) are replaced; ``.``/``..``/empty become
    ``fallback``; reserved Windows device names get a leading ``_``; names
    longer than ``max_bytes`` of UTF-8 are cut, keeping the extension.
    """
    name = unicodedata.normalize("NFC", text)
    name = UNSAFE_CHARACTER.sub("_", name).strip()
    name = name.rstrip(". ")
    if name.startswith("."):
        name = "_" + name[1:]
    if not name:
        name = fallback
    if name.split(".", 1)[0].rstrip(" ").lower() in _WINDOWS_RESERVED:
        name = "_" + name
    if len(name.encode("utf-8")) > max_bytes:
        stem, ext = split_extension(name)
        ext = _truncate_utf8(ext, _MAX_EXTENSION + 1)
        stem = _truncate_utf8(stem, max_bytes - len(ext.encode("utf-8"))).rstrip(". ")
        name = (stem or fallback) + ext
    return name


def safe_folder(folder: str) -> tuple[str, ...]:
    """A catalog folder (``"a/b"``) as safe components; ``..`` and empty parts are dropped."""
    parts = []
    for raw in folder.replace("\\", "/").split("/"):
        if raw.strip() in {"", ".", ".."}:
            continue
        parts.append(safe_component(raw, fallback="folder"))
    return tuple(parts)


def numbered(name: str, n: int) -> str:
    """The n-th alternative for a taken name: ``numbered("a.png", 2) == "a-2.png"``."""
    stem, ext = split_extension(name)
    suffix = f"-{n}{ext}"
    stem = _truncate_utf8(stem, MAX_NAME_BYTES + 12 - len(suffix.encode("utf-8")))
    return f"{stem}{suffix}"


def name_key(relative: PurePosixPath | str) -> str:
    """Comparison key for target paths: case-insensitive file systems treat a.png and A.PNG as one.

    Comparing this key rather than the names keeps two outputs apart on macOS,
    Windows and USB sticks, not just on case-sensitive Linux disks.
    """
    return unicodedata.normalize("NFC", str(relative)).casefold()


def temp_name(job_handle: str, run: str, seq: int) -> str:
    """Temporary name of one asset's output while one run writes it (hidden, recognisable).

    ``run`` tells the runs of one job apart: a run taken for dead whose workers
    still write never shares a name with the run that resumed the job.
    """
    return f"{TEMP_PREFIX}{job_handle}-{run}-{seq}{TEMP_SUFFIX}"


def scratch_name() -> str:
    """A fresh temporary name for one file written outside a job: short and of fixed length."""
    return f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}"


def temp_glob(job_handle: str) -> str:
    """Glob pattern matching every temporary file of one job."""
    return f"{TEMP_PREFIX}{job_handle}-*{TEMP_SUFFIX}"
