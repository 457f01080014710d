// A small program that exercises much of the grammar: classes with private fields,
// async generators, destructuring, optional chaining and template literals.
class Greeter {
  #greeting;
  static count = 0;
  constructor(greeting = "Hello") {
    this.#greeting = greeting;
    Greeter.count++;
  }
  greet({ name, title = "" } = {}) {
    return `${this.#greeting}, ${title ? title + " " : ""}${name ?? "world"}!`;
  }
  static isGreeter(x) {
    return #greeting in x;
  }
}

async function* countdown(n) {
  while (n > 0) yield n--;
}

const greeter = new Greeter();
print(greeter.greet({ name: "Ada", title: "Countess" }));
print(greeter?.greet?.() ?? "no greeting");
(async () => {
  for await (const n of countdown(3)) print(n);
})();
