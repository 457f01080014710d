import "./b.js"; import "./c.js"; print("A");
