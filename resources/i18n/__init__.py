"""Qt Linguist translations of the desk UI: sources (.ts) and compiled catalogues (.qm)."""
