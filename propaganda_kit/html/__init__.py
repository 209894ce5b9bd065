"""HTML for notebooks and widgets: highlighting, page pieces, reports and friendly errors."""
