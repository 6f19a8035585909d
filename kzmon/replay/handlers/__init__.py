"""Dynamic behaviour of replicated sites (APIs), one module per site."""
