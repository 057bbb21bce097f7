"""Peak memory of one exportgui batch, in a fresh process (run by bench_imaging.py).

    python bench/_rss_probe.py MODIFIER WORKERS OUT_DIR FILE...

Prints one JSON line: VmHWM (the resident high-water mark) and ru_maxrss of
this process and the largest child, in MiB, plus the images rendered.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path


def vm_hwm_mib() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    modifier, workers, out_dir, *files = sys.argv[1:]
    from exportgui.imaging import ISAttributes, parse_request
    from exportgui.imaging.batch import RenderTask, render_many

    request = parse_request(modifier, {})
    before = vm_hwm_mib()
    tasks = [
        RenderTask(Path(f), request, ISAttributes(), Path(out_dir) / f"{Path(f).stem}.out", i)
        for i, f in enumerate(files)
    ]
    rendered = sum(1 for r in render_many(tasks, int(workers)) if r.ok)
    print(
        json.dumps(
            {
                "imported_mib": before,
                "vmhwm_mib": vm_hwm_mib(),
                "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "children_maxrss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                / 1024,
                "rendered": rendered,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
