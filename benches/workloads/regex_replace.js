const N = 23000;
// A global regex replace over a 1 MB string (23,000 × 45 characters, 92,000 matches).
const text = "the quick brown fox jumps over the lazy dog; ".repeat(N);
const out = text.replace(/o[a-z]/g, "0");
if (out.length !== text.length - 4 * N) throw new Error("wrong result");
