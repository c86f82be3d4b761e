"""What every stage of the game shares: the question model, text rules, problems and
errors, and the limits the command line needs at start-up. Imports nothing heavy."""
