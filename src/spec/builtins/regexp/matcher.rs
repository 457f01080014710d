//! The internal slots of a RegExp instance ([[OriginalSource]], [[OriginalFlags]],
//! [[RegExpRecord]], [[RegExpMatcher]]) and the matcher: CompilePattern through the `regress`
//! crate (RegExpInitialize steps 5-21), with its per-thread cache.

use crate::spec::object_kinds::ObjectKind;
use crate::spec::object_type::Object;
use crate::spec::resource_limits::{host_limit_exceeded, Termination};
use crate::spec::string_type::JsString;
use boa_gc::{empty_trace, Finalize, Trace};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;

/// A RegExp Record (22.2.3.3... "RegExp Records"), with what the matcher needs.
#[derive(Debug)]
pub struct RegExpRecord {
    pub ignore_case: bool,
    pub multiline: bool,
    pub dot_all: bool,
    pub unicode: bool,
    pub unicode_sets: bool,
    pub capturing_groups_count: usize,
}

/// [[RegExpRecord]] and [[RegExpMatcher]]: the compiled pattern and, for each capture
/// group, its CapturingGroupName (what "the ith capture of R was defined with a GroupName"
/// asks).
#[derive(Debug)]
pub struct RegExpMatcher {
    pub record: RegExpRecord,
    regex: regress::Regex,
    pub(super) capture_names: Vec<Option<JsString>>,
    /// "R contains any GroupName".
    pub(super) has_group_name: bool,
    /// The last search: in this String, from this index, the first match (if any).
    last_search: RefCell<Option<(JsString, usize, Option<regress::Match>)>>,
}

impl RegExpMatcher {
    /// The first match starting at `start` or after it (trying each character position in
    /// turn, as RegExpBuiltinExec's loop does), or `None`.
    ///
    /// The answer for the last search is remembered: when the next one is in the same
    /// String from an index between that search's start and its match, it has the same
    /// answer (every position in between was tried and failed). So the sticky RegExp of
    /// @@split, which is asked at every index q in turn, scans the String once between two
    /// separators instead of once per index. Matching is a pure function of the pattern,
    /// the String and the index, so no program can tell.
    ///
    /// A search that a host limit interrupted (regress calls
    /// `resource_limits::host_limit_exceeded` every 65,536 backtracks, see
    /// docs/regress-patch.md) is `Err` with the limit, and is not remembered.
    pub(super) fn first_match_from(
        &self,
        s: &JsString,
        start: usize,
        full_unicode: bool,
    ) -> Result<Option<regress::Match>, Termination> {
        if let Some((string, from, found)) = &*self.last_search.borrow() {
            let covered = match found {
                Some(m) => (*from..=m.start()).contains(&start),
                None => *from <= start,
            };
            if covered && JsString::ptr_eq(string, s) {
                return Ok(found.clone());
            }
        }
        INTERRUPT_CHECK.call_once(|| {
            regress::set_interrupt_check(Some(|| host_limit_exceeded().is_some()));
        });
        let units = s.units();
        let found = if full_unicode {
            self.regex.find_from_utf16(units, start).next()
        } else {
            self.regex.find_from_ucs2(units, start).next()
        };
        if found.is_none() {
            if let Some(why) = host_limit_exceeded() {
                return Err(why);
            }
        }
        *self.last_search.borrow_mut() = Some((s.clone(), start, found.clone()));
        Ok(found)
    }
}

/// Registers the host limits as regress's interrupt check, once per process.
static INTERRUPT_CHECK: std::sync::Once = std::sync::Once::new();

/// The internal slots of an initialized RegExp instance: [[OriginalSource]],
/// [[OriginalFlags]], [[RegExpRecord]] and [[RegExpMatcher]].
#[derive(Debug, Finalize)]
pub struct RegExpSlots {
    pub original_source: JsString,
    pub original_flags: JsString,
    pub matcher: Rc<RegExpMatcher>,
}

// SAFETY: strings and the compiled pattern only; no Gc pointer.
unsafe impl Trace for RegExpSlots {
    empty_trace!();
}

/// The slots of `o` when it is an initialized RegExp instance.
pub fn regexp_slots(o: &Object) -> Option<(JsString, JsString, Rc<RegExpMatcher>)> {
    match &o.data().kind {
        ObjectKind::RegExp(Some(slots)) => Some((
            slots.original_source.clone(),
            slots.original_flags.clone(),
            slots.matcher.clone(),
        )),
        _ => None,
    }
}

/// Whether `o` has a [[RegExpMatcher]] internal slot (initialized or not).
pub fn has_regexp_matcher(o: &Object) -> bool {
    matches!(o.data().kind, ObjectKind::RegExp(_))
}

/// The most matchers kept in the per-thread cache before it is emptied.
const MATCHER_CACHE_LIMIT: usize = 512;

/// (P, F) as code units → the matcher RegExpInitialize compiled for them.
type MatcherCache = FxHashMap<(Vec<u16>, Vec<u16>), Rc<RegExpMatcher>>;

thread_local! {
    static MATCHER_CACHE: RefCell<MatcherCache> = RefCell::new(FxHashMap::default());
}

/// Steps 5-21 of RegExpInitialize without the object: checks the flags F and parses the
/// pattern P (ParsePattern), then compiles it (CompilePattern). `Err` is the SyntaxError's
/// message.
pub(super) fn compile_pattern(p: &JsString, f: &JsString) -> Result<Rc<RegExpMatcher>, String> {
    let key = (p.units().to_vec(), f.units().to_vec());
    if let Some(matcher) = MATCHER_CACHE.with(|cache| cache.borrow().get(&key).cloned()) {
        return Ok(matcher);
    }
    // 5. If F contains any code unit other than "d", "g", "i", "m", "s", "u", "v", or "y",
    //    or if F contains any code unit more than once, throw a SyntaxError exception.
    let flags = String::from_utf16(f.units()).map_err(|_| "invalid flags".to_string())?;
    let (u, v) = crate::syntax::regexp::check_flags(&flags)?;
    // 6. If F contains "i", let i be true; else let i be false.
    // 7. If F contains "m", let m be true; else let m be false.
    // 8. If F contains "s", let s be true; else let s be false.
    // 9. If F contains "u", let u be true; else let u be false.
    // 10. If F contains "v", let v be true; else let v be false.
    let (i, m, s) = (
        flags.contains('i'),
        flags.contains('m'),
        flags.contains('s'),
    );
    let pattern_text: Vec<u32> = if u || v {
        // 11. If u is true or v is true, then
        //     a. Let patternText be StringToCodePoints(P).
        char::decode_utf16(p.units().iter().copied())
            .map(|c| match c {
                Ok(c) => u32::from(c),
                Err(lone) => u32::from(lone.unpaired_surrogate()),
            })
            .collect()
    } else {
        // 12. Else,
        //     a. Let patternText be the result of interpreting each of P's 16-bit elements
        //        as a Unicode BMP code point. UTF-16 decoding is not applied to the
        //        elements.
        p.units().iter().map(|&unit| u32::from(unit)).collect()
    };
    // 13. Let parseResult be ParsePattern(patternText, u, v).
    // 14. If parseResult is a non-empty List of SyntaxError objects, throw a SyntaxError
    //     exception.
    let parsed = crate::syntax::regexp::parse_pattern(&pattern_text, u, v)?;
    let capture_names = &parsed.capture_names;
    // 15. Assert: parseResult is a Pattern Parse Node.
    // 18. Let capturingGroupsCount be CountLeftCapturingParensWithin(parseResult).
    // 19. Let rer be the RegExp Record { [[IgnoreCase]]: i, [[Multiline]]: m, [[DotAll]]:
    //     s, [[Unicode]]: u, [[UnicodeSets]]: v, [[CapturingGroupsCount]]:
    //     capturingGroupsCount }.
    let record = RegExpRecord {
        ignore_case: i,
        multiline: m,
        dot_all: s,
        unicode: u,
        unicode_sets: v,
        capturing_groups_count: capture_names.len(),
    };
    // 21. Set obj.[[RegExpMatcher]] to CompilePattern of parseResult with argument rer.
    let regress_flags = regress::Flags {
        icase: i,
        multiline: m,
        dot_all: s,
        unicode: u || v,
        unicode_sets: v,
        no_opt: false,
    };
    let mut regress_text = unname_groups(&pattern_text, &parsed);
    if !(u || v) {
        regress_text = non_unicode_escapes(&regress_text);
    }
    let regex =
        regress::Regex::from_unicode(regress_text.iter().copied(), regress_flags).map_err(|e| {
            format!(
                "{e} (the pattern passed ECMAScript's grammar, but the matcher cannot compile it)"
            )
        })?;
    let has_group_name = capture_names.iter().any(Option::is_some);
    let capture_names = parsed
        .capture_names
        .into_iter()
        .map(|name| {
            name.map(|code_points| {
                let mut units = Vec::new();
                for cp in code_points {
                    match char::from_u32(cp) {
                        Some(c) => {
                            let mut buffer = [0u16; 2];
                            units.extend_from_slice(c.encode_utf16(&mut buffer));
                        }
                        None => units.push(cp as u16),
                    }
                }
                JsString::from_vec(units)
            })
        })
        .collect();
    let matcher = Rc::new(RegExpMatcher {
        record,
        regex,
        capture_names,
        has_group_name,
        last_search: RefCell::new(None),
    });
    MATCHER_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= MATCHER_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, matcher.clone());
    });
    Ok(matcher)
}

/// The pattern as regress is given it: every named group made a plain capturing group (its
/// `?<name>` removed: it keeps its index) and every `\k<name>` replaced by `(?:\i\j…)`,
/// the back references to each group of that name. The names are ours (RegExpBuiltinExec
/// reads them from the parse), so regress never sees one: it rejects surrogate pairs in the
/// names of a non-unicode pattern (given to it as code units) and mismatches `\k` to a
/// duplicated name. Groups sharing a name can never both participate (the early error
/// about duplicate names), and a back reference to a group that did not participate
/// matches the empty String (BackreferenceMatcher), so the concatenation matches exactly
/// what the one participating group captured, as the spec's `\k<name>` does.
fn unname_groups(text: &[u32], parsed: &crate::syntax::regexp::ParsedPattern) -> Vec<u32> {
    if parsed.group_name_spans.is_empty() && parsed.references.is_empty() {
        return text.to_vec();
    }
    let mut edits: Vec<(usize, usize, Option<&[u32]>)> = parsed
        .group_name_spans
        .iter()
        .map(|&(start, end)| (start, end, None))
        .chain(
            parsed
                .references
                .iter()
                .map(|(start, end, name)| (*start, *end, Some(name.as_slice()))),
        )
        .collect();
    edits.sort_by_key(|edit| edit.0);
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    for (start, end, reference) in edits {
        out.extend_from_slice(&text[at..start]);
        if let Some(name) = reference {
            out.extend("(?:".chars().map(u32::from));
            for (i, group) in parsed.capture_names.iter().enumerate() {
                if group.as_deref() == Some(name) {
                    out.push(u32::from('\\'));
                    out.extend((i + 1).to_string().chars().map(u32::from));
                }
            }
            out.push(u32::from(')'));
        }
        at = end;
    }
    out.extend_from_slice(&text[at..]);
    out
}

/// For a pattern without `u`/`v`, the escapes regress reads as it would with `u`, rewritten
/// to what they mean without it: `\uXXXX\uYYYY` naming a surrogate pair is two characters
/// (RegExpUnicodeEscapeSequence combines the pair only in [UnicodeMode]), so the lead
/// surrogate is given as the code unit itself (regress does not combine those); and `\u`
/// not followed by four hex digits is the IdentityEscape `u` (B.1.2), so `\u{61}` is `u`
/// repeated 61 times, not `a`.
fn non_unicode_escapes(text: &[u32]) -> Vec<u32> {
    let hex4 = |at: usize| -> Option<u32> {
        let digits = text.get(at..at + 4)?;
        digits.iter().try_fold(0u32, |value, &c| {
            Some(value * 16 + char::from_u32(c)?.to_digit(16)?)
        })
    };
    let backslash = u32::from('\\');
    let u = u32::from('u');
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] != backslash || i + 1 >= text.len() {
            out.push(text[i]);
            i += 1;
            continue;
        }
        if text[i + 1] == u {
            match hex4(i + 2) {
                Some(lead @ 0xD800..=0xDBFF)
                    if text.get(i + 6) == Some(&backslash)
                        && text.get(i + 7) == Some(&u)
                        && matches!(hex4(i + 8), Some(0xDC00..=0xDFFF)) =>
                {
                    out.push(lead);
                    i += 6;
                    continue;
                }
                Some(_) => {}
                None => {
                    out.push(u);
                    i += 2;
                    continue;
                }
            }
        }
        // Any other escape: `\` and the character it escapes, as they are.
        out.push(text[i]);
        out.push(text[i + 1]);
        i += 2;
    }
    out
}
