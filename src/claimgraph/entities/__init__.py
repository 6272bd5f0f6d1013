"""Entity resolution: gazetteers, name matching, coreference and the cross-article registry."""
