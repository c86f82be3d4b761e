"""What the game keeps on disk for the player: where (paths), how (atomic writes), the
remembered settings, and what happens to a damaged file of ours (moved aside)."""
