"""The one error type lawdiff raises for bad input.

The CLI turns it into a single line on stderr and exit status 2; a Python
caller can catch it.  The message always names the file (or id) and the problem.
"""


class LawdiffError(Exception):
    def __init__(self, source: object, problem: str):
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")

    def __reduce__(self):
        # Survives the trip back from a worker process (the site builds on every core).
        return (type(self), (self.source, self.problem))
