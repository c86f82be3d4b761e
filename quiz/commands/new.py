"""quiz new ID: a starter pack with a commented example of every question type."""

from __future__ import annotations

import argparse

from quiz.commands.common import text_argument
from quiz.commands.output import say
from quiz.core.limits import EXIT_OK
from quiz.core.problems import UsageError

HELP = "write a starter pack, with an example of every question type, to edit"

STARTER = """\
{schema}# A starter pack written by `quiz new`: edit it, then check it with
#   quiz validate {path}
# Every key is described in question_bank/README.md. Lines starting with # are comments.
pack:
  id: {id}   # lower-case words joined by '-'; no other installed pack may use it
  title: {title}
  version: 1   # raise it when you change the questions: high scores remember it
  # description: What the pack is about.
  # author: Your name
  # time: 20   # seconds per question, unless a question says otherwise

questions:
  # A choice question: the answer and 1 to 5 wrong answers, shown in a random order.
  - id: closest-planet   # unique within the pack: letters, digits, - _ .
    type: choice
    prompt: Which planet is closest to the Sun?
    answer: Mercury
    wrong: [Venus, Mars, Earth]
    difficulty: easy   # easy | medium | hard (medium when left out)
    tags: [space]
    explain: Mercury orbits the Sun at about 58 million km.   # shown after the answer

  # A truefalse question: the answer is true or false (yes and no are refused).
  - id: moon-light
    type: truefalse
    prompt: "True or false: the Moon gives off its own light."   # quoted: it holds a colon
    answer: false
    explain: The Moon reflects the light of the Sun.

  # A number question: typed in digits; tolerance is how far off still counts as right.
  - id: planet-count
    type: number
    prompt: How many planets are in the Solar System?
    answer: 8
    tolerance: 0
    time: 15   # seconds for this question only

  # A text question: typed; case, accents and extra spaces do not matter.
  - id: home-galaxy
    type: text
    prompt: What is the name of the galaxy the Earth is in?
    answer: Milky Way
    accept: [The Milky Way, Via Lactea]   # other answers that count as right
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="the new pack's id, such as my-pack")
    parser.add_argument(
        "--title", type=text_argument, help="the pack's title (default: made from the id)"
    )
    parser.add_argument("--out", metavar="PATH", help="write here instead of the user packs folder")
    parser.add_argument("--force", action="store_true", help="replace an existing file")


def run(args: argparse.Namespace) -> int:
    import json

    from quiz.interchange.files import pack_destination, save_pack_text
    from quiz.packs.format import PACK_ID
    from quiz.storage.paths import shipped_packs_dir

    if not PACK_ID.fullmatch(args.id):
        raise UsageError(
            f"quiz new: '{args.id}' is not a pack id: use lower-case words joined by '-'"
        )
    destination = pack_destination(args.id, args.out, args.data_dir)
    schema = shipped_packs_dir() / "pack.schema.json"
    text = STARTER.format(
        schema=f"# yaml-language-server: $schema={schema}\n" if schema.is_file() else "",
        path=destination,
        id=args.id,
        title=json.dumps(args.title or args.id.replace("-", " ").capitalize(), ensure_ascii=False),
    )
    save_pack_text(text, destination, args.force, args.data_dir, check_id=not args.out)
    say(str(destination))
    return EXIT_OK
