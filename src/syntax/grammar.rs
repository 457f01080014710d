//! The pest parser generated from `grammar/ecmascript.pest`.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/ecmascript.pest"]
pub struct EcmaScriptParser;
