"""The data layer: where the data folder is, the one CSV reader, and one module per data file."""
