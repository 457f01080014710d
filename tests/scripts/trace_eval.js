// compartments run --trace: an indirect and a direct eval (tests/runtime_cli.rs checks the
// PerformEval and EvalDeclarationInstantiation steps the trace shows).
var indirect = (0, eval)("1 + 1");
function f() {
  return eval("var v = 40; v + indirect");
}
print(f());
