"""Security tests: hostile input, hostile text, what the server exposes, load."""
