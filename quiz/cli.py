"""The ``quiz`` command: parses arguments and hands over to one command module.

Each module in quiz/commands/ has HELP, ``configure(parser)`` and ``run(args) -> int``,
and imports anything heavy inside ``run`` so that start-up stays fast. A command stops on
what the user can fix by raising a UserError: ``main`` reports it, the only place that does,
on stderr, and returns its exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

from quiz import __version__
from quiz.commands.output import warn
from quiz.core.limits import EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS
from quiz.core.problems import UserError

# Command name -> module; the order is the order of ``quiz --help``.
COMMANDS = {
    "validate": "quiz.commands.validate",
    "packs": "quiz.commands.packs",
    "play": "quiz.commands.play",
    "scores": "quiz.commands.scores",
    "facts": "quiz.commands.facts",
    "generate": "quiz.commands.generate",
    "check": "quiz.commands.check",
    "import": "quiz.commands.import_",
    "export": "quiz.commands.export",
    "new": "quiz.commands.new",
}


def command_module(name: str) -> ModuleType:
    return importlib.import_module(COMMANDS[name])


def build_parser() -> argparse.ArgumentParser:
    # Accepted before or after the command: `quiz --data-dir D packs`, `quiz packs --data-dir D`.
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="folder for scores, settings and user packs "
        "(default: $QUIZ_DATA_DIR, else the platform's user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="A terminal trivia game whose questions can prove their answers.",
        parents=[shared],
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = command_module(name)
        sub = subcommands.add_parser(
            name, help=module.HELP, description=module.HELP, parents=[shared]
        )
        module.configure(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "data_dir"):
        args.data_dir = None
    try:
        if args.command is None:
            if sys.stdin.isatty() and sys.stdout.isatty():
                from quiz.tui.app import run_app

                return run_app(args.data_dir)
            parser.print_help()
            return EXIT_OK
        result: int = args.run(args)
        return result
    except UserError as error:
        for line in error.lines():
            warn(line)
        return error.exit_code
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`quiz packs | head`): nothing more to say, and no traceback.
        sys.stderr.close()
        return EXIT_PROBLEMS
