import json
N = 12000
rows = [{"id": i, "name": "item" + str(i), "tags": ["a", "b"], "ok": i % 2 == 0, "v": i / 3} for i in range(N)]
text = json.dumps(rows, separators=(",", ":"))
back = json.loads(text)
assert len(back) == N and json.dumps(back, separators=(",", ":")) == text
