"""Sandbox world (R-Q-1): index build time for 10 000 persons and per-lookup cost vs a dict."""

from __future__ import annotations

import time

from bench.figures import Figure
from gateway.population import Population
from gateway.resolvers import resolve
from gateway.world import world_of


def main(size: int = 10_000, lookups: int = 2_000) -> Figure:
    t0 = time.perf_counter()
    population = Population(size)
    population.sample_iins(0)  # IIN index, as gateway start-up builds it
    t1 = time.perf_counter()
    world_of(population).prepare()  # BIN and company-role indexes (otherwise lazy)
    t2 = time.perf_counter()
    iins = population.sample_iins(lookups, seed=1)
    baseline = {iin: i for i, iin in enumerate(iins)}
    t3 = time.perf_counter()
    for iin in iins:
        baseline.get(iin)
    dict_us = (time.perf_counter() - t3) / lookups * 1e6
    per: dict[int, float] = {}
    for rid in (1, 5, 22, 50, 51):
        param = "owner" if rid == 5 else ("iin" if rid in (1, 22) else "subject")
        t = time.perf_counter()
        for iin in iins:
            resolve(population, rid, {param: iin})
        per[rid] = (time.perf_counter() - t) / lookups * 1e6
    return Figure(
        "world_lookup", per[1] / 1e6, "s", dict_us / 1e6, "s",
        what=(f"gateway.resolvers.resolve of №1 over the synthetic world of {size:,} persons "
              f"(mean of {lookups}) / a dict lookup of the same IINs; informational"),
        extra={"iin_index_s": t1 - t0, "companies_roles_s": t2 - t1,
               **{f"resolve_{rid}_us": us for rid, us in per.items()}})


if __name__ == "__main__":
    print(main().line())
