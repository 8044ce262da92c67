"""Builds the air-gapped bundle (`./run installer`): frozen app, signed manifest, packages."""
