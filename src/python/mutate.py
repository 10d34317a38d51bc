# Cert Path mutant generator.
#
# Makes small, single changes to a reference solution (the mistakes a learner could make) so that the
# verifier can check that the exercise's checks notice each one. Every mutant is the original text
# with one span replaced, so comments and layout stay as written, and is named
# "L<line> <operator>: <before> -> <after>" (prefixed with the file for extra files); the same source
# always gives the same mutants in the same order.
#
# Reads {"jobs": [{"id", "files": [{"file", "source", "prefix"?}], "skipMain": bool}]} as JSON on stdin
# and writes {id: [{"file", "name", "source"}]}. Runs on Python 3.8 and newer.
import ast
import io
import json
import re
import sys
import tokenize

COMPARE_SWAPS = {
    ast.Lt: ["<=", ">"], ast.LtE: ["<", ">="], ast.Gt: [">=", "<"], ast.GtE: [">", "<="],
    ast.Eq: ["!="], ast.NotEq: ["=="], ast.In: ["not in"], ast.NotIn: ["in"], ast.Is: ["is not"], ast.IsNot: ["is"],
}
COMPARE_TEXT = {
    ast.Lt: r"<(?!=)", ast.LtE: r"<=", ast.Gt: r">(?!=)", ast.GtE: r">=", ast.Eq: r"==", ast.NotEq: r"!=",
    ast.In: r"\bin\b", ast.NotIn: r"\bnot\s+in\b", ast.Is: r"\bis\b(?!\s+not\b)", ast.IsNot: r"\bis\s+not\b",
}
BINOP_SWAPS = {
    ast.Add: ("\\+", ["-"]), ast.Sub: ("-", ["+"]), ast.Mult: ("\\*(?!\\*)", ["/", "+"]), ast.Div: ("/(?!/)", ["//", "*"]),
    ast.FloorDiv: ("//", ["/", "%"]), ast.Mod: ("%", ["//"]), ast.Pow: ("\\*\\*", ["*"]),
}
AUG_SWAPS = {ast.Add: ("\\+=", ["=", "-="]), ast.Sub: ("-=", ["=", "+="]), ast.Mult: ("\\*=", ["="]), ast.Div: ("/=", ["="]),
             ast.FloorDiv: ("//=", ["="]), ast.Mod: ("%=", ["="])}
REMOVABLE_CALLS = {"sorted", "reversed", "set", "abs", "round", "frozenset"}
REMOVABLE_METHODS = {"strip", "lstrip", "rstrip", "lower", "upper", "casefold", "title", "capitalize"}
SWAPPED_CALLS = {"min": "max", "max": "min", "any": "all", "all": "any"}
EXCEPTION_SWAPS = {
    "ValueError": "TypeError", "TypeError": "ValueError", "KeyError": "IndexError", "IndexError": "KeyError",
    "ZeroDivisionError": "ValueError", "AttributeError": "TypeError", "LookupError": "ValueError",
    "ArithmeticError": "ValueError", "RuntimeError": "ValueError", "OSError": "ValueError",
    "FileNotFoundError": "PermissionError", "PermissionError": "FileNotFoundError", "NameError": "TypeError",
    "StopIteration": "ValueError", "NotImplementedError": "TypeError", "AssertionError": "ValueError",
}


class Source(object):
    """A source text with line/column → offset conversion and segment access."""

    def __init__(self, text):
        self.text = text
        self.starts = [0]
        for line in text.splitlines(True):
            self.starts.append(self.starts[-1] + len(line))
        self.lines = text.splitlines(True)

    def offset(self, line, col):
        # ast columns are UTF-8 byte offsets within the line.
        raw = self.lines[line - 1].encode("utf-8")[:col].decode("utf-8", "replace") if line - 1 < len(self.lines) else ""
        return self.starts[line - 1] + len(raw)

    def span(self, node):
        return self.offset(node.lineno, node.col_offset), self.offset(node.end_lineno, node.end_col_offset)

    def segment(self, node):
        start, end = self.span(node)
        return self.text[start:end]


def short(text):
    one = " ".join(text.split())
    return one if len(one) <= 48 else one[:45] + "..."


class Mutator(ast.NodeVisitor):
    def __init__(self, source, skip_main):
        self.src = source
        self.skip_main = skip_main
        self.found = []  # (start, end, replacement, operator)
        self.parents = []

    # -- helpers -------------------------------------------------------------------------------
    def add(self, start, end, replacement, operator):
        if start < end or replacement:
            self.found.append((start, end, replacement, operator))

    def gap_token(self, left, right, pattern, replacement, operator):
        """Replace the operator between two nodes (found as text in the gap between them)."""
        start = self.src.span(left)[1]
        end = self.src.span(right)[0]
        gap = self.src.text[start:end]
        match = None
        for m in re.finditer(pattern, gap):
            if not in_comment(gap, m.start()):
                match = m
                break
        if match:
            self.add(start + match.start(), start + match.end(), replacement, operator)

    def generic_visit(self, node):
        self.parents.append(node)
        super(Mutator, self).generic_visit(node)
        self.parents.pop()

    # -- statements ----------------------------------------------------------------------------
    def visit_If(self, node):
        if self.skip_main and is_main_guard(node):
            return  # not run when the checks import the learner's module
        for value in ("True", "False"):
            if self.src.segment(node.test) != value:
                start, end = self.src.span(node.test)
                self.add(start, end, value, "if-branch")
        self.generic_visit(node)

    def visit_IfExp(self, node):
        for value in ("True", "False"):
            start, end = self.src.span(node.test)
            self.add(start, end, value, "if-branch")
        self.generic_visit(node)

    def visit_Expr(self, node):
        if not isinstance(node.value, ast.Constant) or not isinstance(node.value.value, str):  # docstrings stay
            self.drop(node)
        self.generic_visit(node)

    def visit_Assign(self, node):
        self.drop(node)
        self.generic_visit(node)

    def visit_AnnAssign(self, node):
        if node.value is not None:
            self.drop(node)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self.drop(node)
        swap = AUG_SWAPS.get(type(node.op))
        if swap:
            for replacement in swap[1]:
                self.gap_token(node.target, node.value, swap[0], replacement, "augmented")
        self.generic_visit(node)

    def visit_Return(self, node):
        if node.value is not None:
            self.drop(node)
        self.generic_visit(node)

    def visit_Raise(self, node):
        self.drop(node)
        target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        if isinstance(target, ast.Name) and target.id in EXCEPTION_SWAPS:
            start, end = self.src.span(target)
            self.add(start, end, EXCEPTION_SWAPS[target.id], "exception")
        self.generic_visit(node)

    def visit_Break(self, node):
        self.drop(node)

    def visit_Continue(self, node):
        self.drop(node)

    def visit_ExceptHandler(self, node):
        if isinstance(node.type, ast.Name) and node.type.id in EXCEPTION_SWAPS:
            start, end = self.src.span(node.type)
            self.add(start, end, EXCEPTION_SWAPS[node.type.id], "exception")
        self.generic_visit(node)

    def drop(self, node):
        start, end = self.src.span(node)
        self.add(start, end, "pass", "statement")

    # -- expressions ---------------------------------------------------------------------------
    def visit_Compare(self, node):
        operands = [node.left] + list(node.comparators)
        for i, op in enumerate(node.ops):
            for replacement in COMPARE_SWAPS.get(type(op), []):
                self.gap_token(operands[i], operands[i + 1], COMPARE_TEXT[type(op)], replacement, "compare")
        self.generic_visit(node)

    def visit_BinOp(self, node):
        swap = BINOP_SWAPS.get(type(node.op))
        both_constant = isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant)
        if swap and not both_constant:
            if not is_string(node.left) and not is_string(node.right):
                for replacement in swap[1]:
                    self.gap_token(node.left, node.right, swap[0], replacement, "arithmetic")
        self.generic_visit(node)

    def visit_BoolOp(self, node):
        word, other = ("and", "or") if isinstance(node.op, ast.And) else ("or", "and")
        for left, right in zip(node.values, node.values[1:]):
            self.gap_token(left, right, r"\b%s\b" % word, other, "boolean")
        self.generic_visit(node)

    def visit_UnaryOp(self, node):
        if isinstance(node.op, ast.Not):
            start, _ = self.src.span(node)
            end, _ = self.src.span(node.operand)
            self.add(start, end, "", "not")
        elif isinstance(node.op, ast.USub) and not isinstance(node.operand, ast.Constant):
            start, _ = self.src.span(node)
            end, _ = self.src.span(node.operand)
            self.add(start, end, "", "sign")
        self.generic_visit(node)

    def visit_Constant(self, node):
        value = node.value
        if any(isinstance(p, ast.JoinedStr) for p in self.parents):
            return
        start, end = self.src.span(node)
        if isinstance(value, bool):
            self.add(start, end, "False" if value else "True", "constant")
        elif isinstance(value, int):
            negated = self.parents and isinstance(self.parents[-1], ast.UnaryOp) and isinstance(self.parents[-1].op, ast.USub)
            for delta in (1, -1):
                self.add(start, end, str(value + delta), "constant")
            if value == 0 and self.parents and type(self.parents[-1]).__name__ in ("Subscript", "Index"):
                self.add(start, end, "-1", "first-last")
            elif value == 1 and negated and len(self.parents) > 1 and type(self.parents[-2]).__name__ in ("Subscript", "Index"):
                s2, e2 = self.src.span(self.parents[-1])
                self.add(s2, e2, "0", "first-last")

    def visit_Slice(self, node):
        for bound in (node.lower, node.upper):
            if bound is not None and not isinstance(bound, (ast.Constant, ast.UnaryOp)):
                start, end = self.src.span(bound)
                seg = self.src.segment(bound)
                self.add(start, end, "(%s) + 1" % seg, "slice-bound")
                self.add(start, end, "(%s) - 1" % seg, "slice-bound")
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Name) and func.id in REMOVABLE_CALLS and len(node.args) >= 1:
            start, end = self.src.span(node)
            self.add(start, end, "(%s)" % self.src.segment(node.args[0]), "removed-call")
        if isinstance(func, ast.Name) and func.id in SWAPPED_CALLS:
            start, end = self.src.span(func)
            self.add(start, end, SWAPPED_CALLS[func.id], "swapped-call")
        if isinstance(func, ast.Name) and func.id == "range":
            for arg in node.args:
                if not isinstance(arg, (ast.Constant, ast.UnaryOp)):
                    start, end = self.src.span(arg)
                    seg = self.src.segment(arg)
                    self.add(start, end, "(%s) + 1" % seg, "range-bound")
                    self.add(start, end, "(%s) - 1" % seg, "range-bound")
        if isinstance(func, ast.Attribute) and func.attr in REMOVABLE_METHODS and not node.args:
            start, end = self.src.span(node)
            self.add(start, end, "(%s)" % self.src.segment(func.value), "removed-call")
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        # Default values and decorators are part of the contract the checks call, but the body
        # is where mistakes live; visit everything except the docstring (handled in visit_Expr).
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef


def is_string(node):
    return isinstance(node, (ast.JoinedStr, ast.Constant)) and isinstance(getattr(node, "value", ""), str)


def is_main_guard(node):
    test = node.test
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "__name__"
            and len(test.comparators) == 1 and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value == "__main__")


def in_comment(text, index):
    """Whether position `index` of a code fragment is inside a # comment."""
    line_start = text.rfind("\n", 0, index) + 1
    line = text[line_start:index]
    try:
        for token in tokenize.generate_tokens(io.StringIO(line).readline):
            if token.type == tokenize.COMMENT:
                return True
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return "#" in line
    return False


def line_of(source, offset):
    return source.count("\n", 0, offset) + 1


def mutants(name, text, skip_main):
    """Every compiling single-change mutant of one file, in source order, without duplicates."""
    tree = ast.parse(text)
    mutator = Mutator(Source(text), skip_main)
    mutator.visit(tree)
    seen = set([text])
    labels = {}
    out = []
    for start, end, replacement, operator in sorted(mutator.found, key=lambda f: (f[0], f[1], f[3], f[2])):
        changed = text[:start] + replacement + text[end:]
        if changed in seen:
            continue
        try:
            compile(changed, name, "exec")
        except (SyntaxError, ValueError):
            continue
        seen.add(changed)
        label = "L%d %s: %s -> %s" % (line_of(text, start), operator, short(text[start:end]) or "''", short(replacement) or "''")
        # Two different mutants can read alike (the same constant twice on a line): number the later ones.
        count = labels.get(label, 0) + 1
        labels[label] = count
        out.append({"file": name, "name": label if count == 1 else "%s (#%d)" % (label, count), "source": changed})
    return out


def job_mutants(job):
    found = []
    for entry in job["files"]:
        try:
            made = mutants(entry["file"], entry["source"], job.get("skipMain", False))
        except SyntaxError:
            continue  # a file that does not parse on this Python has no mutants here
        for mutant in made:
            if entry.get("prefix"):
                mutant["name"] = entry["prefix"] + " " + mutant["name"]
            found.append(mutant)
    return found


def main():
    request = json.load(sys.stdin)
    sys.stdout.write(json.dumps(dict((job["id"], job_mutants(job)) for job in request["jobs"])))


if __name__ == "__main__":
    main()
