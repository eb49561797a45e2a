"""kglaw: a knowledge graph and semantic query tool for Kazakh legislation."""

__version__ = "0.1.0"
