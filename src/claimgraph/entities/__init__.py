"""Entities: mention finding, name clustering, pronoun resolution, the hand-off later steps
use to add mentions, and the cross-article registry."""
