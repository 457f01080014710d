// An eval-heavy loop: 20,000 direct evals (PerformEval, EvalDeclarationInstantiation with
// var, let and function declarations) and 2,000 dynamic functions (CreateDynamicFunction).
function run() {
  var total = 0;
  for (var i = 0; i < 20000; i++) {
    total += eval("var x = " + (i % 10) + "; let y = 2; function f() { return x * y; } f()");
  }
  for (var j = 0; j < 2000; j++) {
    total += new Function("a", "b", "return a + b + " + j)(1, 2);
  }
  return total;
}
if (run() !== 180000 + 2005000) throw new Error("wrong total");
