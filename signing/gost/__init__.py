"""GOST hashes and signatures in pure Python: what NCA's GOST certificates need, no KalkanCrypt.

``streebog`` (GOST 34.11-2015), ``gost94`` (GOST 34.311-95), ``curves`` and ``ec`` (GOST
34.310-2004 / 34.10-2015 on the two curves NCA uses), ``nca`` (NCA's byte orders and OIDs).
"""
