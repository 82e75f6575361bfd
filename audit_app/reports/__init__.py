"""Writers of Excel and PDF output; they import only the domain."""
