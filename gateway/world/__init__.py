"""The deterministic synthetic sandbox world behind the 52 resources (R-Q-1).

Everything is derived from (seed, owner index) on demand; only small indexes (BIN → company,
person → company roles) are built, once and lazily.
"""

from gateway.world.core import Subject, World, world_of

__all__ = ["Subject", "World", "world_of"]
