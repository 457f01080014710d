import re
N = 23000
text = "the quick brown fox jumps over the lazy dog; " * N
out = re.sub(r"o[a-z]", "0", text)
assert len(out) == len(text) - 4 * N
