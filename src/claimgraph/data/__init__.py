"""Package data: trained weights and reviewed gazetteers shipped with claimgraph."""
