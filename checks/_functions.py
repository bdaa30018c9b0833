"""Helpers shared by checks that look at function definitions."""

import libcst as cst


def is_annotated(node: cst.FunctionDef) -> bool:
    """True when the function has a return annotation or any annotated parameter."""
    if node.returns is not None:
        return True
    params = node.params
    every = (*params.posonly_params, *params.params, *params.kwonly_params)
    if any(param.annotation is not None for param in every):
        return True
    return any(
        isinstance(star, cst.Param) and star.annotation is not None
        for star in (params.star_arg, params.star_kwarg)
    )
