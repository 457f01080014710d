function f() { return f(); }
var caught = null;
try { f(); } catch (e) { caught = e; }
print(caught instanceof RangeError, caught.constructor === RangeError);
print("still running");
