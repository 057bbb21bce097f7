"""Build large photo-like JPEGs for the imaging benchmark, deterministically.

Flat colours and smooth gradients flatter every encoder (and shrink-on-load),
so each image mixes what real photographs have: a soft sky-like gradient,
1/f ("pink") multi-scale texture in luminance and colour, large shapes with
sharp edges and their own texture, thin lines, and per-pixel sensor grain.
At quality 90 a 6000×4000 image comes out at about 2.3 bits per pixel
(≈ 7 MB), in the range of camera files.

    uv run python bench/make_corpus.py            # 8 images into bench/corpus/
    uv run python bench/make_corpus.py --count 24 --size 6000x4000 --seed 7

Needs numpy (the ``bench`` dependency group).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

CORPUS = Path(__file__).resolve().parent / "corpus"


def _octave_noise(
    rng: np.random.Generator,
    width: int,
    height: int,
    first: int,
    last: int,
    falloff: float,
    coarse: int = 1,
) -> np.ndarray:
    """Multi-scale noise: random grids at doubling resolutions ``first..last``, upsampled.

    Natural images have roughly equal energy per octave (power ∝ 1/f²), so a
    ``falloff`` near 1 keeps fine detail as strong as coarse structure.
    ``coarse`` > 1 builds a low-frequency field at 1/coarse size and upsamples
    it once at the end, which saves most of the time for smooth fields.
    """
    if coarse > 1:
        small = _octave_noise(
            rng, max(2, width // coarse), max(2, height // coarse), first, last, falloff
        )
        big = Image.fromarray(small, "F").resize((width, height), Image.Resampling.BICUBIC)
        return np.asarray(big, np.float32)
    total = np.zeros((height, width), np.float32)
    amplitude = 1.0
    longest = max(width, height)
    for octave in range(first, last + 1):
        gw = max(2, min(width, round(3 * 2**octave * width / longest)))
        gh = max(2, min(height, round(3 * 2**octave * height / longest)))
        grid = rng.standard_normal((gh, gw)).astype(np.float32)
        # Pillow's "F" mode resize is fast; bicubic keeps the field smooth between knots.
        layer = Image.fromarray(grid, "F").resize((width, height), Image.Resampling.BICUBIC)
        total += amplitude * np.asarray(layer, np.float32)
        amplitude *= falloff
    return total / (float(np.abs(total).max()) + 1e-6)


def _shapes_mask(rng: np.random.Generator, width: int, height: int) -> Image.Image:
    """Hard-edged shapes and thin lines: the detail that makes resampling filters differ."""
    mask = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    for _ in range(int(rng.integers(8, 16))):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        r = int(rng.integers(height // 30, height // 5))
        shade = int(rng.integers(60, 255))
        if rng.random() < 0.5:
            draw.ellipse((x - r, y - r, x + r, y + int(r * rng.uniform(0.4, 1.2))), fill=shade)
        else:
            points = [
                (x + int(r * np.cos(a)), y + int(r * np.sin(a)))
                for a in np.sort(rng.uniform(0, 2 * np.pi, int(rng.integers(3, 7))))
            ]
            draw.polygon(points, fill=shade)
    for _ in range(int(rng.integers(30, 60))):
        x0, y0 = int(rng.integers(0, width)), int(rng.integers(0, height))
        x1, y1 = x0 + int(rng.integers(-width // 3, width // 3)), y0 + int(rng.integers(-40, 40))
        draw.line((x0, y0, x1, y1), fill=int(rng.integers(0, 255)), width=int(rng.integers(1, 5)))
    return mask


def make_image(seed: int, width: int, height: int) -> Image.Image:
    """One photo-like RGB image, fully determined by ``seed``."""
    rng = np.random.default_rng(seed)
    yy = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    xx = np.linspace(0.0, 1.0, width, dtype=np.float32)[None, :]
    # Sky-like gradient, different tint per image.
    top = rng.uniform(0.35, 0.85, 3).astype(np.float32)
    bottom = rng.uniform(0.10, 0.60, 3).astype(np.float32)
    tilt = np.float32(rng.uniform(-0.2, 0.2))
    ramp = np.clip(yy + tilt * (xx - 0.5), 0.0, 1.0)

    luma = _octave_noise(rng, width, height, 0, 5, 0.8, coarse=8)
    # Fine texture (foliage, fabric, stone) only where a coarse "busyness" map says so,
    # so every image has both smooth and busy areas, as photographs do.
    busy = np.clip(_octave_noise(rng, width, height, 0, 3, 0.7, coarse=16) * 2.0 + 0.6, 0.05, 1.6)
    fine = _octave_noise(rng, width, height, 6, 11, 0.9) * busy
    chroma = [_octave_noise(rng, width, height, 0, 4, 0.7, coarse=16) for _ in range(2)]
    shapes = np.asarray(
        _shapes_mask(rng, width, height).filter(ImageFilter.GaussianBlur(0.7)), np.float32
    )
    shape_tex = _octave_noise(rng, width, height, 3, 8, 0.85, coarse=2)
    shape_tint = rng.uniform(-0.35, 0.35, 3).astype(np.float32)

    rgb = np.empty((height, width, 3), np.float32)
    for c in range(3):
        channel = top[c] * (1.0 - ramp) + bottom[c] * ramp
        channel += 0.20 * luma + 0.45 * fine + 0.08 * chroma[c % 2] * (1 if c != 1 else -1)
        blend = shapes / 255.0
        channel += blend * (shape_tint[c] + 0.25 * shape_tex)
        rgb[..., c] = channel
    # Sensor grain: luminance-correlated plus a little per channel, like a real camera.
    grain = rng.standard_normal((height, width), dtype=np.float32) * 0.02
    rgb += grain[..., None]
    # Per-channel grain from shifted copies: decorrelated enough, and a third of the draws.
    for c in range(3):
        rgb[..., c] += np.roll(grain, 7919 * (c + 1)) * 0.3
    np.clip(rgb, 0.0, 1.0, out=rgb)
    # Gamma-ish curve so mid-tones dominate, as in camera output.
    out = (np.sqrt(rgb) * 255.0 + 0.5).astype(np.uint8)
    return Image.fromarray(out, "RGB")


def build_one(seed: int, width: int, height: int, quality: int, target: Path) -> tuple[Path, int]:
    """Write one corpus file atomically; skip work when an identical file exists."""
    if target.exists():
        return target, target.stat().st_size
    image = make_image(seed, width, height)
    partial = target.with_suffix(".partial")
    image.save(partial, "JPEG", quality=quality, subsampling="4:2:0")
    partial.replace(target)
    return target, target.stat().st_size


def corpus_names(count: int, width: int, height: int, quality: int, seed: int) -> list[str]:
    """File names encode every parameter, so a changed flag never reuses a stale file."""
    return [f"photo_{seed + i:03d}_{width}x{height}_q{quality}.jpg" for i in range(count)]


def build(
    count: int = 8,
    width: int = 6000,
    height: int = 4000,
    quality: int = 90,
    seed: int = 1,
    out_dir: Path = CORPUS,
    jobs: int | None = None,
) -> list[Path]:
    """Build (or reuse) the corpus and return its files in order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    names = corpus_names(count, width, height, quality, seed)
    jobs = jobs or min(count, os.cpu_count() or 1)
    with ProcessPoolExecutor(jobs) as pool:
        futures = [
            pool.submit(build_one, seed + i, width, height, quality, out_dir / name)
            for i, name in enumerate(names)
        ]
        return [f.result()[0] for f in futures]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=8, help="number of images (default 8)")
    parser.add_argument("--size", default="6000x4000", help="WxH (default 6000x4000)")
    parser.add_argument("--quality", type=int, default=90, help="JPEG quality (default 90)")
    parser.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    parser.add_argument("--out", type=Path, default=CORPUS, help="folder (default bench/corpus)")
    args = parser.parse_args(argv)
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        parser.error(f"--size must look like 6000x4000, got {args.size!r}")
    start = time.perf_counter()
    files = build(args.count, width, height, args.quality, args.seed, args.out)
    total = sum(f.stat().st_size for f in files)
    seconds = time.perf_counter() - start
    bpp = 8 * total / (len(files) * width * height)
    print(
        f"{len(files)} images {width}x{height} q{args.quality} in {args.out} "
        f"({total / 2**20:.0f} MiB, {bpp:.2f} bits/pixel, {seconds:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
