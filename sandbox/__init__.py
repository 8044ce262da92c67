"""The sandbox: embedded gateway + sandbox token + the app, wired together (never in production)."""
