"""Memory of what does not scale out: the corpus stages, which run in one process (the client of
a Dask build). Prints, for the articles of RAW_DIR, the resident memory after the map's batches
are all held (the corpus stages' inputs: per-article tables as Arrow, discovered entities, term
evidence, meeting mentions) and the peak after `assemble` ran the corpus stages, plus the sizes
of those inputs. Run it on nested corpora (the first N files of one synthetic corpus) to get
the memory per article; a warm `--cache-dir` skips the annotation itself.

    python bench/client_memory.py RAW_DIR [--cache-dir DIR]
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import resource
from pathlib import Path

from talkspkg.cache import ArticleCache
from talkspkg.kb import load_knowledge
from talkspkg.pipeline import assemble, run_batches
from talkspkg.raw import plan_raw, read_sources


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path)
    parser.add_argument("--cache-dir", type=Path, default=None)
    args = parser.parse_args()
    kb = load_knowledge()
    sources = read_sources(args.raw)
    items = [(p, aid, sources.get(p.name, {})) for p, aid in plan_raw(args.raw)]
    store = ArticleCache.open(args.cache_dir) if args.cache_dir is not None else None
    gc.collect()
    start = rss_mib()
    batches = list(run_batches(items, 1, store))
    gc.collect()
    held = rss_mib()
    arrow = sum(t.nbytes for b in batches for t in b.tables.values())
    objects = len(
        pickle.dumps(
            [(b.discovered, b.evidence, b.meetings, b.presentations) for b in batches], protocol=5
        )
    )
    tables = assemble(batches, kb)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "articles": len(items),
        "rss_start_mib": round(start, 1),
        "rss_inputs_held_mib": round(held, 1),
        "rss_peak_mib": round(peak, 1),
        "arrow_mib": round(arrow / 2**20, 2),
        "pickled_objects_mib": round(objects / 2**20, 2),
        "output_rows": sum(t.num_rows for t in tables.values()),
        "output_arrow_mib": round(sum(t.nbytes for t in tables.values()) / 2**20, 2),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
