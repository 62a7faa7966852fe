"""`python -m sanderling.cli`: the same command as the `sanderling` script."""

from sanderling.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
