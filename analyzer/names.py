"""Name helpers every check may use: dotted names, decorators, annotations, parameters."""

from __future__ import annotations

import libcst as cst


def full_name(node: cst.CSTNode | str) -> str | None:
    """libcst's ``get_full_name_for_node``, the same answers without its import and without
    an abstract-class ``isinstance`` per step: no node class has subclasses, so its exact
    type is the same test, several times cheaper on every name, attribute and call."""
    if type(node) is cst.Name:
        return node.value
    if type(node) is cst.Attribute:
        return f"{full_name(node.value)}.{node.attr.value}"
    if isinstance(node, str):
        return node
    if type(node) is cst.Call:
        return full_name(node.func)
    if type(node) is cst.Subscript:
        return full_name(node.value)
    if type(node) is cst.FunctionDef or type(node) is cst.ClassDef:
        return full_name(node.name)
    if type(node) is cst.Decorator:
        return full_name(node.decorator)
    return None


def dotted(node: cst.BaseExpression) -> str:
    """``a.b.c`` for a name or attribute chain (subscripts and calls give ``""``)."""
    if type(node) is cst.Name:
        return node.value
    if type(node) is cst.Attribute:
        head = dotted(node.value)
        return f"{head}.{node.attr.value}" if head else ""
    return ""


def last_name(node: cst.BaseExpression) -> str:
    """The last component of a dotted name: ``typing.Optional`` -> ``Optional``."""
    return dotted(node).rsplit(".", 1)[-1]


def decorators(node: cst.FunctionDef | cst.ClassDef) -> set[str]:
    """The last name of each decorator, called or not: ``@dataclass(frozen=True)`` -> dataclass."""
    names = set()
    for decorator in node.decorators:
        target = decorator.decorator
        names.add(last_name(target.func if isinstance(target, cst.Call) else target))
    return names


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


def parameters(node: cst.FunctionDef, *, method: bool) -> tuple[int, int]:
    """How many parameters the function declares and how many are annotated.

    The first parameter of a method (``self`` or ``cls``) is left out, as interrogate and
    pyright do, unless the method is a ``@staticmethod``.
    """
    params = node.params
    positional = [*params.posonly_params, *params.params]
    if method and positional and "staticmethod" not in decorators(node):
        positional = positional[1:]
    stars = [star for star in (params.star_arg, params.star_kwarg) if isinstance(star, cst.Param)]
    every = [*positional, *params.kwonly_params, *stars]
    return len(every), sum(param.annotation is not None for param in every)
