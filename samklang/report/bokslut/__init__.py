"""The yearly trygghetsbokslut (``samklang bokslut``): a draft of the follow-up report a
planner takes to the styrgrupp and the fullmäktige, read from the graph (:mod:`.model`) and
written as Markdown, HTML or DOCX (:mod:`.render`). See docs/follow-up.md."""
