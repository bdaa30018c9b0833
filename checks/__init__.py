"""One module per signal: the module name is the public id, the docstring the documentation."""
