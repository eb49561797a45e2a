"""Raw text → :class:`kglaw.model.Document`. One module per concern or document layout."""
