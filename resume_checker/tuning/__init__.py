"""Making and tuning keyword sets: drafting from role documents, coverage over a pool, learning
from decisions, diffs.  Above the batch machinery, which it uses to read a pool of resumes."""
