//! `docs/other-engines.md` (stub).
use super::corpus::Corpus;
use super::engines::EngineContext;
use super::report::Report;
use std::path::Path;

pub fn write_or_check(
    _file: &Path,
    _findings: Option<&Path>,
    _corpus: &Corpus,
    _context: &EngineContext,
    _report: &Report,
    _check: bool,
) -> Result<bool, String> {
    Ok(false)
}
