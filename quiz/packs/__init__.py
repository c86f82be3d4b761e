"""Question packs: the tree a file is read into (tree), the safe YAML reader that builds it
(yamltree), the field reader (fields), the format's keys and patterns (format), the pack
loader (loader), writing packs out (dump), the parsed-pack cache (cache), the installed
library (library) and the fairness warnings (fairness).

Nothing is imported here: a round whose packs the cache serves never imports PyYAML.
"""
