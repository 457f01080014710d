// A tour of what `compartments run` evaluates today: classes with private state,
// closures, destructuring, spread, iteration, eval and errors.
class Account {
  #balance = 0;
  static opened = 0;
  constructor(owner) {
    this.owner = owner;
    Account.opened++;
  }
  deposit(amount) {
    if (!(amount > 0)) throw new RangeError(`invalid amount: ${amount}`);
    this.#balance += amount;
    return this;
  }
  get balance() {
    return this.#balance;
  }
  static isAccount(x) {
    return #balance in x;
  }
}

const ada = new Account("Ada").deposit(100).deposit(23);
print(`${ada.owner} has ${ada.balance}; accounts opened: ${Account.opened}`);
print("is account:", Account.isAccount(ada), Account.isAccount({}));

try {
  ada.deposit(-5);
} catch (error) {
  print(`${error.name}: ${error.message}`);
}

const counters = [];
for (let i = 0; i < 3; i++) counters.push(() => i * i);
print("squares:", counters.map((f) => f()).join(", "));

const { owner, missing = "default", ...rest } = { owner: "Grace", year: 1906, lang: "COBOL" };
print(owner, missing, JSON.stringify(rest));

const [first, , third, ...others] = "abcdef";
print(first, third, others.length);

const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));
print("fib(20) =", fib(20), "and 2n ** 64n =", 2n ** 64n);

print("eval:", eval("const local = 6; local * 7"));
print(typeof undeclaredVariable, [..."hi"].reverse().join(""), Object.keys({ x: 1, y: 2 }));
