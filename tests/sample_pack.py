"""A small pack with one question of each type, and pack text that looks like markup."""

PACK = b"""
pack: {id: test-pack, title: Test pack, version: 1, source: the test article}
questions:
  - id: capital
    type: choice
    prompt: What is the capital of France?
    answer: Paris
    wrong: [Lyon, Marseille, Nice]
    explain: Paris has been the capital for centuries.
    evidence: Paris is the capital of France.
  - id: markup
    type: text
    prompt: "[bold]Type[/] [@click=app.quit]x[/] exactly"
    answer: "[/]"
    explain: "[red]not red[/red]"
  - id: truth
    type: truefalse
    prompt: The sky is green.
    answer: false
  - id: count
    type: number
    prompt: How many legs does a spider have?
    answer: 8
"""
