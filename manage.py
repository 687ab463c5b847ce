#!/usr/bin/env python
import sys

from website.environment import load_environment

if __name__ == "__main__":
    # .env first: it may choose the settings module (see website/environment.py).
    load_environment()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
