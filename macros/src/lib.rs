//! Procedural macros of the `compartments` interpreter.
//!
//! [`macro@checks_tracing_once`] gives a hot spec algorithm one tracing test per call instead
//! of one per spec-step marker (see `src/trace.rs`'s module docs and docs/ARCHITECTURE.md,
//! "What a marker costs").

use proc_macro2::{Delimiter, Group, Ident, Spacing, Span, TokenStream, TokenTree};
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Signature, Visibility};

/// The marker macros of `src/trace.rs`, each with an untraced form
/// (`step!(untraced: "sec-x", "1")`): `step!` and `step_done!` expand to `()` there,
/// `spec_assert!` to the check of its condition without recording the step.
const MARKERS: [&str; 3] = ["step", "step_done", "spec_assert"];

/// Tests `trace::enabled()` once per call instead of once per marker.
///
/// ```ignore
/// #[checks_tracing_once]
/// fn f(args) -> R { body }
/// ```
///
/// expands to
///
/// ```ignore
/// #[cfg(not(feature = "no-trace-markers"))]
/// fn f(args) -> R {
///     if crate::trace::enabled() { crate::trace::traced_call(); body } else { body' }
/// }
/// #[cfg(feature = "no-trace-markers")]
/// fn f(args) -> R { body' }
/// ```
///
/// where `body'` is `body` with every marker in its untraced form — `step!("sec-x", "1")`
/// becomes `step!(untraced: "sec-x", "1")`, which expands to `()`, as `step_done!`'s does;
/// `spec_assert!`'s checks the condition without recording the step — and every
/// `trace::enabled()` (an untraced fast path's test) replaced by `trace::enabled_untraced()`, which is `false`. Markers are
/// recognised by the last segment of their path (`step!`, `crate::step!`), in nested
/// blocks, closures and other macros' arguments.
/// The traced copy is kept off the hot path: for a free function with plainly named
/// parameters it becomes a nested `#[cold]` `#[inline(never)]` function with the same
/// signature, called with the parameters (so the function keeps the size of its untraced
/// copy for the inliner); otherwise (methods, generics, `Self`, pattern parameters) it
/// stays inline after a call of the empty `#[cold]` `trace::traced_call`. Tracing is decided when the function is entered: a `trace::capture` begun by
/// code that this function calls does not see this function's own markers.
///
/// A function without markers is an error (the attribute would only double its code).
#[proc_macro_attribute]
pub fn checks_tracing_once(
    attr: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    let attr = TokenStream::from(attr);
    if !attr.is_empty() {
        return syn::Error::new_spanned(attr, "#[checks_tracing_once] takes no arguments")
            .to_compile_error()
            .into();
    }
    let function = syn::parse_macro_input!(item as Function);
    let mut markers = 0;
    let untraced = untraced_group(&function.body, &mut markers);
    if markers == 0 {
        return syn::Error::new(
            function.sig.ident.span(),
            "#[checks_tracing_once] on a function without step!, step_done! or spec_assert! markers",
        )
        .to_compile_error()
        .into();
    }
    let Function {
        attrs,
        vis,
        sig,
        body,
    } = function;
    let traced_body = match argument_names(&sig, &body) {
        // The traced copy out of line: a nested `#[cold]` function with the same signature,
        // so that the function itself stays as small as its untraced copy (and as likely
        // to be inlined).
        Some(names) => {
            let mut inner = sig.clone();
            inner.ident = Ident::new("checks_tracing_once_traced_copy", Span::call_site());
            let inner_name = &inner.ident;
            // Lint settings apply to the copy too; inlining hints do not.
            let lints = attrs.iter().filter(|a| {
                ["allow", "expect", "warn", "deny"]
                    .iter()
                    .any(|lint| a.path().is_ident(lint))
            });
            quote! {{
                #(#lints)*
                #[cold]
                #[inline(never)]
                #inner #body
                #inner_name(#(#names),*)
            }}
        }
        // A method (`self`), a generic or `Self`-using function, a pattern parameter: the
        // traced copy inline, after an empty `#[cold]` call.
        None => {
            let traced = body.stream();
            quote! {{
                crate::trace::traced_call();
                #traced
            }}
        }
    };
    // (The untraced copy of `if a { step!(..) } else { step!(..) }` has two empty blocks.)
    quote! {
        #[cfg(not(feature = "no-trace-markers"))]
        #[allow(clippy::if_same_then_else)]
        #(#attrs)*
        #vis #sig {
            if crate::trace::enabled() #traced_body else #untraced
        }
        #[cfg(feature = "no-trace-markers")]
        #[allow(clippy::if_same_then_else)]
        #(#attrs)*
        #vis #sig #untraced
    }
    .into()
}

/// The parameters' names when the traced copy can be a nested function called with them:
/// a free function (no `self`, no `Self`), not `const` or `async`, without type or const
/// generics (lifetimes are inferred), whose parameters are plain names.
fn argument_names(sig: &Signature, body: &Group) -> Option<Vec<Ident>> {
    if sig.constness.is_some() || sig.asyncness.is_some() || sig.variadic.is_some() {
        return None;
    }
    if sig
        .generics
        .params
        .iter()
        .any(|p| !matches!(p, syn::GenericParam::Lifetime(_)))
    {
        return None;
    }
    if mentions_self(quote!(#sig)) || mentions_self(body.stream()) {
        return None;
    }
    sig.inputs
        .iter()
        .map(|input| match input {
            syn::FnArg::Typed(typed) => match &*typed.pat {
                syn::Pat::Ident(name) if name.by_ref.is_none() && name.subpat.is_none() => {
                    Some(name.ident.clone())
                }
                _ => None,
            },
            syn::FnArg::Receiver(_) => None,
        })
        .collect()
}

/// Whether `tokens` use `self` or `Self` (which a nested function cannot).
fn mentions_self(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => ident == "self" || ident == "Self",
        TokenTree::Group(group) => mentions_self(group.stream()),
        _ => false,
    })
}

/// A function item: attributes, visibility, signature and the body's tokens.
struct Function {
    attrs: Vec<Attribute>,
    vis: Visibility,
    sig: Signature,
    body: Group,
}

impl Parse for Function {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        let sig = input.parse()?;
        let body: Group = input.parse()?;
        if body.delimiter() != Delimiter::Brace {
            return Err(syn::Error::new(body.span(), "expected the function's body"));
        }
        Ok(Function {
            attrs,
            vis,
            sig,
            body,
        })
    }
}

/// `group` with its markers replaced by their untraced forms; counts the markers.
fn untraced_group(group: &Group, markers: &mut usize) -> Group {
    let mut out = Group::new(group.delimiter(), untraced(group.stream(), markers));
    out.set_span(group.span());
    out
}

/// `tokens` with every marker replaced by its untraced form (recursively); counts them.
fn untraced(tokens: TokenStream, markers: &mut usize) -> TokenStream {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if is_enabled_test_at(&tokens, i) {
            // `trace::enabled()` becomes `trace::enabled_untraced()`: false, as tested on
            // entry (by the same path, so that its `use` stays used).
            out.push(Ident::new("enabled_untraced", Span::call_site()).into());
            i += 1;
            continue;
        }
        if let Some((name, arguments)) = marker_at(&tokens, i) {
            // `step!(untraced: args)`: the same macro, by the same path (so that its `use`
            // stays used), in its untraced form.
            *markers += 1;
            let span = Span::call_site();
            out.push(name.clone().into());
            out.push(alone('!', span));
            let mut untraced_arguments = vec![
                TokenTree::from(Ident::new("untraced", span)),
                alone(':', span),
            ];
            untraced_arguments.extend(arguments.stream());
            let mut group = Group::new(
                arguments.delimiter(),
                untraced_arguments.into_iter().collect(),
            );
            group.set_span(arguments.span());
            out.push(group.into());
            i += 3;
            continue;
        }
        out.push(match &tokens[i] {
            TokenTree::Group(group) => untraced_group(group, markers).into(),
            other => other.clone(),
        });
        i += 1;
    }
    out.into_iter().collect()
}

/// Whether `tokens[i..]` starts `enabled()` after a path ending in `trace::`
/// (`trace::enabled()`, `crate::trace::enabled()`): an untraced fast path's test.
fn is_enabled_test_at(tokens: &[TokenTree], i: usize) -> bool {
    let TokenTree::Ident(name) = &tokens[i] else {
        return false;
    };
    name == "enabled"
        && i >= 3
        && matches!(&tokens[i - 3], TokenTree::Ident(module) if module == "trace")
        && matches!(&tokens[i - 2], TokenTree::Punct(p) if p.as_char() == ':' && p.spacing() == Spacing::Joint)
        && matches!(&tokens[i - 1], TokenTree::Punct(p) if p.as_char() == ':')
        && matches!(tokens.get(i + 1), Some(TokenTree::Group(g))
            if g.delimiter() == Delimiter::Parenthesis && g.stream().is_empty())
}

/// The marker invocation `name ! (arguments)` starting at `tokens[i]`, if there is one.
fn marker_at(tokens: &[TokenTree], i: usize) -> Option<(&Ident, &Group)> {
    let TokenTree::Ident(name) = &tokens[i] else {
        return None;
    };
    if !MARKERS.iter().any(|m| name == m) {
        return None;
    }
    match (tokens.get(i + 1), tokens.get(i + 2)) {
        (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(arguments)))
            if bang.as_char() == '!' =>
        {
            Some((name, arguments))
        }
        _ => None,
    }
}

fn alone(c: char, span: Span) -> TokenTree {
    let mut punct = proc_macro2::Punct::new(c, Spacing::Alone);
    punct.set_span(span);
    punct.into()
}
