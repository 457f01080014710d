// 1,000 compartments, each with its own globals (bench: compartments).
var made = [];
for (var i = 0; i < 1000; i++) {
  made.push(new Compartment({ globals: { i: i } }));
}
print(made.length, made[999].evaluate("i"));
