"""``python -m hexie_desktop`` runs the command line."""

from hexie_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
