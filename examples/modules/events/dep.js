// Top-level await: dep.js evaluates asynchronously and main.js waits for it.
export const x = await 1;
print("dep");
