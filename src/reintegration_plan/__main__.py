"""``python -m reintegration_plan``: the same as the ``plan`` command."""

from .launch import main

if __name__ == "__main__":
    main()
