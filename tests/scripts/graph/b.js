import "./a.js"; print("B");
