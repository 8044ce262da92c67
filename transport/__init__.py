"""The wire protocol between the desk client and the operator's gateway, and the client for it."""
