"""Question packs: the safe YAML tree (yamltree), the field reader (fields), the pack
loader (loader), writing packs out (dump), the parsed-pack cache (cache), the installed
library (library) and the fairness warnings (fairness).

Nothing is imported here: a round whose packs the cache serves never imports PyYAML.
"""
