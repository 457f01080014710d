print("start");
Promise.reject(new TypeError("nobody listens"));
var handled = Promise.reject(new Error("handled"));
handled.catch(function (e) { print("caught " + e.message); });
Promise.reject(42);
