"""`make bench`: load and latency figures for the demo site in production settings."""
