"""Network analytics: the planning graph built from a store, and ``samklang stats``."""
