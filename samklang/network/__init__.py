"""Network analytics of the planning: the planning graph built from a store, and ``samklang stats``."""
