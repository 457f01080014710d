import "./no_such_module.js";
