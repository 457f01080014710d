const N = 12000;
// JSON.stringify then JSON.parse of an array of 12,000 records (about 1 MB of JSON).
const rows = [];
for (let i = 0; i < N; i++) rows.push({ id: i, name: "item" + i, tags: ["a", "b"], ok: i % 2 === 0, v: i / 3 });
const text = JSON.stringify(rows);
const back = JSON.parse(text);
if (back.length !== N || JSON.stringify(back) !== text) throw new Error("wrong result");
